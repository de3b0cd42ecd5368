#include "model/document.h"

namespace vanban::model {

std::string plain_text(const InlineText& t) {
    std::string out;
    for (const auto& s : t) out += s.text;
    return out;
}

}  // namespace vanban::model
