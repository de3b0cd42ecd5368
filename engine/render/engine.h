// The whole pipeline behind one small API:
//   input (JSON) → template (Mustache) → markup (XML) → model → layout → pdf.
//
// An Engine holds what is worth keeping between documents — the template library with
// its parsed templates, the fonts — and is safe to use from several threads at once.
#pragma once

#include "core/diagnostic.h"
#include "layout/page.h"
#include "model/document.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::fonts { class FontSet; }
namespace vanban::tmpl { class TemplateLibrary; }

namespace vanban {

// What one document may ask of the engine; a document over a limit fails with an error
// naming its file and the limit (`vanban render --max-…` changes them; README "Limits").
struct Limits {
    std::size_t max_input_bytes = 16 * 1024 * 1024;  // the document JSON
    int max_json_depth = 64;                         // JSON nesting (the top-level object is 1; keep ≤ 1000:
                                                     // the tree is copied recursively)
    int max_partial_depth = 16;                      // template partials (the template is 1)
    std::size_t max_table_rows = 100000;             // rows of one table
    std::size_t max_pages = 5000;                    // pages of the laid-out document (checked while laying
                                                     // out; a 100,000-row table of short cells takes ~2,700)
    // Time for one render, checked between stages (0: none). `vanban serve` sets one;
    // the row and page limits keep each stage short.
    std::chrono::milliseconds max_render_time{0};
};

// A render that ran past Limits::max_render_time (the message names the limit).
class RenderTimeout : public Error {
public:
    using Error::Error;
};

struct EngineOptions {
    // Searched first, in order, before the shipped templates/ and fonts/.
    std::vector<std::filesystem::path> template_dirs;
    std::vector<std::filesystem::path> font_dirs;
    // Year printed in the clerk's gap "ngày    tháng    năm …" when a document has no
    // date; 0 = SOURCE_DATE_EPOCH's year if set, else the current year.
    int gap_year = 0;
    // (The `{}` keeps GCC's -Wmissing-field-initializers quiet for EngineOptions{dirs, fonts, year}.)
    Limits limits{};
};

// What to make of a document; every format comes from one parse.
struct RenderRequest {
    bool pdf = true;
    bool docx = false;
    bool pdfa = false;  // the PDF as PDF/A-1b
    // What Rendered keeps besides the files. A 10,000-row table's markup and laid-out
    // items are most of a render's memory (issue 18); a caller that only writes the
    // files lets each go as soon as the next stage has it:
    bool keep_markup = true;      // false: Rendered::markup is freed once parsed
    bool keep_page_items = true;  // false: each page's texts, rules and frames are freed once
                                  // written; the pages stay (their count, size, anchors and
                                  // signature areas: what `sign` and the server read)
};

// Every stage's output for one document, for tests and `vanban render --emit`.
struct Rendered {
    std::string markup;
    model::Document model;
    layout::LaidOutDocument layout;
    std::string pdf;   // empty unless requested
    std::string docx;  // empty unless requested
};

class Engine {
public:
    explicit Engine(EngineOptions options = {});
    ~Engine();

    // Runs the pipeline on the bytes of a document JSON; `file_name` names it in errors.
    // Throws vanban::Error with the file and a line:column or JSON Pointer.
    Rendered render(std::string_view json, const std::string& file_name, const RenderRequest& request = {}) const;

    // Reads `input` and renders it.
    Rendered render_file(const std::filesystem::path& input, const RenderRequest& request = {}) const;

    const fonts::FontSet& fonts() const { return *fonts_; }
    const EngineOptions& options() const { return options_; }
    const tmpl::TemplateLibrary& templates() const { return *templates_; }

private:
    // `owned`, when given, holds the bytes `json` views and is freed once they are read.
    Rendered run(std::string_view json, std::string* owned, const std::string& file_name,
                 const RenderRequest& request) const;

    EngineOptions options_;
    std::shared_ptr<const fonts::FontSet> fonts_;
    std::unique_ptr<tmpl::TemplateLibrary> templates_;
    int gap_year_ = 0;
};

// The shipped templates/ and fonts/ directories: next to the executable's parent
// (an installed or built tree), else the source tree this binary was built from.
std::filesystem::path shipped_dir(std::string_view name);

}  // namespace vanban
