// The CMS half of verification (private to engine/sign): digest, signature, chain,
// signingCertificateV2 and timestamp of one SignedData.
#pragma once

#include "sign/verify.h"

#include <string_view>

namespace vanban::sign {

struct CmsChecks {
    std::string signer;
    Verdict integrity, signature, chain, signing_certificate;
    std::optional<Verdict> timestamp;
};

// `contents` is the /Contents string (DER, zero-padded); the signed bytes are
// `part1` followed by `part2` (the two ranges of /ByteRange).
CmsChecks check_cms(std::string_view contents, std::string_view part1, std::string_view part2,
                    const VerifyOptions& options);

}  // namespace vanban::sign
