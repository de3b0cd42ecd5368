// The document walk and the checks of particular fields (number, symbol, date).
#include "lint/lint.h"

#include "core/diagnostic.h"
#include "lint/conventions.h"
#include "text/legacy.h"

#include <cstdlib>
#include <ctime>
#include <cstdio>

namespace vanban::lint {

using json = nlohmann::json;

namespace {

std::string pointer_token(const std::string& key) {
    std::string out;
    for (const char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

void walk(const json& v, const std::string& pointer, const LintOptions& options, std::vector<Finding>& out) {
    if (v.is_string()) {
        lint_string(pointer, v.get_ref<const std::string&>(), options, out);
    } else if (v.is_array()) {
        for (std::size_t i = 0; i < v.size(); ++i) walk(v[i], pointer + "/" + std::to_string(i), options, out);
    } else if (v.is_object()) {
        for (const auto& [k, x] : v.items()) walk(x, pointer + "/" + pointer_token(k), options, out);
    }
}

bool all_digits(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// "Số: 05/…": the number is printed zero-padded to two digits.
void check_number(const json& v, std::vector<Finding>& out) {
    std::string s;
    if (v.is_number_unsigned() || v.is_number_integer()) s = v.dump();
    else if (v.is_string()) s = v.get<std::string>();
    else return;  // the input stage reports wrong types
    if (s.empty() || !all_digits(s)) return;
    if (s.find_first_not_of('0') == std::string::npos) {
        out.push_back({"/number", "number-zero", Action::refuse, "the number must be 1 or more", ""});
        return;
    }
    const std::string printed = text::document_number(s);
    if (printed != s) {
        out.push_back({"/number", "number-padding", Action::change,
                       "printed as '" + printed + "' (NĐ 30 pads numbers below 10 with a zero)", printed});
    }
}

// Ký hiệu: groups joined by '-' with no spaces ("QĐ-UBND"); the slash is printed
// by the engine between number and symbol.
void check_symbol(const json& v, std::vector<Finding>& out) {
    if (!v.is_string()) return;
    const std::string s = v.get<std::string>();
    std::string fixed;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == ' ') continue;
        if (s.compare(i, 3, "–") == 0 || s.compare(i, 3, "—") == 0) {  // en/em dash: 3 bytes in UTF-8
            fixed += '-';
            i += 2;
            continue;
        }
        fixed += s[i];
    }
    if (s.find('/') != std::string::npos) {
        out.push_back({"/symbol", "symbol-slash", Action::refuse,
                       "ký hiệu must not contain '/': the engine prints it after the number", ""});
    } else if (s.find(' ') != std::string::npos) {
        out.push_back({"/symbol", "symbol-spaces", Action::refuse, "ký hiệu has spaces (around '-'); write it joined",
                       fixed});
    } else if (fixed != s) {
        out.push_back({"/symbol", "symbol-dash", Action::check, "ký hiệu joins its groups with a hyphen '-', not a dash",
                       fixed});
    }
}

void check_date(const json& v, const LintOptions& options, std::vector<Finding>& out) {
    if (!v.is_string()) return;
    const std::string s = v.get<std::string>();
    if (s.empty()) return;
    const auto d = text::parse_iso_date(s);
    if (!d) {
        out.push_back({"/date", "date-format", Action::refuse, "not a real date written YYYY-MM-DD", ""});
        return;
    }
    if (options.today && *d > *options.today) {
        char today[16];
        std::snprintf(today, sizeof today, "%04d-%02d-%02d", options.today->year, options.today->month,
                      options.today->day);
        out.push_back({"/date", "date-future", Action::check, std::string("dated in the future (today is ") + today + ")",
                       ""});
    }
}

}  // namespace

const char* action_name(Action a) {
    switch (a) {
        case Action::change: return "change";
        case Action::refuse: return "refuse";
        case Action::check: return "check";
    }
    return "?";
}

json to_json(const Finding& f) {
    return {{"pointer", f.pointer}, {"code", f.code}, {"action", action_name(f.action)}, {"message", f.message},
            {"suggestion", f.suggestion}};
}

std::vector<Finding> lint_document(std::string_view bytes, const LintOptions& options) {
    std::vector<Finding> out;
    if (const auto bad = text::find_invalid_utf8(bytes)) {
        const auto lc = line_column_at(bytes, *bad);
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(bytes[*bad])));
        std::string message = std::string("the file is not UTF-8 (byte ") + byte + " at line " + std::to_string(lc.line) +
                              ", column " + std::to_string(lc.column) + ")";
        const text::Detection d = text::detect_encoding(bytes);
        if (d.verdict == text::Detection::Verdict::legacy) {
            message += std::string("; it looks like ") + text::encoding_title(*d.encoding) + ": render it with --from " +
                       text::encoding_name(*d.encoding);
        }
        out.push_back({"", "not-utf8", Action::refuse, message, ""});
        return out;
    }
    json doc;
    try {
        doc = json::parse(bytes);
    } catch (const json::parse_error& e) {
        out.push_back({"", "json-syntax", Action::refuse, std::string("not valid JSON: ") + e.what(), ""});
        return out;
    }
    walk(doc, "", options, out);
    if (doc.is_object()) {
        if (doc.contains("number")) check_number(doc["number"], out);
        if (doc.contains("symbol")) check_symbol(doc["symbol"], out);
        if (doc.contains("date")) check_date(doc["date"], options, out);
        detail::check_appendices(doc, out);
        detail::check_distribution(doc, out);
    }
    return out;
}

text::Date today_utc() {
    std::time_t t = std::time(nullptr);
    if (const char* sde = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        const long long v = std::strtoll(sde, &end, 10);
        if (end && *end == '\0') t = static_cast<std::time_t>(v);
    }
    std::tm tm{};
    gmtime_r(&t, &tm);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

}  // namespace vanban::lint
