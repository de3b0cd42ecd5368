// Vietnamese for what the report checks say (report/unit_report.cpp, the XLSX reader),
// shown next to the field on the unit's page; anything else goes to message_vi().
#include "server/campaign_api.h"
#include "server/messages_vi.h"

#include <nlohmann/json.hpp>

#include <regex>
#include <utility>
#include <vector>

namespace vanban::server {

namespace {

struct Rule {
    std::regex pattern;
    std::string vi;
};

const std::vector<Rule>& rules() {
    static const std::vector<Rule> r = [] {
        const std::vector<std::pair<const char*, const char*>> table = {
            {"^indicator '([^']*)' must be a whole number, not (.*)",
             "Phải là số nguyên không âm (ví dụ 125), không phải $2."},
            {"^indicator '([^']*)' must be a decimal number like 1520\\.75, not (.*)",
             "Phải là số, phần thập phân sau dấu chấm (ví dụ 1520.75), không phải $2."},
            {"^indicator '([^']*)' is a count and cannot be negative \\((.*)\\)",
             "Chỉ tiêu này là số đếm, không được âm ($2)."},
            {"^missing indicator '([^']*)' \\((.*)\\).*",
             "Chưa nhập chỉ tiêu \"$2\"; nếu không có số liệu, hãy đánh dấu \"không có số liệu\"."},
            {"^unknown indicator '([^']*)'.*", "Biểu mẫu không có chỉ tiêu '$1'."},
            {"^report is for form (.*), not (.*)", "Báo cáo theo biểu mẫu $1, không phải biểu mẫu $2 của đợt báo cáo này."},
            {"^unknown unit \"([^\"]*)\".*", "Mã đơn vị \"$1\" không có trong danh sách đơn vị của đợt báo cáo."},
            {"^unit \"([^\"]*)\" is (.*) in .*, but the report names \"(.*)\"",
             "Mã đơn vị \"$1\" là $2, nhưng báo cáo ghi \"$3\"."},
            {"^the report is for unit \"([^\"]*)\".*, but was sent for unit \"([^\"]*)\".*",
             "Báo cáo của đơn vị \"$1\" không được gửi thay cho đơn vị \"$2\"."},
            {"^must be a date YYYY-MM-DD.*", "Ngày phải có dạng năm-tháng-ngày (ví dụ 2010-01-15)."},
            {"^\"(.*)\" is not a whole number.*", "\"$1\" không phải là số nguyên không âm."},
            {"^\"(.*)\" is not a decimal number.*", "\"$1\" không phải là số (phần thập phân sau dấu chấm)."},
        };
        std::vector<Rule> out;
        for (const auto& [p, vi] : table) out.push_back({std::regex(p), vi});
        return out;
    }();
    return r;
}

}  // namespace

std::string campaign_message_vi(const std::string& message) {
    for (const Rule& rule : rules()) {
        if (std::regex_match(message, rule.pattern)) return std::regex_replace(message, rule.pattern, rule.vi);
    }
    return message_vi(message);
}

Reply campaign_error(const Diagnostic& d) {
    Reply r;
    r.status = d.line > 0 && d.pointer.empty() ? 400 : 422;
    nlohmann::json j{{"error", d.message},
                     {"message_vi", campaign_message_vi(d.message)},
                     {"pointer", d.pointer},
                     {"line", d.line},
                     {"column", d.column},
                     {"diagnostic", d.to_string()}};
    if (!d.file.empty()) j["file"] = d.file;
    r.body = j.dump() + "\n";
    return r;
}

}  // namespace vanban::server
