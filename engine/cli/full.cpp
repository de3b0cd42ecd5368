// vanban-full's half of cli/hand_off.h: every command is linked in, nothing to hand on.
#include "cli/hand_off.h"

#include <cstdlib>

namespace vanban::cli {

void run_in_full_program() {}

void end_process(int code) { std::exit(code); }

}  // namespace vanban::cli
