// vanban — the command line. Sub-commands live in cmd_*.cpp and register themselves.
//
// Exit codes (all commands): 0 success; 1 the work failed for at least one input (the
// others were still processed), or an I/O error (a full disk, a closed pipe); 2 the
// command line itself is wrong; 128 + N killed by signal N (SIGINT 130, SIGTERM 143).
#include "cli/commands.h"
#include "cli/hand_off.h"
#include "core/diagnostic.h"

#include <csignal>

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace vanban::cli {

namespace {
std::vector<Command>& registry() {
    static std::vector<Command> r;
    return r;
}
char** g_argv = nullptr;
}  // namespace

void keep_command_line(char** argv) { g_argv = argv; }
char** command_line() { return g_argv; }

CommandRegistration::CommandRegistration(Command c) {
    registry().push_back(std::move(c));
    std::sort(registry().begin(), registry().end(), [](const Command& a, const Command& b) { return a.name < b.name; });
}

const std::vector<Command>& commands() { return registry(); }

void usage_error(const std::string& message) {
    std::cerr << "vanban: " << message << "\n(see vanban --help)\n";
    std::exit(2);
}

}  // namespace vanban::cli

namespace {

constexpr const char* kVersion = "vanban 0.1.0";

void print_help() {
    std::cout << "vanban — Vietnamese official documents (văn bản hành chính) from JSON\n\nUsage:\n";
    for (const auto& c : vanban::cli::commands()) std::cout << "  vanban " << c.synopsis << "\n";
    std::cout << "  vanban --help | --version\n";
    for (const auto& c : vanban::cli::commands()) {
        if (!c.help.empty()) std::cout << "\nOptions for " << c.name << ":\n" << c.help;
    }
    std::cout << "\nExit codes:\n"
                 "  0  success\n"
                 "  1  at least one input failed (the others were processed), or an I/O error\n"
                 "  2  usage error\n"
                 "  130, 143  interrupted by SIGINT, SIGTERM (temporary files removed)\n";
}

}  // namespace

int main(int argc, char** argv) {
    // A closed pipe is an EPIPE error where the write happens (reported, exit 1), never a
    // silent death by SIGPIPE before --report is written.
    std::signal(SIGPIPE, SIG_IGN);
    vanban::cli::keep_command_line(argv);
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) vanban::cli::usage_error("no command given");
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        vanban::cli::run_in_full_program();  // the front does not know every command
        print_help();
        return 0;
    }
    if (args[0] == "--version") {
        std::cout << kVersion << "\n";
        return 0;
    }
    for (const auto& c : vanban::cli::commands()) {
        if (c.name == args[0]) {
            const std::vector<std::string> rest(args.begin() + 1, args.end());
            for (const auto& a : rest) {
                if (a == "--help" || a == "-h") {
                    std::cout << "Usage: vanban " << c.synopsis << "\n\n" << c.help;
                    return 0;
                }
            }
            try {
                vanban::cli::end_process(c.run(rest));
            } catch (const vanban::Error& e) {  // e.g. standard output on a full disk
                std::cerr << "error: " << e.what() << "\n";
                return 1;
            }
        }
    }
    vanban::cli::run_in_full_program();  // a command the front does not link
    vanban::cli::usage_error("unknown command '" + args[0] + "'");
}
