// ô 14 (NĐ 30/2020 Phụ lục I, Phần I mục II.8.b and III.1.d; Phần II ô 14): a copy or a
// separate-file appendix is signed by the organisation without any image; instead a
// text box at the top right of page 1 shows the number and symbol and the signing time
// (ISO 8601, +07:00) in Times New Roman 10 pt, upright, black. The box is the signature
// widget's appearance, so it appears with the signature and is covered by it.
#pragma once

#include "sign/appearance.h"

namespace vanban::sign {

// The lines of the box: the number and symbol as given, then the signing time.
std::vector<std::string> stamp_lines(const SignOptions& options);

// Writes the box (its font embedded as a subset, PDF/A-1b) into `up`. Throws
// vanban::Error without --number, without fonts, or for a character the face lacks.
Widget write_stamp(PdfUpdate& up, std::vector<QPDFPageObjectHelper>& pages, const SignOptions& options);

}  // namespace vanban::sign
