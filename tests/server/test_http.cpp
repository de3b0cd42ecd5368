// vanban serve over real HTTP on an ephemeral loopback port: the in-process server
// (one Engine shared by all requests) and the `vanban serve` command itself.
#include "render/engine.h"
#include "server/server.h"
#include "template/template_library.h"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

using namespace vanban;
using nlohmann::json;
namespace fs = std::filesystem;

extern char** environ;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string sample(const std::string& name) { return read(fs::path(VANBAN_SOURCE_DIR) / "samples" / name); }

const Engine& engine() {
    static const Engine e{EngineOptions{}};
    return e;
}

constexpr std::size_t kMaxBody = 256 * 1024;

// One server for the whole test run, on a free port.
struct Running {
    server::Server server;
    std::thread thread;
    int port = 0;
    Running() : server(engine(), options()) {
        port = server.bind();
        thread = std::thread([this] { server.run(); });
        server.wait_until_running();
    }
    ~Running() {
        server.stop();
        thread.join();
    }
    static server::ServerOptions options() {
        server::ServerOptions o;
        o.port = 0;
        o.max_body = kMaxBody;
        o.threads = 8;
        o.max_requests_per_client = 16;  // the eight-client test comes from one address
        return o;
    }
};

Running& running() {
    static Running r;
    return r;
}

httplib::Client client() {
    httplib::Client c("127.0.0.1", running().port);
    c.set_read_timeout(60, 0);
    c.set_write_timeout(60, 0);
    return c;
}

httplib::Result post(const std::string& path, const std::string& body) {
    auto c = client();
    return c.Post(path.c_str(), body, "application/json");
}

json body_json(const httplib::Result& r) { return json::parse(r->body); }

// The response head exactly as sent (httplib's client percent-decodes header values).
std::string raw_response_head(const std::string& request) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(running().port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string head;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size())) {
        char buf[4096];
        ssize_t n = 0;
        while (head.find("\r\n\r\n") == std::string::npos && (n = ::read(fd, buf, sizeof buf)) > 0) head.append(buf, n);
    }
    ::close(fd);
    return head.substr(0, head.find("\r\n\r\n"));
}

}  // namespace

TEST_CASE("POST /api/render gives the PDF and the DOCX the engine makes, byte for byte") {
    const std::string doc = sample("cong-van-1996.json");
    const Rendered reference = engine().render(doc, "cong-van-1996.json", RenderRequest{true, true, false});

    auto pdf = post("/api/render?format=pdf", doc);
    REQUIRE(pdf);
    REQUIRE(pdf->status == 200);
    CHECK(pdf->get_header_value("Content-Type") == "application/pdf");
    CHECK(pdf->body.rfind("%PDF-", 0) == 0);
    CHECK(pdf->body == reference.pdf);
    const std::string head = raw_response_head("POST /api/render?format=pdf HTTP/1.1\r\nHost: 127.0.0.1:" +
                                               std::to_string(running().port) +
                                               "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                                               std::to_string(doc.size()) + "\r\n\r\n" + doc);
    INFO(head);
    CHECK(head.rfind("HTTP/1.1 200", 0) == 0);
    CHECK(head.find("\r\nContent-Disposition: attachment; filename=\"1996-tld-so-ket-2-nam-thuc-hien-nq-20.pdf\"; "
                    "filename*=UTF-8''1996-TL%C4%90%20S%C6%A1%20k%E1%BA%BFt%202%20n%C4%83m%20th%E1%BB%B1c%20hi%E1%BB%87n"
                    "%20NQ%2020.pdf\r\n") != std::string::npos);
    for (unsigned char c : head) CHECK_FALSE(c >= 0x80);  // headers are ASCII

    auto docx = post("/api/render?format=docx", doc);
    REQUIRE(docx);
    REQUIRE(docx->status == 200);
    CHECK(docx->get_header_value("Content-Type") ==
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    CHECK(docx->body.rfind("PK\x03\x04", 0) == 0);  // a zip
    CHECK(docx->body == reference.docx);
    CHECK(docx->get_header_value("Content-Disposition").find(".docx\"") != std::string::npos);

    // No format parameter: a PDF.
    auto plain = post("/api/render", doc);
    REQUIRE(plain);
    CHECK(plain->body == reference.pdf);
}

TEST_CASE("The server's PDF and DOCX equal what `vanban render` writes for the same file") {
    const fs::path dir = fs::temp_directory_path() / ("vanban-server-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string in = std::string(VANBAN_SOURCE_DIR) + "/samples/cong-van-lien-tich.json";
    const std::string cmd = std::string(VANBAN_BINARY_DIR) + "/vanban render " + in + " -o " + dir.string() +
                            " --format pdf,docx 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    auto pdf = post("/api/render?format=pdf", read(in));
    auto docx = post("/api/render?format=docx", read(in));
    REQUIRE(pdf);
    REQUIRE(docx);
    CHECK(pdf->body == read(dir / "cong-van-lien-tich.pdf"));
    CHECK(docx->body == read(dir / "cong-van-lien-tich.docx"));
    fs::remove_all(dir);
}

TEST_CASE("Bad JSON syntax is 400 with the line and column") {
    auto r = post("/api/render?format=pdf", "{\n  \"template\": \"cong-van\"\n  \"symbol\": \"X\"\n}");
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(r->get_header_value("Content-Type").rfind("application/json", 0) == 0);
    const json j = body_json(r);
    CHECK(j["line"] == 3);
    CHECK(j["column"] == 3);
    CHECK(j["pointer"] == "");
    CHECK(j["error"].get<std::string>().find("syntax error") == 0);
    CHECK(j["message_vi"].get<std::string>().find("dòng 3, cột 3") != std::string::npos);

    auto empty = post("/api/render?format=pdf", "");
    REQUIRE(empty);
    CHECK(empty->status == 400);
}

TEST_CASE("An unknown key is 422 with its pointer and a suggestion") {
    json doc = json::parse(sample("cong-van-1996.json"));
    doc["signers"][0]["nmae"] = "X";
    auto r = post("/api/render?format=pdf", doc.dump());
    REQUIRE(r);
    CHECK(r->status == 422);
    const json j = body_json(r);
    CHECK(j["pointer"] == "/signers/0/nmae");
    CHECK(j["error"].get<std::string>().find("unknown field 'nmae'") == 0);
    CHECK(j["message_vi"].get<std::string>().find("Trường 'nmae'") == 0);
    CHECK(j["line"] == 0);
}

TEST_CASE("An unknown template is 422 at /template") {
    json doc = json::parse(sample("cong-van-1996.json"));
    doc["template"] = "cong-vanx";
    auto r = post("/api/render?format=docx", doc.dump());
    REQUIRE(r);
    CHECK(r->status == 422);
    const json j = body_json(r);
    CHECK(j["pointer"] == "/template");
    CHECK(j["error"].get<std::string>().find("no template named 'cong-vanx'") == 0);
    CHECK(j["message_vi"] == "Không có mẫu văn bản 'cong-vanx'.");
}

TEST_CASE("A wrong format parameter is 400") {
    for (const char* f : {"odt", "PDF", "", "pdf,docx"}) {
        auto r = post(std::string("/api/render?format=") + f, sample("cong-van-1996.json"));
        REQUIRE(r);
        CHECK(r->status == 400);
        CHECK(body_json(r)["error"].get<std::string>().find("format must be pdf or docx") == 0);
    }
}

TEST_CASE("A body over --max-body is 413, and the server keeps serving") {
    std::string big = "{\"template\": \"cong-van\", \"subject\": \"" + std::string(kMaxBody, 'a') + "\"}";
    auto r = post("/api/render?format=pdf", big);
    REQUIRE(r);
    CHECK(r->status == 413);
    CHECK(body_json(r)["error"].get<std::string>().find("larger than the limit") != std::string::npos);
    auto check = post("/api/check", big);
    REQUIRE(check);
    CHECK(check->status == 413);
    auto ok = post("/api/render?format=pdf", sample("cong-van-1996.json"));
    REQUIRE(ok);
    CHECK(ok->status == 200);
}

TEST_CASE("Garbage never gives 500") {
    const std::vector<std::string> bodies = {"null", "[]", "\"x\"", "{", "{\"template\": 5}", "\xff\xfe{}",
                                             std::string("{\"template\":\"cong-van\",\"subject\":\"a\0b\"}", 38),
                                             "{\"template\": \"../../etc/passwd\"}", std::string(100, '['),
                                             "{\"template\": \"cong-van\", \"date\": \"2009-02-30\"}"};
    for (const auto& b : bodies) {
        for (const char* path : {"/api/render?format=pdf", "/api/check"}) {
            auto r = post(path, b);
            REQUIRE(r);
            INFO(path << " " << b.substr(0, 60));
            CHECK(r->status < 500);
            CHECK_NOTHROW(body_json(r));
        }
    }
}

TEST_CASE("POST /api/check returns validity and lint findings as JSON") {
    json doc = json::parse(sample("cong-van-1996.json"));
    auto ok = post("/api/check", doc.dump());
    REQUIRE(ok);
    CHECK(ok->status == 200);
    CHECK(body_json(ok)["valid"] == true);
    CHECK(body_json(ok)["pages"] == 2);

    doc["recipients"][1] = "Các Công đoàn  ngành";
    doc.erase("place");
    auto bad = post("/api/check", doc.dump());
    REQUIRE(bad);
    CHECK(bad->status == 200);
    const json j = body_json(bad);
    CHECK(j["valid"] == false);
    CHECK(j["error"]["pointer"] == "/place");
    bool found = false;
    for (const auto& f : j["findings"]) found = found || (f["pointer"] == "/recipients/1" && f["code"] == "double-space");
    CHECK(found);
}

TEST_CASE("GET /api/templates lists every template the engine can use") {
    auto c = client();
    auto r = c.Get("/api/templates");
    REQUIRE(r);
    CHECK(r->status == 200);
    const json list = body_json(r);
    std::vector<std::string> names;
    for (const auto& t : list["templates"]) names.push_back(t["name"]);
    CHECK(names == engine().templates().names());
    CHECK(std::find(names.begin(), names.end(), "cong-van") != names.end());
}

TEST_CASE("The page and its files are served from the binary — unknown paths are JSON 404") {
    auto c = client();
    auto page = c.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(page->body == read(fs::path(VANBAN_SOURCE_DIR) / "web" / "index.html"));
    CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'self'") == 0);
    for (const auto& e : fs::directory_iterator(fs::path(VANBAN_SOURCE_DIR) / "web")) {
        auto f = c.Get(("/" + e.path().filename().string()).c_str());
        REQUIRE(f);
        CHECK(f->status == 200);
        CHECK(f->body == read(e.path()));
    }
    auto missing = c.Get("/nope.js");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(body_json(missing)["error"].get<std::string>().find("no such page") == 0);
    auto get_api = c.Get("/api/render");
    REQUIRE(get_api);
    CHECK(get_api->status == 405);
    CHECK(get_api->get_header_value("Allow") == "POST");
}

TEST_CASE("Requests addressed to another host name are refused (DNS rebinding)") {
    auto c = client();
    auto r = c.Get("/api/templates", httplib::Headers{{"Host", "evil.example:8080"}});
    REQUIRE(r);
    CHECK(r->status == 403);
    auto ok = c.Get("/api/templates", httplib::Headers{{"Host", "localhost:" + std::to_string(running().port)}});
    REQUIRE(ok);
    CHECK(ok->status == 200);
}

TEST_CASE("Eight clients at once all get their own document, byte-identical") {
    const std::vector<std::string> names = {"cong-van-1996.json", "cong-van-quang-ngai.json",
                                            "cong-van-lien-tich.json", "cong-van-thang-cong-nhan.json"};
    std::vector<std::string> docs, reference;
    for (const auto& n : names) {
        docs.push_back(sample(n));
        reference.push_back(engine().render(docs.back(), n).pdf);
    }
    constexpr int kThreads = 8, kEach = 4;
    std::atomic<int> ok{0}, wrong{0};
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            auto c = client();
            for (int k = 0; k < kEach; ++k) {
                const std::size_t i = static_cast<std::size_t>(t + k) % docs.size();
                auto r = c.Post("/api/render?format=pdf", docs[i], "application/json");
                if (r && r->status == 200 && r->body == reference[i]) ++ok;
                else ++wrong;
            }
        });
    }
    for (auto& th : threads) th.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    WARN(kThreads * kEach << " renders from " << kThreads << " clients in " << seconds << " s ("
                          << (kThreads * kEach) / seconds << " documents/s)");
    CHECK(ok == kThreads * kEach);
    CHECK(wrong == 0);
}

TEST_CASE("`vanban serve --port 0` prints its address, serves, and stops on SIGTERM") {
    int out[2];
    REQUIRE(::pipe(out) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    const std::string exe = std::string(VANBAN_BINARY_DIR) + "/vanban";
    std::vector<std::string> args = {exe, "serve", "--port", "0", "--quiet", "--max-body", "1K"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);

    std::string line;
    char ch = 0;
    while (::read(out[0], &ch, 1) == 1 && ch != '\n') line.push_back(ch);
    ::close(out[0]);
    INFO(line);
    const std::string prefix = "vanban serve: http://127.0.0.1:";
    REQUIRE(line.rfind(prefix, 0) == 0);
    const int port = std::stoi(line.substr(prefix.size()));
    CHECK(port > 0);

    httplib::Client c("127.0.0.1", port);
    auto page = c.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    auto big = c.Post("/api/check", std::string(2000, ' '), "application/json");  // over --max-body 1K
    REQUIRE(big);
    CHECK(big->status == 413);

    ::kill(pid, SIGTERM);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}
