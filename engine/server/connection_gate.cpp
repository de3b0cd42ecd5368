#include "server/connection_gate.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <limits>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <list>
#include <map>
#include <mutex>
#include <thread>

namespace vanban::server {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kMaxHeaderBytes = 16 * 1024;  // cpp-httplib refuses longer lines anyway
constexpr auto kRepeek = std::chrono::milliseconds(50);
constexpr Clock::rep kNever = std::numeric_limits<Clock::rep>::max();

std::string peer_address(int fd) {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&ss), &len) != 0) return "?";
    char buf[INET6_ADDRSTRLEN] = "?";
    if (ss.ss_family == AF_INET) {
        inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&ss)->sin_addr, buf, sizeof buf);
    } else if (ss.ss_family == AF_INET6) {
        inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&ss)->sin6_addr, buf, sizeof buf);
    }
    return buf;
}

// A last word to a connection the gate will not serve, then close. Best effort: the
// socket is non-blocking for this, a client that does not read simply misses it.
void refuse(int fd, int status, const char* reason, const std::string& message) {
    const std::string body = "{\"error\":\"" + message + "\"}\n";
    const std::string reply = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                              "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
                              std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    // What already arrived is dropped first: closing on unread bytes would send a reset
    // that can overtake the reply.
    char drop[4096];
    for (int i = 0; i < 64 && ::recv(fd, drop, sizeof drop, MSG_DONTWAIT) > 0; ++i) {
    }
    [[maybe_unused]] const ssize_t n = ::send(fd, reply.data(), reply.size(), MSG_NOSIGNAL);
    ::shutdown(fd, SHUT_WR);
    ::close(fd);
}

struct Waiting {
    int fd;
    std::string client;
    Clock::time_point deadline;
    bool partial = false;  // some bytes in, not yet all headers: peeked on a timer, not polled
    Clock::time_point next_peek{};
};

// A connection a worker is serving. The gate closes its socket only after taking it off
// the watch list, so the watchdog's shutdown() never hits a reused descriptor number.
struct Active {
    int watch = -1;
    std::atomic<Clock::rep> deadline{kNever};  // steady_clock ticks; set by the serving thread
    void expire_in(std::chrono::milliseconds d) {
        deadline.store((Clock::now() + d).time_since_epoch().count(), std::memory_order_relaxed);
    }
};

thread_local Active* t_active = nullptr;
thread_local std::chrono::milliseconds t_write_timeout{30000};

}  // namespace

struct ConnectionGate::Impl {
    GateOptions options;
    std::function<void(int)> serve;
    std::mutex mu;
    std::condition_variable ready_cv;
    std::deque<Waiting> inbox;   // admitted, not yet seen by the waiting room
    std::deque<Waiting> ready;   // headers in, waiting for a worker
    std::list<Active*> active;
    std::map<std::string, std::size_t> per_client;
    std::size_t queued = 0;      // inbox + waiting room + ready
    bool stopping = false;
    int wake[2] = {-1, -1};
    std::thread room;
    std::vector<std::thread> workers;

    void release(const std::string& client) {
        std::lock_guard lock(mu);
        if (auto it = per_client.find(client); it != per_client.end() && --it->second == 0) per_client.erase(it);
    }

    void run_room();
    void run_worker();
};

ConnectionGate::ConnectionGate(GateOptions options, std::function<void(int)> serve)
    : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
    impl_->serve = std::move(serve);
    if (::pipe2(impl_->wake, O_NONBLOCK | O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    impl_->room = std::thread([this] { impl_->run_room(); });
    for (unsigned i = 0; i < std::max(1u, impl_->options.workers); ++i) {
        impl_->workers.emplace_back([this] { impl_->run_worker(); });
    }
}

ConnectionGate::~ConnectionGate() {
    stop();
    ::close(impl_->wake[0]);
    ::close(impl_->wake[1]);
}

void ConnectionGate::admit(int fd) {
    Impl& s = *impl_;
    std::string client = peer_address(fd);
    {
        std::unique_lock lock(s.mu);
        const bool capped = std::find(s.options.uncapped.begin(), s.options.uncapped.end(), client) ==
                            s.options.uncapped.end();
        const char* full = nullptr;
        if (s.stopping) full = "the server is stopping";
        else if (s.queued >= s.options.max_waiting) full = "the server is busy: too many connections waiting";
        else if (capped && s.per_client[client] >= s.options.max_connections_per_client) {
            full = "too many connections from one address";
        }
        if (full) {
            if (s.per_client[client] == 0) s.per_client.erase(client);
            lock.unlock();
            refuse(fd, 503, "Service Unavailable", std::string(full) + " (limit " +
                                                       std::to_string(s.options.max_connections_per_client) +
                                                       " per address)");
            if (s.options.refused) s.options.refused(client, 503);
            return;
        }
        ++s.per_client[client];
        ++s.queued;
        s.inbox.push_back(Waiting{fd, std::move(client), Clock::now() + s.options.header_timeout});
    }
    const char b = 1;
    [[maybe_unused]] const ssize_t n = ::write(s.wake[1], &b, 1);
}

void ConnectionGate::Impl::run_room() {
    std::vector<Waiting> room;
    std::vector<pollfd> fds;
    char peek[kMaxHeaderBytes];
    for (;;) {
        {
            std::lock_guard lock(mu);
            if (stopping) break;
            for (auto& w : inbox) room.push_back(std::move(w));
            inbox.clear();
        }
        fds.assign(1, pollfd{wake[0], POLLIN, 0});
        bool any_partial = false;
        for (const auto& w : room) {
            fds.push_back(pollfd{w.partial ? -1 : w.fd, POLLIN, 0});  // fd -1: skipped by poll
            any_partial = any_partial || w.partial;
        }
        ::poll(fds.data(), fds.size(), any_partial ? static_cast<int>(kRepeek.count()) : 200);
        char drain[64];
        while (::read(wake[0], drain, sizeof drain) > 0) {
        }
        const auto now = Clock::now();
        std::vector<Waiting> keep;
        for (std::size_t i = 0; i < room.size(); ++i) {
            Waiting& w = room[i];
            const bool look = fds[i + 1].revents != 0 || (w.partial && now >= w.next_peek);
            if (look) {
                const ssize_t n = ::recv(w.fd, peek, sizeof peek, MSG_PEEK | MSG_DONTWAIT);
                if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
                    ::close(w.fd);  // gone before asking anything
                    { std::lock_guard lock(mu); --queued; }
                    release(w.client);
                    continue;
                }
                if (n > 0) {
                    const std::string_view seen(peek, static_cast<std::size_t>(n));
                    if (seen.find("\r\n\r\n") != std::string_view::npos || seen.find("\n\n") != std::string_view::npos) {
                        std::lock_guard lock(mu);
                        ready.push_back(std::move(w));
                        ready_cv.notify_one();
                        continue;
                    }
                    if (static_cast<std::size_t>(n) == sizeof peek) {
                        { std::lock_guard lock(mu); --queued; }
                        refuse(w.fd, 431, "Request Header Fields Too Large", "the request headers are larger than 16 KB");
                        if (options.refused) options.refused(w.client, 431);
                        release(w.client);
                        continue;
                    }
                    w.partial = true;
                    w.next_peek = now + kRepeek;
                }
            }
            if (now >= w.deadline) {
                { std::lock_guard lock(mu); --queued; }
                refuse(w.fd, 408, "Request Timeout",
                       "the request headers did not arrive within " +
                           std::to_string(options.header_timeout.count() / 1000.0).substr(0, 4) + " s");
                if (options.refused) options.refused(w.client, 408);
                release(w.client);
                continue;
            }
            keep.push_back(std::move(w));
        }
        room.swap(keep);
        // The watchdog: a served connection past its phase's deadline is shut down, which
        // fails cpp-httplib's pending recv()/send() at once.
        std::lock_guard lock(mu);
        for (Active* a : active) {
            if (now.time_since_epoch().count() >= a->deadline.load(std::memory_order_relaxed)) {
                ::shutdown(a->watch, SHUT_RDWR);
                a->deadline.store(kNever, std::memory_order_relaxed);
            }
        }
    }
    for (auto& w : room) {
        ::close(w.fd);
        release(w.client);
    }
}

void ConnectionGate::Impl::run_worker() {
    for (;;) {
        Waiting w{};
        Active a;  // lives on this worker's stack while it serves w
        {
            std::unique_lock lock(mu);
            ready_cv.wait(lock, [this] { return stopping || !ready.empty(); });
            if (ready.empty()) return;  // stopping
            w = std::move(ready.front());
            ready.pop_front();
            --queued;
            a.watch = w.fd;
            a.expire_in(options.body_timeout);
            active.push_back(&a);
        }
        t_active = &a;
        t_write_timeout = options.write_timeout;
        try {
            serve(w.fd);
        } catch (...) {
            // cpp-httplib answers exceptions of handlers itself; anything else ends only this connection.
        }
        t_active = nullptr;
        {
            std::lock_guard lock(mu);
            active.remove(&a);
        }
        ::close(w.fd);
        release(w.client);
    }
}

void ConnectionGate::stop() {
    Impl& s = *impl_;
    {
        std::lock_guard lock(s.mu);
        if (s.stopping && !s.room.joinable()) return;
        s.stopping = true;
        s.ready_cv.notify_all();
    }
    const char b = 1;
    [[maybe_unused]] const ssize_t n = ::write(s.wake[1], &b, 1);
    if (s.room.joinable()) s.room.join();
    for (auto& t : s.workers) {
        if (t.joinable()) t.join();
    }
    std::lock_guard lock(s.mu);
    for (auto& w : s.inbox) ::close(w.fd);
    for (auto& w : s.ready) ::close(w.fd);
    s.inbox.clear();
    s.ready.clear();
}

void ConnectionGate::working() {
    if (t_active) t_active->deadline.store(kNever, std::memory_order_relaxed);
}

void ConnectionGate::linger() {
    if (!t_active) return;
    const int fd = t_active->watch;
    ::shutdown(fd, SHUT_WR);  // the reply is in the kernel: FIN after it
    const auto until = Clock::now() + std::chrono::milliseconds(500);
    std::size_t dropped = 0;
    char buf[16384];
    while (dropped < 8 * 1024 * 1024) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
        pollfd p{fd, POLLIN, 0};
        if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) break;
        const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        if (n <= 0) break;
        dropped += static_cast<std::size_t>(n);
    }
}

void ConnectionGate::replying() {
    if (t_active) t_active->expire_in(t_write_timeout);
}

}  // namespace vanban::server
