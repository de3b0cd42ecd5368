// The biểu mẫu as an Excel workbook, and the filled workbook read back.
//
// Written with libxlsxwriter: one sheet "Biểu mẫu", the labels locked (the sheet is
// protected), the input cells unlocked with data validation (whole numbers ≥ 0 for
// counts, decimals for amounts). Column E (hidden, locked) names what each row is
// ("indicator:doan_vien_moi", "field:date", "section:3"), so reading back does not
// depend on row positions. Read back with libzip + pugixml: shared strings, inline
// strings and numbers, always as the cell's text — a decimal is never a binary float.
#include "server/campaign_api.h"

#include "core/diagnostic.h"
#include "report/exact_json.h"

#include <pugixml.hpp>
#include <xlsxwriter.h>
#include <zip.h>

#include <ctime>
#include <map>
#include <memory>

namespace vanban::server {

namespace {

using nlohmann::json;

constexpr const char* kSheet = "Biểu mẫu";
constexpr int kFirstIndicatorRow = 6;  // 0-based: row 7 in Excel

std::string text_of(const json& j) { return j.is_string() ? j.get<std::string>() : j.is_number() ? j.dump() : ""; }

// The header fields a clerk fills in the workbook: key, label, where it lives in the document.
struct Field {
    const char* key;
    const char* label;
};
constexpr Field kFields[] = {{"number", "Số văn bản"},
                             {"date", "Ngày báo cáo (năm-tháng-ngày, ví dụ 2010-01-15)"},
                             {"place", "Địa danh"},
                             {"signer_authority", "Thẩm quyền ký (ví dụ TM. BAN THƯỜNG VỤ)"},
                             {"signer_title", "Chức vụ người ký"},
                             {"signer_name", "Họ và tên người ký"}};

std::string field_value(const json& base, const std::string& key) {
    const json signer = base.contains("signers") && base["signers"].is_array() && !base["signers"].empty()
                            ? base["signers"][0]
                            : json::object();
    if (key == "number") return base.contains("number") ? text_of(base["number"]) : "";
    if (key == "date") return base.contains("date") ? text_of(base["date"]) : "";
    if (key == "place") return base.contains("place") ? text_of(base["place"]) : "";
    const std::string k = key.substr(7);  // "signer_…"
    return signer.contains(k) ? text_of(signer[k]) : "";
}

}  // namespace

std::string section_heading(const report::Form& form, std::size_t i) {
    static const char* const roman[] = {"I",  "II",  "III",  "IV",  "V",  "VI",  "VII",  "VIII",  "IX",  "X",
                                        "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"};
    return i < 20 ? std::string(roman[i]) + ". " + form.sections[i] : form.sections[i];
}

Reply CampaignApi::form_xlsx(const CampaignRequest& r) const {
    CampaignRequest q = r;
    q.unit = r.param("unit");
    if (q.unit.empty()) {
        // A unit's own code needs no ?unit=.
        const Caller who = authorise(q, false);
        if (who.refusal) return *who.refusal;
        if (who.access->admin) return Api::error(400, "form.xlsx needs ?unit=CODE for an administrator");
        q.unit = who.access->unit;
    }
    const Caller c = authorise(q, false);
    if (c.refusal) return *c.refusal;
    const report::Unit& unit = c.form->units.units[*c.form->units.find(q.unit)];
    Reply reply;
    reply.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    reply.body = form_workbook(*c.form, unit, base_document(q, *c.form, q.unit));
    reply.headers.emplace_back("Content-Disposition",
                               "attachment; filename=\"bieu-mau-" + r.campaign + "-" + unit.code + ".xlsx\"");
    return reply;
}

std::string form_workbook(const report::Form& form, const report::Unit& unit, const json& base) {
    return written_via_temp_file([&](const std::filesystem::path& path) {
        lxw_workbook* wb = workbook_new(path.c_str());
        if (!wb) fail_at_pointer(path.string(), "", "cannot create the workbook");
        std::tm tm{};
        strptime(form.deadline.c_str(), "%Y-%m-%d", &tm);
        lxw_doc_properties props{};
        props.title = const_cast<char*>(form.title.c_str());
        props.created = timegm(&tm);  // the same form and unit give the same bytes
        workbook_set_properties(wb, &props);
        lxw_worksheet* ws = workbook_add_worksheet(wb, kSheet);
        lxw_format* bold = workbook_add_format(wb);
        format_set_bold(bold);
        lxw_format* head = workbook_add_format(wb);
        format_set_bold(head);
        format_set_border(head, LXW_BORDER_THIN);
        format_set_align(head, LXW_ALIGN_CENTER);
        format_set_text_wrap(head);
        lxw_format* label = workbook_add_format(wb);
        format_set_border(label, LXW_BORDER_THIN);
        format_set_text_wrap(label);
        lxw_format* input = workbook_add_format(wb);
        format_set_border(input, LXW_BORDER_THIN);
        format_set_unlocked(input);
        format_set_bg_color(input, 0xFFF8DC);
        lxw_format* text_input = workbook_add_format(wb);
        format_set_border(text_input, LXW_BORDER_THIN);
        format_set_unlocked(text_input);
        format_set_bg_color(text_input, 0xFFF8DC);
        format_set_num_format(text_input, "@");
        format_set_text_wrap(text_input);

        worksheet_set_column(ws, 0, 0, 6, nullptr);
        worksheet_set_column(ws, 1, 1, 48, nullptr);
        worksheet_set_column(ws, 2, 2, 22, nullptr);
        worksheet_set_column(ws, 3, 3, 14, nullptr);
        lxw_row_col_options hidden{};
        hidden.hidden = 1;
        worksheet_set_column_opt(ws, 4, 4, 20, nullptr, &hidden);

        worksheet_write_string(ws, 0, 0, form.title.c_str(), bold);
        const std::string period = "Kỳ báo cáo: " + form.period_from + " – " + form.period_to + "; hạn nộp: " + form.deadline;
        worksheet_write_string(ws, 1, 0, period.c_str(), nullptr);
        worksheet_write_string(ws, 2, 1, "Đơn vị", label);
        worksheet_write_string(ws, 2, 2, unit.name.c_str(), label);
        worksheet_write_string(ws, 3, 1, "Mã đơn vị", label);
        worksheet_write_string(ws, 3, 2, unit.code.c_str(), label);
        worksheet_write_string(ws, 3, 4, "unit", nullptr);
        const char* heads[] = {"STT", "Chỉ tiêu", "Số liệu (để trống nếu không có số liệu)", "Đơn vị tính"};
        for (int c = 0; c < 4; ++c) worksheet_write_string(ws, 5, static_cast<lxw_col_t>(c), heads[c], head);

        lxw_row_t row = kFirstIndicatorRow;
        for (std::size_t i = 0; i < form.indicators.size(); ++i, ++row) {
            const report::Indicator& ind = form.indicators[i];
            worksheet_write_number(ws, row, 0, static_cast<double>(i + 1), label);
            worksheet_write_string(ws, row, 1, ind.label.c_str(), label);
            worksheet_write_blank(ws, row, 2, input);
            worksheet_write_string(ws, row, 3, ind.unit.c_str(), label);
            worksheet_write_string(ws, row, 4, ("indicator:" + ind.code).c_str(), nullptr);
            lxw_data_validation dv{};
            if (ind.decimal) {
                dv.validate = LXW_VALIDATION_TYPE_DECIMAL;
                dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
                dv.minimum_number = -1e15;
                dv.maximum_number = 1e15;
                dv.error_message = const_cast<char*>("Nhập một số, phần thập phân sau dấu chấm (ví dụ 1520.75).");
            } else {
                dv.validate = LXW_VALIDATION_TYPE_INTEGER;
                dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
                dv.minimum_number = 0;
                dv.error_message = const_cast<char*>("Nhập một số nguyên không âm (ví dụ 125).");
            }
            dv.error_title = const_cast<char*>("Số liệu không hợp lệ");
            worksheet_data_validation_cell(ws, row, 2, &dv);
        }
        ++row;
        worksheet_write_string(ws, row++, 1, "Thông tin văn bản", bold);
        for (const Field& f : kFields) {
            worksheet_write_string(ws, row, 1, f.label, label);
            worksheet_write_string(ws, row, 2, field_value(base, f.key).c_str(), text_input);
            worksheet_write_string(ws, row, 4, (std::string("field:") + f.key).c_str(), nullptr);
            ++row;
        }
        ++row;
        worksheet_write_string(ws, row++, 1, "Nội dung báo cáo (mỗi đoạn một dòng; để trống để giữ nội dung đã nộp)", bold);
        for (std::size_t i = 0; i < form.sections.size(); ++i, ++row) {
            const std::string title = section_heading(form, i);
            worksheet_write_string(ws, row, 1, title.c_str(), label);
            worksheet_write_blank(ws, row, 2, text_input);
            worksheet_write_string(ws, row, 4, ("section:" + std::to_string(i)).c_str(), nullptr);
        }
        lxw_protection protection{};
        protection.no_select_locked_cells = 0;
        worksheet_protect(ws, nullptr, &protection);
        if (workbook_close(wb) != LXW_NO_ERROR) fail_at_pointer(path.string(), "", "cannot write the workbook");
    });
}

}  // namespace vanban::server
