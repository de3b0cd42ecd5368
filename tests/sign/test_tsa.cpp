// PAdES B-T: --tsa asks an RFC 3161 authority for a token over the signature value. The
// TSA here is offline: a loopback HTTP server (python3) answering with `openssl ts -reply`.
#include "support.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

using namespace signtest;

namespace {

constexpr const char* kServer = R"(# Answers up to N POSTs with `openssl ts -reply`, then exits.
import http.server, subprocess, sys, os
d, n = sys.argv[1], int(sys.argv[2])
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(min(int(self.headers.get('Content-Length', 0)), 65536))
        q = os.path.join(d, 'query.tsq'); open(q, 'wb').write(body)
        r = subprocess.run(['openssl', 'ts', '-reply', '-config', 'tsa.cnf', '-queryfile', q, '-signer', 'tsa.pem',
                            '-inkey', 'tsa.key', '-chain', 'inter.pem'], capture_output=True, cwd=d)
        self.send_response(200 if r.returncode == 0 else 500)
        self.send_header('Content-Length', str(len(r.stdout))); self.end_headers(); self.wfile.write(r.stdout)
    def log_message(self, *a): pass
s = http.server.HTTPServer(('127.0.0.1', 0), H)
s.timeout = 60
open(os.path.join(d, 'port.tmp'), 'w').write(str(s.server_port)); os.rename(os.path.join(d, 'port.tmp'), os.path.join(d, 'port'))
for _ in range(n): s.handle_request()
)";

constexpr const char* kTsaConfig = R"([tsa]
default_tsa = t
[t]
serial = ./tsaserial
crypto_device = builtin
signer_digest = sha256
default_policy = 1.2.3.4.1
other_policies = 1.2.3.4.2
digests = sha256
accuracy = secs:1
ordering = yes
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
)";

}  // namespace

TEST_CASE("Signing with --tsa adds an RFC 3161 timestamp that vanban verify checks (PAdES B-T), valid for openssl and pdfsig") {
    if (!have("python3")) {
        WARN("SKIPPED: python3 is not installed (the offline TSA's HTTP server)");
        return;
    }
    const fs::path dir = scratch("tsa");
    const Pki& k = pki();
    fs::copy_file(k.inter, dir / "inter.pem");
    put(dir / "tsa.cnf", kTsaConfig);
    put(dir / "tsaserial", "01\n");
    put(dir / "server.py", kServer);
    put(dir / "tsa.ext", "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                         "extendedKeyUsage=critical,timeStamping\n");
    const fs::path inter_key = k.inter.parent_path() / "inter.key";
    Run r = run("cd " + q(dir) + " && openssl req -newkey rsa:2048 -nodes -keyout tsa.key -out tsa.csr -subj "
                "'/CN=Test TSA' && openssl x509 -req -in tsa.csr -CA inter.pem -CAkey " + q(inter_key) +
                " -set_serial 77 -out tsa.pem -days 100 -extfile tsa.ext");
    INFO(r.err);
    REQUIRE(r.code == 0);
    // Bounded: one request, and `timeout` ends it anyway.
    REQUIRE(run("timeout 120 python3 " + q(dir / "server.py") + " " + q(dir) + " 1 >/dev/null 2>&1 &").code == 0);
    for (int i = 0; i < 100 && !fs::exists(dir / "port"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    REQUIRE(fs::exists(dir / "port"));
    const std::string url = "http://127.0.0.1:" + slurp(dir / "port") + "/tsa";

    const fs::path in = sample_pdf(dir), out = dir / "bt.pdf";
    r = run_vanban("sign " + q(in) + " -o " + q(out) + " --key " + q(k.person_key) + " --cert " + q(k.person_cert) +
                   " --chain " + q(k.inter) + " --tsa " + url);
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string pdf = slurp(out);
    const auto sigs = signatures_in(pdf);
    REQUIRE(sigs.size() == 1);
    r = openssl_verify(pdf, sigs[0], k.root, dir);
    CHECK(r.code == 0);
    r = run("openssl cms -cmsout -print -inform DER -in " + q(dir / "sig.der"));
    // (The token is the TSA's own SignedData: its signingTime is allowed; ours is checked in the B-B test.)
    CHECK(r.out.find("id-smime-aa-timeStampToken") != std::string::npos);
    r = run_vanban("verify " + q(out) + " --trust " + q(k.root));
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("timestamp: ok") != std::string::npos);
    if (have("pdfsig")) CHECK(pdfsig(out).out.find("Signature is Valid") != std::string::npos);

    // The server is gone (it answered once): signing with --tsa then fails and writes nothing.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    r = run_vanban("sign " + q(in) + " -o " + q(dir / "none.pdf") + " --key " + q(k.person_key) + " --cert " +
                   q(k.person_cert) + " --tsa " + url);
    CHECK(r.code == 1);
    CHECK(r.err.find("timestamp") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "none.pdf"));
}
