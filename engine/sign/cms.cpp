#include "sign/cms.h"

#include "core/diagnostic.h"
#include "sign/ssl.h"

#include <algorithm>
#include <vector>

namespace vanban::sign {

namespace {

std::string der_length(std::size_t n) {
    if (n < 0x80) return std::string(1, static_cast<char>(n));
    std::string bytes;
    for (; n > 0; n >>= 8) bytes.insert(bytes.begin(), static_cast<char>(n & 0xFF));
    return static_cast<char>(0x80 | bytes.size()) + bytes;
}

// The DER the signature covers: the signed attributes as a SET OF (tag 0x31, not the
// [0] IMPLICIT of the SignerInfo), elements in DER order (RFC 5652 §5.4).
std::string signed_attributes_der(CMS_SignerInfo* si) {
    std::vector<std::string> items;
    for (int i = 0; i < CMS_signed_get_attr_count(si); ++i) {
        unsigned char* out = nullptr;
        const int n = i2d_X509_ATTRIBUTE(CMS_signed_get_attr(si, i), &out);
        if (n <= 0) ssl::fail({}, "cannot encode a signed attribute");
        items.emplace_back(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
        OPENSSL_free(out);
    }
    // char_traits<char> compares as unsigned char: the DER SET OF order.
    std::sort(items.begin(), items.end());
    std::string body;
    for (const auto& s : items) body += s;
    return "\x31" + der_length(body.size()) + body;
}

std::string sign_bytes(EVP_PKEY* key, std::string_view data) {
    ssl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1) {
        ssl::fail({}, "cannot start signing");
    }
    std::size_t len = 0;
    const auto* in = reinterpret_cast<const unsigned char*>(data.data());
    if (EVP_DigestSign(ctx.get(), nullptr, &len, in, data.size()) != 1) ssl::fail({}, "signing failed");
    std::string sig(len, '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len, in, data.size()) != 1) {
        ssl::fail({}, "signing failed");
    }
    sig.resize(len);  // ECDSA signatures are shorter than the maximum
    return sig;
}

}  // namespace

std::string signed_data(const Credentials& who, std::string_view digest, const Timestamper& timestamper) {
    if (digest.size() != 32) throw Error(Diagnostic{{}, 0, 0, {}, "internal: the message digest is not SHA-256"});
    constexpr unsigned kFlags = CMS_PARTIAL | CMS_DETACHED | CMS_BINARY;
    ssl::Ptr<CMS_ContentInfo> cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, kFlags));
    if (!cms) ssl::fail({}, "cannot create the CMS structure");
    // CMS_CADES adds signingCertificateV2 (ESS, SHA-256, with issuerSerial);
    // CMS_PARTIAL keeps OpenSSL from signing (and from adding signingTime).
    CMS_SignerInfo* si =
        CMS_add1_signer(cms.get(), who.cert.get(), who.key.get(), EVP_sha256(), kFlags | CMS_NOSMIMECAP | CMS_CADES);
    if (!si) ssl::fail({}, "cannot add the signer (key type not supported?)");
    for (const auto& c : who.chain) {
        if (CMS_add1_cert(cms.get(), c.get()) != 1) ssl::fail({}, "cannot add a chain certificate");
    }
    if (CMS_signed_add1_attr_by_NID(si, NID_pkcs9_contentType, V_ASN1_OBJECT, OBJ_nid2obj(NID_pkcs7_data), -1) != 1 ||
        CMS_signed_add1_attr_by_NID(si, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, digest.data(),
                                    static_cast<int>(digest.size())) != 1) {
        ssl::fail({}, "cannot add the signed attributes");
    }
    const std::string sig = sign_bytes(who.key.get(), signed_attributes_der(si));
    if (ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), sig.data(), static_cast<int>(sig.size())) != 1) {
        ssl::fail({}, "out of memory");
    }
    if (timestamper) {
        // PAdES B-T: the token's imprint is the hash of the signature value (RFC 3161 / RFC 5652 §11.4).
        const std::string token = timestamper(sig);
        if (CMS_unsigned_add1_attr_by_NID(si, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE, token.data(),
                                          static_cast<int>(token.size())) != 1) {
            ssl::fail({}, "cannot add the timestamp token");
        }
    }
    unsigned char* out = nullptr;
    const int n = i2d_CMS_ContentInfo(cms.get(), &out);
    if (n <= 0) ssl::fail({}, "cannot encode the CMS signature");
    std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
    OPENSSL_free(out);
    return result;
}

}  // namespace vanban::sign
