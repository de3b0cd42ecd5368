#include "sign/tsa.h"

#include "core/diagnostic.h"
#include "sign/ssl.h"

#include <httplib.h>
#include <openssl/rand.h>
#include <openssl/ts.h>

namespace vanban::sign {

namespace {

constexpr std::size_t kMaxReply = 1 << 20;

[[noreturn]] void fail(const std::string& url, const std::string& message) {
    throw Error(Diagnostic{url, 0, 0, {}, "timestamp: " + message});
}

// A query for SHA-256(`data`) with a random nonce, asking for the TSA's certificate.
TS_REQ* make_query(std::string_view data, const std::string& url) {
    const std::string digest = ssl::sha256(data);
    TS_REQ* req = TS_REQ_new();
    TS_MSG_IMPRINT* imprint = TS_MSG_IMPRINT_new();
    X509_ALGOR* alg = X509_ALGOR_new();
    ASN1_INTEGER* nonce = nullptr;
    unsigned char random[8];
    BIGNUM* bn = nullptr;
    bool ok = req && imprint && alg && TS_REQ_set_version(req, 1) &&
              X509_ALGOR_set0(alg, OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr) &&
              TS_MSG_IMPRINT_set_algo(imprint, alg) &&
              TS_MSG_IMPRINT_set_msg(imprint, reinterpret_cast<unsigned char*>(const_cast<char*>(digest.data())),
                                     static_cast<int>(digest.size())) &&
              TS_REQ_set_msg_imprint(req, imprint) && RAND_bytes(random, sizeof random) == 1 &&
              (bn = BN_bin2bn(random, sizeof random, nullptr)) && (nonce = BN_to_ASN1_INTEGER(bn, nullptr)) &&
              TS_REQ_set_nonce(req, nonce) && TS_REQ_set_cert_req(req, 1);
    BN_free(bn);
    ASN1_INTEGER_free(nonce);
    X509_ALGOR_free(alg);
    TS_MSG_IMPRINT_free(imprint);
    if (!ok) {
        TS_REQ_free(req);
        ssl::fail(url, "cannot build the timestamp query");
    }
    return req;
}

std::string post(const std::string& url, const std::string& body) {
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string::npos || (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)) {
        fail(url, "the TSA URL must start with http:// or https://");
    }
    const auto path_at = url.find('/', scheme_end + 3);
    const std::string origin = url.substr(0, path_at);
    const std::string path = path_at == std::string::npos ? "/" : url.substr(path_at);
    httplib::Client client(origin);
    client.set_connection_timeout(10);
    client.set_read_timeout(30);
    client.set_write_timeout(30);
    std::string reply;
    bool too_big = false;
    httplib::Request request;
    request.method = "POST";
    request.path = path;
    request.body = body;
    request.set_header("Content-Type", "application/timestamp-query");
    request.content_receiver = [&](const char* data, std::size_t n, std::uint64_t, std::uint64_t) {
        too_big = reply.size() + n > kMaxReply;
        if (!too_big) reply.append(data, n);
        return !too_big;
    };
    httplib::Response response;
    httplib::Error error = httplib::Error::Success;
    if (!client.send(request, response, error)) {
        fail(url, too_big ? "the reply is larger than 1 MB" : "no reply (" + httplib::to_string(error) + ")");
    }
    if (response.status != 200) fail(url, "HTTP status " + std::to_string(response.status));
    return reply;
}

}  // namespace

Timestamper http_timestamper(const std::string& url) {
    return [url](std::string_view signature_value) {
        TS_REQ* req = make_query(signature_value, url);
        unsigned char* der = nullptr;
        const int n = i2d_TS_REQ(req, &der);
        const std::string body(reinterpret_cast<const char*>(der), n > 0 ? static_cast<std::size_t>(n) : 0);
        OPENSSL_free(der);
        std::string reply;
        try {
            reply = post(url, body);
        } catch (...) {
            TS_REQ_free(req);
            throw;
        }
        const auto* p = reinterpret_cast<const unsigned char*>(reply.data());
        TS_RESP* resp = d2i_TS_RESP(nullptr, &p, static_cast<long>(reply.size()));
        // Our imprint, our nonce, version and policy (not the signature: trust is the verifier's job).
        TS_VERIFY_CTX* ctx = TS_REQ_to_TS_VERIFY_CTX(req, nullptr);
        const bool ok = resp && ctx && TS_RESP_verify_response(ctx, resp) == 1;
        TS_VERIFY_CTX_free(ctx);
        TS_REQ_free(req);
        std::string token;
        if (ok) {
            unsigned char* out = nullptr;
            const int m = i2d_PKCS7(TS_RESP_get_token(resp), &out);
            if (m > 0) token.assign(reinterpret_cast<const char*>(out), static_cast<std::size_t>(m));
            OPENSSL_free(out);
        }
        TS_RESP_free(resp);
        if (!ok || token.empty()) ssl::fail(url, "timestamp: the TSA's reply is not a granted token for this signature");
        return token;
    };
}

}  // namespace vanban::sign
