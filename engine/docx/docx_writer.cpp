// Placeholder until the DOCX writer lands (issue 3): refuses clearly instead of writing
// a broken package.
#include "docx/docx_writer.h"

#include "core/diagnostic.h"

namespace vanban::docx {

std::string write_docx(const DocxInput&) {
    fail_at_pointer("", "", "DOCX output is not implemented yet");
}

}  // namespace vanban::docx
