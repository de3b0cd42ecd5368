// The summary as an .xlsx workbook (libxlsxwriter), for the offices that live in
// spreadsheets: one sheet "Tổng hợp" with the per-unit table (numbers as numbers,
// Vietnamese headers, the header row frozen, a bold "Tổng cộng" row) and one sheet
// "Tình hình báo cáo" with the units that did not report, reported late or were
// filed under a merged unit.
#include "report/summary.h"

#include "core/diagnostic.h"

#include <pugixml.hpp>
#include <xlsxwriter.h>
#include <zip.h>

#include <ctime>
#include <filesystem>
#include <string>

namespace vanban::report {

namespace {

// 00:00 UTC of an ISO date, so the workbook's creation date — and its bytes — depend
// on the form, not on the clock.
std::time_t midnight_utc(const std::string& iso) {
    std::tm tm{};
    if (iso.size() != 10 || !strptime(iso.c_str(), "%Y-%m-%d", &tm)) return 315532800;  // 1980-01-01
    return timegm(&tm);
}

double as_number(const Amount& a) { return std::stod(a.to_string()); }

struct Workbook {
    lxw_workbook* wb;
    explicit Workbook(const std::string& path) : wb(workbook_new(path.c_str())) {}
    ~Workbook() {
        if (wb) workbook_close(wb);
    }
    lxw_error close() {
        const lxw_error e = workbook_close(wb);
        wb = nullptr;
        return e;
    }
};

void write_table(lxw_workbook* wb, const Form& form, const Summary& s) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Tổng hợp");
    lxw_format* head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_text_wrap(head);
    format_set_align(head, LXW_ALIGN_CENTER);
    format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(head, LXW_BORDER_THIN);
    lxw_format* text = workbook_add_format(wb);
    format_set_border(text, LXW_BORDER_THIN);
    lxw_format* count = workbook_add_format(wb);
    format_set_num_format(count, "#,##0");
    format_set_border(count, LXW_BORDER_THIN);
    lxw_format* decimal = workbook_add_format(wb);
    format_set_num_format(decimal, "#,##0.00");
    format_set_border(decimal, LXW_BORDER_THIN);
    lxw_format* total_text = workbook_add_format(wb);
    format_set_bold(total_text);
    format_set_border(total_text, LXW_BORDER_THIN);
    lxw_format* total_count = workbook_add_format(wb);
    format_set_bold(total_count);
    format_set_num_format(total_count, "#,##0");
    format_set_border(total_count, LXW_BORDER_THIN);
    lxw_format* total_decimal = workbook_add_format(wb);
    format_set_bold(total_decimal);
    format_set_num_format(total_decimal, "#,##0.00");
    format_set_border(total_decimal, LXW_BORDER_THIN);

    worksheet_write_string(ws, 0, 0, "STT", head);
    worksheet_write_string(ws, 0, 1, "Mã đơn vị", head);
    worksheet_write_string(ws, 0, 2, "Đơn vị", head);
    const auto first = static_cast<lxw_col_t>(3);
    for (std::size_t i = 0; i < form.indicators.size(); ++i) {
        const Indicator& ind = form.indicators[i];
        const std::string title = ind.label + " (" + ind.unit + ")";
        worksheet_write_string(ws, 0, static_cast<lxw_col_t>(first + i), title.c_str(), head);
    }
    worksheet_set_row(ws, 0, 60, nullptr);
    worksheet_set_column(ws, 0, 0, 5, nullptr);
    worksheet_set_column(ws, 1, 1, 9, nullptr);
    worksheet_set_column(ws, 2, 2, 22, nullptr);
    worksheet_set_column(ws, first, static_cast<lxw_col_t>(first + form.indicators.size()), 14, nullptr);
    worksheet_freeze_panes(ws, 1, 3);  // the header row and the unit columns stay in view

    lxw_row_t row = 1;
    for (const SummaryRow& r : s.rows) {
        worksheet_write_number(ws, row, 0, static_cast<double>(row), text);
        worksheet_write_string(ws, row, 1, r.unit.code.c_str(), text);
        worksheet_write_string(ws, row, 2, r.unit.name.c_str(), text);
        for (std::size_t i = 0; i < r.values.size(); ++i) {
            const auto col = static_cast<lxw_col_t>(first + i);
            const bool dec = form.indicators[i].decimal;
            if (r.values[i]) worksheet_write_number(ws, row, col, as_number(*r.values[i]), dec ? decimal : count);
            else worksheet_write_blank(ws, row, col, text);
        }
        ++row;
    }
    worksheet_write_blank(ws, row, 0, total_text);
    worksheet_write_blank(ws, row, 1, total_text);
    worksheet_write_string(ws, row, 2, "Tổng cộng", total_text);
    for (std::size_t i = 0; i < s.totals.size(); ++i) {
        const bool dec = form.indicators[i].decimal;
        worksheet_write_number(ws, row, static_cast<lxw_col_t>(first + i), as_number(s.totals[i]),
                               dec ? total_decimal : total_count);
    }
}

void write_status(lxw_workbook* wb, const Summary& s) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Tình hình báo cáo");
    lxw_format* head = workbook_add_format(wb);
    format_set_bold(head);
    worksheet_write_string(ws, 0, 0, "Tình hình", head);
    worksheet_write_string(ws, 0, 1, "Mã đơn vị", head);
    worksheet_write_string(ws, 0, 2, "Đơn vị", head);
    worksheet_write_string(ws, 0, 3, "Ghi chú", head);
    worksheet_set_column(ws, 0, 0, 22, nullptr);
    worksheet_set_column(ws, 2, 2, 22, nullptr);
    worksheet_set_column(ws, 3, 3, 40, nullptr);
    worksheet_freeze_panes(ws, 1, 0);
    lxw_row_t row = 1;
    auto line = [&](const char* what, const Unit& u, const std::string& note) {
        worksheet_write_string(ws, row, 0, what, nullptr);
        worksheet_write_string(ws, row, 1, u.code.c_str(), nullptr);
        worksheet_write_string(ws, row, 2, u.name.c_str(), nullptr);
        if (!note.empty()) worksheet_write_string(ws, row, 3, note.c_str(), nullptr);
        ++row;
    };
    for (const Unit& u : s.missing) line("Chưa báo cáo", u, "");
    for (const LateReport& l : s.late) line("Báo cáo sau thời hạn", l.unit, "ngày " + l.date.substr(8, 2) + "/" + l.date.substr(5, 2) + "/" + l.date.substr(0, 4));
    for (const MergedReport& m : s.merged) line("Đơn vị cũ đã hợp nhất", m.into, m.former_name + " (mã " + m.former_code + ")");
}

// libxlsxwriter does not check the writes to its scratch files (in $TMPDIR): with that
// directory full it "succeeds" with a truncated sheet. So the workbook is read back —
// every part's CRC, every XML part well-formed — before anyone may rename it into place.
void verify_workbook(const std::filesystem::path& file, const std::string& name) {
    int err = 0;
    zip_t* z = zip_open(file.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!z) fail_at_pointer(name, "", "the workbook written is not a readable zip; nothing written");
    std::string damage;
    bool has_sheet = false;
    const zip_int64_t n = zip_get_num_entries(z, 0);
    for (zip_int64_t i = 0; i < n && damage.empty(); ++i) {
        const std::string part = zip_get_name(z, static_cast<zip_uint64_t>(i), 0);
        has_sheet = has_sheet || part == "xl/worksheets/sheet1.xml";
        zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
        std::string bytes;
        char buf[65536];
        zip_int64_t got = 0;
        while (f && (got = zip_fread(f, buf, sizeof buf)) > 0) bytes.append(buf, static_cast<std::size_t>(got));
        if (!f || got < 0) damage = part + " cannot be read back";
        if (f) zip_fclose(f);
        const bool xml = part.size() > 4 && (part.ends_with(".xml") || part.ends_with(".rels"));
        if (damage.empty() && xml) {
            pugi::xml_document doc;
            const pugi::xml_parse_result r = doc.load_buffer(bytes.data(), bytes.size());
            if (!r) damage = part + " is not well-formed XML (" + r.description() + "; a scratch file in $TMPDIR was cut short?)";
        }
    }
    zip_discard(z);
    if (damage.empty() && !has_sheet) damage = "xl/worksheets/sheet1.xml is missing";
    if (!damage.empty()) fail_at_pointer(name, "", "the workbook written is damaged: " + damage + "; nothing written");
}

}  // namespace

void write_summary_xlsx(const Form& form, const Summary& s, const std::filesystem::path& path, const std::string& name) {
    lxw_error err = LXW_NO_ERROR;
    {
        Workbook book(path.string());
        if (!book.wb) fail_at_pointer(name, "", "cannot create the workbook");
        lxw_doc_properties props{};
        std::string title = form.title;
        props.title = title.data();
        std::string company = "vanban";
        props.author = company.data();
        props.created = midnight_utc(form.deadline);
        workbook_set_properties(book.wb, &props);
        write_table(book.wb, form, s);
        write_status(book.wb, s);
        err = book.close();
    }
    if (err != LXW_NO_ERROR) fail_at_pointer(name, "", std::string("cannot write the workbook: ") + lxw_strerror(err));
    verify_workbook(path, name);
}

}  // namespace vanban::report
