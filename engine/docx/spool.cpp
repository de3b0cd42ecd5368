#include "docx/spool.h"

#include "docx/wml.h"

#include <cstring>
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
    if (read == std::string::npos) return;
    // One pass, moving the text down over the wrappers: the part is held once, not twice.
    char* const d = xml.data();
    std::size_t write = read;
    const auto keep = [&](std::size_t from, std::size_t to) {
        std::memmove(d + write, d + from, to - from);
        write += to - from;
    };
    while (read != std::string::npos) {
        const std::size_t body = read + kOpen.size();
        const std::size_t close = xml.find(kClose, body);
        const std::size_t next = xml.find(kOpen, close + kClose.size());
        keep(body, close);
        keep(close + kClose.size(), next == std::string::npos ? xml.size() : next);
        read = next;
    }
    xml.resize(write);
}

}  // namespace vanban::docx
