// The archive record (NĐ 30/2020 Phụ lục VI) a vanban PDF/A carries in its XMP, read
// back: for `vanban check` and for rebuilding the register from archived files.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace vanban::check {

// vbarc: property name → value ("CodeNumber" → "05"); empty when the packet has none.
// Throws vanban::Error when the XMP is not well-formed XML.
std::map<std::string, std::string> archive_fields(std::string_view xmp, const std::string& name);

// The same, from a PDF file (its catalog's /Metadata, read with QPDF).
std::map<std::string, std::string> read_archive_fields(const std::filesystem::path& pdf);

}  // namespace vanban::check
