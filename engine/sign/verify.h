// vanban verify: checks every signature of a received PDF — the digest over its
// /ByteRange, the CMS signature, the certificate chain to a trust anchor given by the
// user, the signingCertificateV2 attribute, the RFC 3161 timestamp — and says whether
// the last signature covers the whole file and what changed after each signature.
#pragma once

#include "sign/credentials.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::sign {

struct VerifyOptions {
    std::vector<std::shared_ptr<X509>> trust;          // --trust: anchors (the VGCA root)
    std::vector<std::shared_ptr<X509>> intermediates;  // --intermediates: leaf-only signatures
};

// One check's outcome: passed, or failed with the reason.
struct Verdict {
    bool ok = false;
    std::string detail;  // "digest mismatch", "certificate has expired", the chain's names
};

struct SignatureCheck {
    std::string field;         // "Signature1"
    std::string sub_filter;    // "ETSI.CAdES.detached"
    std::string signer;        // the signing certificate's subject
    std::string signing_time;  // /M, as written
    std::vector<long long> byte_range;
    Verdict byte_range_shape;  // four numbers, the gap is exactly /Contents, inside the file
    Verdict integrity;         // SHA-256 of the ByteRange bytes = messageDigest
    Verdict signature;         // the signature over the signed attributes
    Verdict chain;             // to a --trust anchor, at the current time
    Verdict signing_certificate;  // signingCertificateV2 names the signer's certificate
    std::optional<Verdict> timestamp;  // only when the CMS carries one
    bool covers_whole_file = false;
    Verdict changes_after;             // ok when later revisions only add signatures
    std::vector<std::string> changes;  // what later revisions changed
    bool valid() const;
};

struct VerifyReport {
    std::string file;
    std::vector<SignatureCheck> signatures;  // in signing order
    std::vector<std::string> errors;         // the file could not be checked at all
    bool valid() const;  // no error, at least one signature, all valid, the last covers the file
    nlohmann::json to_json() const;
    std::string to_text() const;
    // Why the file is not valid, in one line ("Signature1: certificate chain: …"); ""
    // when it is valid. For messages that name the file (summarize, the campaign status).
    std::string problem() const;
};

VerifyReport verify_pdf(const std::string& pdf, const std::string& name, const VerifyOptions& options);

}  // namespace vanban::sign
