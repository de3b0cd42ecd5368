// WordprocessingML building blocks (ECMA-376 Part 1, §17) written with pugixml.
//
// The schema's property containers (w:pPr §17.3.1.26, w:rPr §17.3.2.28, w:tblPr
// §17.4.60, w:tcPr §17.4.70, w:sectPr §17.6.17) are xsd:sequences: Word rejects a file
// whose children come in another order ("unreadable content"). So every property is
// set through a struct here and written in schema order in one place, never appended
// ad hoc by the callers.
#pragma once

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::docx {

inline constexpr const char* kNsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* kNsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Units (§17.18): ST_TwipsMeasure (1 pt = 20 twips), ST_HpsMeasure (font sizes in
// half-points), ST_EighthPointMeasure (border widths). Rounded to the nearest unit.
long twips(double points);
long half_points(double points);
long eighth_points(double points);

// A paragraph border line (§17.3.1.24 pBdr children).
struct Border {
    double width = 0.5;          // points (w:sz in eighths)
    long space = 0;              // points between the text and the line (ST_PointMeasure)
    std::string color = "auto";  // RRGGBB or auto
};

// Paragraph properties, written in CT_PPrBase order.
struct ParagraphProps {
    std::string style;  // w:pStyle (always set by this writer: every paragraph has a named style)
    bool keep_next = false;
    bool page_break_before = false;
    bool widow_control = false;    // §17.3.1.44: no single line left alone at a page end or start
    // All four sides: the frames of urgency/secrecy/draft marks. `space` applies above
    // and below the text; the sides sit on the indents (space 0).
    std::optional<Border> box;
    std::optional<Border> bottom;  // bottom only: the header rules (R3.2, R3.3)
    std::optional<long> before, after;  // twips
    std::optional<long> exact_line;     // twips; w:lineRule="exact"
    std::optional<long> auto_line;      // 240ths of a line; w:lineRule="auto" (240 = single)
    std::optional<long> left, right, first_line, hanging;  // twips
    std::string jc;                     // left / center / right / both
    std::optional<int> outline_level;   // §17.3.1.20: headings show in Word's navigation pane
    std::optional<double> mark_size;    // size of the paragraph mark (points)
};

// Run properties, written in CT_RPr order.
struct RunProps {
    bool bold = false;
    bool italic = false;
    std::optional<double> size;  // points; unset = the style's
    std::string color;           // RRGGBB; empty = automatic (black)
    // A border around the run's own text (§17.3.2.4 w:bdr): it grows with the words,
    // so a frame made of it fits whatever the clerk types into it.
    std::optional<Border> border;
};

// Properties with only a style set.
inline ParagraphProps styled(std::string style) {
    ParagraphProps p;
    p.style = std::move(style);
    return p;
}

// <w:p> with its w:pPr.
pugi::xml_node add_paragraph(pugi::xml_node parent, const ParagraphProps& props);

// A w:pPr / w:rPr appended to `parent` (a paragraph, a style, docDefaults); write_rpr
// writes nothing when `props` is empty.
pugi::xml_node write_ppr(pugi::xml_node parent, const ParagraphProps& props);
void write_rpr(pugi::xml_node parent, const RunProps& props);

// Appends one run holding `text`. A tab becomes <w:tab/> and a line feed (or CR, or
// CR LF) a <w:br/> (§17.3.3.32, §17.3.3.1); spaces are kept with xml:space="preserve"
// where XML would otherwise lose them. A hyphen inside a token that holds a digit or a
// "/" (20-NQ/TW, 12/KH-TLĐ, 05/LĐLĐ-TG) becomes a non-breaking hyphen (§17.3.3.18
// w:noBreakHyphen): Word and LibreOffice may break a line after any hyphen, the PDF
// never breaks inside a word. Control characters that XML 1.0 forbids are
// dropped when the part is saved (see serialize()).
void add_run(pugi::xml_node paragraph, std::string_view text, const RunProps& props = {});

// Lines the PDF broke, joined with "\n" so that add_run breaks them where it did.
std::string joined_lines(const std::vector<std::string>& lines);

// Sets w:keepNext on an existing paragraph (keeps w:pPr in schema order), or on every
// paragraph of a table's last row, so that whatever follows stays on the same page.
void keep_with_next(pugi::xml_node paragraph_or_table);

// Tables (§17.4): fixed layout (§17.4.53 tblLayout), widths from w:tblGrid and every w:tcW.
struct TableProps {
    std::vector<long> grid;           // column widths, twips
    long cell_margin = 0;             // default left/right cell margin (tblCellMar), twips
    std::optional<double> borders;    // single lines of this width (points) on every edge; none if unset
    // A table nested in a cell and centred there (jc), sized to its content in Word
    // (tblLayout autofit, tblW auto); readers that do not autofit use `grid`.
    bool centred_autofit = false;
};
pugi::xml_node add_table(pugi::xml_node parent, const TableProps& props);

struct RowProps {
    bool cant_split = false;  // §17.4.6: the row never breaks across pages
    bool header = false;      // §17.4.49 tblHeader: repeated at the top of each page
};
pugi::xml_node add_row(pugi::xml_node table, const RowProps& props);

struct CellProps {
    long width = 0;  // twips
    std::optional<long> margin_top, margin_left, margin_bottom, margin_right;  // twips
    std::optional<Border> bottom;  // a bottom border of the cell (§17.4.66 tcBorders)
};
pugi::xml_node add_cell(pugi::xml_node row, const CellProps& props);

// Starts a part: the XML declaration (version 1.0, UTF-8, standalone) and the root.
pugi::xml_node start_part(pugi::xml_document& doc, const char* root);

// The part's bytes: UTF-8, no indentation, and pugi::format_skip_control_chars so that
// characters XML 1.0 forbids (U+0001…U+001F but tab, LF, CR) never reach the file —
// pugixml would otherwise write them as &#01; and the part would not be well-formed.
// Rows spooled as text (docx/spool.h) are unwrapped into place.
std::string serialize(const pugi::xml_document& doc);
// One element as serialize() writes it inside its part.
std::string serialize_node(pugi::xml_node node);

}  // namespace vanban::docx
