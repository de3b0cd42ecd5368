#include "core/diagnostic.h"

namespace vanban {

std::string Diagnostic::to_string() const {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (line > 0) {
        out += ':' + std::to_string(line) + ':' + std::to_string(column);
    } else if (!pointer.empty()) {
        out += ": " + pointer;
    }
    out += ": " + message;
    return out;
}

Error::Error(Diagnostic d) : std::runtime_error(d.to_string()), diag_(std::move(d)) {}

void fail_at_pointer(std::string file, std::string pointer, std::string message) {
    throw Error(Diagnostic{std::move(file), 0, 0, std::move(pointer), std::move(message)});
}

void fail_at_line(std::string file, int line, int column, std::string message) {
    throw Error(Diagnostic{std::move(file), line, column, {}, std::move(message)});
}

LineColumn line_column_at(std::string_view text, std::size_t offset) {
    LineColumn lc;
    if (offset > text.size()) offset = text.size();
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++lc.line;
            lc.column = 1;
        } else if ((c & 0xC0) != 0x80) {  // count lead bytes only: columns are code points
            ++lc.column;
        }
    }
    return lc;
}

}  // namespace vanban
