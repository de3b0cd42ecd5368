// vanban_cold_start N PROGRAM ARGS...: runs a whole process N times (posix_spawn, stdout
// to /dev/null) and prints the median and minimum wall and CPU (user + system) time.
// Timing the CLI from bash with `date` adds a fork of bash and two of date to each run.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

extern char** environ;

namespace {

double ms(const timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; }

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: vanban_cold_start N PROGRAM [ARGS...]\n");
        return 2;
    }
    const int n = std::max(1, std::atoi(argv[1]));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    std::vector<double> wall, cpu;
    for (int i = 0; i < n; ++i) {
        const auto start = std::chrono::steady_clock::now();
        pid_t pid = 0;
        if (posix_spawn(&pid, argv[2], &actions, nullptr, argv + 2, environ) != 0) {
            std::perror(argv[2]);
            return 1;
        }
        int status = 0;
        rusage usage{};
        if (wait4(pid, &status, 0, &usage) != pid) return 1;
        const auto end = std::chrono::steady_clock::now();
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            std::fprintf(stderr, "%s failed (status %d)\n", argv[2], status);
            return 1;
        }
        wall.push_back(std::chrono::duration<double, std::milli>(end - start).count());
        cpu.push_back(ms(usage.ru_utime) + ms(usage.ru_stime));
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    std::printf("median %.1f ms wall, %.1f ms CPU (min %.1f / %.1f), %d runs\n", wall[wall.size() / 2],
                cpu[cpu.size() / 2], wall.front(), cpu.front(), n);
    return 0;
}
