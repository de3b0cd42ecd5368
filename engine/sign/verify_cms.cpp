#include "sign/verify_cms.h"

#include "sign/ssl.h"

#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/ts.h>

namespace vanban::sign {

namespace {

Verdict pass(std::string detail = {}) { return {true, std::move(detail)}; }
Verdict failed(std::string detail) {
    const std::string why = ssl::last_error();
    return {false, why.empty() ? detail : detail + " (" + why + ")"};
}

// Verifies `cert` up to a trust anchor with `untrusted` as candidate intermediates.
Verdict verify_chain(X509* cert, STACK_OF(X509) * untrusted, const VerifyOptions& o) {
    if (o.trust.empty()) return {false, "no trust anchor given (--trust CA.pem)"};
    ssl::Ptr<X509_STORE> store(X509_STORE_new());
    for (const auto& t : o.trust) X509_STORE_add_cert(store.get(), t.get());
    ssl::Ptr<STACK_OF(X509)> pool(sk_X509_new_null());
    for (int i = 0; untrusted && i < sk_X509_num(untrusted); ++i) sk_X509_push(pool.get(), sk_X509_value(untrusted, i));
    for (const auto& c : o.intermediates) sk_X509_push(pool.get(), c.get());
    ssl::Ptr<X509_STORE_CTX> ctx(X509_STORE_CTX_new());
    if (!ctx || X509_STORE_CTX_init(ctx.get(), store.get(), cert, pool.get()) != 1) return failed("cannot check the chain");
    const int ok = X509_verify_cert(ctx.get());
    std::string names;
    STACK_OF(X509)* chain = X509_STORE_CTX_get0_chain(ctx.get());
    for (int i = 0; chain && i < sk_X509_num(chain); ++i) names += (i ? " → " : "") + ssl::subject(sk_X509_value(chain, i));
    // pool borrowed its certificates: empty it before it frees them.
    while (sk_X509_num(pool.get()) > 0) sk_X509_pop(pool.get());
    if (ok == 1) return pass(names);
    return {false, X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get()))};
}

Verdict verify_signing_certificate(CMS_SignerInfo* si, X509* signer) {
    const int at = CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, -1);
    const int at_v1 = CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificate, -1);
    if (at < 0 && at_v1 < 0) return {false, "no signingCertificateV2 attribute"};
    ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_signed_get_attr(si, at >= 0 ? at : at_v1), 0);
    if (!value || value->type != V_ASN1_SEQUENCE) return {false, "malformed signing certificate attribute"};
    const unsigned char* p = value->value.sequence->data;
    const long len = value->value.sequence->length;
    ESS_SIGNING_CERT_V2* v2 = at >= 0 ? d2i_ESS_SIGNING_CERT_V2(nullptr, &p, len) : nullptr;
    ESS_SIGNING_CERT* v1 = at >= 0 ? nullptr : d2i_ESS_SIGNING_CERT(nullptr, &p, len);
    if (!v2 && !v1) return failed("malformed signing certificate attribute");
    ssl::Ptr<STACK_OF(X509)> chain(sk_X509_new_null());
    X509_up_ref(signer);
    sk_X509_push(chain.get(), signer);
    const int ok = OSSL_ESS_check_signing_certs(v1, v2, chain.get(), 1);
    ESS_SIGNING_CERT_V2_free(v2);
    ESS_SIGNING_CERT_free(v1);
    if (ok > 0) return pass(at >= 0 ? "signingCertificateV2" : "signingCertificate (v1, SHA-1)");
    return failed("the attribute does not name the signing certificate");
}

// RFC 3161: the token's imprint is the hash of the signature value; its signer chains
// to a trust anchor. Returns the time as the detail.
Verdict verify_timestamp(CMS_SignerInfo* si, const VerifyOptions& o) {
    const int at = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1);
    ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_unsigned_get_attr(si, at), 0);
    if (!value || value->type != V_ASN1_SEQUENCE) return {false, "malformed timestamp attribute"};
    const unsigned char* p = value->value.sequence->data;
    PKCS7* token = d2i_PKCS7(nullptr, &p, value->value.sequence->length);
    if (!token) return failed("unreadable timestamp token");
    TS_TST_INFO* info = PKCS7_to_TS_TST_INFO(token);
    std::string when;
    if (info) {
        const ASN1_GENERALIZEDTIME* t = TS_TST_INFO_get_time(info);
        when.assign(reinterpret_cast<const char*>(t->data), static_cast<std::size_t>(t->length));
        TS_TST_INFO_free(info);
    }
    ASN1_OCTET_STRING* sig = CMS_SignerInfo_get0_signature(si);
    TS_VERIFY_CTX* ctx = TS_VERIFY_CTX_new();
    X509_STORE* store = X509_STORE_new();
    for (const auto& t : o.trust) X509_STORE_add_cert(store, t.get());
    TS_VERIFY_CTX_set_store(ctx, store);  // ctx owns the store from here
    STACK_OF(X509)* certs = sk_X509_new_null();
    for (const auto& c : o.intermediates) {
        X509_up_ref(c.get());
        sk_X509_push(certs, c.get());
    }
    TS_VERIFY_CTX_set_certs(ctx, certs);  // and the certificates
    TS_VERIFY_CTX_set_data(ctx, BIO_new_mem_buf(sig->data, sig->length));
    TS_VERIFY_CTX_set_flags(ctx, TS_VFY_SIGNATURE | TS_VFY_DATA);
    const int ok = TS_RESP_verify_token(ctx, token);
    TS_VERIFY_CTX_free(ctx);
    PKCS7_free(token);
    if (ok == 1) return pass(when);
    return failed("the timestamp does not verify");
}

}  // namespace

CmsChecks check_cms(std::string_view contents, std::string_view part1, std::string_view part2,
                    const VerifyOptions& o) {
    CmsChecks r;
    r.integrity = r.signature = r.chain = r.signing_certificate = {false, "not checked: unreadable CMS"};
    const auto* p = reinterpret_cast<const unsigned char*>(contents.data());
    ssl::Ptr<CMS_ContentInfo> cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(contents.size())));
    if (!cms) {
        r.integrity = failed("/Contents is not a CMS SignedData");
        return r;
    }
    STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms.get());
    if (!infos || sk_CMS_SignerInfo_num(infos) != 1) {
        r.integrity = {false, "the CMS must hold exactly one signer"};
        return r;
    }
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(infos, 0);
    CMS_set1_signers_certs(cms.get(), nullptr, 0);  // finds the signer among the embedded certificates
    X509* signer = nullptr;
    X509_ALGOR* digest_alg = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, &signer, &digest_alg, nullptr);
    ssl::last_error();

    // Integrity: the digest over the ByteRange against the messageDigest attribute.
    const ASN1_OBJECT* md_obj = nullptr;
    X509_ALGOR_get0(&md_obj, nullptr, nullptr, digest_alg);
    const EVP_MD* md = md_obj ? EVP_get_digestbyobj(md_obj) : nullptr;
    const auto* attr = static_cast<ASN1_OCTET_STRING*>(
        CMS_signed_get0_data_by_OBJ(si, OBJ_nid2obj(NID_pkcs9_messageDigest), -3, V_ASN1_OCTET_STRING));
    if (!md) r.integrity = {false, "unknown digest algorithm"};
    else if (!attr) r.integrity = {false, "no messageDigest attribute"};
    else {
        ssl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
        unsigned char out[EVP_MAX_MD_SIZE];
        unsigned int n = 0;
        const bool ok = ctx && EVP_DigestInit_ex(ctx.get(), md, nullptr) == 1 &&
                        EVP_DigestUpdate(ctx.get(), part1.data(), part1.size()) == 1 &&
                        EVP_DigestUpdate(ctx.get(), part2.data(), part2.size()) == 1 &&
                        EVP_DigestFinal_ex(ctx.get(), out, &n) == 1;
        const bool same = ok && static_cast<int>(n) == attr->length && CRYPTO_memcmp(out, attr->data, n) == 0;
        r.integrity = same ? pass(EVP_MD_get0_name(md)) : Verdict{false, "digest mismatch: the signed bytes were changed"};
    }
    if (!signer) {
        r.signature = r.chain = r.signing_certificate = {false, "the signer's certificate is not in the CMS"};
        return r;
    }
    r.signer = ssl::subject(signer);
    r.signature = CMS_SignerInfo_verify(si) == 1 ? pass() : failed("the signature does not verify");
    STACK_OF(X509)* embedded = CMS_get1_certs(cms.get());
    r.chain = verify_chain(signer, embedded, o);
    sk_X509_pop_free(embedded, X509_free);
    r.signing_certificate = verify_signing_certificate(si, signer);
    if (CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1) >= 0) r.timestamp = verify_timestamp(si, o);
    ERR_clear_error();
    return r;
}

}  // namespace vanban::sign
