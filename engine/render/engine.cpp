#include "render/engine.h"

#include "core/diagnostic.h"
#include "core/files.h"
#include "core/heap.h"
#include "docx/docx_writer.h"
#include "fonts/font_set.h"
#include "input/document_input.h"
#include "layout/layout.h"
#include "markup/markup.h"
#include "pdf/pdf_writer.h"
#include "template/template_library.h"

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <unistd.h>

#include <vector>

#ifndef VANBAN_SOURCE_DIR
#define VANBAN_SOURCE_DIR "."
#endif

namespace vanban {

namespace fs = std::filesystem;

fs::path shipped_dir(std::string_view name) {
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        // build/vanban → the source tree's templates/ (build/ sits in it); an installed
        // /usr/bin/vanban → /usr/share/vanban/templates (FHS), wherever the prefix is;
        // /usr/libexec/vanban/vanban-full (cli/hand_off.h) → the same, one level up.
        const fs::path bin = exe.parent_path();
        for (const auto& p : {bin.parent_path() / "share" / "vanban" / name, bin.parent_path() / name, bin / name,
                              bin.parent_path().parent_path() / "share" / "vanban" / name}) {
            if (fs::is_directory(p, ec)) return p;
        }
    }
    return fs::path(VANBAN_SOURCE_DIR) / name;
}

namespace {

// The gap year comes from SOURCE_DATE_EPOCH when set, so that builds and tests of
// undated documents stay reproducible.
int default_gap_year() {
    std::time_t t = std::time(nullptr);
    if (const char* sde = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        const long long v = std::strtoll(sde, &end, 10);
        if (end && *end == '\0') t = static_cast<std::time_t>(v);
    }
    std::tm tm{};
    gmtime_r(&t, &tm);
    return tm.tm_year + 1900;
}

// Tables a template built from `data` are not seen by the input stage's row limit.
void check_table_rows(const model::Document& doc, const std::string& file_name, std::size_t limit) {
    auto check = [&](const std::vector<model::Block>& blocks) {
        for (const auto& b : blocks) {
            const auto* t = std::get_if<model::Table>(&b);
            if (t && t->rows.size() > limit) {
                fail_at_pointer(file_name, "", "a table has " + std::to_string(t->rows.size()) +
                                                   " rows, more than the limit of " + std::to_string(limit));
            }
        }
    };
    check(doc.body);
    for (const auto& a : doc.appendices) check(a.body);
}

// An appendix as the input and the model both know it: label and title, spaces collapsed.
std::string appendix_key(const std::string& label, const std::string& title) {
    std::string key;
    for (const char c : label + "\n" + title) {
        if (c == ' ' || c == '\t' || c == '\r') {
            if (!key.empty() && key.back() != ' ') key += ' ';
        } else {
            key += c;
        }
    }
    return key;
}

// Layout names a model appendix by its place among the document's appendices; a
// template may add its own before the input's (so-ket-nq20-don-vi), so the input's
// index is found by the appendix's label and title.
std::string input_pointer(const std::string& pointer, const model::Document& doc,
                          const std::vector<std::string>& input_appendices) {
    const std::string prefix = "/appendices/";
    if (pointer.rfind(prefix, 0) != 0) return pointer;
    const auto end = pointer.find('/', prefix.size());
    const std::size_t index = std::stoul(pointer.substr(prefix.size(), end - prefix.size()));
    const std::string rest = end == std::string::npos ? "" : pointer.substr(end);
    if (index >= doc.appendices.size()) return pointer;
    const auto& a = doc.appendices[index];
    const auto key = appendix_key(a.label, a.title);
    for (std::size_t i = 0; i < input_appendices.size(); ++i) {
        if (input_appendices[i] == key) {
            return prefix + std::to_string(i) + rest;
        }
    }
    return "/template";  // an appendix the template wrote itself
}

}  // namespace

Engine::Engine(EngineOptions options) : options_(std::move(options)) {
    keep_freed_heap();  // a warm DOCX render faulted its zlib buffers in again per part
    auto font_dirs = options_.font_dirs;
    font_dirs.push_back(shipped_dir("fonts"));
    fonts_ = fonts::shared_font_set(font_dirs);
    auto template_dirs = options_.template_dirs;
    template_dirs.push_back(shipped_dir("templates"));
    templates_ = std::make_unique<tmpl::TemplateLibrary>(template_dirs, options_.limits.max_partial_depth);
    gap_year_ = options_.gap_year ? options_.gap_year : default_gap_year();
}

Engine::~Engine() = default;

Rendered Engine::render(std::string_view json, const std::string& file_name, const RenderRequest& request) const {
    return run(json, nullptr, file_name, request);
}

Rendered Engine::run(std::string_view json, std::string* owned, const std::string& file_name,
                     const RenderRequest& request) const {
    Rendered out;
    const auto start = std::chrono::steady_clock::now();
    const auto limit = options_.limits.max_render_time;
    const auto in_time = [&](const char* next) {
        if (limit.count() > 0 && std::chrono::steady_clock::now() - start > limit) {
            throw RenderTimeout(Diagnostic{file_name, 0, 0, "", "the render took longer than the limit of " +
                                                                   std::to_string(limit.count()) + " ms (before " +
                                                                   next + ")"});
        }
    };

    input::ReadOptions ro;
    ro.file_name = file_name;
    ro.max_bytes = options_.limits.max_input_bytes;
    ro.max_depth = options_.limits.max_json_depth;
    ro.max_table_rows = options_.limits.max_table_rows;
    const fonts::FontSet& f = *fonts_;
    // Every printed style must have the glyph; Liberation's four faces cover the same set.
    // Asked once per distinct character of the document (a letter has ~100 of them in
    // ~2,000 characters): three face lookups per character were ~12 % of a warm render.
    // The answers for the Latin and Vietnamese range (below kKnown) are kept here;
    // 0 = not asked yet, 1 = has it, 2 = has not.
    constexpr char32_t kKnown = 0x2000;
    std::vector<std::uint8_t> known(kKnown, 0);
    ro.has_glyph = [&f, &known](char32_t c) {
        const auto ask = [&] {
            return f.has_glyph(fonts::Style::regular, c) && f.has_glyph(fonts::Style::bold, c) &&
                   f.has_glyph(fonts::Style::italic, c);
        };
        if (c >= kKnown) return ask();
        std::uint8_t& k = known[c];
        if (k == 0) k = ask() ? 1 : 2;
        return k == 1;
    };
    std::string name;
    std::vector<std::string> input_appendices;  // their titles, to name one in a layout error
    {
        // The normalised input lives only until the template has run: a 10,000-row table
        // would otherwise hold its JSON through layout and PDF writing (peak memory).
        const nlohmann::json data = input::read_document(json, ro);
        if (owned) std::string().swap(*owned);
        name = data.at("template").get<std::string>();
        if (const auto a = data.find("appendices"); a != data.end() && a->is_array()) {
            for (const auto& x : *a) input_appendices.push_back(appendix_key(x.value("label", ""), x.value("title", "")));
        }
        try {
            out.markup = templates_->render(name, data);
        } catch (const Error& e) {
            Diagnostic d = e.diagnostic();
            if (d.file.empty()) d.file = file_name;  // a bad template name is the input's fault
            throw Error(d);
        }
    }

    in_time("reading the markup");
    try {
        out.model = markup::parse(out.markup, "markup of " + name);
    } catch (const markup::MarkupError& e) {
        // Point at the template line that wrote the offending element, and say where in
        // the markup it ended up.
        const auto compiled = templates_->get(name);
        Diagnostic d = e.diagnostic();
        const auto loc = e.element().empty() ? std::nullopt : compiled->find(e.element());
        d.message += " (markup line " + std::to_string(d.line) + ":" + std::to_string(d.column) + ")";
        if (loc) {
            d.file = loc->file.string();
            d.line = loc->line;
            d.column = loc->column;
        } else {
            d.file = compiled->file().string();
            d.line = d.column = 0;
        }
        throw Error(d);
    }
    out.model.template_name = name;
    if (!request.keep_markup) std::string().swap(out.markup);
    check_table_rows(out.model, file_name, options_.limits.max_table_rows);

    // Layout runs for every format (the DOCX writer shares its line breaks), so a field
    // too big for its fixed region, or a document past the page limit, fails the same
    // way whatever was asked for — before any file is made.
    in_time("layout");
    layout::LayoutOptions lo;
    lo.gap_year = gap_year_;
    lo.max_pages = options_.limits.max_pages;
    try {
        out.layout = layout::layout_document(out.model, *fonts_, lo);
    } catch (const Error& e) {
        Diagnostic d = e.diagnostic();
        if (d.file.empty()) d.file = file_name;
        d.pointer = input_pointer(d.pointer, out.model, input_appendices);
        throw Error(d);
    }
    in_time("writing the files");
    if (!request.keep_page_items && !request.pdf) {
        for (auto& page : out.layout.pages) layout::drop_items(page);  // the DOCX writer reads none
    }
    if (request.pdf) {
        pdf::PdfOptions po;
        po.pdfa = request.pdfa;
        out.pdf = request.keep_page_items ? pdf::write_pdf(out.layout, *fonts_, po)
                                          : pdf::write_pdf_draining(out.layout, *fonts_, po);
    }
    if (request.docx) {
        in_time("writing the DOCX");
        const auto header = layout::header_geometry(out.model, *fonts_, lo.profile, gap_year_);
        out.docx = docx::write_docx(docx::DocxInput{out.model, header, lo.profile, out.layout.info, *fonts_, gap_year_,
                                                      out.layout.end_room});
    }
    return out;
}

Rendered Engine::render_file(const fs::path& input, const RenderRequest& request) const {
    std::string bytes = read_file(input, options_.limits.max_input_bytes);
    return run(bytes, &bytes, input.string(), request);
}

}  // namespace vanban
