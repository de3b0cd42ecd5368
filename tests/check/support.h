// Helpers for the checker's tests: render a sample through the engine, break its
// layout on purpose, write it as PDF again, and see which rules fail.
#pragma once

#include "check/check.h"
#include "layout/page.h"
#include "render/engine.h"

#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace checktest {

namespace fs = std::filesystem;

const vanban::Engine& engine();  // one per test process (fonts and templates load once)
fs::path repo();
std::vector<fs::path> samples();
fs::path scratch(const std::string& name);  // a fresh empty directory

vanban::Rendered render_sample(const std::string& stem, bool pdfa = false);

// Writes `doc` with the engine's fonts; the bytes of a PDF.
std::string write(const vanban::layout::LaidOutDocument& doc);

vanban::check::Report check(const std::string& pdf, const vanban::check::CheckOptions& options = {});

// Rule IDs with a FAIL finding (warnings and skips are not failures).
std::set<std::string> failed_rules(const vanban::check::Report& r);

// The first text item whose text contains `needle` (on any page); fails the test if none.
vanban::layout::TextItem& item_containing(vanban::layout::LaidOutDocument& doc, const std::string& needle,
                                          std::size_t* page = nullptr);

}  // namespace checktest
