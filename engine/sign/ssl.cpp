#include "sign/ssl.h"

#include "core/diagnostic.h"

#include <openssl/err.h>
#include <openssl/sha.h>

namespace vanban::sign::ssl {

std::string last_error() {
    const unsigned long first = ERR_peek_error();
    ERR_clear_error();
    if (first == 0) return {};
    char buf[256];
    ERR_error_string_n(first, buf, sizeof buf);
    return buf;
}

void fail(const std::string& file, const std::string& what) {
    const std::string why = last_error();
    throw Error(Diagnostic{file, 0, 0, {}, why.empty() ? what : what + ": " + why});
}

std::string der(const X509* cert) {
    unsigned char* out = nullptr;
    const int n = i2d_X509(cert, &out);
    if (n <= 0) fail({}, "cannot encode a certificate");
    std::string s(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
    OPENSSL_free(out);
    return s;
}

std::string subject(const X509* cert) {
    Ptr<BIO> bio(BIO_new(BIO_s_mem()));
    if (!bio) fail({}, "out of memory");
    X509_NAME_print_ex(bio.get(), X509_get_subject_name(cert), 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return n > 0 ? std::string(data, static_cast<std::size_t>(n)) : std::string();
}

std::string sha256(std::string_view bytes) {
    unsigned char md[SHA256_DIGEST_LENGTH];
    unsigned int len = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr) != 1) fail({}, "SHA-256 failed");
    return std::string(reinterpret_cast<const char*>(md), len);
}

}  // namespace vanban::sign::ssl
