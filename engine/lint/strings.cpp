// The checks every string value gets: characters rendering refuses or changes,
// legacy encodings, missing glyphs, spacing, quotes and the tiêu ngữ's dashes.
#include "lint/lint.h"

#include "text/legacy.h"

#include <algorithm>
#include <array>
#include <map>

namespace vanban::lint {

namespace {

void add(std::vector<Finding>& out, const std::string& pointer, const char* code, Action a, std::string message,
         std::string suggestion = {}) {
    out.push_back(Finding{pointer, code, a, std::move(message), std::move(suggestion)});
}

std::string count_phrase(int n) {
    return n > 1 ? " (" + std::to_string(n) + " times)" : "";
}

// Characters rendering refuses, rewrites, or prints invisibly. One finding per kind.
void check_characters(const std::string& pointer, const std::u32string& u, std::vector<Finding>& out) {
    // Issuer names may force a line break with "\n" (input stage): there it is kept.
    const bool keeps_newlines = pointer == "/issuer/name" || pointer == "/issuer/parent";
    struct Kind {
        const char* code;
        Action action;
        std::string what;
        int count = 0;
    };
    std::map<std::string, Kind> kinds;  // keyed by message, kept in first-seen order below
    std::vector<std::string> order;
    const auto note = [&](const char* code, Action a, const std::string& what) {
        auto [it, fresh] = kinds.try_emplace(what, Kind{code, a, what});
        if (fresh) order.push_back(what);
        ++it->second.count;
    };
    for (const char32_t c : u) {
        if (c == '\t') {
            note("tab", Action::change, "tab (printed as a space)");
        } else if (c == '\n' || c == '\r') {
            if (!keeps_newlines) note("line-break", Action::change, "line break (printed as a space)");
        } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            note("control-character", Action::refuse, "control character " + text::describe(c));
        } else if (c == 0xFFFE || c == 0xFFFF || (c >= 0xFDD0 && c <= 0xFDEF)) {
            note("noncharacter", Action::refuse, "noncharacter " + text::describe(c));
        } else if (c == 0x2028 || c == 0x2029) {
            note("line-break", Action::change, "line or paragraph separator " + text::describe(c) + " (printed as a line break)");
        } else if (c == 0xFEFF) {
            note("byte-order-mark", Action::change, "byte-order mark U+FEFF inside the text (dropped)");
        } else if (c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060) {
            // U+00AD is also what TCVN3's "ư" (0xAD) becomes when its bytes are read as Latin-1.
            note("invisible-character", Action::check, "invisible character " + text::describe(c));
        }
    }
    for (const auto& what : order) {
        const Kind& k = kinds.at(what);
        add(out, pointer, k.code, k.action, k.what + count_phrase(k.count));
    }
}

void check_glyphs(const std::string& pointer, const std::u32string& u, const LintOptions& options,
                  std::vector<Finding>& out) {
    if (!options.has_glyph) return;
    std::vector<char32_t> missing;
    for (const char32_t c : u) {
        if (c < 0x20 || c == ' ' || (c >= 0x7F && c <= 0x9F)) continue;
        if (std::find(missing.begin(), missing.end(), c) != missing.end()) continue;
        if (!options.has_glyph(c)) missing.push_back(c);
    }
    for (const char32_t c : missing) {
        add(out, pointer, "missing-glyph", Action::refuse, "the font has no glyph for " + text::describe(c));
    }
}

void check_legacy(const std::string& pointer, std::string_view value, std::vector<Finding>& out) {
    const bool maybe = std::any_of(value.begin(), value.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x80 || c == '^' || c == '`' || c == '~' || c == '+' || c == '(';
    });
    if (!maybe) return;
    const text::Detection d = text::detect_encoding(value);
    if (d.verdict != text::Detection::Verdict::legacy) return;
    add(out, pointer, "legacy-encoding", Action::check,
        std::string("looks like ") + text::encoding_title(*d.encoding) + " text (render it with --from " +
            text::encoding_name(*d.encoding) + ")",
        text::decode_legacy_text(value, *d.encoding));
}

void check_spaces(const std::string& pointer, std::string_view value, std::vector<Finding>& out) {
    std::string squashed;
    for (const char c : value) {
        if (c == ' ' && (squashed.empty() || squashed.back() == ' ')) continue;
        squashed += c;
    }
    if (!squashed.empty() && squashed.back() == ' ') squashed.pop_back();
    if (value.find("  ") != std::string_view::npos) {
        add(out, pointer, "double-space", Action::check, "two or more spaces in a row", squashed);
    } else if (!value.empty() && (value.front() == ' ' || value.back() == ' ')) {
        add(out, pointer, "edge-space", Action::check, "space at the start or end", squashed);
    }
}

// "…" → “…”, '…' → ‘…’: opening after a space or bracket (or at the start), closing otherwise.
void check_quotes(const std::string& pointer, std::string_view value, std::vector<Finding>& out) {
    if (value.find_first_of("\"'") == std::string_view::npos) return;
    std::string fixed;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c != '"' && c != '\'') {
            fixed += c;
            continue;
        }
        const char before = i == 0 ? ' ' : value[i - 1];
        const bool opening = before == ' ' || before == '(' || before == '[' || before == '\n';
        if (c == '"') fixed += opening ? "“" : "”";
        else fixed += opening ? "‘" : "’";
    }
    add(out, pointer, "straight-quotes", Action::check, "straight quotes; Vietnamese documents use “…” (and ‘…’ inside)",
        fixed);
}

// The tiêu ngữ is "Độc lập - Tự do - Hạnh phúc": hyphens with one space each side
// (NĐ 30, Phụ lục I). En and em dashes, or missing spaces, are the usual slips.
void check_motto(const std::string& pointer, std::string_view value, std::vector<Finding>& out) {
    static constexpr std::string_view kCanonical = "Độc lập - Tự do - Hạnh phúc";
    static constexpr std::array<std::string_view, 3> kParts = {"Độc lập", "Tự do", "Hạnh phúc"};
    static constexpr std::array<std::string_view, 6> kDashes = {"-", "–", "—", "‐", "‑", "−"};
    const auto start = value.find(kParts[0]);
    if (start == std::string_view::npos) return;
    std::size_t i = start + kParts[0].size();
    for (std::size_t p = 1; p < kParts.size(); ++p) {
        while (i < value.size() && value[i] == ' ') ++i;
        for (const auto& d : kDashes) {
            if (value.substr(i, d.size()) == d) {
                i += d.size();
                break;
            }
        }
        while (i < value.size() && value[i] == ' ') ++i;
        if (value.substr(i, kParts[p].size()) != kParts[p]) return;  // not the motto
        i += kParts[p].size();
    }
    if (value.substr(start, i - start) == kCanonical) return;
    std::string fixed(value);
    fixed.replace(start, i - start, kCanonical);
    add(out, pointer, "motto-dashes", Action::check, "tiêu ngữ is written 'Độc lập - Tự do - Hạnh phúc' (hyphens, a space each side)",
        fixed);
}

}  // namespace

void lint_string(const std::string& pointer, std::string_view value, const LintOptions& options,
                 std::vector<Finding>& out) {
    const std::u32string u = text::to_u32(value);
    check_characters(pointer, u, out);
    if (!text::is_nfc(value)) {
        add(out, pointer, "non-nfc", Action::change, "not in NFC (decomposed accents; rendering composes them)",
            text::to_nfc(value));
    }
    const std::string nfc = text::to_nfc(value);
    check_legacy(pointer, nfc, out);
    check_glyphs(pointer, text::to_u32(nfc), options, out);
    check_spaces(pointer, nfc, out);
    check_quotes(pointer, nfc, out);
    check_motto(pointer, nfc, out);
}

}  // namespace vanban::lint
