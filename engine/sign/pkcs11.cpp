// PKCS#11 keys (USB tokens, SoftHSM2) through OpenSSL's libp11 ENGINE (Debian
// libengine-pkcs11-openssl). Chosen over pkcs11-provider because that one is only in
// bookworm-backports; the ENGINE API is deprecated in OpenSSL 3, so this one file
// silences the deprecation and nothing else uses ENGINE.
#define OPENSSL_SUPPRESS_DEPRECATED 1

#include "core/diagnostic.h"
#include "sign/credentials.h"
#include "sign/ssl.h"

#include <openssl/engine.h>

namespace vanban::sign {

namespace {

struct EngineHandle {
    ENGINE* e = nullptr;
    bool initialised = false;
    ~EngineHandle() {
        if (initialised) ENGINE_finish(e);
        if (e) ENGINE_free(e);
    }
};

}  // namespace

Credentials load_pkcs11(const std::string& uri, const std::string& module, const std::string& pin) {
    auto engine = std::make_shared<EngineHandle>();
    // Loads engines-3/pkcs11.so from OpenSSL's engines directory.
    engine->e = ENGINE_by_id("pkcs11");
    if (!engine->e) ssl::fail(uri, "the PKCS#11 engine is not installed (Debian: libengine-pkcs11-openssl)");
    if (!module.empty() && ENGINE_ctrl_cmd_string(engine->e, "MODULE_PATH", module.c_str(), 0) != 1) {
        ssl::fail(module, "cannot use this PKCS#11 module");
    }
    if (!pin.empty() && ENGINE_ctrl_cmd_string(engine->e, "PIN", pin.c_str(), 0) != 1) ssl::fail(uri, "cannot set the PIN");
    if (ENGINE_init(engine->e) != 1) ssl::fail(module.empty() ? uri : module, "cannot open the PKCS#11 module");
    engine->initialised = true;
    EVP_PKEY* key = ENGINE_load_private_key(engine->e, uri.c_str(), nullptr, nullptr);
    if (!key) ssl::fail(uri, "no private key at this PKCS#11 URI (or a wrong PIN)");
    Credentials c;
    c.key.reset(key, EVP_PKEY_free);
    c.keep_alive = engine;  // the key lives in the engine
    // The certificate from the token, when it holds one (--cert overrides).
    struct {
        const char* id;
        X509* cert;
    } params{uri.c_str(), nullptr};
    if (ENGINE_ctrl_cmd(engine->e, "LOAD_CERT_CTRL", 0, &params, nullptr, 0) == 1 && params.cert) {
        c.cert.reset(params.cert, X509_free);
    }
    ssl::last_error();
    return c;
}

}  // namespace vanban::sign
