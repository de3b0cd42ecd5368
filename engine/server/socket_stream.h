// A cpp-httplib Stream over a connected socket, for Server::process_request: the gate
// (connection_gate.h) owns the socket's life, so the server's own per-connection loop
// (keep-alive, shutdown, close) is not used. Reads are buffered (cpp-httplib reads
// header lines a byte at a time) and every read or write waits at most its timeout.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <string>

namespace vanban::server {

class SocketStream final : public httplib::Stream {
public:
    SocketStream(int fd, std::chrono::milliseconds read_timeout, std::chrono::milliseconds write_timeout)
        : fd_(fd), read_timeout_(read_timeout), write_timeout_(write_timeout) {}

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, std::size_t size) override;
    ssize_t write(const char* ptr, std::size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return fd_; }

private:
    int fd_;
    std::chrono::milliseconds read_timeout_, write_timeout_;
    char buffer_[16 * 1024];
    std::size_t begin_ = 0, end_ = 0;
};

}  // namespace vanban::server
