#include "sign/credentials.h"

#include "core/diagnostic.h"
#include "core/files.h"
#include "sign/ssl.h"

#include <openssl/pem.h>
#include <openssl/pkcs12.h>

namespace vanban::sign {

namespace {

constexpr std::size_t kMaxCredentialFile = 1 << 20;

ssl::Ptr<BIO> memory_bio(const std::string& bytes) {
    ssl::Ptr<BIO> bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
    if (!bio) ssl::fail({}, "out of memory");
    return bio;
}

std::shared_ptr<X509> shared(X509* x) { return std::shared_ptr<X509>(x, X509_free); }

void check_key_matches(const Credentials& c, const std::string& file) {
    if (X509_check_private_key(c.cert.get(), c.key.get()) != 1) {
        ssl::fail(file, "the private key does not belong to the certificate");
    }
}

}  // namespace

std::vector<std::shared_ptr<X509>> load_certificates(const std::filesystem::path& file) {
    const std::string bytes = read_file(file, kMaxCredentialFile);
    auto bio = memory_bio(bytes);
    std::vector<std::shared_ptr<X509>> out;
    while (X509* x = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) out.push_back(shared(x));
    ssl::last_error();  // the end of the file leaves a "no start line" error behind
    if (out.empty()) {
        // DER, one certificate.
        const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes.data());
        if (X509* x = d2i_X509(nullptr, &p, static_cast<long>(bytes.size()))) out.push_back(shared(x));
    }
    if (out.empty()) ssl::fail(file.string(), "no certificate in the file (PEM or DER expected)");
    return out;
}

Credentials load_pem(const std::filesystem::path& key, const std::filesystem::path& cert,
                     const std::optional<std::filesystem::path>& chain, const std::string& password) {
    Credentials c;
    const std::string key_bytes = read_file(key, kMaxCredentialFile);
    auto bio = memory_bio(key_bytes);
    EVP_PKEY* k = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, const_cast<char*>(password.c_str()));
    if (!k) ssl::fail(key.string(), "cannot read the private key (PEM expected; encrypted keys need the password)");
    c.key.reset(k, EVP_PKEY_free);
    auto certs = load_certificates(cert);
    c.cert = certs.front();
    c.chain.assign(certs.begin() + 1, certs.end());
    if (chain) {
        for (auto& x : load_certificates(*chain)) c.chain.push_back(x);
    }
    check_key_matches(c, key.string());
    return c;
}

Credentials load_p12(const std::filesystem::path& file, const std::string& password) {
    const std::string bytes = read_file(file, kMaxCredentialFile);
    const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes.data());
    PKCS12* p12 = d2i_PKCS12(nullptr, &p, static_cast<long>(bytes.size()));
    if (!p12) ssl::fail(file.string(), "not a PKCS#12 file");
    EVP_PKEY* key = nullptr;
    X509* cert = nullptr;
    STACK_OF(X509)* ca = nullptr;
    const int ok = PKCS12_parse(p12, password.c_str(), &key, &cert, &ca);
    PKCS12_free(p12);
    if (ok != 1) ssl::fail(file.string(), "cannot open the PKCS#12 file (wrong password?)");
    ssl::Ptr<STACK_OF(X509)> chain(ca);
    Credentials c;
    c.key.reset(key, EVP_PKEY_free);
    if (!cert) throw Error(Diagnostic{file.string(), 0, 0, {}, "the PKCS#12 file holds no certificate"});
    c.cert = shared(cert);
    if (!key) throw Error(Diagnostic{file.string(), 0, 0, {}, "the PKCS#12 file holds no private key"});
    for (int i = 0; chain && i < sk_X509_num(chain.get()); ++i) {
        X509* x = sk_X509_value(chain.get(), i);
        X509_up_ref(x);
        c.chain.push_back(shared(x));
    }
    check_key_matches(c, file.string());
    return c;
}

}  // namespace vanban::sign
