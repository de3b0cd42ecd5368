#include "support.h"

#include "pdf/pdf_writer.h"

#include <catch2/catch.hpp>

#include <algorithm>

namespace checktest {

const vanban::Engine& engine() {
    static const vanban::Engine e;
    return e;
}

fs::path repo() { return VANBAN_SOURCE_DIR; }

std::vector<fs::path> samples() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(repo() / "samples")) {
        if (e.path().extension() == ".json") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

fs::path scratch(const std::string& name) {
    const fs::path dir = fs::path(VANBAN_BINARY_DIR) / "test-scratch" / "check" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

vanban::Rendered render_sample(const std::string& stem, bool pdfa) {
    vanban::RenderRequest request;
    request.pdf = true;
    request.pdfa = pdfa;
    return engine().render_file(repo() / "samples" / (stem + ".json"), request);
}

std::string write(const vanban::layout::LaidOutDocument& doc) { return vanban::pdf::write_pdf(doc, engine().fonts()); }

vanban::check::Report check(const std::string& pdf, const vanban::check::CheckOptions& options) {
    return vanban::check::check_pdf_data(pdf, "test.pdf", options);
}

std::set<std::string> failed_rules(const vanban::check::Report& r) {
    std::set<std::string> out;
    for (const auto& f : r.findings) {
        if (!f.ok && !f.warning) out.insert(f.rule);
    }
    return out;
}

vanban::layout::TextItem& item_containing(vanban::layout::LaidOutDocument& doc, const std::string& needle,
                                          std::size_t* page) {
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        for (auto& t : doc.pages[p].texts) {
            if (t.text.find(needle) != std::string::npos) {
                if (page) *page = p;
                return t;
            }
        }
    }
    FAIL("no text item contains '" << needle << "'");
    throw std::logic_error("unreachable");
}

}  // namespace checktest
