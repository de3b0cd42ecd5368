// The template helpers. Each is a kainjow lambda2 (the only kind that sees the
// section body rendered); text helpers work on the text between markup tags, value
// helpers on a single value such as "2026-02-05" or "1250000".
#include "template/helpers.h"

#include "template/template_library.h"
#include "text/calendar.h"
#include "text/casing.h"
#include "text/collation.h"
#include "text/numbers.h"
#include "text/roman.h"
#include "text/text.h"
#include "text/words.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>

namespace vanban::tmpl {

namespace mu = kainjow::mustache;

HelperError::HelperError(std::string helper, const std::string& message)
    : std::runtime_error(message), helper_(std::move(helper)) {}

namespace {

// --- the rendered body ------------------------------------------------------------

// Undoes xml_escape, and numeric references a template may have written literally.
std::string unescape_xml(std::string_view s) {
    static const std::map<std::string_view, std::string_view> named = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto semi = s[i] == '&' ? s.find(';', i) : std::string_view::npos;
        if (semi == std::string_view::npos || semi - i > 10) {
            out += s[i];
            continue;
        }
        const auto name = s.substr(i + 1, semi - i - 1);
        if (const auto it = named.find(name); it != named.end()) {
            out += it->second;
        } else if (name.size() > 1 && name[0] == '#') {
            const bool hex = name[1] == 'x' || name[1] == 'X';
            const std::string digits(name.substr(hex ? 2 : 1));
            char* end = nullptr;
            const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
            if (digits.empty() || *end != '\0') {
                out += s[i];
                continue;
            }
            out += text::to_utf8(static_cast<char32_t>(cp));
        } else {
            out += s[i];
            continue;
        }
        i = semi;
    }
    return out;
}

// Applies `f` to each run of text between markup tags; tags are kept as written.
std::string map_text(std::string_view xml, const std::function<std::string(const std::string&)>& f) {
    std::string out;
    std::size_t i = 0;
    while (i < xml.size()) {
        const auto lt = xml.find('<', i);
        const auto text_end = lt == std::string_view::npos ? xml.size() : lt;
        if (text_end > i) out += xml_escape(f(unescape_xml(xml.substr(i, text_end - i))));
        if (lt == std::string_view::npos) break;
        const auto gt = xml.find('>', lt);
        const auto tag_end = gt == std::string_view::npos ? xml.size() : gt + 1;
        out.append(xml, lt, tag_end - lt);
        i = tag_end;
    }
    return out;
}

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while ((i = s.find_first_not_of(" \t\r\n", i)) != std::string_view::npos) {
        const auto end = std::min(s.find_first_of(" \t\r\n", i), s.size());
        out.emplace_back(s.substr(i, end - i));
        i = end;
    }
    return out;
}

// The text of a line of markup: tags dropped, references undone, trimmed.
std::string bare_text(std::string_view line) {
    std::string bare;
    bool in_tag = false;
    for (const char c : line) {
        if (c == '<') in_tag = true;
        else if (c == '>') in_tag = false;
        else if (!in_tag) bare += c;
    }
    return trim(unescape_xml(bare));
}

// --- helper kinds -------------------------------------------------------------------

using Fail = std::function<void(const std::string&)>;
// A value helper gets the trimmed, unescaped value (never empty) and returns plain text.
using ValueFn = std::function<std::string(const std::string& value, const Fail& fail)>;

mu::data text_helper(std::function<std::string(const std::string&)> f) {
    return mu::data{mu::lambda2{[f](const std::string& body, const mu::renderer& render) {
        return map_text(render(body), f);
    }}};
}

mu::data value_helper(const std::string& name, ValueFn f) {
    return mu::data{mu::lambda2{[name, f](const std::string& body, const mu::renderer& render) -> std::string {
        const std::string value = trim(unescape_xml(render(body)));
        const Fail fail = [&](const std::string& why) {
            throw HelperError(name, why + ", got '" + value + "'");
        };
        // An absent value renders as "" (false): the helper leaves the gap too.
        if (value.empty()) return "";
        if (value.find('<') != std::string::npos) fail("expects a value, not markup");
        return xml_escape(f(value, fail));
    }}};
}

text::Decimal decimal(const std::string& value, const Fail& fail) {
    const auto d = text::parse_decimal(value);
    if (!d) fail("expected a number like 1234567 or 1234567.5 (a '.' before the decimals, no grouping)");
    return *d;
}

long long whole(const std::string& value, const Fail& fail) {
    const auto d = decimal(value, fail);
    if (!d.fraction.empty() || d.integer.size() > 18) fail("expected a whole number");
    const long long n = std::stoll(d.integer);
    return d.negative ? -n : n;
}

text::Date iso_date(const std::string& value, const Fail& fail) {
    const auto d = text::parse_iso_date(value);
    if (!d) fail("expected a date as YYYY-MM-DD");
    return *d;
}

text::Date iso_month(const std::string& value, const Fail& fail) {
    const auto d = text::parse_iso_date_or_month(value);
    if (!d) fail("expected a date as YYYY-MM-DD or a month as YYYY-MM");
    return *d;
}

// "linh ngàn 105000": option words before the number.
std::pair<text::WordsOptions, std::string> words_options(const std::string& value, text::WordsOptions o,
                                                         const Fail& fail) {
    auto words = split_words(value);
    const std::string number = words.back();
    words.pop_back();
    for (const auto& w : words) {
        const std::string opt = text::to_nfc(w);
        if (opt == "linh") o.le = false;
        else if (opt == "lẻ") o.le = true;
        else if (opt == "nghìn") o.ngan = false;
        else if (opt == "ngàn") o.ngan = true;
        else fail("unknown option '" + w + "' (the options are linh, lẻ, nghìn and ngàn, before the number)");
    }
    return {o, number};
}

// Sorts the body's non-blank lines in Vietnamese order of their text (tags and
// surrounding spaces ignored; equal lines keep their order). Blank lines go: they
// are what the section and list tags leave behind (kainjow does not remove
// "standalone" tag lines inside a lambda's body).
std::string sort_lines(const std::string& rendered) {
    std::vector<std::pair<std::string, std::string>> lines;  // comparison text, line
    std::size_t start = 0;
    while (start < rendered.size()) {
        const auto nl = std::min(rendered.find('\n', start), rendered.size());
        const std::string line = rendered.substr(start, nl - start);
        if (!trim(line).empty()) lines.emplace_back(bare_text(line), line);
        start = nl + 1;
    }
    std::stable_sort(lines.begin(), lines.end(),
                     [](const auto& a, const auto& b) { return text::compare_vi(a.first, b.first) < 0; });
    // Joined without a final newline: kainjow keeps the newline after a lambda's
    // closing tag, so "{{/sorted}}" on a line of its own would otherwise leave a blank line.
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l.second;
    return out;
}

std::map<std::string, mu::data> make_helpers() {
    std::map<std::string, mu::data> h;
    // Case (vi rules, NFC out), on the text between tags.
    h.emplace("upper", text_helper([](const std::string& s) { return text::upper_vi(s); }));
    h.emplace("lower", text_helper([](const std::string& s) { return text::lower_vi(s); }));
    h.emplace("title_case", text_helper([](const std::string& s) { return text::title_vi(s); }));
    // Only the first letter of the whole body: the first run of text that has one.
    h.emplace("capitalize", mu::data{mu::lambda2{[](const std::string& body, const mu::renderer& render) {
                  bool done = false;
                  return map_text(render(body), [&](const std::string& s) {
                      if (done) return s;
                      done = std::any_of(s.begin(), s.end(), [](char c) {
                          return static_cast<unsigned char>(c) >= 0x80 || std::isalpha(static_cast<unsigned char>(c));
                      });
                      return text::capitalize_first_vi(s);
                  });
              }}});
    h.emplace("sorted", mu::data{mu::lambda2{[](const std::string& body, const mu::renderer& render) {
                  return sort_lines(render(body));
              }}});

    // Dates.
    h.emplace("date_phrase", value_helper("date_phrase", [](const std::string& v, const Fail& fail) {
                  return text::date_phrase(iso_date(v, fail));
              }));
    h.emplace("month_year", value_helper("month_year", [](const std::string& v, const Fail& fail) {
                  const auto d = iso_month(v, fail);
                  return text::month_phrase(d.year, d.month);
              }));
    h.emplace("quarter_year", value_helper("quarter_year", [](const std::string& v, const Fail& fail) {
                  const auto d = iso_month(v, fail);
                  return text::quarter_phrase(d.year, d.month);
              }));
    h.emplace("weekday", value_helper("weekday", [](const std::string& v, const Fail& fail) {
                  return text::weekday_name(iso_date(v, fail));
              }));

    // Numbers.
    h.emplace("decimal", value_helper("decimal", [](const std::string& v, const Fail& fail) {
                  return text::format_number(decimal(v, fail));
              }));
    h.emplace("percent", value_helper("percent", [](const std::string& v, const Fail& fail) {
                  return text::format_percent(decimal(v, fail));
              }));
    h.emplace("money", value_helper("money", [](const std::string& v, const Fail& fail) {
                  return text::format_money(decimal(v, fail));
              }));
    h.emplace("in_words", value_helper("in_words", [](const std::string& v, const Fail& fail) {
                  const auto [o, n] = words_options(v, {}, fail);
                  const auto d = decimal(n, fail);
                  if (d.integer.size() > 18) fail("too large to read in words (at most 18 digits)");
                  return text::number_in_words(d, o);
              }));
    h.emplace("amount_in_words", value_helper("amount_in_words", [](const std::string& v, const Fail& fail) {
                  const auto [o, n] = words_options(v, {.capitalize = true}, fail);
                  const auto d = decimal(n, fail);
                  if (d.integer.size() > 18) fail("too large to read in words (at most 18 digits)");
                  return text::amount_in_words(d, o);
              }));
    h.emplace("ordinal", value_helper("ordinal", [](const std::string& v, const Fail& fail) {
                  const auto [o, n] = words_options(v, {}, fail);
                  const auto r = text::ordinal_in_words(whole(n, fail), o);
                  if (!r) fail("expected a whole number of 1 or more");
                  return *r;
              }));
    h.emplace("roman", value_helper("roman", [](const std::string& v, const Fail& fail) {
                  const auto r = text::roman_numeral(whole(v, fail));
                  if (!r) fail("expected a whole number from 1 to 3999");
                  return *r;
              }));
    h.emplace("ordinal_roman", value_helper("ordinal_roman", [](const std::string& v, const Fail& fail) {
                  const auto r = text::ordinal_roman(whole(v, fail));
                  if (!r) fail("expected a whole number from 1 to 3999");
                  return *r;
              }));
    h.emplace("search_key", value_helper("search_key", [](const std::string& v, const Fail&) {
                  return text::search_key(v);
              }));
    return h;
}

// Built once: copying a lambda into each render's data is cheaper than building it.
const std::map<std::string, mu::data>& helpers() {
    static const std::map<std::string, mu::data> h = make_helpers();
    return h;
}

}  // namespace

void add_helpers(mu::data& root) {
    if (!root.is_object()) return;
    for (const auto& [name, helper] : helpers()) {
        if (root.get(name) == nullptr) root.set(name, helper);
    }
}

std::vector<std::string> helper_names() {
    std::vector<std::string> out;
    for (const auto& [name, helper] : helpers()) out.push_back(name);
    return out;
}

}  // namespace vanban::tmpl
