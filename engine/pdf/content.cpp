#include "pdf/content.h"

#include "pdf/glyphs.h"
#include "pdf/syntax.h"

#include <algorithm>
#include <vector>

namespace vanban::pdf {

namespace {

// Writes one text object, remembering the text state so that unchanged
// parameters are not repeated.
class TextObjectWriter {
public:
    explicit TextObjectWriter(std::string& out) : out_(out) { out_ += "BT\n"; }
    ~TextObjectWriter() { out_ += "ET\n"; }
    TextObjectWriter(const TextObjectWriter&) = delete;
    TextObjectWriter& operator=(const TextObjectWriter&) = delete;

    void fill(const layout::Color& c) {
        if (c == fill_) return;
        fill_ = c;
        const auto component = [&](double v) { append_number(out_, std::clamp(v, 0.0, 1.0)); };
        if (c.r == c.g && c.g == c.b) {  // DeviceGray (§8.6.4.2): shorter, and exact for black
            component(c.r);
            out_ += " g\n";
        } else {
            component(c.r);
            out_ += ' ';
            component(c.g);
            out_ += ' ';
            component(c.b);
            out_ += " rg\n";
        }
    }

    void font(fonts::Style style, const char* resource, double size) {
        const int id = static_cast<int>(style);
        if (style_ == id && size_ == size) return;
        style_ = id;
        size_ = size;
        out_ += '/';
        out_ += resource;
        out_ += ' ';
        append_number(out_, size);
        out_ += " Tf\n";
    }

    void show(const layout::TextItem& item, double y, const PageFont& font) {
        out_ += "1 0 0 1 ";
        append_number(out_, item.x);
        out_ += ' ';
        append_number(out_, y);
        out_ += " Tm\n[";
        // Thousandths of text space; negative moves the next glyph right (§9.4.3).
        const double adjust = item.size > 0 ? -item.word_spacing * 1000.0 / item.size : 0.0;
        codes_.clear();
        for_each_glyph(*font.face, item.text, [&](char32_t c, unsigned gid) {
            codes_.push_back(font.code_of[gid]);
            if (c == U' ' && adjust != 0) {
                append_literal_codes(out_, codes_);
                codes_.clear();
                append_number(out_, adjust);
            }
        });
        if (!codes_.empty()) append_literal_codes(out_, codes_);
        out_ += "] TJ\n";
    }

private:
    std::string& out_;
    layout::Color fill_{};  // black, the initial fill colour
    int style_ = -1;  // no font selected yet (Tf is not inherited across pages)
    double size_ = 0;
    std::vector<std::uint16_t> codes_;
};

}  // namespace

std::string text_object(const layout::Page& page, const std::array<PageFont, 4>& fonts) {
    std::string out;
    bool any = false;
    for (const auto& item : page.texts) any = any || !item.text.empty();
    if (!any) return out;
    out.reserve(page.texts.size() * 96);
    {
        TextObjectWriter writer(out);
        for (const auto& item : page.texts) {
            if (item.text.empty()) continue;
            const PageFont& font = fonts[static_cast<std::size_t>(item.style)];
            writer.fill(item.color);
            writer.font(item.style, font.resource, item.size);
            writer.show(item, page.height - item.baseline, font);
        }
    }
    return out;
}

}  // namespace vanban::pdf
