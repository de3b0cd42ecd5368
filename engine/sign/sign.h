// vanban sign: a PAdES signature (ETSI EN 319 142-1 baseline B-B, B-T with a
// timestamp) appended to a PDF as an incremental update. NĐ 30/2020 Điều 5, 13.7, 14:
// the competent person signs (role approve), then the văn thư signs for the
// organisation with the seal (role issue); copies and separate-file appendices carry a
// text box instead of images (ô 14).
#pragma once

#include "sign/cms.h"
#include "sign/credentials.h"

#include "fonts/font_set.h"

#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace vanban::sign {

enum class Role { approve, issue, copy, appendix };

// A rectangle on a page, in PDF user space (origin bottom-left, points).
struct PageRect {
    int page = 0;  // 0-based
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
};

struct SignOptions {
    Role role = Role::approve;
    std::string reason;    // /Reason
    std::string location;  // /Location
    std::time_t time = 0;  // the claimed signing time (/M, ô 14); 0 = now
    // Visible appearance (ô 7c, ô 8): PNG bytes of the blue signature image and of the red
    // seal. Both empty: an invisible signature.
    std::string signature_png;
    std::string seal_png;
    double seal_width_mm = 36;  // the seal's real diameter
    std::optional<PageRect> area;  // where ô 7c is; required with an image
    int expected_pages = 0;  // when ô 7c comes from laying the input out: the PDF must have as many pages
    std::string number;  // ô 14 (copy/appendix): the number and symbol, "1996/QĐ-TLĐ"
    std::shared_ptr<const fonts::FontSet> fonts;
    // Fill this empty signature field; "" = the first empty one for the role, if any.
    std::string field;
    // The seal alone, centred in `area` (filling a pre-placed ô 8 field).
    bool seal_centred = false;  // ô 14's Times New Roman / Liberation Serif
    Timestamper timestamper;
};

// Signs `pdf` (named `name` in messages) and returns the signed file: the original bytes
// followed by one incremental update. Throws vanban::Error (the input is never changed).
std::string sign_pdf(std::string pdf, const std::string& name, const Credentials& who, const SignOptions& options);

// "D:20261202083000+07'00'" and "2026-12-02T08:30:00+07:00": the signing time in
// Vietnam's offset (UTC+7, no daylight saving).
std::string pdf_date(std::time_t t);
std::string iso8601_vn(std::time_t t);

}  // namespace vanban::sign
