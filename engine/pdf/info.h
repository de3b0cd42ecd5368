// Document metadata: the Info dictionary (PDF 32000-1 §14.3.3) and the trailer
// /ID (§14.4). Both depend only on the input, never on the clock, so the same
// document always gives the same bytes.
#pragma once

#include "layout/page.h"
#include "pdf/haru.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace vanban::pdf {

// "D:YYYYMMDD000000Z" (§7.9.4): the document's own calendar date at midnight
// UTC. Throws vanban::Error for a date that does not exist.
std::string pdf_date(const layout::Date& date);

// The Producer of every file (Info /Producer, and pdf:Producer in PDF/A's XMP).
inline constexpr const char* kProducer = "vanban";

// Title, Author, Subject, Keywords as UTF-16BE text strings with BOM; Creator
// (UTF-16BE only when not ASCII); Producer kProducer; CreationDate and ModDate
// from info.date, or no date keys at all when it is absent. Empty fields are
// left out.
void write_info(haru::Document& doc, const layout::DocumentInfo& info);

// MD5 of everything that determines the output: pages, items, info, options.
// `pdfa_profile` is the MD5 of the OutputIntent's ICC profile for a PDF/A file
// (the PDF/A objects derive from info and that profile only), null otherwise;
// plain files keep the IDs they had before PDF/A existed.
using DocumentId = std::array<std::uint8_t, 16>;
DocumentId document_id(const layout::LaidOutDocument& doc, bool compress,
                       const std::array<std::uint8_t, 16>* pdfa_profile = nullptr);

// Sets the trailer /ID to [<id> <id>] (both halves equal: the file is created,
// never updated).
void write_id(haru::Document& doc, const DocumentId& id);

}  // namespace vanban::pdf
