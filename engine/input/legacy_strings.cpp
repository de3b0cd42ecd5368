#include "input/legacy_strings.h"

#include "core/diagnostic.h"
#include "text/text.h"

namespace vanban::input {

using json = nlohmann::json;

namespace {

// One string literal of a JSON text: [begin, end) includes the quotes.
struct Literal {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool key = false;  // followed by ':'
};

// Finds the string literals by scanning, not parsing: the text may hold raw legacy
// bytes that a JSON parser would reject as invalid UTF-8.
std::vector<Literal> literals(std::string_view text, const std::string& file_name) {
    std::vector<Literal> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '"') continue;
        Literal lit{i, 0, false};
        std::size_t j = i + 1;
        while (j < text.size() && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
        if (j >= text.size()) {
            const auto lc = line_column_at(text, i);
            fail_at_line(file_name, lc.line, lc.column, "a string that never ends (missing '\"')");
        }
        lit.end = j + 1;
        const auto next = text.find_first_not_of(" \t\r\n", lit.end);
        lit.key = next != std::string_view::npos && text[next] == ':';
        out.push_back(lit);
        i = j;
    }
    return out;
}

// The value of a literal as text form: JSON escapes undone; raw bytes beyond ASCII
// in an ill-formed literal are taken as the Latin-1 characters of those bytes, which
// the text-form decoder turns back into the same bytes.
std::string literal_text(std::string_view literal) {
    std::string source(literal);
    if (text::find_invalid_utf8(source)) {
        std::string widened;
        for (const char c : source) widened += text::to_utf8(static_cast<char32_t>(static_cast<unsigned char>(c)));
        source = widened;
    }
    try {
        return json::parse(source).get<std::string>();
    } catch (const json::exception&) {
        return source.substr(1, source.size() - 2);  // a bad escape: the input stage will say so
    }
}

json walk(const json& v, text::Encoding e) {
    if (v.is_string()) return text::decode_legacy_text(v.get_ref<const std::string&>(), e);
    if (v.is_array()) {
        json out = json::array();
        for (const auto& x : v) out.push_back(walk(x, e));
        return out;
    }
    if (v.is_object()) {
        json out = json::object();
        for (const auto& [k, x] : v.items()) out[k] = walk(x, e);
        return out;
    }
    return v;
}

}  // namespace

json decode_legacy_strings(const json& doc, text::Encoding encoding) {
    return walk(doc, encoding);
}

std::string decode_legacy_json(std::string_view text, text::Encoding encoding, const std::string& file_name) {
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    std::size_t copied = 0;
    for (const auto& lit : literals(text, file_name)) {
        if (lit.key) continue;
        out.append(text, copied, lit.begin - copied);
        const std::string decoded = text::decode_legacy_text(literal_text(text.substr(lit.begin, lit.end - lit.begin)), encoding);
        out += json(decoded).dump();
        copied = lit.end;
    }
    out.append(text, copied, text.size() - copied);
    return out;
}

text::Detection detect_legacy_json(std::string_view text) {
    // Raw bytes stay raw (as one ill-formed whole), text form stays text.
    std::string values;
    const bool raw = text::find_invalid_utf8(text).has_value();
    for (const auto& lit : literals(text, "")) {
        if (lit.key) continue;
        const auto body = text.substr(lit.begin + 1, lit.end - lit.begin - 2);
        values += raw ? std::string(body) : literal_text(text.substr(lit.begin, lit.end - lit.begin));
        values += '\n';
    }
    return text::detect_encoding(values);
}

std::string decode_legacy_input(std::string_view text, const std::string& from, const std::string& file_name,
                                std::string& note) {
    note.clear();
    if (from != "auto") {
        const auto e = text::encoding_from_name(from);
        if (!e) fail_at_pointer(file_name, "", "unknown encoding '" + from + "' (tcvn3, vni, viqr, cp1258 or auto)");
        return decode_legacy_json(text, *e, file_name);
    }
    const text::Detection d = detect_legacy_json(text);
    switch (d.verdict) {
        case text::Detection::Verdict::legacy:
            note = std::string("decoding from ") + text::encoding_name(*d.encoding) + ": " + d.summary;
            return decode_legacy_json(text, *d.encoding, file_name);
        case text::Detection::Verdict::unicode:
        case text::Detection::Verdict::ascii:
            note = "no conversion: " + d.summary;
            return std::string(text);
        case text::Detection::Verdict::unsure:
            break;
    }
    fail_at_pointer(file_name, "", d.summary + "; name it with --from tcvn3|vni|viqr|cp1258");
}

}  // namespace vanban::input
