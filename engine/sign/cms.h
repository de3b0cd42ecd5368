// The CMS SignedData of a PAdES baseline signature (ETSI EN 319 142-1, B-B / B-T).
//
// OpenSSL 3.0's CMS_sign and CMS_SignerInfo_sign always add a signingTime attribute,
// which baseline PAdES forbids (the time lives in the signature dictionary's /M). So
// OpenSSL's CMS structures are only assembled here; the signed attributes are encoded
// and signed with EVP_DigestSign by this file.
#pragma once

#include "sign/credentials.h"

#include <functional>
#include <string>
#include <string_view>

namespace vanban::sign {

// Asks a time-stamping authority (RFC 3161) for a token over `signature_value`;
// returns the TimeStampToken (a DER ContentInfo). Empty function: no timestamp.
using Timestamper = std::function<std::string(std::string_view signature_value)>;

// DER SignedData, detached, SHA-256: signed attributes contentType (id-data),
// messageDigest (`digest`, 32 bytes) and signingCertificateV2; certificates = the
// signer's and the chain; with a timestamper, the unsigned attribute
// id-aa-timeStampToken. Throws vanban::Error.
std::string signed_data(const Credentials& who, std::string_view digest, const Timestamper& timestamper = {});

}  // namespace vanban::sign
