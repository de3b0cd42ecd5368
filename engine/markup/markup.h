// The markup stage: the XML a template produced → the document model.
//
// The vocabulary is small and semantic (what the parts of a văn bản are, not how
// they look); layout decides the look from NĐ 30. See markup/VOCABULARY.md.
#pragma once

#include "core/diagnostic.h"
#include "model/document.h"

#include <string>
#include <string_view>

namespace vanban::markup {

// A markup problem. `element` is the start of the offending tag ("<sigenr") when there
// is one, so that the caller can point at the template line that wrote it.
class MarkupError : public Error {
public:
    MarkupError(Diagnostic d, std::string element) : Error(std::move(d)), element_(std::move(element)) {}
    const std::string& element() const { return element_; }

private:
    std::string element_;
};

// Parses markup into a model::Document. `source_name` names the markup in messages.
// Throws MarkupError (ill-formed XML, unknown element or attribute, a missing part,
// a bad value) with the markup's line and column.
model::Document parse(std::string_view xml, std::string_view source_name);

}  // namespace vanban::markup
