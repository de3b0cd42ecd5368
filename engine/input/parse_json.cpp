#include "input/parse_json.h"

#include "core/diagnostic.h"
#include "text/text.h"

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

namespace vanban::input::detail {

using json = nlohmann::json;

std::string pointer_token(std::string_view key) {
    std::string out;
    for (const char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

namespace {

bool starts_with_bytes(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

// A UTF-16 or UTF-32 file parses as garbage; say what it is instead. Without a
// BOM such a file still has a zero byte among its first two (ASCII '{' or ' ').
const char* wide_encoding(std::string_view bytes) {
    using namespace std::string_view_literals;
    if (starts_with_bytes(bytes, "\xFF\xFE\0\0"sv) || starts_with_bytes(bytes, "\0\0\xFE\xFF"sv)) return "UTF-32";
    if (starts_with_bytes(bytes, "\xFF\xFE"sv) || starts_with_bytes(bytes, "\xFE\xFF"sv)) return "UTF-16";
    if (bytes.size() >= 2 && (bytes[0] == '\0' || bytes[1] == '\0')) return "UTF-16 (or UTF-32)";
    return nullptr;
}

bool is_blank_json(std::string_view s) {
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// The byte offset of the first '[' or '{' nested deeper than `max_depth`. Only
// called once the parser has read that far, so the prefix is valid JSON and a
// string/escape-aware scan is exact.
std::size_t offset_too_deep(std::string_view text, int max_depth) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return text.size();
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
        s.replace(at, from.size(), to);
    }
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// nlohmann says "[json.exception.parse_error.101] parse error at line 1, column 6:
// syntax error while parsing object - unexpected string literal; expected '}'";
// a clerk needs "syntax error: unexpected string; expected ',' or '}'" (the
// location is printed separately, from our own count).
std::string syntax_message(std::string what, const std::string& last_token, bool after_comma) {
    const std::string lead = "syntax error while parsing ";
    const auto at = what.find(lead);
    const auto dash = what.find(" - ", at);
    if (at == std::string::npos || dash == std::string::npos) return "syntax error";
    const std::string context = what.substr(at + lead.size(), dash - at - lead.size());
    std::string rest = what.substr(dash + 3);

    // The token is shown by the line:column already.
    replace_all(rest, "; last read: '" + last_token + "'", "");
    if (ends_with(rest, "expected end of input")) return "syntax error: unexpected text after the end of the document";
    if (after_comma && (rest.starts_with("unexpected '}'") || rest.starts_with("unexpected ']'"))) {
        return std::string("syntax error: extra ',' before '") + rest[12] + "'";
    }
    // After a member or element nlohmann names only the closing bracket.
    if (context == "object") replace_all(rest, "expected '}'", "expected ',' or '}'");
    if (context == "array") replace_all(rest, "expected ']'", "expected ',' or ']'");
    replace_all(rest, "unexpected string literal", "unexpected string");
    replace_all(rest, "unexpected number literal", "unexpected number");
    replace_all(rest, "expected string literal", "expected a field name in double quotes");
    replace_all(rest, "expected '[', '{', or a literal", "expected a value");
    return "syntax error: " + rest;
}

// Builds the tree from SAX events, so that it can check the depth before going
// deeper, refuse duplicate keys (the later would silently replace the earlier)
// and keep the text of non-integer numbers.
class Builder final : public nlohmann::json_sax<json> {
public:
    Builder(std::string_view text, const ReadOptions& options, ParsedJson& out)
        : text_(text), options_(options), out_(out) {}

    bool null() override { return add(nullptr); }
    bool boolean(bool b) override { return add(b); }
    bool number_integer(number_integer_t n) override { return add(n); }
    bool number_unsigned(number_unsigned_t n) override { return add(n); }
    bool number_float(number_float_t n, const string_t& written) override {
        out_.number_texts.emplace(next_pointer(), written);
        return add(n);
    }
    bool string(string_t& s) override { return add(std::move(s)); }
    bool binary(binary_t&) override { return false; }  // not produced by JSON text

    bool start_object(std::size_t) override { return open(json::object()); }
    bool start_array(std::size_t) override { return open(json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& k) override {
        if (stack_.back()->contains(k)) {
            fail_at_pointer(options_.file_name, pointer() + "/" + pointer_token(k), "duplicate field '" + k + "'");
        }
        key_ = std::move(k);
        return true;
    }

    bool parse_error(std::size_t position, const std::string& last_token,
                     const nlohmann::detail::exception& ex) override {
        // `position` is one past the last byte read. Lexer errors (a bad character)
        // are at that byte; parser errors are about a whole string, number or
        // literal: point at its start. (For punctuation nlohmann's token text may
        // hold earlier bytes too, but punctuation is one byte anyway.)
        const std::string what = ex.what();
        const bool whole_token = what.find(" - unexpected ") != std::string::npos || ex.id == 406;
        const bool punctuation = !last_token.empty() && std::string_view("{}[],:").find(last_token.back()) != std::string_view::npos;
        std::size_t offset = position > 0 ? position - 1 : 0;
        if (whole_token && !punctuation) offset = position >= last_token.size() ? position - last_token.size() : 0;

        if (const auto bad = text::find_invalid_utf8(text_); bad && *bad < position) {
            char byte[8];
            std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text_[*bad]));
            fail_at(*bad, std::string("invalid UTF-8 (byte ") + byte + "); save the file as UTF-8");
        }
        if (ex.id == 406) fail_at(offset, "number " + last_token + " is too large");
        fail_at(offset, syntax_message(what, last_token, comma_before(offset)));
    }

    json& root() { return root_; }

private:
    [[noreturn]] void fail_at(std::size_t offset, std::string message) const {
        const auto lc = line_column_at(text_, offset);
        fail_at_line(options_.file_name, lc.line, lc.column, std::move(message));
    }

    bool comma_before(std::size_t offset) const {
        const auto prev = text_.substr(0, offset).find_last_not_of(" \t\r\n");
        return prev != std::string_view::npos && text_[prev] == ',';
    }

    // The pointer of the innermost open container, and of the value read next.
    std::string pointer() const {
        std::string p;
        for (std::size_t i = 1; i < tokens_.size(); ++i) p += "/" + tokens_[i];
        return p;
    }
    std::string next_token() const {
        if (stack_.empty()) return {};
        const json& top = *stack_.back();
        return top.is_array() ? std::to_string(top.size()) : pointer_token(key_);
    }
    std::string next_pointer() const { return stack_.empty() ? std::string() : pointer() + "/" + next_token(); }

    json* place(json value) {
        if (stack_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        json& top = *stack_.back();
        if (top.is_array()) {
            top.push_back(std::move(value));
            return &top.back();
        }
        return &(top[key_] = std::move(value));
    }
    bool add(json value) {
        place(std::move(value));
        return true;
    }
    bool open(json container) {
        if (stack_.size() >= static_cast<std::size_t>(std::max(options_.max_depth, 0))) {
            fail_at(offset_too_deep(text_, options_.max_depth),
                    "nesting is deeper than " + std::to_string(options_.max_depth) + " levels");
        }
        tokens_.push_back(next_token());
        stack_.push_back(place(std::move(container)));
        return true;
    }
    bool close() {
        stack_.pop_back();
        tokens_.pop_back();
        return true;
    }

    std::string_view text_;
    const ReadOptions& options_;
    ParsedJson& out_;
    json root_;
    std::vector<json*> stack_;         // open containers; stable (a parent grows only after its child closes)
    std::vector<std::string> tokens_;  // pointer token of each open container (the root's is unused)
    std::string key_;                  // the key of the value read next, inside an object
};

}  // namespace

ParsedJson parse_json(std::string_view bytes, const ReadOptions& options) {
    const std::string& file = options.file_name;
    if (bytes.size() > options.max_bytes) {
        fail_at_pointer(file, "", "file is larger than the limit of " + std::to_string(options.max_bytes) + " bytes");
    }
    if (const char* wide = wide_encoding(bytes)) {
        fail_at_pointer(file, "", std::string("file is ") + wide + "; save it as UTF-8");
    }
    // Notepad writes a BOM; it means nothing in UTF-8, and columns are counted after it.
    if (starts_with_bytes(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (is_blank_json(bytes)) fail_at_pointer(file, "", "file is empty");

    ParsedJson out;
    Builder builder(bytes, options, out);
    json::sax_parse(bytes.data(), bytes.data() + bytes.size(), &builder);
    out.value = std::move(builder.root());
    return out;
}

}  // namespace vanban::input::detail
