#include "check/pdf_content.h"

#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <cmath>
#include <string>

namespace vanban::check {

namespace {

// [a b c d e f] as in §8.3.4; points are row vectors: p' = p × M.
struct Matrix {
    double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
    Matrix operator*(const Matrix& m) const {  // this × m
        return {a * m.a + b * m.c,       a * m.b + b * m.d,       c * m.a + d * m.c,
                c * m.b + d * m.d,       e * m.a + f * m.c + m.e, e * m.b + f * m.d + m.f};
    }
    void apply(double x, double y, double& ox, double& oy) const {
        ox = x * a + y * c + e;
        oy = x * b + y * d + f;
    }
    double vertical_scale() const { return std::hypot(c, d); }
    double line_scale() const { return std::sqrt(std::fabs(a * d - b * c)); }
};

struct TextState {
    int font = -1;
    double size = 0;
    double char_spacing = 0, word_spacing = 0, scale = 1, leading = 0, rise = 0;
};

struct GState {
    Matrix ctm;
    double line_width = 1;
    Rgb fill, stroke;
    TextState text;
};

struct Point {
    double x = 0, y = 0;
};

struct Subpath {
    std::vector<Point> points;  // in device space
    bool rect = false;
};

Rgb from_components(const std::vector<double>& v) {
    if (v.size() == 1) return {v[0], v[0], v[0]};
    if (v.size() == 3) return {v[0], v[1], v[2]};
    if (v.size() == 4) {  // DeviceCMYK → RGB, the naive conversion is enough to tell black from red
        return {(1 - v[0]) * (1 - v[3]), (1 - v[1]) * (1 - v[3]), (1 - v[2]) * (1 - v[3])};
    }
    return {};
}

class Interpreter final : public QPDFObjectHandle::ParserCallbacks {
public:
    Interpreter(QPDFObjectHandle resources, int page, double x0, double top, FontCache& fonts, PdfContent& out,
                GState state, int depth)
        : resources_(resources), page_(page), x0_(x0), top_(top), fonts_(fonts), out_(out), depth_(depth) {
        state_.push_back(state);
    }

    void handleObject(QPDFObjectHandle obj) override {
        if (!obj.isOperator()) {
            operands_.push_back(obj);
            return;
        }
        try {
            run(obj.getOperatorValue());
        } catch (const std::exception& e) {
            warn("page " + std::to_string(page_ + 1) + ": operator " + obj.getOperatorValue() + ": " + e.what());
        }
        operands_.clear();
    }
    void handleEOF() override {}

private:
    GState& gs() { return state_.back(); }

    // QPDFObjectHandle's accessors are not const in QPDF 11; handles are cheap to copy.
    double num(std::size_t i) const {
        if (i >= operands_.size()) return 0.0;
        QPDFObjectHandle o = operands_[i];
        return o.isNumber() ? o.getNumericValue() : 0.0;
    }
    std::vector<double> numbers() const {
        std::vector<double> v;
        for (QPDFObjectHandle o : operands_) {
            if (o.isNumber()) v.push_back(o.getNumericValue());
        }
        return v;
    }
    void warn(const std::string& w) {
        if (out_.warnings.size() < 50) out_.warnings.push_back(w);
    }

    Point device(double x, double y) const {
        Point p;
        state_.back().ctm.apply(x, y, p.x, p.y);
        return {p.x - x0_, top_ - p.y};  // top-left origin, y down
    }

    void run(const std::string& op) {
        if (op == "q") state_.push_back(gs());
        else if (op == "Q") {
            if (state_.size() > 1) state_.pop_back();
        } else if (op == "cm") gs().ctm = Matrix{num(0), num(1), num(2), num(3), num(4), num(5)} * gs().ctm;
        else if (op == "w") gs().line_width = num(0);
        else if (op == "g" || op == "rg" || op == "k" || op == "sc" || op == "scn") gs().fill = from_components(numbers());
        else if (op == "G" || op == "RG" || op == "K" || op == "SC" || op == "SCN") gs().stroke = from_components(numbers());
        else if (op == "cs") gs().fill = {};
        else if (op == "CS") gs().stroke = {};
        else if (op == "m") path_.push_back(Subpath{{device(num(0), num(1))}, false});
        else if (op == "l") {
            if (path_.empty()) path_.push_back({});
            path_.back().points.push_back(device(num(0), num(1)));
        } else if (op == "h") {
            if (!path_.empty() && !path_.back().points.empty() && !path_.back().rect) {
                path_.back().points.push_back(path_.back().points.front());
            }
        } else if (op == "re") {
            const double x = num(0), y = num(1), w = num(2), h = num(3);
            path_.push_back(Subpath{{device(x, y), device(x + w, y), device(x + w, y + h), device(x, y + h)}, true});
        } else if (op == "c" || op == "v" || op == "y") {
            // Curves are not drawn by the engine; keep the end point so the path goes on.
            const std::size_t n = operands_.size();
            if (n >= 2 && !path_.empty()) path_.back().points.push_back(device(num(n - 2), num(n - 1)));
        } else if (op == "S" || op == "s" || op == "B" || op == "B*" || op == "b" || op == "b*") {
            stroke_path();
        } else if (op == "f" || op == "F" || op == "f*") {
            fill_path();
        } else if (op == "n") {
            path_.clear();
        } else if (op == "BT") {
            tm_ = tlm_ = Matrix{};
        } else if (op == "Tf") {
            if (!operands_.empty() && operands_[0].isName()) gs().text.font = font_index(operands_[0].getName());
            gs().text.size = num(1);
        } else if (op == "Tc") gs().text.char_spacing = num(0);
        else if (op == "Tw") gs().text.word_spacing = num(0);
        else if (op == "Tz") gs().text.scale = num(0) / 100.0;
        else if (op == "TL") gs().text.leading = num(0);
        else if (op == "Ts") gs().text.rise = num(0);
        else if (op == "Td") next_line(num(0), num(1));
        else if (op == "TD") {
            gs().text.leading = -num(1);
            next_line(num(0), num(1));
        } else if (op == "Tm") tm_ = tlm_ = Matrix{num(0), num(1), num(2), num(3), num(4), num(5)};
        else if (op == "T*") next_line(0, -gs().text.leading);
        else if (op == "Tj") show(operands_);
        else if (op == "'") {
            next_line(0, -gs().text.leading);
            show(operands_);
        } else if (op == "\"") {
            gs().text.word_spacing = num(0);
            gs().text.char_spacing = num(1);
            next_line(0, -gs().text.leading);
            show({operands_.empty() ? QPDFObjectHandle() : operands_.back()});
        } else if (op == "TJ") {
            if (!operands_.empty() && operands_[0].isArray()) show(operands_[0].getArrayAsVector());
        } else if (op == "Do") {
            if (!operands_.empty() && operands_[0].isName()) form(operands_[0].getName());
        }
    }

    void next_line(double tx, double ty) {
        tlm_ = Matrix{1, 0, 0, 1, tx, ty} * tlm_;
        tm_ = tlm_;
    }

    int font_index(const std::string& name) {
        QPDFObjectHandle fonts = resources_.isDictionary() ? resources_.getKey("/Font") : QPDFObjectHandle();
        QPDFObjectHandle font = fonts.isDictionary() ? fonts.getKey(name) : QPDFObjectHandle();
        if (!font.isDictionary()) {
            warn("page " + std::to_string(page_ + 1) + ": font " + name + " is not in the page resources");
            return -1;
        }
        return fonts_.index_of(font, out_.warnings);
    }

    // Tj / TJ: one run per operator, with the width the glyph advances and the
    // adjustments give (§9.4.4).
    void show(const std::vector<QPDFObjectHandle>& items) {
        const TextState& ts = gs().text;
        if (ts.font < 0) return;
        const LoadedFont& font = fonts_.at(ts.font);
        Matrix start = tm_ * gs().ctm;
        double sx = 0, sy = 0;
        start.apply(0, ts.rise, sx, sy);
        std::string text;
        int inked = 0, blank = 0;
        for (auto item : items) {
            if (item.isNumber()) {
                advance(-item.getNumericValue() / 1000.0 * ts.size * ts.scale);
                continue;
            }
            if (!item.isString()) continue;
            const std::string bytes = item.getStringValue();
            const std::size_t step = font.two_byte ? 2 : 1;
            for (std::size_t i = 0; i + step <= bytes.size(); i += step) {
                unsigned code = static_cast<unsigned char>(bytes[i]);
                if (step == 2) code = (code << 8) | static_cast<unsigned char>(bytes[i + 1]);
                const std::string t = font.text(code);
                text += t;
                if (font.blank.count(code)) ++blank;
                else if (!t.empty() && t != "\xEF\xBF\xBD" && !(t.size() == 1 && static_cast<unsigned char>(t[0]) <= 0x20)) ++inked;
                const double spacing = ts.char_spacing + (step == 1 && code == 32 ? ts.word_spacing : 0);
                advance((font.width(code) / 1000.0 * ts.size + spacing) * ts.scale);
            }
        }
        if (text.empty()) return;
        const Matrix end_m = tm_ * gs().ctm;
        double ex = 0, ey = 0;
        end_m.apply(0, ts.rise, ex, ey);
        TextRun run;
        run.page = page_;
        run.x = sx - x0_;
        run.baseline = top_ - sy;
        run.width = ex - sx;
        run.size = ts.size * start.vertical_scale();
        run.font = ts.font;
        run.text = std::move(text);
        run.inked = inked + blank;
        run.blank = blank;
        run.color = gs().fill;
        out_.texts.push_back(std::move(run));
    }

    void advance(double tx) { tm_ = Matrix{1, 0, 0, 1, tx, 0} * tm_; }

    void stroke_path() {
        const double width = gs().line_width * gs().ctm.line_scale();
        for (const auto& sp : path_) {
            if (sp.rect) {
                const auto [minx, maxx] = std::minmax({sp.points[0].x, sp.points[2].x});
                const auto [miny, maxy] = std::minmax({sp.points[0].y, sp.points[2].y});
                out_.frames.push_back(Frame{page_, minx, miny, maxx - minx, maxy - miny, width, gs().stroke});
                continue;
            }
            for (std::size_t i = 1; i < sp.points.size(); ++i) {
                const Point a = sp.points[i - 1], b = sp.points[i];
                out_.segments.push_back(Segment{page_, a.x, a.y, b.x, b.y, width, gs().stroke});
            }
        }
        path_.clear();
    }

    // Other producers draw rules as thin filled rectangles; read those as segments.
    void fill_path() {
        for (const auto& sp : path_) {
            if (!sp.rect) continue;
            const auto [minx, maxx] = std::minmax({sp.points[0].x, sp.points[2].x});
            const auto [miny, maxy] = std::minmax({sp.points[0].y, sp.points[2].y});
            const double w = maxx - minx, h = maxy - miny;
            if (h <= 2 && w > 3) {
                out_.segments.push_back(Segment{page_, minx, (miny + maxy) / 2, maxx, (miny + maxy) / 2, h, gs().fill});
            } else if (w <= 2 && h > 3) {
                out_.segments.push_back(Segment{page_, (minx + maxx) / 2, miny, (minx + maxx) / 2, maxy, w, gs().fill});
            }
        }
        path_.clear();
    }

    void form(const std::string& name) {
        QPDFObjectHandle xobjects = resources_.isDictionary() ? resources_.getKey("/XObject") : QPDFObjectHandle();
        QPDFObjectHandle x = xobjects.isDictionary() ? xobjects.getKey(name) : QPDFObjectHandle();
        if (!x.isStream()) return;
        QPDFObjectHandle dict = x.getDict();
        if (!dict.getKey("/Subtype").isName() || dict.getKey("/Subtype").getName() != "/Form") return;  // images
        if (depth_ >= 8) {
            warn("page " + std::to_string(page_ + 1) + ": form XObjects nested too deeply");
            return;
        }
        GState inner = gs();
        QPDFObjectHandle m = dict.getKey("/Matrix");
        if (m.isArray() && m.getArrayNItems() == 6) {
            Matrix fm;
            double* v[] = {&fm.a, &fm.b, &fm.c, &fm.d, &fm.e, &fm.f};
            for (int i = 0; i < 6; ++i) *v[i] = m.getArrayItem(i).isNumber() ? m.getArrayItem(i).getNumericValue() : 0;
            inner.ctm = fm * inner.ctm;
        }
        QPDFObjectHandle res = dict.getKey("/Resources");
        Interpreter sub(res.isDictionary() ? res : resources_, page_, x0_, top_, fonts_, out_, inner, depth_ + 1);
        QPDFObjectHandle::parseContentStream(x, &sub);
    }

    QPDFObjectHandle resources_;
    int page_;
    double x0_, top_;
    FontCache& fonts_;
    PdfContent& out_;
    int depth_;
    std::vector<GState> state_;
    std::vector<QPDFObjectHandle> operands_;
    std::vector<Subpath> path_;
    Matrix tm_, tlm_;
};

}  // namespace

int FontCache::index_of(QPDFObjectHandle font, std::vector<std::string>& warnings) {
    const QPDFObjGen og = font.getObjGen();
    if (og.isIndirect()) {
        if (const auto it = by_object_.find(og); it != by_object_.end()) return it->second;
    }
    fonts_.push_back(load_font(font, warnings));
    const int i = static_cast<int>(fonts_.size()) - 1;
    if (og.isIndirect()) by_object_[og] = i;
    return i;
}

std::vector<FontInfo> FontCache::infos() const {
    std::vector<FontInfo> out;
    for (const auto& f : fonts_) out.push_back(f.info);
    return out;
}

void read_page_content(QPDFPageObjectHelper page, int page_index, double x0, double top, FontCache& fonts,
                       PdfContent& out) {
    QPDFObjectHandle resources = page.getAttribute("/Resources", false);
    // Every font the page lists counts for R1.4, drawn or not.
    QPDFObjectHandle font_dict = resources.isDictionary() ? resources.getKey("/Font") : QPDFObjectHandle();
    if (font_dict.isDictionary()) {
        for (auto [name, font] : font_dict.getDictAsMap()) fonts.index_of(font, out.warnings);
    }
    Interpreter interpreter(resources, page_index, x0, top, fonts, out, GState{}, 0);
    page.parseContents(&interpreter);
}

}  // namespace vanban::check
