// Rows of a long table written out as they are made instead of kept as a DOM: pugixml
// holds ~6 KB of nodes per four-cell row, 64 MB of a 10,000-row table's 140 MB peak
// (issue 18). The rows are built in a scratch table; every kBatch rows their XML (as
// serialize() would write it) moves into one processing instruction
// <?vanban-rows …?> of the real table, and serialize() takes the wrapper off again, so
// the part's bytes are exactly those the whole DOM would give.
#pragma once

#include <pugixml.hpp>

#include <string>

namespace vanban::docx {

class RowSpool {
public:
    explicit RowSpool(pugi::xml_node table);
    // Where the next spooled row goes (a w:tr is appended to it by the caller).
    pugi::xml_node rows() { return scratch_.first_child(); }
    // Call after each row: every kBatch rows, they move into the real table as text.
    void row_done();
    // Moves what is left; call before appending a row to the real table itself.
    void flush();

private:
    static constexpr int kBatch = 256;
    pugi::xml_node table_;
    pugi::xml_document scratch_;
    int pending_ = 0;
};

// Takes the <?vanban-rows ?> wrappers off a serialised part (in place).
void unwrap_spooled_rows(std::string& xml);

}  // namespace vanban::docx
