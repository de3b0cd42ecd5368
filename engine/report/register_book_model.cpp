// The sổ đăng ký văn bản đi as a model::Book (Phụ lục IV): what the PDF printout shows.
#include "core/diagnostic.h"
#include "report/register_book.h"
#include "text/text.h"

#include <cstdio>

namespace vanban::report {

namespace {

// The store keeps what the clerk typed (possibly NFD, possibly with a line break);
// the model takes NFC text without controls, so it is cleaned here and a character
// that cannot be printed fails naming where it is rather than vanishing.
std::string clean(const std::string& s, const std::string& where, const std::string& pointer) {
    std::optional<text::TextProblem> problem;
    std::string out = text::clean_text(s, {}, problem);
    if (problem) fail_at_pointer(where, pointer, problem->message);
    return out;
}

// "05/02/2026" → a date for the PDF's Info; nothing when it is not one.
std::optional<model::Date> parse_vn_date(const std::string& s) {
    int d = 0, m = 0, y = 0;
    char tail = 0;
    if (std::sscanf(s.c_str(), "%2d/%2d/%4d%c", &d, &m, &y, &tail) != 3) return std::nullopt;
    if (y < 1900 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    return model::Date{y, m, d};
}

// The clerk's gap when the book has no entries yet (a new year's empty book).
std::string or_gap(const std::string& s) { return s.empty() ? "………" : s; }

}  // namespace

model::Book register_book_model(const RegisterBookPrint& b) {
    const std::string where = "the register of " + std::to_string(b.year);
    model::Book book;
    using model::CoverLine;
    if (!b.parent.empty()) book.cover.push_back(CoverLine{clean(b.parent, where, "/parent"), 13, false, true, 0});
    book.cover.push_back(CoverLine{clean(b.organisation, where, "/organisation"), 13, true, true, 0});
    book.cover.push_back(CoverLine{"SỔ ĐĂNG KÝ VĂN BẢN ĐI", 24, true, false, 96});
    // The ordinary book needs no subtitle; a separate sequence (mật, sao, a Hội đồng) says which.
    if (!b.book_title.empty() && b.book_title != "Văn bản đi")
        book.cover.push_back(CoverLine{"(" + clean(b.book_title, where, "/book_title") + ")", 16, true, false, 6});
    book.cover.push_back(CoverLine{"Năm " + std::to_string(b.year), 16, true, false, 36});
    book.cover.push_back(CoverLine{"Từ ngày " + or_gap(b.from_date) + " đến ngày " + or_gap(b.to_date), 14, false, false, 36});
    book.cover.push_back(CoverLine{"Từ số " + or_gap(b.from_number) + " đến số " + or_gap(b.to_number), 14, false, false, 6});
    book.cover.push_back(CoverLine{"Quyển số: " + or_gap(b.volume), 14, false, false, 6});

    // Weights as in the .xlsx: the trích yếu gets the most room, then the recipients.
    static const double kWeights[] = {14, 11, 40, 16, 24, 16, 7, 10, 10, 16};
    static const model::Align kAlign[] = {model::Align::left,   model::Align::center, model::Align::left,
                                          model::Align::left,   model::Align::left,   model::Align::left,
                                          model::Align::center, model::Align::center, model::Align::left,
                                          model::Align::left};
    const auto& titles = register_book_columns();
    for (std::size_t c = 0; c < titles.size(); ++c)
        book.table.columns.push_back(model::TableColumn{{model::Span{titles[c]}}, kWeights[c], kAlign[c]});
    book.table.column_numbers = true;
    static const char* kFields[] = {"/number_symbol", "/date",    "/type_and_subject", "/signer",      "/recipients",
                                    "/kept_by",       "/copies",  "/sent_date",        "/received_by", "/note"};
    for (std::size_t i = 0; i < b.rows.size(); ++i) {
        const RegisterBookRow& r = b.rows[i];
        const std::string* cells[] = {&r.number_symbol, &r.date,      &r.type_and_subject, &r.signer,
                                      &r.recipients,    &r.kept_by,   &r.copies,           &r.sent_date,
                                      &r.received_by,   &r.note};
        std::vector<model::TableCell> row;
        for (std::size_t c = 0; c < 10; ++c) {
            const std::string text = clean(*cells[c], where + ", entry " + r.number_symbol,
                                           "/rows/" + std::to_string(i) + kFields[c]);
            row.push_back(model::TableCell{text.empty() ? model::InlineText{} : model::InlineText{model::Span{text}}, false});
        }
        book.table.rows.push_back(std::move(row));
    }

    book.title = "Sổ đăng ký văn bản đi năm " + std::to_string(b.year);
    book.author = text::upper_vi(clean(b.organisation, where, "/organisation"));
    book.subject = b.book_title.empty() ? book.title : book.title + " — " + b.book_title;
    // The date of the last entry (or 31/12 of an empty book's year): never the wall clock.
    book.date = parse_vn_date(b.to_date);
    if (!book.date && b.year >= 1900) book.date = model::Date{b.year, 12, 31};
    return book;
}

}  // namespace vanban::report
