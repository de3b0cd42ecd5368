#include "sign/appearance.h"

#include "core/diagnostic.h"
#include "pdf/deflate.h"

#include <png.h>

#include <algorithm>
#include <cstdio>

namespace vanban::sign {

namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

struct Placed {
    double x = 0, y = 0, w = 0, h = 0;  // bottom-left corner and size, user space
};

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// An image XObject (with its stencil mask) in the update; returns its object number.
int write_image(PdfUpdate& up, const Image& img) {
    std::string dict = "<< /Type /XObject /Subtype /Image /Width " + std::to_string(img.width) + " /Height " +
                       std::to_string(img.height) + " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode";
    if (!img.mask.empty()) {
        const int mask = up.new_object();
        up.put_stream(QPDFObjGen(mask, 0),
                      "<< /Type /XObject /Subtype /Image /Width " + std::to_string(img.width) + " /Height " +
                          std::to_string(img.height) + " /ImageMask true /BitsPerComponent 1 /Filter /FlateDecode >>",
                      pdf::deflate(img.mask));
        dict += " /Mask " + ref(mask);
    }
    const int id = up.new_object();
    up.put_stream(QPDFObjGen(id, 0), dict + " >>", pdf::deflate(img.rgb));
    return id;
}

}  // namespace

Image decode_png(const std::string& png, const std::string& what) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, png.data(), png.size())) {
        throw Error(Diagnostic{what, 0, 0, {}, std::string("not a readable PNG image: ") + image.message});
    }
    if (image.width == 0 || image.height == 0 || image.width > 8000 || image.height > 8000) {
        png_image_free(&image);
        throw Error(Diagnostic{what, 0, 0, {}, "the image must be 1–8000 pixels wide and high"});
    }
    image.format = PNG_FORMAT_RGBA;
    std::string rgba(PNG_IMAGE_SIZE(image), '\0');
    if (!png_image_finish_read(&image, nullptr, rgba.data(), 0, nullptr)) {
        throw Error(Diagnostic{what, 0, 0, {}, std::string("cannot decode the PNG image: ") + image.message});
    }
    Image out;
    out.width = static_cast<int>(image.width);
    out.height = static_cast<int>(image.height);
    const std::size_t w = image.width, h = image.height, row = (w + 7) / 8;
    out.rgb.reserve(w * h * 3);
    std::string mask(row * h, '\0');
    bool transparent = false;
    for (std::size_t y = 0; y < h; ++y) {
        for (std::size_t x = 0; x < w; ++x) {
            const char* p = &rgba[(y * w + x) * 4];
            out.rgb.append(p, 3);
            if (static_cast<unsigned char>(p[3]) < 128) {
                mask[y * row + x / 8] = static_cast<char>(mask[y * row + x / 8] | (0x80 >> (x % 8)));
                transparent = true;
            }
        }
    }
    if (transparent) out.mask = std::move(mask);
    return out;
}

Widget write_appearance(PdfUpdate& up, std::vector<QPDFPageObjectHelper>& pages, const SignOptions& opt) {
    Widget w;
    const int ap = up.new_object();
    w.appearance = ap;
    if (opt.signature_png.empty() && opt.seal_png.empty()) {
        // Invisible: a zero-size widget on page 1 with an empty appearance (PDF/A-1 wants /AP).
        up.put_stream(QPDFObjGen(ap, 0), "<< /Type /XObject /Subtype /Form /BBox [0 0 0 0] >>", "");
        return w;
    }
    if (!opt.area) {
        throw Error(Diagnostic{up.name(), 0, 0, {}, "a visible signature needs the place of ô 7c (--area or --input)"});
    }
    const PageRect area = *opt.area;
    if (area.page < 0 || static_cast<std::size_t>(area.page) >= pages.size()) {
        throw Error(Diagnostic{up.name(), 0, 0, {}, "ô 7c is on page " + std::to_string(area.page + 1) +
                                                         ", but the PDF has " + std::to_string(pages.size())});
    }
    // ô 7c: the signature image as large as the space between title and name allows,
    // keeping its proportions, centred.
    std::vector<std::pair<Placed, int>> images;
    Placed sig{(area.x1 + area.x2) / 2, (area.y1 + area.y2) / 2, 0, 0};
    if (!opt.signature_png.empty()) {
        const Image img = decode_png(opt.signature_png, "signature image");
        const double aw = area.x2 - area.x1, ah = area.y2 - area.y1;
        const double scale = std::min(aw / img.width, ah / img.height);
        sig = {(area.x1 + area.x2 - img.width * scale) / 2, (area.y1 + area.y2 - img.height * scale) / 2,
               img.width * scale, img.height * scale};
        images.emplace_back(sig, write_image(up, img));
    }
    if (!opt.seal_png.empty()) {
        // ô 8: real size; its right edge a third of the way into the signature image,
        // centred on it vertically.
        const Image img = decode_png(opt.seal_png, "seal image");
        const double sw = opt.seal_width_mm * kPointsPerMm;
        const double sh = sw * img.height / img.width;
        const double right = opt.seal_centred ? (area.x1 + area.x2 + sw) / 2 : sig.x + sig.w / 3;
        const Placed seal{right - sw, sig.y + sig.h / 2 - sh / 2, sw, sh};
        // The seal is stamped over the signature: drawn last.
        images.emplace_back(seal, write_image(up, img));
    }
    double x1 = images.front().first.x, y1 = images.front().first.y, x2 = x1, y2 = y1;
    for (const auto& [p, id] : images) {
        x1 = std::min(x1, p.x), y1 = std::min(y1, p.y);
        x2 = std::max(x2, p.x + p.w), y2 = std::max(y2, p.y + p.h);
    }
    std::string content, resources;
    int k = 0;
    for (const auto& [p, id] : images) {
        const std::string name = "/Im" + std::to_string(++k);
        content += "q " + number(p.w) + " 0 0 " + number(p.h) + " " + number(p.x - x1) + " " + number(p.y - y1) +
                   " cm " + name + " Do Q\n";
        resources += name + " " + ref(id) + " ";
    }
    up.put_stream(QPDFObjGen(ap, 0),
                  "<< /Type /XObject /Subtype /Form /BBox [0 0 " + number(x2 - x1) + " " + number(y2 - y1) +
                      "] /Resources << /XObject << " + resources + ">> >> >>",
                  content);
    w.rect = {area.page, x1, y1, x2, y2};
    return w;
}

}  // namespace vanban::sign
