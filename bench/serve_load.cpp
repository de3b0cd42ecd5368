// Load for `vanban serve`: C clients on 127.0.0.1 each POST the same document N times to
// /api/render (one connection per request, as the server closes after each), and the
// requests/s and latency percentiles are printed. Usage:
//   vanban_serve_load PORT DOCUMENT.json CLIENTS REQUESTS_PER_CLIENT
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// One request; the reply's status (0 when the exchange failed).
int post_once(int port, const std::string& request) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval tv{60, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    int status = 0;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
        std::size_t done = 0;
        while (done < request.size()) {
            const ssize_t n = ::send(fd, request.data() + done, request.size() - done, MSG_NOSIGNAL);
            if (n <= 0) break;
            done += static_cast<std::size_t>(n);
        }
        std::string reply;
        char buf[65536];
        for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) reply.append(buf, static_cast<std::size_t>(n));
        if (reply.rfind("HTTP/1.1 ", 0) == 0) status = std::atoi(reply.c_str() + 9);
    }
    ::close(fd);
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: vanban_serve_load PORT DOCUMENT.json CLIENTS REQUESTS_PER_CLIENT\n");
        return 2;
    }
    const int port = std::atoi(argv[1]);
    std::ifstream in(argv[2], std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string doc = ss.str();
    const int clients = std::max(1, std::atoi(argv[3]));
    const int each = std::max(1, std::atoi(argv[4]));
    const std::string request = "POST /api/render?format=pdf HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                                "\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(doc.size()) +
                                "\r\n\r\n" + doc;
    post_once(port, request);  // warm: fonts and the template are loaded

    std::mutex mu;
    std::vector<double> ms;
    std::atomic<int> failed{0};
    const auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&] {
            std::vector<double> mine;
            for (int i = 0; i < each; ++i) {
                const auto t = Clock::now();
                if (post_once(port, request) != 200) ++failed;
                mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
            }
            std::lock_guard lock(mu);
            ms.insert(ms.end(), mine.begin(), mine.end());
        });
    }
    for (auto& t : threads) t.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::sort(ms.begin(), ms.end());
    const auto pct = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * ms.size()))]; };
    std::printf("%3d clients: %5zu requests, %6.1f requests/s, p50 %6.1f ms, p99 %6.1f ms, failed %d\n", clients,
                ms.size(), static_cast<double>(ms.size()) / seconds, pct(0.50), pct(0.99), failed.load());
    return failed ? 1 : 0;
}
