// --input: the printed texts against the document JSON — the number and the ký hiệu
// exactly as given (R3.4, never upper-cased), the issuing body (R3.3), the subject
// (R3.6/R3.7), the recipients (R4) and the signers' names (R6).
#include "check/rules.h"

#include "text/text.h"

#include <algorithm>

namespace vanban::check {

namespace {

std::string str(const nlohmann::json& j, const char* key) {
    if (!j.is_object() || !j.contains(key)) return "";
    const auto& v = j.at(key);
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    return "";
}

// Input text as the engine prints it: NFC, newlines and runs of spaces as one space.
std::string normal(std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    std::replace(s.begin(), s.end(), '\t', ' ');
    std::string t = collapse_spaces(text::to_nfc(s));
    while (!t.empty() && t.front() == ' ') t.erase(t.begin());
    return t;
}

std::string without_end_punctuation(std::string s) {
    while (!s.empty() && (s.back() == ';' || s.back() == '.' || s.back() == ',' || s.back() == ' ')) s.pop_back();
    return s;
}

std::string joined(const std::vector<const Line*>& lines) {
    std::string s;
    for (const Line* l : lines) s += (s.empty() ? "" : " ") + collapse_spaces(l->text);
    return s;
}

void number_and_symbol(const Analysis& a, const nlohmann::json& in, Findings& out) {
    if (!a.number) return;
    const std::string line = a.number->text;
    const auto slash = line.rfind('/');
    if (!line.starts_with("Số:") || slash == std::string::npos) return;
    const std::string printed_symbol = line.substr(slash + 1);
    const std::string symbol = normal(str(in, "symbol"));
    std::string why;
    if (printed_symbol != symbol) {
        why = text::upper_vi(symbol) == printed_symbol ? " (the ký hiệu was upper-cased; print it as given)" : "";
    }
    out.check(printed_symbol == symbol, "R3.4",
              "ký hiệu " + quote_text(printed_symbol) + (printed_symbol == symbol ? " = input " : " ≠ input ") + quote_text(symbol) + why);
    std::string digits = normal(str(in, "number"));
    const std::size_t label = std::string("Số:").size();
    const std::string printed_number = collapse_spaces(line.substr(label, slash - label));
    const std::string expected = digits.empty() ? "" : text::document_number(digits);
    const std::string shown = printed_number.empty() || printed_number == " " ? "" : printed_number;
    out.check(collapse_spaces(shown) == expected, "R3.4",
              "number " + quote_text(shown) + (collapse_spaces(shown) == expected ? " = input " : " ≠ input ") + quote_text(expected));
}

void issuer(const Analysis& a, const nlohmann::json& in, Findings& out) {
    if (!in.contains("issuer") || a.issuer.empty()) return;
    const auto& iss = in.at("issuer");
    const std::string name = normal(iss.is_string() ? iss.get<std::string>() : str(iss, "name"));
    const std::string printed = joined(a.issuer);
    out.check(printed == text::upper_vi(name), "R3.3", "issuing name " + quote_text(printed) + " vs input " + quote_text(name));
}

void subject(const Analysis& a, const nlohmann::json& in, Findings& out) {
    const std::string subject = normal(str(in, "subject"));
    if (subject.empty()) return;
    if (a.letter) {
        std::string printed = joined(a.subject);
        if (printed.starts_with("V/v ")) printed = printed.substr(4);
        out.check(printed == subject, "R3.7", "V/v " + quote_text(printed) + (printed == subject ? " = input" : " ≠ input " + quote_text(subject)));
    } else if (!a.kind_subject.empty()) {
        const std::string printed = joined(a.kind_subject);
        out.check(printed == subject, "R3.6",
                  "trích yếu " + quote_text(printed) + (printed == subject ? " = input" : " ≠ input " + quote_text(subject)));
    }
}

void recipients(const Analysis& a, const nlohmann::json& in, Findings& out) {
    if (!in.contains("recipients") || !in.at("recipients").is_array()) return;
    std::vector<std::string> want;
    for (const auto& r : in.at("recipients")) {
        if (r.is_string()) want.push_back(without_end_punctuation(normal(r.get<std::string>())));
    }
    if (want.empty()) return;
    std::vector<std::string> got;
    if (!a.recipients.empty()) {
        const std::string first = collapse_spaces(a.recipients.front()->text);
        if (first != "Kính gửi:") {
            std::string all = joined(a.recipients);
            got.push_back(without_end_punctuation(all.substr(std::min(all.size(), std::string("Kính gửi: ").size()))));
        } else {
            for (std::size_t i = 1; i < a.recipients.size(); ++i) {
                const std::string t = collapse_spaces(a.recipients[i]->text);
                if (t.starts_with("- ") || got.empty()) got.push_back(t.starts_with("- ") ? t.substr(2) : t);
                else got.back() += " " + t;
            }
            for (auto& g : got) g = without_end_punctuation(g);
        }
    }
    const bool ok = got == want;
    std::string msg = std::to_string(got.size()) + " recipient(s) printed, " + std::to_string(want.size()) + " in the input";
    if (!ok) {
        for (std::size_t i = 0; i < std::max(got.size(), want.size()); ++i) {
            const std::string g = i < got.size() ? got[i] : "", w = i < want.size() ? want[i] : "";
            if (g != w) {
                msg += "; first difference: " + quote_text(g) + " vs " + quote_text(w);
                break;
            }
        }
    }
    out.check(ok, "R4", msg);
}

void signers(const Analysis& a, const nlohmann::json& in, Findings& out) {
    if (!in.contains("signers") || !in.at("signers").is_array()) return;
    std::vector<std::string> want, got;
    for (const auto& s : in.at("signers")) want.push_back(normal(str(s, "name")));
    for (std::size_t b = 0; b < a.signatures.size(); ++b) {
        const auto& block = a.signatures[b];
        std::vector<const Line*> name(block.begin() + static_cast<long>(std::min(a.signature_split[b], block.size())), block.end());
        got.push_back(joined(name));
    }
    std::vector<std::string> sorted_want = want, sorted_got = got;
    std::sort(sorted_want.begin(), sorted_want.end());
    std::sort(sorted_got.begin(), sorted_got.end());
    std::string list;
    for (const auto& g : got) list += (list.empty() ? "" : ", ") + quote_text(g);
    out.check(sorted_got == sorted_want, "R6", "signer names " + list + (sorted_got == sorted_want ? " = input" : " differ from the input"));
}

}  // namespace

void check_input(const Analysis& a, const nlohmann::json& in, Findings& out) {
    number_and_symbol(a, in, out);
    issuer(a, in, out);
    subject(a, in, out);
    recipients(a, in, out);
    signers(a, in, out);
}

}  // namespace vanban::check
