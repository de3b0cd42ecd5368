// Diagnostics: what went wrong, and where, in words a clerk can act on.
//
// Every stage reports bad input by throwing vanban::Error carrying one Diagnostic.
// A diagnostic names the file and either a line:column (syntax, templates, markup)
// or a JSON Pointer (a field of the input document), in the style
//   samples/x.json:3:14: expected ',' or '}' after an object member
//   samples/x.json: /signers/0/name: missing required field
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace vanban {

struct Diagnostic {
    std::string file;     // the file the problem is in; empty when unknown
    int line = 0;         // 1-based; 0 when the location is a pointer or unknown
    int column = 0;       // 1-based, counted in Unicode code points
    std::string pointer;  // JSON Pointer into the input document ("/signers/0/name")
    std::string message;  // a short lowercase phrase: "missing required field"

    // "file:line:col: message", "file: /pointer: message" or "file: message".
    std::string to_string() const;
};

class Error : public std::runtime_error {
public:
    explicit Error(Diagnostic d);
    const Diagnostic& diagnostic() const noexcept { return diag_; }

private:
    Diagnostic diag_;
};

// Throws Error{file, pointer, message}. Helpers below keep call sites short.
[[noreturn]] void fail_at_pointer(std::string file, std::string pointer, std::string message);
[[noreturn]] void fail_at_line(std::string file, int line, int column, std::string message);

struct LineColumn {
    int line = 1;
    int column = 1;
};

// Turns a byte offset into a 1-based line and a 1-based column counted in code
// points (so "Số: 1996" columns match what an editor shows, not UTF-8 bytes).
LineColumn line_column_at(std::string_view text, std::size_t offset);

}  // namespace vanban
