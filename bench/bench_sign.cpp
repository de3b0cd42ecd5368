// vanban sign / verify per document (target: sign ≤ 5 ms with a file key): the sample
// letter as PDF/A, an RSA-2048/3072 or ECDSA P-256 key made in memory, a self-signed
// certificate. Run: build/bench/vanban_bench_sign (or bash bench/run.sh).
#include "fonts/font_set.h"
#include "render/engine.h"
#include "sign/sign.h"
#include "sign/verify.h"

#include <benchmark/benchmark.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

namespace {

vanban::sign::Credentials make_credentials(int bits) {
    EVP_PKEY* key = bits ? EVP_RSA_gen(static_cast<unsigned>(bits)) : EVP_EC_gen("P-256");
    X509* cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600L * 24 * 365);
    X509_NAME_add_entry_by_txt(X509_get_subject_name(cert), "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("Bench Signer"), -1, -1, 0);
    X509_set_issuer_name(cert, X509_get_subject_name(cert));
    X509_set_pubkey(cert, key);
    X509_sign(cert, key, EVP_sha256());
    vanban::sign::Credentials c;
    c.key.reset(key, EVP_PKEY_free);
    c.cert.reset(cert, X509_free);
    return c;
}

const std::string& letter() {
    static const std::string pdf = [] {
        const vanban::Engine engine;
        vanban::RenderRequest request;
        request.pdfa = true;
        return engine.render_file(std::string(VANBAN_SOURCE_DIR) + "/samples/cong-van-1996.json", request).pdf;
    }();
    return pdf;
}

void BM_Sign(benchmark::State& state) {
    const auto who = make_credentials(static_cast<int>(state.range(0)));
    vanban::sign::SignOptions options;
    options.time = 1764639000;
    for (auto _ : state) {
        benchmark::DoNotOptimize(vanban::sign::sign_pdf(letter(), "letter.pdf", who, options));
    }
    state.SetLabel(state.range(0) ? "RSA-" + std::to_string(state.range(0)) : "ECDSA P-256");
}
BENCHMARK(BM_Sign)->Arg(2048)->Arg(3072)->Arg(0)->Unit(benchmark::kMillisecond)->Repetitions(5);

// A copy (ô 14): the same signature plus the number/time box, whose font subset is made
// and embedded on every signature (hb-subset of ~30 glyphs).
void BM_SignCopy(benchmark::State& state) {
    const auto who = make_credentials(2048);
    vanban::sign::SignOptions options;
    options.time = 1764639000;
    options.role = vanban::sign::Role::copy;
    options.number = "05/SY-TLĐ";
    options.fonts = vanban::fonts::shared_font_set({vanban::shipped_dir("fonts")});
    for (auto _ : state) {
        benchmark::DoNotOptimize(vanban::sign::sign_pdf(letter(), "letter.pdf", who, options));
    }
    state.SetLabel("RSA-2048, ô 14 box");
}
BENCHMARK(BM_SignCopy)->Unit(benchmark::kMillisecond)->Repetitions(5);

void BM_Verify(benchmark::State& state) {
    const auto who = make_credentials(3072);
    vanban::sign::SignOptions options;
    options.time = 1764639000;
    const std::string pdf = vanban::sign::sign_pdf(letter(), "letter.pdf", who, options);
    vanban::sign::VerifyOptions v;
    v.trust.push_back(who.cert);
    for (auto _ : state) {
        const auto report = vanban::sign::verify_pdf(pdf, "letter.pdf", v);
        if (!report.valid()) state.SkipWithError("the signature does not verify");
    }
}
BENCHMARK(BM_Verify)->Unit(benchmark::kMillisecond)->Repetitions(5);

}  // namespace

BENCHMARK_MAIN();
