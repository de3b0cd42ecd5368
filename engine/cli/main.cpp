// vanban — the command line. Sub-commands live in cmd_*.cpp and register themselves.
//
// Exit codes (all commands): 0 success; 1 the work failed for at least one input (the
// others were still processed); 2 the command line itself is wrong.
#include "cli/commands.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace vanban::cli {

namespace {
std::vector<Command>& registry() {
    static std::vector<Command> r;
    return r;
}
}  // namespace

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
                 "  1  at least one input failed (the others were processed)\n"
                 "  2  usage error\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) vanban::cli::usage_error("no command given");
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
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
            return c.run(rest);
        }
    }
    vanban::cli::usage_error("unknown command '" + args[0] + "'");
}
