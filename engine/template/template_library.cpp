#include "template/template_library.h"

#include "core/diagnostic.h"
#include "template/data_tree.h"
#include "template/helpers.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

namespace vanban::tmpl {

namespace fs = std::filesystem;
namespace mu = kainjow::mustache;

namespace {

constexpr std::uintmax_t kMaxTemplateBytes = 1 << 20;
// kainjow keeps a copy of each section's inner text, so memory grows with size × depth:
// 50,000 nested sections in a 1 MB template take tens of GB (fuzz_template).
constexpr int kMaxSectionDepth = 64;

std::string read_file(const fs::path& p) {
    std::error_code ec;
    const auto size = fs::file_size(p, ec);
    if (ec) fail_at_pointer(p.string(), "", "cannot read template: " + ec.message());
    if (size > kMaxTemplateBytes) fail_at_pointer(p.string(), "", "template is larger than 1 MiB");
    std::ifstream in(p, std::ios::binary);
    if (!in) fail_at_pointer(p.string(), "", "cannot open template");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Where kainjow's render(ctx, stream) writes: straight into the markup string. Its
// render(ctx) goes through an ostringstream and copies it out, which held a 100,000-row
// table's markup up to three times over at the peak (issue 18).
struct StringSink {
    std::string& out;
    StringSink& operator<<(const std::string& s) {
        out += s;
        return *this;
    }
};

// kainjow reports "Unclosed tag at 6": split off the byte offset so that we can
// report a line and column instead.
std::pair<std::string, std::optional<std::size_t>> split_offset(const std::string& message) {
    static const std::regex at(R"(^(.*) at ([0-9]+)$)");
    std::smatch m;
    std::string text = message;
    std::optional<std::size_t> off;
    if (std::regex_match(message, m, at)) {
        text = m[1];
        off = static_cast<std::size_t>(std::stoull(m[2]));
    }
    if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return {text, off};
}

// A partial tag {{> name}}: where it starts, its length, and the name (a run of
// characters other than white space and '}', which is_valid_template_name then judges).
struct PartialTag {
    std::size_t at, length;
    std::string name;
};

// The first partial tag at or after `from`. A hand-written scan, not std::regex: compiling
// the pattern (and the std::locale machinery under it) was ~1.5 M instructions of every
// cold render. Whitespace is std::regex's \s in the "C" locale.
std::optional<PartialTag> next_partial_tag(const std::string& text, std::size_t from) {
    const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    for (std::size_t at = text.find("{{>", from); at != std::string::npos; at = text.find("{{>", at + 1)) {
        std::size_t i = at + 3;
        while (i < text.size() && space(text[i])) ++i;
        const std::size_t name_at = i;
        while (i < text.size() && !space(text[i]) && text[i] != '}') ++i;
        const std::size_t name_end = i;
        while (i < text.size() && space(text[i])) ++i;
        if (text.compare(i, 2, "}}") == 0) return PartialTag{at, i + 2 - at, text.substr(name_at, name_end - name_at)};
    }
    return std::nullopt;
}

}  // namespace

// The byte offset of the first section tag ({{#…}} or {{^…}}) nested deeper than
// kMaxSectionDepth, following set-delimiter tags ({{=<% %>=}}) as Mustache does.
static std::optional<std::size_t> section_too_deep(std::string_view src) {
    std::string open = "{{", close = "}}";
    int depth = 0;
    std::size_t pos = 0;
    while ((pos = src.find(open, pos)) != std::string_view::npos) {
        const std::size_t at = pos;
        const std::size_t inner = pos + open.size();
        const char kind = inner < src.size() ? src[inner] : '\0';
        // {{{name}}} ends with "}" + close; {{=a b=}} with "=" + close.
        const std::string end = kind == '{' && open == "{{" ? "}" + close : kind == '=' ? "=" + close : close;
        const std::size_t stop = src.find(end, inner);
        if (stop == std::string_view::npos) return std::nullopt;  // unclosed: kainjow reports it
        pos = stop + end.size();
        if (kind == '#' || kind == '^') {
            if (++depth > kMaxSectionDepth) return at;
        } else if (kind == '/') {
            --depth;
        } else if (kind == '=') {
            // "{{=<% %>=}}": the new delimiters, separated by whitespace.
            std::string_view spec = src.substr(inner + 1, stop - inner - 1);
            const auto a = spec.find_first_not_of(" \t\r\n");
            const auto b = spec.find_first_of(" \t\r\n", a);
            const auto c = spec.find_first_not_of(" \t\r\n", b);
            const auto d = spec.find_last_not_of(" \t\r\n");
            if (a == std::string_view::npos || b == std::string_view::npos || c == std::string_view::npos) {
                return std::nullopt;  // malformed: kainjow reports it
            }
            open = std::string(spec.substr(a, b - a));
            close = std::string(spec.substr(c, d + 1 - c));
        }
    }
    return std::nullopt;
}

bool is_valid_template_name(std::string_view name) {
    if (name.empty() || name.size() > 64) return false;
    const auto ok = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    };
    return std::all_of(name.begin(), name.end(), ok) && name.front() != '-';
}

std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 16);
    for (const char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

// --- CompiledTemplate -------------------------------------------------------------

SourceLocation CompiledTemplate::locate(std::size_t offset) const {
    for (const auto& seg : segments_) {
        if (offset >= seg.begin && offset < seg.begin + seg.length) {
            const auto lc = line_column_at(*seg.file_text, seg.file_offset + (offset - seg.begin));
            return {seg.file, lc.line, lc.column};
        }
    }
    const auto lc = line_column_at(source_, offset);
    return {file_, lc.line, lc.column};
}

std::optional<SourceLocation> CompiledTemplate::find(std::string_view needle) const {
    const auto pos = source_.find(needle);
    if (pos == std::string::npos) return std::nullopt;
    return locate(pos);
}

// --- TemplateLibrary ----------------------------------------------------------------

struct CompiledTemplate::ParsedPool {
    std::mutex mu;
    std::vector<std::unique_ptr<mu::mustache>> idle;
};

TemplateLibrary::TemplateLibrary(std::vector<fs::path> dirs, int max_partial_depth)
    : dirs_(std::move(dirs)), max_partial_depth_(max_partial_depth) {}

std::optional<fs::path> TemplateLibrary::find_file(const std::string& name) const {
    for (const auto& dir : dirs_) {
        std::error_code ec;
        const auto p = dir / (name + ".mustache");
        if (fs::is_regular_file(p, ec)) return p;
    }
    return std::nullopt;
}

std::vector<std::string> TemplateLibrary::names() const {
    std::vector<std::string> out;
    for (const auto& dir : dirs_) {
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(dir, ec)) {
            const auto fn = e.path().filename().string();
            const std::string ext = ".mustache";
            if (fn.size() > ext.size() && fn.ends_with(ext)) {
                const auto n = fn.substr(0, fn.size() - ext.size());
                if (is_valid_template_name(n) && n.front() != '_') out.push_back(n);
            }
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::shared_ptr<const CompiledTemplate> TemplateLibrary::get(std::string_view name) const {
    {
        std::lock_guard lock(mu_);
        if (auto it = cache_.find(name); it != cache_.end()) return it->second;
    }
    auto compiled = load(std::string(name));
    std::lock_guard lock(mu_);
    return cache_.emplace(std::string(name), std::move(compiled)).first->second;
}

std::shared_ptr<const CompiledTemplate> TemplateLibrary::load(const std::string& name) const {
    auto searched = [&] {
        std::string s;
        for (const auto& d : dirs_) s += (s.empty() ? "" : ", ") + d.string();
        return s;
    };
    if (!is_valid_template_name(name)) {
        fail_at_pointer("", "/template",
                        "invalid template name '" + name + "': use lowercase letters, digits, '-' and '_' only");
    }
    const auto file = find_file(name);
    if (!file) fail_at_pointer("", "/template", "no template named '" + name + "' in " + searched());

    auto out = std::make_shared<CompiledTemplate>();
    out->pool_ = std::make_shared<CompiledTemplate::ParsedPool>();
    out->name_ = name;
    out->file_ = *file;

    // Splice partials in, recording where each piece of the result came from.
    std::vector<std::string> stack;
    auto splice = [&](auto&& self, const fs::path& path, const std::string& pname) -> void {
        auto text = std::make_shared<const std::string>(read_file(path));
        stack.push_back(pname);
        std::size_t pos = 0;
        auto emit = [&](std::size_t from, std::size_t to) {
            if (to <= from) return;
            out->segments_.push_back({out->source_.size(), to - from, path, from, text});
            out->source_.append(*text, from, to - from);
        };
        for (auto tag = next_partial_tag(*text, 0); tag; tag = next_partial_tag(*text, pos)) {
            const std::size_t at = tag->at;
            emit(pos, at);
            pos = at + tag->length;
            const std::string child = std::move(tag->name);
            const auto lc = line_column_at(*text, at);
            if (!is_valid_template_name(child)) {
                fail_at_line(path.string(), lc.line, lc.column,
                             "invalid partial name '" + child + "': use lowercase letters, digits, '-' and '_' only");
            }
            if (std::find(stack.begin(), stack.end(), child) != stack.end()) {
                fail_at_line(path.string(), lc.line, lc.column, "partial '" + child + "' includes itself");
            }
            if (static_cast<int>(stack.size()) >= max_partial_depth_) {
                fail_at_line(path.string(), lc.line, lc.column,
                             "partials nested more than " + std::to_string(max_partial_depth_) + " deep");
            }
            const auto child_file = find_file(child);
            if (!child_file) {
                fail_at_line(path.string(), lc.line, lc.column, "no partial named '" + child + "' in " + searched());
            }
            self(self, *child_file, child);
        }
        emit(pos, text->size());
        stack.pop_back();
    };
    splice(splice, *file, name);

    if (const auto deep = section_too_deep(out->source_)) {
        const auto loc = out->locate(*deep);
        fail_at_line(loc.file.string(), loc.line, loc.column,
                     "sections nested more than " + std::to_string(kMaxSectionDepth) + " deep");
    }
    mu::mustache parsed{out->source_};
    if (!parsed.is_valid()) {
        const auto [msg, off] = split_offset(parsed.error_message());
        const auto loc = out->locate(off.value_or(0));
        fail_at_line(loc.file.string(), loc.line, loc.column, msg);
    }
    return out;
}

std::string TemplateLibrary::render(std::string_view name, const nlohmann::json& data,
                                    const RenderOptions& options) const {
    const auto compiled = get(name);

    // Parsed templates are not thread-safe to render (kainjow keeps state in them),
    // so each thread takes one from a per-template pool.
    const auto& pool = compiled->pool_;
    std::unique_ptr<mu::mustache> parsed;
    {
        std::lock_guard lock(pool->mu);
        if (!pool->idle.empty()) {
            parsed = std::move(pool->idle.back());
            pool->idle.pop_back();
        }
    }
    if (!parsed) {
        parsed = std::make_unique<mu::mustache>(compiled->source());
        parsed->set_custom_escape([](const std::string& s) { return xml_escape(s); });
    }

    mu::data root = detail::to_mustache(data);
    add_helpers(root);  // {{#upper}}…{{/upper}} and the rest, in every template
    detail::Context ctx(&root, data, options.strict);
    std::string result;
    try {
        StringSink sink{result};
        parsed->render(ctx, sink);
    } catch (const HelperError& h) {
        const auto l = compiled->find("{{#" + h.helper()).value_or(SourceLocation{compiled->file(), 0, 0});
        fail_at_line(l.file.string(), l.line, l.column, "helper '" + h.helper() + "': " + h.what());
    } catch (const detail::UndefinedName& u) {
        // Point at the first tag that uses the name.
        std::optional<SourceLocation> loc;
        for (const char* pre : {"{{", "{{#", "{{^", "{{&", "{{{", "{{/"}) {
            loc = compiled->find(std::string(pre) + u.name + (std::string(pre) == "{{{" ? "}}}" : "}}"));
            if (loc) break;
        }
        if (!loc) loc = compiled->find(u.name);
        const auto l = loc.value_or(SourceLocation{compiled->file(), 0, 0});
        fail_at_line(l.file.string(), l.line, l.column,
                     "the data has no value named '" + u.name + "' (strict mode)");
    }
    if (!parsed->is_valid()) {
        const auto [msg, off] = split_offset(parsed->error_message());
        const auto loc = compiled->locate(off.value_or(0));
        fail_at_line(loc.file.string(), loc.line, loc.column, msg);
    }
    std::lock_guard lock(pool->mu);
    pool->idle.push_back(std::move(parsed));
    return result;
}

}  // namespace vanban::tmpl
