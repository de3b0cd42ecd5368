// The input stage: one JSON document in, one validated and normalised JSON out.
//
// The format is documented in document.schema.json (next to this file). Every
// problem is reported as a vanban::Error naming the file and either a line:column
// (bad JSON) or a JSON Pointer (a bad field: "/signers/0/name"), so a clerk can fix
// the file without reading C++.
//
// The normalised document is the data handed to the Mustache templates, which have
// no numbers and no "missing": every key is always present, numbers are strings,
// and each body block carries all five kinds with exactly one of them truthy:
//
//   { "template": s, "issuer": {"parent": s, "name": s}, "number": s, "symbol": s,
//     "place": s, "date": "YYYY-MM-DD" or "", "kind": s, "subject": s,
//     "recipients": [s], "enacting_authority": s, "bases": [s], "preamble": bool,
//     "body": [block], "signers": [{"authority", "acting",
//     "title", "name"}], "distribution": [s], "urgency": s, "confidentiality": s,
//     "draft": bool, "archive": false or {"organ_id", "file_catalog", "file_notation", "priority", "issued_amount", "description"} (strings), "appendices": [{"label", "title", "orientation",
//     "body": [block]}], "data": {…} }
//
//   block = { "paragraph": {"text"} | false, "heading": {"text", "level": "1"} | false,
//             "list": {"marker", "items": [{"text"}]} | false,
//             "table": {"columns": [{"title", "width": "1.5", "align"}],
//                       "rows": [{"cells": [{"text", "number": bool}]}],
//                       "header_rows": "1", "total_row": bool} | false,
//             "page_break": bool, "article": {"title", "text"} | false }
//
// Absent optional strings are "". Numbers in table cells keep the text the user
// wrote ("1234567.50"); formatting them the Vietnamese way happens later.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace vanban::input {

struct ReadOptions {
    std::string file_name;                    // used in every diagnostic
    std::function<bool(char32_t)> has_glyph;  // font coverage; empty = don't check
    std::size_t max_bytes = 16 * 1024 * 1024;  // larger input is refused
    int max_depth = 64;                        // JSON nesting limit (the top-level object is 1)
    std::size_t max_table_rows = 100000;       // rows of one table (header rows included)
};

// Parses, validates and normalises one document. Throws vanban::Error (one Diagnostic).
nlohmann::json read_document(std::string_view bytes, const ReadOptions& options);

// Reads `file` (refusing it unread when larger than max_bytes) and calls
// read_document; file_name defaults to the path.
nlohmann::json read_document_file(const std::filesystem::path& file, ReadOptions options);

}  // namespace vanban::input
