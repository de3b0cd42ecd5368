#include "check/archive.h"

#include "check/pdf_model.h"
#include "core/diagnostic.h"
#include "core/files.h"

#include <pugixml.hpp>

namespace vanban::check {

namespace {
constexpr std::string_view kNamespace = "http://ns.vanban.invalid/archive/1.0/";

// The prefix the packet binds to our namespace (vanban writes "vbarc", another tool
// that rewrote the packet may not).
std::string prefix_of(const pugi::xml_node& node) {
    for (const auto& a : node.attributes()) {
        const std::string_view n = a.name();
        if (n.starts_with("xmlns:") && a.value() == kNamespace) return std::string(n.substr(6));
    }
    return {};
}

void collect(const pugi::xml_node& node, std::string prefix, std::map<std::string, std::string>& out) {
    if (const std::string p = prefix_of(node); !p.empty()) prefix = p;
    for (const auto& child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        const std::string_view name = child.name();
        if (!prefix.empty() && name.size() > prefix.size() + 1 && name.starts_with(prefix) && name[prefix.size()] == ':') {
            out[std::string(name.substr(prefix.size() + 1))] = child.text().get();
            continue;
        }
        collect(child, prefix, out);
    }
}
}  // namespace

std::map<std::string, std::string> archive_fields(std::string_view xmp, const std::string& name) {
    std::map<std::string, std::string> out;
    if (xmp.empty()) return out;
    pugi::xml_document doc;
    if (!doc.load_buffer(xmp.data(), xmp.size())) fail_at_pointer(name, "", "the XMP metadata is not well-formed XML");
    collect(doc, "", out);
    return out;
}

std::map<std::string, std::string> read_archive_fields(const std::filesystem::path& pdf) {
    const std::string bytes = read_file(pdf, 512u * 1024 * 1024);
    const PdfContent content = read_pdf(bytes, pdf.string());
    return archive_fields(content.xmp, pdf.string());
}

}  // namespace vanban::check
