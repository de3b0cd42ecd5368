#include "docx/spool.h"

#include "docx/wml.h"

#include <algorithm>
#include <string_view>

namespace vanban::docx {

namespace {

constexpr const char* kName = "vanban-rows";
constexpr std::string_view kOpen = "<?vanban-rows ";  // as pugixml writes the instruction
constexpr std::string_view kClose = "?>";

}  // namespace

RowSpool::RowSpool(pugi::xml_node table) : table_(table) { scratch_.append_child("w:tbl"); }

void RowSpool::row_done() {
    if (++pending_ >= kBatch) flush();
}

void RowSpool::flush() {
    if (pending_ == 0) return;
    std::string xml;
    for (auto tr : rows().children()) xml += serialize_node(tr);
    // The text cannot hold "?>", which pugixml would break up: rows have no processing
    // instructions, and ">" in text and attribute values is written as &gt;.
    auto pi = table_.append_child(pugi::node_pi);
    pi.set_name(kName);
    pi.set_value(xml.c_str());
    scratch_.reset();
    scratch_.append_child("w:tbl");
    pending_ = 0;
}

void unwrap_spooled_rows(std::string& xml) {
    std::size_t read = xml.find(kOpen);
    std::size_t write = read;
    // One pass, moving text down over the wrappers: the part is held once, not twice.
    while (read != std::string::npos) {
        const std::size_t body = read + kOpen.size();
        const std::size_t close = xml.find(kClose, body);
        const std::size_t after = close + kClose.size();
        const std::size_t next = xml.find(kOpen, after);
        const std::size_t stop = next == std::string::npos ? xml.size() : next;
        write = static_cast<std::size_t>(std::copy(xml.begin() + static_cast<std::ptrdiff_t>(body), xml.begin() + static_cast<std::ptrdiff_t>(close),
                                                   xml.begin() + static_cast<std::ptrdiff_t>(write)) - xml.begin());
        write = static_cast<std::size_t>(std::copy(xml.begin() + static_cast<std::ptrdiff_t>(after), xml.begin() + static_cast<std::ptrdiff_t>(stop),
                                                   xml.begin() + static_cast<std::ptrdiff_t>(write)) - xml.begin());
        read = next;
        if (next == std::string::npos) xml.resize(write);
    }
}

}  // namespace vanban::docx
