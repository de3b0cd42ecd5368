#include "input/document_input.h"

#include "core/diagnostic.h"
#include "core/files.h"
#include "input/body.h"
#include "input/checker.h"
#include "input/conventions.h"
#include "input/parse_json.h"
#include "text/text.h"

#include <algorithm>
#include <regex>

namespace vanban::input {

using json = nlohmann::json;

namespace {

using detail::Checker;
using detail::Field;
using detail::TextRule;

constexpr TextRule kNotBlank{.not_blank = true};
constexpr TextRule kUnprinted{.printed = false};

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

bool has_space(std::string_view s) {
    const std::u32string u = text::to_u32(s);
    return std::any_of(u.begin(), u.end(), detail::is_space);
}

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(' ');
    if (first == std::string_view::npos) return {};
    return std::string(s.substr(first, s.find_last_not_of(' ') - first + 1));
}

// Reads the fields of one document, in the order of the format's table.
class DocumentReader {
public:
    explicit DocumentReader(const Checker& c) : c_(c) {}

    json document(const Field& doc) const {
        if (!doc.value.is_object()) c_.fail(doc, "a document is a JSON object { … }, got " + detail::type_phrase(doc.value));
        c_.expect_object(doc, {"template", "issuer", "number", "symbol", "place", "date", "kind", "subject", "recipients",
                               "enacting_authority", "bases", "body", "signers", "distribution", "urgency", "confidentiality", "draft", "appendices",
                               "archive", "data"});
        json out = json::object();
        out["template"] = template_name(c_.required(doc, "template"));
        out["issuer"] = issuer(c_.required(doc, "issuer"));
        out["number"] = number(c_.optional(doc, "number"));
        out["symbol"] = symbol(c_.required(doc, "symbol"));
        out["place"] = c_.required_text(doc, "place");
        out["date"] = date(c_.optional(doc, "date"));
        out["kind"] = c_.optional_text(doc, "kind");
        out["subject"] = c_.required_text(doc, "subject");
        out["recipients"] = strings(c_.optional(doc, "recipients"));
        // A quyết định's opening (R5.2): thẩm quyền ban hành and the căn cứ lines.
        out["enacting_authority"] = c_.optional_text(doc, "enacting_authority");
        out["bases"] = strings(c_.optional(doc, "bases"));
        out["preamble"] = !out["enacting_authority"].get<std::string>().empty() || !out["bases"].empty();
        out["body"] = detail::read_body(c_, c_.required(doc, "body"), true);
        out["signers"] = signers(c_.required(doc, "signers"));
        // R7: "Lưu: …" is the last item; one written elsewhere is moved there (lint says so).
        out["distribution"] = archive_last(strings(c_.optional(doc, "distribution")).get<std::vector<std::string>>());
        out["urgency"] = mark(c_.optional(doc, "urgency"), {"Khẩn", "Thượng khẩn", "Hỏa tốc"});
        out["confidentiality"] = mark(c_.optional(doc, "confidentiality"), {"Mật", "Tối mật", "Tuyệt mật"});
        const auto draft = c_.optional(doc, "draft");
        out["draft"] = draft ? c_.boolean(*draft) : false;
        out["appendices"] = appendices(c_.optional(doc, "appendices"));
        out["archive"] = archive(c_.optional(doc, "archive"));
        const auto data = c_.optional(doc, "data");
        if (data && !data->value.is_object()) c_.wrong_type(*data, "an object");
        out["data"] = data ? free_data(*data) : json::object();
        return out;
    }

private:
    // Template names become file names: nothing that could climb out of the
    // template directory, and no "_partial" (those are pieces, not documents).
    std::string template_name(const Field& f) const {
        const std::string name = c_.text(f, {.printed = false, .not_blank = true});
        // [a-z0-9][a-z0-9_-]*, by hand: compiling a std::regex cost 0.55 M instructions of
        // every cold render.
        const auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
        const bool valid = !name.empty() && lower_or_digit(name.front()) &&
                           std::all_of(name.begin(), name.end(),
                                       [&](char c) { return lower_or_digit(c) || c == '_' || c == '-'; });
        if (name.size() > 64) c_.fail(f, "template name is longer than 64 characters");
        if (!valid) {
            c_.fail(f, "template name must be lowercase letters, digits, '-' or '_' (like 'cong-van'), got '" + name + "'");
        }
        return name;
    }

    // The archive fields of NĐ 30 Phụ lục VI that cannot be derived from the document
    // (mã định danh, mục lục hồ sơ …): false when absent, else all strings for the
    // template ("" for a field not given).
    json archive(const std::optional<Field>& f) const {
        if (!f) return false;
        json out = {{"organ_id", ""}, {"file_catalog", ""}, {"file_notation", ""}, {"priority", ""},
                    {"issued_amount", ""}, {"description", ""}};
        c_.expect_object(*f, {"organ_id", "file_catalog", "file_notation", "priority", "issued_amount", "description"});
        auto limited = [&](const char* key, std::size_t max_chars) {
            const std::string v = c_.optional_text(*f, key, {.printed = false});
            std::size_t chars = 0;
            for (const unsigned char ch : v) chars += (ch & 0xC0) != 0x80;  // UTF-8 lead bytes
            if (chars > max_chars) {
                const auto field = c_.optional(*f, key);
                c_.fail(*field, "at most " + std::to_string(max_chars) + " characters (NĐ 30 Phụ lục VI)");
            }
            out[key] = v;
        };
        limited("organ_id", 13);
        limited("file_notation", 20);
        limited("description", 500);
        auto count = [&](const char* key, std::int64_t max) {
            const auto field = c_.optional(*f, key);
            if (!field) return;
            const auto n = detail::whole_number(field->value);
            if (!n || *n < 0 || *n > max)
                c_.fail(*field, "expected a whole number from 0 to " + std::to_string(max) + ", got " + field->value.dump());
            out[key] = std::to_string(*n);
        };
        count("file_catalog", 9999);
        count("priority", 9);
        count("issued_amount", 999);
        return out;
    }

    json issuer(const Field& f) const {
        c_.expect_object(f, {"parent", "name"});
        const TextRule lines{.keep_newlines = true};  // the user may force where a long name breaks
        return {{"parent", c_.optional_text(f, "parent", lines)}, {"name", c_.required_text(f, "name", lines)}};
    }

    // "" leaves the gap a clerk fills by hand; zero-padding is the text stage's job.
    std::string number(const std::optional<Field>& f) const {
        if (!f) return {};
        const json& v = f->value;
        if (v.is_number()) {
            const auto n = detail::whole_number(v);
            if (!n) c_.fail(*f, "expected a whole number like 1996, or \"\" to leave a gap, got " + v.dump());
            if (*n < 1) c_.fail(*f, "expected a number of 1 or more, got " + v.dump());
            return std::to_string(*n);
        }
        if (!v.is_string()) {
            c_.fail(*f, "expected a whole number like 1996, or \"\" to leave a gap, got " + detail::type_phrase(v));
        }
        const std::string s = c_.text(*f);
        if (detail::is_blank(s)) return {};
        if (!all_digits(s)) c_.fail(*f, "expected digits like \"1996\", or \"\" to leave a gap, got '" + s + "'");
        if (s.find_first_not_of('0') == std::string::npos) c_.fail(*f, "expected a number of 1 or more, got '" + s + "'");
        return s;
    }

    // The engine prints "Số: <number>/<symbol>", so a slash or spaces in the symbol
    // would print as "Số: 12//TLĐ" or "BC - LĐLĐ" (NĐ 30 wants "BC-LĐLĐ").
    std::string symbol(const Field& f) const {
        const std::string s = c_.text(f, kNotBlank);
        if (const auto slash = s.rfind('/'); slash != std::string::npos) {
            const std::string before = trim(s.substr(0, slash));
            const std::string after = trim(s.substr(slash + 1));
            std::string fix;
            if (!after.empty() && (before.empty() || all_digits(before))) {
                fix = "write '" + after + "'";
                if (!before.empty()) fix += " and put " + before + " in \"number\"";
            } else {
                std::string joined = s;
                std::replace(joined.begin(), joined.end(), '/', '-');
                fix = "join its groups with '-', as in '" + joined + "'";
            }
            c_.fail(f, "symbol must not contain '/' (the engine prints the slash after the number): " + fix);
        }
        if (has_space(s)) {
            std::string fix = trim(s);
            for (std::size_t at; (at = fix.find(" -")) != std::string::npos;) fix.erase(at, 1);
            for (std::size_t at; (at = fix.find("- ")) != std::string::npos;) fix.erase(at + 1, 1);
            if (!fix.empty() && !has_space(fix)) c_.fail(f, "symbol must not contain spaces: write '" + fix + "'");
            c_.fail(f, "symbol must not contain spaces; join its groups with '-', as in 'QĐ-TLĐ'");
        }
        return s;
    }

    // Absent or blank: the clerk writes the date by hand.
    std::string date(const std::optional<Field>& f) const {
        if (!f) return {};
        const std::string s = c_.text(*f, kUnprinted);
        if (detail::is_blank(s)) return {};
        if (text::parse_iso_date(s)) return s;
        static const std::regex shape("[0-9]{4}-[0-9]{2}-[0-9]{2}");
        if (std::regex_match(s, shape)) c_.fail(*f, "impossible date '" + s + "'");
        c_.fail(*f, "expected a date as YYYY-MM-DD, got '" + s + "'");
    }

    json strings(const std::optional<Field>& f) const {
        json out = json::array();
        if (!f) return out;
        c_.expect_array(*f);
        for (std::size_t i = 0; i < f->value.size(); ++i) out.push_back(c_.text(f->item(i), kNotBlank));
        return out;
    }

    // Urgency and confidentiality marks: a fixed vocabulary, printed as given.
    std::string mark(const std::optional<Field>& f, std::initializer_list<std::string_view> allowed) const {
        if (!f) return {};
        std::string s = c_.text(*f, kUnprinted);
        if (s == "Hoả tốc") s = "Hỏa tốc";  // the older tone-mark placement, same word
        c_.expect_one_of(*f, s, allowed);
        c_.check_glyphs(*f, s);
        return s;
    }

    json signers(const Field& f) const {
        c_.expect_array(f, "signer");
        json out = json::array();
        for (std::size_t i = 0; i < f.value.size(); ++i) {
            const Field s = f.item(i);
            c_.expect_object(s, {"authority", "acting", "title", "name"});
            out.push_back({{"authority", c_.optional_text(s, "authority")},
                           {"acting", c_.optional_text(s, "acting")},
                           {"title", c_.required_text(s, "title")},
                           {"name", c_.required_text(s, "name")}});
        }
        return out;
    }

    json appendices(const std::optional<Field>& f) const {
        json out = json::array();
        if (!f) return out;
        c_.expect_array(*f);
        for (std::size_t i = 0; i < f->value.size(); ++i) {
            const Field a = f->item(i);
            c_.expect_object(a, {"label", "title", "subtitle", "orientation", "body"});
            // R8.1: "Phụ lục II" (label) over the title; the older {"title": "PHỤ LỤC I",
            // "subtitle": …} form is read too (conventions.h; `vanban lint` suggests the new one).
            const TextRule lines{.keep_newlines = true};
            const AppendixHeading heading = appendix_heading(
                c_.optional_text(a, "label"), c_.optional_text(a, "title", lines), c_.optional_text(a, "subtitle", lines));
            json appendix = {{"label", heading.label},
                             {"title", heading.title},
                             {"orientation", "portrait"},
                             {"body", json::array()}};
            if (const auto o = c_.optional(a, "orientation")) {
                const std::string orientation = c_.text(*o, kUnprinted);
                c_.expect_one_of(*o, orientation, {"portrait", "landscape"});
                appendix["orientation"] = orientation;
            }
            if (const auto body = c_.optional(a, "body")) appendix["body"] = detail::read_body(c_, *body, false);
            out.push_back(std::move(appendix));
        }
        return out;
    }

    // Free data for report templates: any shape (its depth is bounded by the
    // parser), strings cleaned but not checked against the font (a template may
    // never print them), numbers as the text the user wrote.
    json free_data(const Field& f) const {
        const json& v = f.value;
        if (v.is_string()) return c_.text(f, kUnprinted);
        if (v.is_number()) return c_.number_text(f);
        if (v.is_array()) {
            json out = json::array();
            for (std::size_t i = 0; i < v.size(); ++i) out.push_back(free_data(f.item(i)));
            return out;
        }
        if (v.is_object()) {
            json out = json::object();
            for (const auto& [key, value] : v.items()) {
                const Field member = f.member(key);
                const std::string k = c_.clean_key(member, key);
                if (out.contains(k)) c_.fail(member, "duplicate field '" + k + "' (after Unicode normalisation)");
                out[k] = free_data(member);
            }
            return out;
        }
        return v;  // true, false, null
    }

    const Checker& c_;
};

}  // namespace

json read_document(std::string_view bytes, const ReadOptions& options) {
    const detail::ParsedJson parsed = detail::parse_json(bytes, options);
    const Checker checker(options, parsed);
    return DocumentReader(checker).document(Field{parsed.value, ""});
}

json read_document_file(const std::filesystem::path& file, ReadOptions options) {
    if (options.file_name.empty()) options.file_name = file.string();
    std::string bytes;
    try {
        bytes = read_file(file, options.max_bytes);
    } catch (const Error& e) {
        Diagnostic d = e.diagnostic();
        d.file = options.file_name;
        throw Error(std::move(d));
    }
    return read_document(bytes, options);
}

}  // namespace vanban::input
