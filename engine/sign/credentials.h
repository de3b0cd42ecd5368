// Who signs: a private key, its certificate and the chain to send along. Loaded from
// PEM files, a PKCS#12 file or a PKCS#11 token (USB token, SoftHSM2).
#pragma once

#include <openssl/types.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vanban::sign {

struct Credentials {
    std::shared_ptr<EVP_PKEY> key;
    std::shared_ptr<X509> cert;                 // the signer's certificate
    std::vector<std::shared_ptr<X509>> chain;   // intermediates (and the root, if given) to embed
    std::shared_ptr<void> keep_alive;           // the engine a token key lives in
};

// --key KEY.pem --cert CERT.pem [--chain CHAIN.pem]; `password` opens an encrypted key.
Credentials load_pem(const std::filesystem::path& key, const std::filesystem::path& cert,
                     const std::optional<std::filesystem::path>& chain, const std::string& password = {});

// --p12 FILE with its password.
Credentials load_p12(const std::filesystem::path& file, const std::string& password);

// --pkcs11 'pkcs11:token=…;object=…' [--module LIB.so] with the PIN (libp11 ENGINE). The
// certificate comes from the token when it holds one; else `cert` stays empty and the
// caller loads it from a file (softhsm2-util imports keys only).
Credentials load_pkcs11(const std::string& uri, const std::string& module, const std::string& pin);

// Every certificate of a PEM file (a trust anchor list, a chain); throws when it holds none.
std::vector<std::shared_ptr<X509>> load_certificates(const std::filesystem::path& file);

}  // namespace vanban::sign
