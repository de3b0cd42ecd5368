// vanban-full's half of cli/hand_off.h: every command is linked in, nothing to hand on.
#include "cli/hand_off.h"

namespace vanban::cli {

void run_in_full_program() {}

}  // namespace vanban::cli
