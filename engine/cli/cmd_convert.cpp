// vanban convert --from ENC FILE: legacy Vietnamese text (TCVN3, VNI, VIQR, CP1258)
// to NFC UTF-8 on stdout.
#include "cli/commands.h"
#include "core/diagnostic.h"
#include "core/files.h"
#include "text/legacy.h"
#include "text/text.h"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <optional>
#include <unistd.h>

namespace vanban::cli {

namespace {

constexpr const char* kConvertHelp = R"(  --from ENC            tcvn3 (TCVN 5712 ABC, .VnTime), vni (VNI-Windows), viqr, cp1258,
                        or auto: detect, say on stderr what was found, refuse when unsure
  --upper-font          TCVN3 typed in an upper-case font (.VnTimeH): capitals were drawn
                        with lower-case codes, so the text is upper-cased
FILE may be '-' for standard input. The result is printed as NFC UTF-8. Text that is
already Unicode (NFC or not) is only normalised.
)";

constexpr std::size_t kMaxBytes = 64 * 1024 * 1024;

std::string read_input(const std::string& file) {
    if (file != "-") return read_file(file, kMaxBytes);
    std::string bytes;
    char buf[65536];
    for (;;) {  // every read checked: an error is never an early end of the text
        const auto n = ::read(0, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail_at_pointer("standard input", "", std::string("read error: ") + std::strerror(errno));
        if (n == 0) break;
        bytes.append(buf, static_cast<std::size_t>(n));
        if (bytes.size() > kMaxBytes) fail_at_pointer("standard input", "", "input is larger than 64 MiB");
    }
    return bytes;
}

int run_convert(const Args& args) {
    std::string from, file;
    bool upper_font = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& s = args[i];
        if (s == "--from") {
            if (i + 1 >= args.size()) usage_error("--from needs a value");
            from = args[++i];
        } else if (s == "--upper-font") {
            upper_font = true;
        } else if (s.size() > 1 && s[0] == '-') {
            usage_error("unknown option " + s);
        } else if (!file.empty()) {
            usage_error("convert takes one FILE");
        } else {
            file = s;
        }
    }
    if (file.empty()) usage_error("convert needs a FILE (or '-' for standard input)");
    if (from.empty()) usage_error("convert needs --from tcvn3|vni|viqr|cp1258|auto");
    std::optional<text::Encoding> encoding;
    if (from != "auto") {
        encoding = text::encoding_from_name(from);
        if (!encoding) usage_error("--from takes tcvn3, vni, viqr, cp1258 or auto, not '" + from + "'");
    }
    if (upper_font && encoding && *encoding != text::Encoding::tcvn3) usage_error("--upper-font is for TCVN3 text");

    std::string bytes;
    try {
        bytes = read_input(file);
    } catch (const Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    if (!encoding) {
        const text::Detection d = text::detect_encoding(bytes);
        switch (d.verdict) {
            case text::Detection::Verdict::legacy:
                encoding = d.encoding;
                std::cerr << file << ": detected " << text::encoding_name(*encoding) << ": " << d.summary << "\n";
                break;
            case text::Detection::Verdict::unicode:
            case text::Detection::Verdict::ascii:
                std::cerr << file << ": no conversion: " << d.summary << "\n";
                if (upper_font) std::cerr << file << ": --upper-font ignored: the text is not TCVN3\n";
                write_stdout(text::to_nfc(bytes));
                return 0;
            case text::Detection::Verdict::unsure:
                std::cerr << "error: " << file << ": " << d.summary << "; name it with --from tcvn3|vni|viqr|cp1258\n";
                return 1;
        }
        if (upper_font && *encoding != text::Encoding::tcvn3) {
            std::cerr << "error: " << file << ": --upper-font is for TCVN3 text, but this is "
                      << text::encoding_name(*encoding) << "\n";
            return 1;
        }
    }
    write_stdout(text::decode_legacy(bytes, *encoding, text::LegacyOptions{upper_font}));
    return 0;
}

const CommandRegistration kConvert({"convert",
                                    "convert --from ENC FILE         legacy Vietnamese text (TCVN3, VNI, VIQR, CP1258) to UTF-8",
                                    kConvertHelp, run_convert});

}  // namespace

}  // namespace vanban::cli
