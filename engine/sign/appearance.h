// The widget's appearance (NĐ 30/2020 Phụ lục I): the signer's blue signature image
// centred in ô 7c, the organisation's red seal at its real size over the left third of
// it (ô 8), or nothing (an invisible signature). Images keep PDF/A-1b: transparency
// becomes a 1-bit stencil /Mask, never an /SMask (ISO 19005-1 §6.4).
#pragma once

#include "sign/pdf_update.h"
#include "sign/sign.h"

#include <qpdf/QPDFPageObjectHelper.hh>

#include <string>
#include <vector>

namespace vanban::sign {

struct Widget {
    PageRect rect;       // the widget's page and /Rect
    int appearance = 0;  // the /AP /N form XObject
};

// Writes the appearance XObject (and its images) into `up`. Throws vanban::Error for an
// unreadable image or an image without ô 7c.
Widget write_appearance(PdfUpdate& up, std::vector<QPDFPageObjectHelper>& pages, const SignOptions& options);

// A PNG as PDF image objects: 8-bit RGB samples (FlateDecode) and, when the PNG has
// transparency, a 1-bit stencil mask (1 = masked out: alpha below one half).
struct Image {
    int width = 0, height = 0;
    std::string rgb;   // width × height × 3
    std::string mask;  // rows of ceil(width / 8) bytes; empty when opaque
};
Image decode_png(const std::string& png, const std::string& what);

}  // namespace vanban::sign
