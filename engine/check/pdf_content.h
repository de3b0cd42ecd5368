// A content-stream interpreter (PDF 32000-1 §8, §9.4) just large enough to read back
// where text, rules and frames are: graphics state (q Q cm w, colours), paths (m l h re
// and the painting operators), text state and text showing (BT ET Tf Tm Td TD T* Tc Tw
// Tz TL Ts Tj TJ ' "), and form XObjects (Do).
#pragma once

#include "check/pdf_fonts.h"
#include "check/pdf_model.h"

#include <qpdf/QPDFObjGen.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <map>
#include <vector>

namespace vanban::check {

// Fonts shared by all pages of one document, keyed by their object, so that one font
// used on many pages is one FontInfo.
class FontCache {
public:
    int index_of(QPDFObjectHandle font, std::vector<std::string>& warnings);
    const LoadedFont& at(int i) const { return fonts_[static_cast<std::size_t>(i)]; }
    std::vector<FontInfo> infos() const;

private:
    std::map<QPDFObjGen, int> by_object_;
    std::vector<LoadedFont> fonts_;
};

// Appends page `page_index`'s runs, segments and frames to `out`. `height` is the
// page height used to flip y; (x0, y0) the MediaBox origin.
void read_page_content(QPDFPageObjectHelper page, int page_index, double x0, double top, FontCache& fonts,
                       PdfContent& out);

}  // namespace vanban::check
