// The signing options' help text (cli/sign_args.h parses them).
#pragma once

namespace vanban::cli {

extern const char* const kSignHelp;

}  // namespace vanban::cli
