// A raw HTTP/1.1 client over POSIX sockets, to 127.0.0.1 only, with bounded time: for
// requests no well-behaved client library would send (bogus framing, slow drip, odd
// Host headers) and to see the reply exactly as the server wrote it.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

namespace rawhttp {

using Clock = std::chrono::steady_clock;

inline int connect_loopback(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        if (fd >= 0) ::close(fd);
        return -1;
    }
    return fd;
}

inline bool send_all(int fd, const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// Everything the server sends until it closes, or until `seconds` have passed.
inline std::string read_until_close(int fd, double seconds) {
    std::string out;
    const auto until = Clock::now() + std::chrono::duration<double>(seconds);
    char buf[65536];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
        pollfd p{fd, POLLIN, 0};
        if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) break;
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

struct Reply {
    int status = 0;        // 0: no reply
    std::string head;      // status line and headers
    std::string body;
    double seconds = 0;    // from sending to the server's close
};

inline Reply parse(const std::string& raw) {
    Reply r;
    const auto end = raw.find("\r\n\r\n");
    r.head = raw.substr(0, end);
    r.body = end == std::string::npos ? "" : raw.substr(end + 4);
    if (raw.rfind("HTTP/1.", 0) == 0 && raw.size() >= 12) r.status = std::atoi(raw.c_str() + 9);
    return r;
}

// Sends `request` as is and reads the reply (the server closes after one request).
inline Reply exchange(int port, const std::string& request, double seconds = 10) {
    const auto start = Clock::now();
    const int fd = connect_loopback(port);
    if (fd < 0) return {};
    send_all(fd, request);
    Reply r = parse(read_until_close(fd, seconds));
    ::close(fd);
    r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return r;
}

inline std::string header(const Reply& r, const std::string& name) {
    const std::string key = "\r\n" + name + ": ";
    const auto at = r.head.find(key);
    if (at == std::string::npos) return "";
    const auto end = r.head.find("\r\n", at + key.size());
    return r.head.substr(at + key.size(), end - at - key.size());
}

}  // namespace rawhttp
