// Small RAII wrappers for the OpenSSL objects the sign stage holds, and the OpenSSL
// error queue turned into a message. Private to engine/sign.
#pragma once

#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <string>

namespace vanban::sign::ssl {

struct Free {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
    void operator()(X509* p) const { X509_free(p); }
    void operator()(CMS_ContentInfo* p) const { CMS_ContentInfo_free(p); }
    void operator()(BIO* p) const { BIO_free(p); }
    void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
    void operator()(X509_STORE* p) const { X509_STORE_free(p); }
    void operator()(X509_STORE_CTX* p) const { X509_STORE_CTX_free(p); }
    void operator()(STACK_OF(X509) * p) const { sk_X509_pop_free(p, X509_free); }
};
template <class T>
using Ptr = std::unique_ptr<T, Free>;

// The oldest queued OpenSSL error as text ("" when none), clearing the queue.
std::string last_error();

// Throws vanban::Error{file, what + ": " + last_error()}.
[[noreturn]] void fail(const std::string& file, const std::string& what);

// DER of an X509 certificate.
std::string der(const X509* cert);

// A certificate's subject as one line ("CN=Nguyễn Văn A, O=…"), UTF-8.
std::string subject(const X509* cert);

// SHA-256 of bytes.
std::string sha256(std::string_view bytes);

}  // namespace vanban::sign::ssl
