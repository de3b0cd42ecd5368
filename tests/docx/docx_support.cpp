#include "docx_support.h"

#include <pugixml.hpp>

#include <cmath>
#include <cstdio>
#include <sstream>

namespace docx_test {

namespace {

constexpr double kMm = 25.4 / 72;

// "matrix(a,b,c,d,e,f)" → the six numbers (identity when absent).
std::array<double, 6> matrix_of(const char* transform) {
    std::array<double, 6> m{1, 0, 0, 1, 0, 0};
    if (!transform) return m;
    std::sscanf(transform, "matrix(%lf,%lf,%lf,%lf,%lf,%lf)", &m[0], &m[1], &m[2], &m[3], &m[4], &m[5]);
    return m;
}

void collect(pugi::xml_node node, PageInk& ink) {
    for (auto child : node.children()) {
        const std::string name = child.name();
        if (name == "defs") continue;  // glyph outlines, not placed ink
        if (name == "use" && std::string(child.attribute("xlink:href").value()).rfind("#glyph", 0) == 0) {
            ink.glyphs.push_back(Glyph{child.attribute("x").as_double() * kMm, child.attribute("y").as_double() * kMm});
        } else if (name == "path" && std::string(child.attribute("style").value()).find("stroke-width") !=
                                         std::string::npos) {
            // A stroked segment "M x1 y1 L x2 y2" under an optional transform.
            double x1, y1, x2, y2;
            if (std::sscanf(child.attribute("d").value(), "M %lf %lf L %lf %lf", &x1, &y1, &x2, &y2) == 4) {
                const auto m = matrix_of(child.attribute("transform").value());
                const double X1 = m[0] * x1 + m[2] * y1 + m[4], Y1 = m[1] * x1 + m[3] * y1 + m[5];
                const double X2 = m[0] * x2 + m[2] * y2 + m[4], Y2 = m[1] * x2 + m[3] * y2 + m[5];
                if (std::abs(Y1 - Y2) < 0.1 && std::abs(X1 - X2) > 1) {
                    ink.rules.push_back(Rule{std::min(X1, X2) * kMm, std::max(X1, X2) * kMm, Y1 * kMm});
                }
            }
        }
        collect(child, ink);
    }
}

}  // namespace

bool have(const std::string& tool) {
    return e2e::run("command -v " + e2e::quote(tool) + " >/dev/null").exit_code == 0;
}

std::vector<std::string> entries(const fs::path& docx) {
    const auto r = e2e::run("unzip -Z1 " + e2e::quote(docx.string()));
    std::vector<std::string> out;
    std::istringstream lines(r.out);
    std::string line;
    while (std::getline(lines, line)) {
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

void unpack(const fs::path& docx, const fs::path& dir) {
    e2e::run("unzip -q -o " + e2e::quote(docx.string()) + " -d " + e2e::quote(dir.string()));
}

std::optional<fs::path> schema_dir() {
    // ../shared next to the checkout, or next to the folder of worktrees it sits in.
    for (const auto& dir : {e2e::repo() / ".." / "shared" / "ooxml-xsd", e2e::repo() / ".." / ".." / "shared" / "ooxml-xsd"}) {
        if (fs::exists(dir / "wml-validate.xsd")) return fs::canonical(dir);
    }
    return std::nullopt;
}

nlohmann::json python_docx(const fs::path& docx) {
    const auto r = e2e::run("/usr/bin/python3 " + e2e::quote((e2e::repo() / "tests/docx/docx_dump.py").string()) + " " +
                            e2e::quote(docx.string()));
    if (r.exit_code != 0) return nlohmann::json{{"error", r.err}};
    return nlohmann::json::parse(r.out);
}

PageInk page_ink(const fs::path& pdf, int page) {
    const auto svg = e2e::scratch("svg") / "page.svg";
    const std::string n = std::to_string(page);
    e2e::run("pdftocairo -svg -f " + n + " -l " + n + " " + e2e::quote(pdf.string()) + " " + e2e::quote(svg.string()));
    pugi::xml_document doc;
    doc.load_file(svg.c_str());
    PageInk ink;
    collect(doc.document_element(), ink);
    return ink;
}

std::optional<double> baseline(const PageInk& ink, const e2e::TextLine& line) {
    const auto& first = line.words.front();
    for (const auto& g : ink.glyphs) {
        if (std::abs(g.x - first.x_min) < 0.15 && g.y >= first.y_min && g.y <= first.y_max + 0.01) return g.y;
    }
    return std::nullopt;
}

std::optional<Rule> rule_under(const PageInk& ink, const e2e::TextLine& line) {
    std::optional<Rule> best;
    const double bottom = line.y_max();
    for (const auto& r : ink.rules) {
        if (r.y < bottom - 2 || r.y > bottom + 6) continue;
        if (r.centre() < line.x_min() || r.centre() > line.x_max()) continue;
        if (!best || r.y < best->y) best = r;
    }
    return best;
}

}  // namespace docx_test
