// JSON input → model: the input stage (parse, validate, normalise), the shipped
// template the document names, and the markup stage. Bad input must end in a
// vanban::Error; anything else (another exception, a crash, a sanitizer report) is a bug.
#include "core/diagnostic.h"
#include "input/document_input.h"
#include "markup/markup.h"
#include "render/engine.h"
#include "template/template_library.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const vanban::tmpl::TemplateLibrary templates({vanban::shipped_dir("templates")});
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        vanban::input::ReadOptions ro;
        ro.file_name = "fuzz.json";
        const nlohmann::json doc = vanban::input::read_document(bytes, ro);
        const std::string name = doc.at("template").get<std::string>();
        const std::string markup = templates.render(name, doc);
        (void)vanban::markup::parse(markup, "markup of " + name);
    } catch (const vanban::Error&) {
    }
    return 0;
}
