#include "report/register_book.h"

#include "core/diagnostic.h"
#include "core/files.h"

#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <limits>
#include <unistd.h>

namespace vanban::report {

namespace fs = std::filesystem;

const std::vector<std::string>& register_book_columns() {
    static const std::vector<std::string> columns = {
        "Số, ký hiệu văn bản", "Ngày tháng văn bản",          "Tên loại và trích yếu nội dung",
        "Người ký",            "Nơi nhận văn bản",            "Đơn vị, người nhận bản lưu",
        "Số lượng bản",        "Ngày chuyển",                 "Ký nhận",
        "Ghi chú",
    };
    return columns;
}

namespace {

// A private scratch directory: libxlsxwriter writes to a path and keeps its own
// temporaries; both stay inside it and go with it.
struct ScratchDir {
    fs::path path;
    ScratchDir() {
        std::string tmpl = (fs::temp_directory_path() / "vanban-xlsx-XXXXXX").string();
        if (!::mkdtemp(tmpl.data())) fail_at_pointer(tmpl, "", "cannot create a temporary directory");
        path = tmpl;
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

void write_cover(lxw_workbook* wb, const RegisterBookPrint& b) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Bìa");
    worksheet_set_paper(ws, 9);  // A4
    worksheet_set_column(ws, 0, 0, 90, nullptr);
    lxw_format* upper = workbook_add_format(wb);
    format_set_align(upper, LXW_ALIGN_CENTER);
    format_set_font_name(upper, "Times New Roman");
    format_set_font_size(upper, 13);
    lxw_format* org = workbook_add_format(wb);
    format_set_align(org, LXW_ALIGN_CENTER);
    format_set_font_name(org, "Times New Roman");
    format_set_font_size(org, 13);
    format_set_bold(org);
    lxw_format* title = workbook_add_format(wb);
    format_set_align(title, LXW_ALIGN_CENTER);
    format_set_font_name(title, "Times New Roman");
    format_set_font_size(title, 24);
    format_set_bold(title);
    lxw_format* line = workbook_add_format(wb);
    format_set_align(line, LXW_ALIGN_CENTER);
    format_set_font_name(line, "Times New Roman");
    format_set_font_size(line, 14);
    worksheet_write_string(ws, 0, 0, b.parent.c_str(), upper);
    worksheet_write_string(ws, 1, 0, b.organisation.c_str(), org);
    worksheet_write_string(ws, 5, 0, "SỔ ĐĂNG KÝ VĂN BẢN ĐI", title);
    worksheet_write_string(ws, 6, 0, b.book_title.c_str(), line);
    const std::string year = "Năm " + std::to_string(b.year);
    const std::string dates = "Từ ngày " + b.from_date + " đến ngày " + b.to_date;
    const std::string numbers = "Từ số " + b.from_number + " đến số " + b.to_number;
    const std::string volume = "Quyển số: " + b.volume;
    worksheet_write_string(ws, 8, 0, year.c_str(), line);
    worksheet_write_string(ws, 10, 0, dates.c_str(), line);
    worksheet_write_string(ws, 11, 0, numbers.c_str(), line);
    worksheet_write_string(ws, 12, 0, volume.c_str(), line);
}

void write_register(lxw_workbook* wb, const RegisterBookPrint& b) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Sổ đăng ký");
    worksheet_set_paper(ws, 9);
    worksheet_set_landscape(ws);
    worksheet_repeat_rows(ws, 0, 1);  // the header on every printed page
    worksheet_freeze_panes(ws, 2, 0);
    worksheet_fit_to_pages(ws, 1, 0);
    lxw_format* head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_text_wrap(head);
    format_set_align(head, LXW_ALIGN_CENTER);
    format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(head, LXW_BORDER_THIN);
    format_set_font_name(head, "Times New Roman");
    lxw_format* cell = workbook_add_format(wb);
    format_set_text_wrap(cell);
    format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(cell, LXW_BORDER_THIN);
    format_set_font_name(cell, "Times New Roman");
    const double widths[] = {14, 11, 40, 16, 24, 16, 7, 10, 10, 16};
    const auto& titles = register_book_columns();
    for (std::size_t c = 0; c < titles.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        worksheet_set_column(ws, col, col, widths[c], nullptr);
        worksheet_write_string(ws, 0, col, titles[c].c_str(), head);
        const std::string n = "(" + std::to_string(c + 1) + ")";
        worksheet_write_string(ws, 1, col, n.c_str(), head);
    }
    lxw_row_t row = 2;
    for (const RegisterBookRow& r : b.rows) {
        const std::string* cells[] = {&r.number_symbol, &r.date, &r.type_and_subject, &r.signer, &r.recipients,
                                      &r.kept_by, &r.copies, &r.sent_date, &r.received_by, &r.note};
        for (std::size_t c = 0; c < 10; ++c)
            worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), cells[c]->c_str(), cell);
        ++row;
    }
}

}  // namespace

std::string register_book_xlsx(const RegisterBookPrint& book) {
    ScratchDir scratch;
    const fs::path out = scratch.path / "book.xlsx";
    std::string tmpdir = scratch.path.string();
    lxw_workbook_options options{};
    options.tmpdir = tmpdir.data();
    lxw_workbook* wb = workbook_new_opt(out.c_str(), &options);
    if (!wb) fail_at_pointer(out.string(), "", "cannot create the workbook");
    lxw_doc_properties props{};
    std::string title = "Sổ đăng ký văn bản đi năm " + std::to_string(book.year);
    props.title = title.data();
    std::string author = book.organisation;
    props.author = author.data();
    // A fixed creation time (1 January of the book's year, UTC) keeps the bytes stable.
    std::tm tm{};
    tm.tm_year = (book.year > 1900 ? book.year : 1980) - 1900;
    tm.tm_mday = 1;
    props.created = timegm(&tm);
    workbook_set_properties(wb, &props);
    write_cover(wb, book);
    write_register(wb, book);
    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR)
        fail_at_pointer(out.string(), "", std::string("cannot write the workbook: ") + lxw_strerror(err));
    return read_file(out, std::numeric_limits<std::size_t>::max());
}

}  // namespace vanban::report
