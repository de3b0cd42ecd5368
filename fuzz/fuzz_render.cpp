// The whole pipeline on small inputs: JSON → markup → model → layout → PDF and DOCX,
// through vanban::Engine with its default options (shipped templates and fonts).
#include "core/diagnostic.h"
#include "render/engine.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const vanban::Engine engine(vanban::EngineOptions{{}, {}, 2026});
    if (size > 16384) return 0;  // small documents only: layout and PDF of big ones are slow
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    try {
        vanban::RenderRequest request;
        request.pdf = true;
        request.docx = true;
        (void)engine.render(json, "fuzz.json", request);
    } catch (const vanban::Error&) {
    }
    return 0;
}
