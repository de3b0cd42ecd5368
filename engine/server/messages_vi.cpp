#include "server/messages_vi.h"

#include <regex>
#include <utility>
#include <vector>

namespace vanban::server {

namespace {

struct Rule {
    std::regex pattern;
    std::string vi;  // std::regex_replace format: $1 … are the pattern's groups
};

const std::vector<Rule>& rules() {
    static const std::vector<Rule> r = [] {
        std::vector<std::pair<const char*, const char*>> table = {
            {"^missing required field '([^']*)'.*", "Chưa nhập: đây là mục bắt buộc."},
            {"^must not be blank.*", "Không được để trống."},
            {"^unknown field '([^']*)' \\(did you mean '([^']*)'\\?\\).*",
             "Trường '$1' không có trong mẫu (có phải là '$2'?)."},
            {"^unknown field '([^']*)'.*", "Trường '$1' không có trong mẫu văn bản."},
            {"^duplicate field '([^']*)'.*", "Trường '$1' bị lặp lại."},
            {"^expected at least one (.*)", "Cần có ít nhất một mục."},
            {"^no template named '([^']*)'.*", "Không có mẫu văn bản '$1'."},
            {"^template name .*", "Tên mẫu văn bản chỉ gồm chữ thường không dấu, chữ số, '-' hoặc '_'."},
            {"^impossible date '([^']*)'.*", "Ngày '$1' không có trên lịch."},
            {"^expected a date as YYYY-MM-DD.*", "Ngày phải có dạng năm-tháng-ngày (ví dụ 2026-02-05)."},
            {"^symbol must not contain '/'.*",
             "Ký hiệu không được chứa dấu '/' (phần mềm tự in dấu gạch chéo sau số)."},
            {"^symbol must not contain spaces.*", "Ký hiệu không được chứa dấu cách; nối các nhóm bằng '-'."},
            {"^expected (a whole number like 1996|digits like|a number of 1 or more).*",
             "Số văn bản phải là số nguyên dương (ví dụ 1996), hoặc để trống để điền tay."},
            {"^the font has no glyph for (.*?)( \\(at character ([0-9]+)\\))?$",
             "Phông chữ không có ký tự $1 (ở ký tự thứ $3); hãy thay bằng ký tự khác."},
            {"^(control character|noncharacter|invalid UTF-8)(.*)",
             "Có ký tự không hợp lệ (ký tự điều khiển hoặc lỗi mã hóa); hãy xóa và gõ lại."},
            {"^expected one of (.*), got '([^']*)'.*", "Giá trị '$2' không hợp lệ; chỉ được chọn: $1."},
            {"^expected 1, 2 or 3.*", "Cấp đề mục chỉ được là 1, 2 hoặc 3."},
            {"^expected a string, got (.*)", "Phải là một đoạn chữ."},
            {"^expected an array, got (.*)", "Phải là một danh sách."},
            {"^expected an object, got (.*)", "Sai kiểu dữ liệu (cần một đối tượng)."},
            {"^expected true or false.*", "Chỉ được là có hoặc không (true/false)."},
            {"^a document is a JSON object.*", "Văn bản phải là một đối tượng JSON { … }."},
            {"^file is empty.*", "Nội dung gửi lên đang trống."},
            {"^file is larger than.*", "Văn bản quá lớn."},
            {"^expected ([0-9]+) cells?.*", "Mỗi dòng của bảng phải có đúng $1 ô."},
            {"^expected a width greater than 0.*", "Độ rộng cột phải là một số lớn hơn 0."},
            {"^expected a whole number, 0 or more.*", "Số dòng tiêu đề phải là số nguyên từ 0 trở lên."},
            {"^a total row needs at least one row.*", "Bảng có dòng tổng cộng cần ít nhất một dòng số liệu."},
            {"^an article needs a title.*", "Điều cần có tên điều hoặc nội dung."},
            {"^the table has ([0-9]+) rows, more than the limit of ([0-9]+).*", "Bảng có $1 dòng, vượt giới hạn $2 dòng."},
            {"^the document needs more pages than the limit of ([0-9]+).*", "Văn bản dài hơn giới hạn $1 trang."},
            // The register (store/register.cpp): CLI and Cấp số say the same.
            {"^the document is dated ([0-9]{4})-([0-9]{2})-([0-9]{2}), but numbers are given now for ([0-9]+).*",
             "Văn bản ghi ngày $3/$2/$1 nhưng số được cấp cho năm $4 (Nghị định 30, Điều 15: số theo năm ban "
             "hành). Hãy sửa ngày ban hành hoặc để trống."},
            {"^the register has no book named '([^']*)'.*", "Sổ đăng ký không có sổ \"$1\"."},
            {"^the register is not set up.*", "Chưa lập sổ đăng ký văn bản đi trên máy chủ (vanban register init)."},
            {"^this access code is not valid for campaign '([^']*)'.*", "Mã truy cập không đúng hoặc đã bị thu hồi (đợt báo cáo $1)."},
        };
        std::vector<Rule> out;
        for (const auto& [p, vi] : table) out.push_back({std::regex(p), vi});
        return out;
    }();
    return r;
}

}  // namespace

std::string message_vi(std::string_view message, int line, int column) {
    const std::string m(message);
    if (line > 0) {
        std::string where = "Lỗi cú pháp JSON ở dòng " + std::to_string(line) + ", cột " + std::to_string(column);
        if (m.find("never ends") != std::string::npos) return where + ": thiếu dấu ngoặc kép đóng chuỗi.";
        if (m.find("extra ','") != std::string::npos) return where + ": thừa dấu phẩy.";
        if (m.find("invalid UTF-8") != std::string::npos) return where + ": tệp không phải mã UTF-8.";
        return where + " (" + m + ").";
    }
    for (const auto& r : rules()) {
        std::smatch match;
        if (std::regex_match(m, match, r.pattern)) {
            std::string out = match.format(r.vi);
            // "(ở ký tự thứ )" when the position is unknown.
            if (const auto at = out.find(" (ở ký tự thứ )"); at != std::string::npos) out.erase(at, 17);
            return out;
        }
    }
    return "Dữ liệu không hợp lệ: " + m;
}

std::string lint_message_vi(std::string_view code) {
    static const std::vector<std::pair<std::string_view, std::string_view>> table = {
        {"byte-order-mark", "Tệp có ký tự BOM ở đầu; phần mềm sẽ bỏ qua."},
        {"control-character", "Có ký tự điều khiển; văn bản sẽ không in được."},
        {"double-space", "Có hai dấu cách liền nhau."},
        {"edge-space", "Có dấu cách thừa ở đầu hoặc cuối."},
        {"invisible-character", "Có ký tự vô hình (ví dụ dấu cách rộng bằng 0)."},
        {"legacy-encoding", "Chữ có vẻ được gõ bằng bảng mã cũ (TCVN3, VNI…)."},
        {"line-break", "Có dấu xuống dòng; sẽ được in thành dấu cách."},
        {"missing-glyph", "Phông chữ không có ký tự này."},
        {"motto-dashes", "Tiêu ngữ do phần mềm tự in; không cần gõ."},
        {"non-nfc", "Chữ có dấu được ghép theo kiểu tổ hợp; phần mềm sẽ chuẩn hóa."},
        {"noncharacter", "Có ký tự không hợp lệ."},
        {"straight-quotes", "Nên dùng dấu ngoặc kép cong “ ”."},
        {"tab", "Có ký tự tab; sẽ được in thành dấu cách."},
        {"date-format", "Ngày không có thật hoặc không đúng dạng năm-tháng-ngày."},
        {"date-future", "Ngày ban hành ở tương lai."},
        {"json-syntax", "Nội dung không phải JSON hợp lệ."},
        {"not-utf8", "Tệp không phải mã UTF-8."},
        {"number-padding", "Số từ 1 đến 9 được in thêm số 0 ở đầu (05)."},
        {"number-zero", "Số văn bản phải từ 1 trở lên."},
        {"symbol-dash", "Ký hiệu nối các nhóm bằng gạch nối '-', không dùng gạch dài."},
        {"symbol-slash", "Ký hiệu không được chứa dấu '/'."},
        {"symbol-spaces", "Ký hiệu không được chứa dấu cách."},
    };
    for (const auto& [c, vi] : table) {
        if (c == code) return std::string(vi);
    }
    return "";
}

}  // namespace vanban::server
