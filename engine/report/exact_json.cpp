#include "report/exact_json.h"

#include "core/diagnostic.h"

namespace vanban::report {

namespace {

// nlohmann's own DOM builder, except that floats are stored as their source text.
struct ExactSax : nlohmann::detail::json_sax_dom_parser<nlohmann::json> {
    using Base = nlohmann::detail::json_sax_dom_parser<nlohmann::json>;
    using Base::Base;
    bool number_float(double /*value*/, const std::string& text) {
        std::string copy = text;
        return Base::string(copy);
    }
};

}  // namespace

nlohmann::json parse_exact(std::string_view bytes, const std::string& file) {
    nlohmann::json out;
    ExactSax sax(out, true);
    try {
        nlohmann::json::sax_parse(bytes.begin(), bytes.end(), &sax);
    } catch (const nlohmann::json::parse_error& e) {
        // nlohmann counts the byte after the problem; point at the problem itself.
        const std::size_t at = e.byte > 0 ? std::min<std::size_t>(e.byte - 1, bytes.size()) : 0;
        const LineColumn lc = line_column_at(bytes, at);
        std::string what = e.what();
        const auto colon = what.rfind(": ");
        fail_at_line(file, lc.line, lc.column, "invalid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)));
    }
    return out;
}

std::string pointer_token(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

}  // namespace vanban::report
