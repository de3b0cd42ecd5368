// RFC 3161 timestamps for PAdES B-T: the signature value's SHA-256 sent to a
// time-stamping authority over HTTP(S) (`--tsa URL`).
#pragma once

#include "sign/cms.h"

#include <string>

namespace vanban::sign {

// A Timestamper that POSTs an application/timestamp-query to `url` (http:// or https://),
// checks the reply (granted, our imprint, our nonce) and returns its token. Throws
// vanban::Error naming the URL.
Timestamper http_timestamper(const std::string& url);

}  // namespace vanban::sign
