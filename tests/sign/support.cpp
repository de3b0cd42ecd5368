#include "support.h"

#include <catch2/catch.hpp>
#include <png.h>

#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace signtest {

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void put(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

Run run(const std::string& command) {
    static int n = 0;
    const fs::path dir = fs::temp_directory_path() / ("vanban-sign-run-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const fs::path out = dir / ("out" + std::to_string(n)), err = dir / ("err" + std::to_string(n++));
    const int status = std::system(("( " + command + " ) >" + q(out) + " 2>" + q(err)).c_str());
    Run r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    fs::remove(out);
    fs::remove(err);
    return r;
}

Run run_vanban(const std::string& args) { return run(q(fs::path(VANBAN_BINARY_DIR) / "vanban") + " " + args); }

fs::path scratch(const std::string& name) {
    const fs::path dir =
        fs::path(VANBAN_BINARY_DIR) / "test-scratch" / "sign" / (name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

namespace {

void must(const std::string& command) {
    const Run r = run(command);
    INFO(command << "\n" << r.err);
    REQUIRE(r.code == 0);
}

constexpr const char* kExtensions = R"([inter]
basicConstraints=critical,CA:TRUE,pathlen:0
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
[leaf]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,nonRepudiation
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
)";

// `openssl ca` can back-date a certificate (x509 -req cannot in OpenSSL 3.0).
constexpr const char* kCaConfig = R"([ca]
default_ca=test
[test]
database=index.txt
new_certs_dir=.
serial=serial
default_md=sha256
policy=any
unique_subject=no
[any]
commonName=supplied
)";

// The PKI is made once per build tree (keys take seconds on a busy machine): in a
// private directory renamed into place, so parallel test processes never see half of it.
Pki make_pki() {
    const fs::path shared = fs::path(VANBAN_BINARY_DIR) / "test-scratch" / "sign" / "pki";
    const auto paths = [](const fs::path& d) {
        return Pki{d / "root.pem",   d / "inter.pem",   d / "person.key",  d / "person.pem", d / "org.key",
                   d / "org.pem",    d / "expired.key", d / "expired.pem", d / "other.pem"};
    };
    if (fs::exists(shared / "done")) return paths(shared);
    const fs::path d = scratch("pki-new");
    put(d / "ext.cnf", kExtensions);
    put(d / "ca.cnf", kCaConfig);
    put(d / "index.txt", "");
    put(d / "serial", "1000\n");
    const std::string cd = "cd " + q(d) + " && ";
    must(cd + "openssl req -x509 -newkey rsa:3072 -nodes -keyout root.key -out root.pem -days 3650 -subj "
              "'/C=VN/O=Test/CN=Test Root CA' -addext basicConstraints=critical,CA:TRUE "
              "-addext keyUsage=critical,keyCertSign,cRLSign");
    must(cd + "openssl req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other.pem -days 3650 -subj "
              "'/CN=Other Root CA' -addext basicConstraints=critical,CA:TRUE");
    must(cd + "openssl req -newkey rsa:3072 -nodes -keyout inter.key -out inter.csr -subj '/C=VN/CN=Test Intermediate'"
              " && openssl x509 -req -in inter.csr -CA root.pem -CAkey root.key -CAcreateserial -out inter.pem "
              "-days 3000 -extfile ext.cnf -extensions inter");
    must(cd + "openssl req -utf8 -newkey rsa:2048 -nodes -keyout person.key -out person.csr "
              "-subj '/C=VN/O=LĐLĐ tỉnh Thử/CN=Nguyễn Văn An' && openssl x509 -req -in person.csr -CA inter.pem "
              "-CAkey inter.key -CAcreateserial -out person.pem -days 1000 -extfile ext.cnf -extensions leaf");
    must(cd + "openssl req -utf8 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout org.key -out org.csr "
              "-subj '/C=VN/CN=LĐLĐ tỉnh Thử' && openssl x509 -req -in org.csr -CA inter.pem -CAkey inter.key "
              "-CAcreateserial -out org.pem -days 1000 -extfile ext.cnf -extensions leaf");
    must(cd + "openssl req -newkey rsa:2048 -nodes -keyout expired.key -out expired.csr -subj '/CN=Expired Signer' && "
              "openssl ca -batch -config ca.cnf -cert inter.pem -keyfile inter.key -in expired.csr -out expired.pem "
              "-startdate 20200101000000Z -enddate 20201231000000Z -extfile ext.cnf -extensions leaf -notext");
    put(d / "done", "");
    std::error_code ec;
    fs::rename(d, shared, ec);  // fails when another process was first: use theirs
    if (ec) fs::remove_all(d);
    REQUIRE(fs::exists(shared / "done"));
    return paths(shared);
}

}  // namespace

const Pki& pki() {
    static const Pki p = make_pki();
    return p;
}

fs::path sample_pdf(const fs::path& dir) {
    const fs::path out = dir / "letter.pdf";
    const Run r = run_vanban("render " + q(fs::path(VANBAN_SOURCE_DIR) / "samples" / "cong-van-1996.json") +
                         " --pdfa -o " + q(out));
    INFO(r.err);
    REQUIRE(r.code == 0);
    return out;
}

std::vector<SigBlob> signatures_in(const std::string& pdf) {
    std::vector<SigBlob> out;
    static const std::regex re(R"(/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\])");
    for (auto it = std::sregex_iterator(pdf.begin(), pdf.end(), re); it != std::sregex_iterator(); ++it) {
        SigBlob s{std::stoll((*it)[1]), std::stoll((*it)[2]), std::stoll((*it)[3]), std::stoll((*it)[4]), {}};
        const std::string hex = pdf.substr(static_cast<std::size_t>(s.b + 1), static_cast<std::size_t>(s.c - s.b - 2));
        std::string der;
        for (std::size_t i = 0; i + 1 < hex.size(); i += 2) der += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
        // Cut to the DER's own length (SEQUENCE, long-form length), not by stripping zeros.
        std::size_t len = 0, head = 2;
        const auto l = static_cast<unsigned char>(der.at(1));
        if (l & 0x80) {
            head += l & 0x7F;
            for (std::size_t i = 2; i < head; ++i) len = len * 256 + static_cast<unsigned char>(der.at(i));
        } else {
            len = l;
        }
        s.der = der.substr(0, head + len);
        out.push_back(std::move(s));
    }
    return out;
}

Run openssl_verify(const std::string& pdf, const SigBlob& s, const fs::path& ca, const fs::path& dir) {
    put(dir / "content.bin", pdf.substr(static_cast<std::size_t>(s.a), static_cast<std::size_t>(s.b)) +
                                 pdf.substr(static_cast<std::size_t>(s.c), static_cast<std::size_t>(s.d)));
    put(dir / "sig.der", s.der);
    return run("openssl cms -verify -binary -inform DER -in " + q(dir / "sig.der") + " -content " +
               q(dir / "content.bin") + " -CAfile " + q(ca) + " -purpose any -out /dev/null");
}

bool have(const std::string& tool) { return run("command -v " + tool).code == 0; }

Run pdfsig(const fs::path& file, const fs::path& ca) {
    if (ca.empty()) return run("pdfsig " + q(file));
    const fs::path nss = file.parent_path() / ("nss-" + ca.stem().string());
    if (!fs::exists(nss)) {
        fs::create_directories(nss);
        const Run r = run("certutil -N -d sql:" + q(nss) + " --empty-password && certutil -A -d sql:" + q(nss) +
                          " -n anchor -t CT,C,C -i " + q(ca));
        REQUIRE(r.code == 0);
    }
    return run("pdfsig -nssdir sql:" + q(nss) + " " + q(file));
}

std::string png(int w, int h, unsigned char r, unsigned char g, unsigned char b, bool disc) {
    std::string rgba(static_cast<std::size_t>(w * h * 4), '\0');
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            bool ink;
            if (disc) {
                const double dx = x - w / 2.0, dy = y - h / 2.0, rr = std::hypot(dx, dy);
                ink = rr < w / 2.0 - 1 && (rr > w / 2.0 - 6 || (rr < w / 4.0 && rr > w / 4.0 - 3));
            } else {
                ink = std::abs(y - (h - 1 - x * h / w)) < 3 || std::abs(y - h / 2 - static_cast<int>(8 * std::sin(x / 6.0))) < 2;
            }
            char* p = &rgba[static_cast<std::size_t>((y * w + x) * 4)];
            p[0] = static_cast<char>(r), p[1] = static_cast<char>(g), p[2] = static_cast<char>(b);
            p[3] = static_cast<char>(ink ? 255 : 0);
        }
    }
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(w);
    image.height = static_cast<png_uint_32>(h);
    image.format = PNG_FORMAT_RGBA;
    png_alloc_size_t size = 0;
    REQUIRE(png_image_write_to_memory(&image, nullptr, &size, 0, rgba.data(), 0, nullptr));
    std::string out(size, '\0');
    REQUIRE(png_image_write_to_memory(&image, out.data(), &size, 0, rgba.data(), 0, nullptr));
    out.resize(size);
    return out;
}

}  // namespace signtest
