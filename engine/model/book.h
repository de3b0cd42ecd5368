// A printed book (sổ): a cover of centred lines, then one table on its own pages — the
// sổ đăng ký văn bản đi of NĐ 30/2020 Phụ lục IV is one. Not a văn bản: no header, no
// signature, no Quốc hiệu, so it has its own model rather than a Document template.
#pragma once

#include "model/document.h"

#include <optional>
#include <string>
#include <vector>

namespace vanban::model {

// One line of the cover as written; layout centres it and wraps it if it is too long.
struct CoverLine {
    std::string text;
    double size = 14;           // points
    bool bold = false;
    bool capitals = false;      // printed upper-case (names of bodies, like ô 2)
    double space_before = 0;    // points above the line
};

struct Book {
    std::vector<CoverLine> cover;  // page 1
    Table table;                   // from page 2; its header rows repeat on every page
    bool landscape = true;
    // What the PDF says about itself (Info and XMP): never the wall clock.
    std::string title;
    std::string author;
    std::string subject;
    std::optional<Date> date;
};

}  // namespace vanban::model
