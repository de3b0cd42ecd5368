// The DOCX writer: assembles the package from its parts (see parts.h, document.h) and
// zips it (package.h).
#include "docx/docx_writer.h"

#include "docx/document.h"
#include "docx/package.h"
#include "docx/parts.h"

#include <algorithm>
#include <mutex>
#include <string_view>

namespace vanban::docx {

namespace {

// The package's parts in a fixed order, [Content_Types].xml first (ECMA-376 Part 2
// §10.1.2), so that the bytes depend on the input only. `fixed` makes a part that is
// the same in every document; the others come from the input (variable_part).
struct Slot {
    const char* name;
    std::string (*fixed)();
};
constexpr const char* kPartStyles = "word/styles.xml";
constexpr const char* kPartCore = "docProps/core.xml";
constexpr const char* kPartApp = "docProps/app.xml";
constexpr Slot kSlots[] = {
    {"[Content_Types].xml", content_types_xml},
    {"_rels/.rels", package_rels_xml},
    {kPartDocument, nullptr},
    {"word/_rels/document.xml.rels", document_rels_xml},
    {kPartStyles, nullptr},
    {"word/settings.xml", settings_xml},
    {"word/fontTable.xml", font_table_xml},
    {kPartHeaderFirst, [] { return header_xml(false); }},
    {kPartHeaderDefault, [] { return header_xml(true); }},
    {kPartTheme, theme_xml},
    {kPartCore, nullptr},
    {kPartApp, nullptr},
};
constexpr std::size_t kSlotCount = std::size(kSlots);

std::string variable_part(std::string_view name, const DocxInput& input) {
    if (name == kPartDocument) return document_xml(input);
    if (name == kPartStyles) return styles_xml(input);
    if (name == kPartCore) return core_xml(input.info);
    return app_xml(input.info);
}

// The fixed parts, deflated once per process (thread-safe static initialisation), at
// level 6 since that is paid only once.
const std::vector<PackedPart>& fixed_parts() {
    static const std::vector<PackedPart> parts = [] {
        std::vector<PackedPart> packed(kSlotCount);
        for (std::size_t i = 0; i < kSlotCount; ++i) {
            if (kSlots[i].fixed) packed[i] = {kSlots[i].name, pack(kSlots[i].fixed(), compress::kDefaultLevel)};
        }
        return packed;
    }();
    return parts;
}

// The styles depend on the profile and a few measures of the document, so one office's
// letters share a handful of them: the deflated styles of the most recent kStyleCache
// distinct texts are kept (looked up by the text itself, so a hit is exact).
constexpr std::size_t kStyleCache = 8;

std::shared_ptr<const compress::Deflated> packed_styles(const std::string& xml) {
    static std::mutex mutex;
    static std::vector<std::pair<std::string, std::shared_ptr<const compress::Deflated>>> recent;  // newest first
    {
        std::lock_guard<std::mutex> lock(mutex);
        const auto hit = std::find_if(recent.begin(), recent.end(), [&](const auto& e) { return e.first == xml; });
        if (hit != recent.end()) {
            std::rotate(recent.begin(), hit, hit + 1);
            return recent.front().second;
        }
    }
    auto body = pack(xml);  // outside the lock: other threads keep rendering
    std::lock_guard<std::mutex> lock(mutex);
    if (recent.size() == kStyleCache) recent.pop_back();
    recent.insert(recent.begin(), {xml, body});
    return body;
}

}  // namespace

std::vector<Part> docx_parts(const DocxInput& input) {
    std::vector<Part> parts;
    parts.reserve(kSlotCount);
    for (const auto& slot : kSlots) parts.push_back({slot.name, slot.fixed ? slot.fixed() : variable_part(slot.name, input)});
    return parts;
}

std::string write_docx(const DocxInput& input) {
    std::vector<PackedPart> parts = fixed_parts();
    for (auto& part : parts) {
        if (part.body) continue;
        const std::string_view name = kSlots[&part - parts.data()].name;
        part.name = name;
        const std::string xml = variable_part(name, input);
        part.body = name == kPartStyles ? packed_styles(xml) : pack(xml);
    }
    return zip_package(parts);
}

}  // namespace vanban::docx
