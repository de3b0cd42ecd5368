// The printed sổ đăng ký văn bản đi (NĐ 30/2020 Phụ lục IV): a cover and the ten
// columns of the book. Plain strings in, so the register's store and this printer do not
// know each other (the CLI maps one onto the other).
#pragma once

#include "model/book.h"

#include <string>
#include <vector>

namespace vanban::report {

struct RegisterBookRow {
    std::string number_symbol;     // (1) Số, ký hiệu văn bản: "05/LĐLĐ-TG"
    std::string date;              // (2) Ngày tháng văn bản: "05/02/2026"
    std::string type_and_subject;  // (3) Tên loại và trích yếu nội dung
    std::string signer;            // (4) Người ký
    std::string recipients;        // (5) Nơi nhận văn bản
    std::string kept_by;           // (6) Đơn vị, người nhận bản lưu
    std::string copies;            // (7) Số lượng bản
    std::string sent_date;         // (8) Ngày chuyển
    std::string received_by;       // (9) Ký nhận — left blank for a signature on paper
    std::string note;              // (10) Ghi chú ("Hủy: …" for a void number)
};

struct RegisterBookPrint {
    std::string parent;        // TÊN CƠ QUAN CHỦ QUẢN TRỰC TIẾP
    std::string organisation;  // TÊN CƠ QUAN, ĐƠN VỊ
    std::string book_title;    // "Văn bản đi", "Văn bản mật" …
    int year = 0;
    std::string from_date, to_date;      // dd/mm/yyyy
    std::string from_number, to_number;  // "01", "125"
    std::string volume = "01";           // Quyển số
    std::vector<RegisterBookRow> rows;
};

// The column titles of Phụ lục IV, in order.
const std::vector<std::string>& register_book_columns();

// The book as an .xlsx workbook: a cover sheet and the register sheet (landscape A4,
// header rows repeated on every printed page, frozen). Same bytes for the same book.
std::string register_book_xlsx(const RegisterBookPrint& book);

// The same book for the PDF pipeline (render/book.h): the cover lines, then the ten
// columns with "(1)…(10)" under the titles, landscape. Text is cleaned (NFC, a newline
// becomes a space); a field with a control character fails naming its entry and column.
model::Book register_book_model(const RegisterBookPrint& book);

}  // namespace vanban::report
