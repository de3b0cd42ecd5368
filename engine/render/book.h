// A printed book (model/book.h) through the same layout and PDF writer as every
// document, so a register printout gets the same fonts, PDF/A and determinism.
#pragma once

#include "model/book.h"

#include <cstddef>
#include <string>

namespace vanban {

class Engine;

struct BookRequest {
    bool pdfa = true;   // a register is kept in the archive: PDF/A-1b by default
    double table_size = 11;  // points: ten columns must fit a landscape A4 line
};

// The book as PDF bytes; same book → same bytes. Throws vanban::Error (pointer into
// the book, no file: the caller names it) when a fixed region cannot be laid out or
// the book passes the engine's page limit.
std::string render_book_pdf(const Engine& engine, const model::Book& book, const BookRequest& request = {});

}  // namespace vanban
