// vanban verify's output: one block per file, one line per check (text), or JSON.
#include "sign/verify.h"

namespace vanban::sign {

namespace {

nlohmann::json verdict(const Verdict& v) { return {{"ok", v.ok}, {"detail", v.detail}}; }

std::string line(const char* what, const Verdict& v) {
    return std::string("    ") + what + ": " + (v.ok ? "ok" : "FAILED") + (v.detail.empty() ? "" : " — " + v.detail) +
           "\n";
}

}  // namespace

nlohmann::json VerifyReport::to_json() const {
    nlohmann::json sigs = nlohmann::json::array();
    for (const auto& s : signatures) {
        nlohmann::json j{{"field", s.field},
                         {"sub_filter", s.sub_filter},
                         {"signer", s.signer},
                         {"signing_time", s.signing_time},
                         {"byte_range", s.byte_range},
                         {"byte_range_shape", verdict(s.byte_range_shape)},
                         {"integrity", verdict(s.integrity)},
                         {"signature", verdict(s.signature)},
                         {"chain", verdict(s.chain)},
                         {"signing_certificate", verdict(s.signing_certificate)},
                         {"timestamp", s.timestamp ? verdict(*s.timestamp) : nlohmann::json()},
                         {"covers_whole_file", s.covers_whole_file},
                         {"changes_after", verdict(s.changes_after)},
                         {"changes", s.changes},
                         {"valid", s.valid()}};
        sigs.push_back(std::move(j));
    }
    return {{"file", file}, {"valid", valid()}, {"errors", errors}, {"signatures", sigs}};
}

std::string VerifyReport::to_text() const {
    std::string out = file + ": " + (valid() ? "VALID" : "NOT VALID") + " (" + std::to_string(signatures.size()) +
                      (signatures.size() == 1 ? " signature)\n" : " signatures)\n");
    for (const auto& e : errors) out += "  error: " + e + "\n";
    for (const auto& s : signatures) {
        out += "  " + s.field + (s.valid() ? " VALID" : " NOT VALID") + ": " + s.signer +
               (s.signing_time.empty() ? "" : ", /M " + s.signing_time) + " [" + s.sub_filter + "]\n";
        out += line("byte range", s.byte_range_shape);
        out += line("integrity", s.integrity);
        out += line("signature", s.signature);
        out += line("certificate chain", s.chain);
        out += line("signing certificate attribute", s.signing_certificate);
        if (s.timestamp) out += line("timestamp", *s.timestamp);
        else out += "    timestamp: none\n";
        out += std::string("    covers the whole file: ") + (s.covers_whole_file ? "yes" : "no") + "\n";
        out += line("changes after signing", s.changes_after);
        for (const auto& c : s.changes) out += "      " + c + "\n";
    }
    if (!signatures.empty() && !signatures.back().covers_whole_file) {
        out += "  error: the last signature does not cover the whole file\n";
    }
    return out;
}

std::string VerifyReport::problem() const {
    if (!errors.empty()) return errors.front();
    if (signatures.empty()) return "no signature";
    for (const auto& s : signatures) {
        if (s.valid()) continue;
        const std::pair<const char*, const Verdict*> checks[] = {
            {"byte range", &s.byte_range_shape}, {"integrity", &s.integrity},
            {"signature", &s.signature},         {"certificate chain", &s.chain},
            {"signing certificate attribute", &s.signing_certificate},
            {"timestamp", s.timestamp ? &*s.timestamp : nullptr},
            {"changes after signing", &s.changes_after}};
        for (const auto& [what, v] : checks) {
            if (v && !v->ok) return s.field + ": " + what + (v->detail.empty() ? "" : ": " + v->detail);
        }
        return s.field + ": not valid";
    }
    if (!signatures.back().covers_whole_file) return "the last signature does not cover the whole file";
    return {};
}

}  // namespace vanban::sign
