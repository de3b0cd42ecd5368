#include "cli/render_sign.h"

#include "cli/render_extras.h"

#include "core/diagnostic.h"
#include "sign/fields.h"

namespace vanban::cli {

bool parse_render_signing(const Args& args, std::size_t& i, RenderSigning& s) {
    if (args[i] == "--signature-fields") s.fields = true;
    else if (args[i] == "--sign") s.sign = true;
    else return parse_sign_arg(args, i, s.args, false);
    return true;
}

void prepare_render_signing(RenderSigning& s, const std::vector<std::filesystem::path>& font_dirs) {
    if (!s.sign) {
        if (s.args.key || s.args.p12 || s.args.pkcs11 || s.args.image || s.args.seal || s.args.options.area ||
            !s.args.options.number.empty()) {
            usage_error("the signing options need --sign");
        }
        return;
    }
    check_sign_args(s.args);
    s.args.font_dirs = font_dirs;
    s.who = load_signing(s.args);
}

std::string finish_pdf(const Rendered& r, const std::string& name, const RenderSigning& s) {
    std::string pdf = r.pdf;
    if (s.fields) {
        std::vector<sign::FieldPlace> places;
        for (std::size_t p = 0; p < r.layout.pages.size(); ++p) {
            for (const auto& a : r.layout.pages[p].signature_areas) {
                const auto& page = r.layout.pages[p];
                const sign::PageRect area{static_cast<int>(p), a.x, page.height - a.y - a.height, a.x + a.width,
                                          page.height - a.y};
                for (auto& f : sign::signer_fields(area, static_cast<int>(a.signer) + 1, s.args.options.seal_width_mm)) {
                    places.push_back(std::move(f));
                }
            }
        }
        if (places.empty()) throw Error(Diagnostic{name, 0, 0, "/signers", "--signature-fields: the document has no signer"});
        pdf = sign::add_signature_fields(std::move(pdf), name, places);
    }
    if (!s.sign) return pdf;
    sign::SignOptions opt = s.args.options;
    const bool box = opt.role == sign::Role::copy || opt.role == sign::Role::appendix;
    const bool visible = !opt.signature_png.empty() || !opt.seal_png.empty();
    // With fields placed just now the signature fills its own; else ô 7c comes from this layout.
    if (visible && !box && !opt.area && !s.fields) opt.area = signature_area(r.layout, s.args.signer, name);
    if (box && opt.number.empty()) opt.number = number_and_symbol(r.model);
    return sign::sign_pdf(std::move(pdf), name, s.who, opt);
}

namespace {

// render's signing options behind the front's PdfFinisher (cli/render_extras.h).
class SigningFinisher final : public PdfFinisher {
public:
    bool parse(const Args& args, std::size_t& i) override { return parse_render_signing(args, i, s_); }
    bool active() const override { return s_.sign || s_.fields; }
    void prepare(const std::vector<std::filesystem::path>& font_dirs) override { prepare_render_signing(s_, font_dirs); }
    std::string finish(const Rendered& r, const std::string& name) const override {
        return active() ? finish_pdf(r, name, s_) : r.pdf;
    }

private:
    RenderSigning s_;
};

const bool kRenderSignHook =
    (render_extras().make_pdf_finisher = []() -> std::unique_ptr<PdfFinisher> { return std::make_unique<SigningFinisher>(); },
     true);

}  // namespace

}  // namespace vanban::cli
