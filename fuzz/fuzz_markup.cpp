// Markup → model: the XML a template writes, parsed into the document model. Bad
// markup must end in a vanban::markup::MarkupError (a vanban::Error).
#include "core/diagnostic.h"
#include "markup/markup.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    try {
        (void)vanban::markup::parse(xml, "fuzz.xml");
    } catch (const vanban::Error&) {
    }
    return 0;
}
