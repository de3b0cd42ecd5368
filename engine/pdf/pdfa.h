// PDF/A-1b (ISO 19005-1:2005, conformance level B) for PdfOptions::pdfa.
//
// The rest of the writer is already PDF/A-shaped in both modes: PDF 1.4 header
// with a binary comment (§6.1.2), a trailer /ID (§6.1.3), no encryption (§6.1.3),
// every font embedded with /CIDSet (§6.3.4, §6.3.5), no transparency (§6.4: no
// SMask, no /Group, no CA/ca), only DeviceGray/DeviceRGB colours. What PDF/A adds,
// and what this file builds:
//   - an XMP metadata stream in the catalog, unfiltered, equal to the Info
//     dictionary (§6.7.2, §6.7.3), identifying the file as part 1, level B (§6.7.11);
//   - an sRGB OutputIntent (§6.2.2), which makes DeviceRGB and DeviceGray legal
//     (§6.2.3.3).
// Validated with Apache PDFBox Preflight 2.0.27 (tests/e2e/test_pdfa.cpp), not
// certified by any other validator.
#pragma once

#include "layout/page.h"
#include "pdf/haru.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

namespace vanban::pdf {

// The XMP packet (ISO 19005-1 §6.7) describing `info`, as UTF-8 bytes. Every Info
// entry write_info() writes has its XMP twin with the same value (§6.7.3, Table 1):
//   Title → dc:title (rdf:Alt, x-default)   Author   → dc:creator (rdf:Seq, 1 item)
//   Subject → dc:description (rdf:Alt)      Keywords → pdf:Keywords
//   Creator → xmp:CreatorTool               Producer → pdf:Producer
//   CreationDate/ModDate → xmp:CreateDate/ModifyDate (both from info.date, or
//   neither when it is absent — never the clock).
// Empty fields are left out of both. Text is XML-escaped. Throws vanban::Error for
// invalid UTF-8 or a character XML 1.0 cannot carry (C0 controls other than TAB,
// LF, CR; U+FFFE; U+FFFF): the two could not be equal then.
// The packet also carries info.archive (NĐ 30 Phụ lục VI) as vbarc: properties under
// kArchiveNamespace, declared with a PDF/A extension schema (§6.7.8).
std::string xmp_packet(const layout::DocumentInfo& info);

// The namespace of vanban's archive properties (README "Archive metadata"); the
// .invalid host says it names, and never locates, anything.
inline constexpr const char* kArchiveNamespace = "http://ns.vanban.invalid/archive/1.0/";

// "YYYY-MM-DDT00:00:00Z": the instant pdf_date() writes, in XMP's date form
// (ISO 8601 as profiled by XMP). Throws vanban::Error for a date that does not exist.
std::string xmp_date(const layout::Date& date);

// An ICC profile for the OutputIntent's /DestOutputProfile.
struct IccProfile {
    std::filesystem::path path;        // where it was read from (for messages)
    std::string data;                  // the profile as read
    std::string deflated;              // its zlib stream, made once
    std::array<std::uint8_t, 16> md5;  // enters the /ID: different profile, different file
};

// Reads the first of `candidates` that exists and is an RGB display or output
// profile of ICC version 2 (PDF 1.4 reads ICC.1:1998-09 profiles, §6.2.2 requires
// the profile be usable by PDF 1.4; §6.2.2 also limits it to class mntr or prtr).
// Throws vanban::Error naming every path tried when none is usable.
IccProfile load_icc_profile(std::span<const std::filesystem::path> candidates);

// Debian's icc-profiles-free sRGB profile (/usr/share/color/icc/sRGB.icc; then
// /usr/local/share/color/icc/sRGB.icc and colord's), read, checked and deflated
// once per process.
// Thread-safe. Throws vanban::Error (again on every call) when it is missing.
const IccProfile& srgb_profile();

// Adds /Metadata (the xmp_packet of `info`) and /OutputIntents (GTS_PDFA1 with
// `profile`) to the document catalog.
void write_pdfa(haru::Document& doc, const layout::DocumentInfo& info, const IccProfile& profile);

}  // namespace vanban::pdf
