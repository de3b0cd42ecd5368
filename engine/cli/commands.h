// The CLI's sub-commands. Each lives in its own cmd_*.cpp and registers itself, so
// adding a command never touches main.cpp.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace vanban::cli {

using Args = std::vector<std::string>;  // the arguments after the command name

struct Command {
    std::string name;      // "render"
    std::string synopsis;  // one line for --help: "render INPUT.json... [options]"
    std::string help;      // the command's own option list
    std::function<int(const Args&)> run;  // returns the exit code
};

// Registers a command; used through a static CommandRegistration in each cmd_*.cpp.
struct CommandRegistration {
    explicit CommandRegistration(Command c);
};

const std::vector<Command>& commands();

// Prints "vanban: <msg>" and "(see vanban --help)" on stderr and exits with 2.
[[noreturn]] void usage_error(const std::string& message);

}  // namespace vanban::cli
