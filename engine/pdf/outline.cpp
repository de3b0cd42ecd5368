#include "pdf/outline.h"

#include "pdf/syntax.h"

#include <memory>
#include <string>

namespace vanban::pdf {

namespace {

struct Item {
    const layout::Anchor* anchor = nullptr;
    std::size_t page = 0;
    std::vector<std::unique_ptr<Item>> children;
};

// Items below `item`, all open (what /Count counts, §12.3.3 Table 153).
int visible(const Item& item) {
    int n = 0;
    for (const auto& c : item.children) n += 1 + visible(*c);
    return n;
}

std::span<const std::uint8_t> bytes_of(const std::string& s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

// Writes `parent`'s children as a linked list of outline item dictionaries under
// `parent_dict` (/First, /Last on it; /Parent, /Prev, /Next on them).
void write_children(haru::Document& pdf, const Item& parent, haru::Dict parent_dict, const std::vector<HPDF_Page>& pages,
                    const layout::LaidOutDocument& doc) {
    std::vector<haru::Dict> dicts;
    for (std::size_t i = 0; i < parent.children.size(); ++i) dicts.push_back(pdf.indirect_dict());
    for (std::size_t i = 0; i < dicts.size(); ++i) {
        const Item& item = *parent.children[i];
        haru::Dict d = dicts[i];
        d.binary("Title", bytes_of(utf16be_text_string(item.anchor->title, "outline title")));
        d.put("Parent", parent_dict);
        if (i > 0) d.put("Prev", dicts[i - 1]);
        if (i + 1 < dicts.size()) d.put("Next", dicts[i + 1]);
        // [page /XYZ left top zoom]: the heading's line at the top of the window; a zoom
        // of 0 keeps the reader's (§12.3.2.2 Table 151).
        const double top = doc.pages[item.page].height - item.anchor->y;
        d.put("Dest", pdf.array().add(haru::Dict(pdf, pages[item.page])).add_name("XYZ").add(0).add_real(top).add(0));
        if (!item.children.empty()) {
            write_children(pdf, item, d, pages, doc);
            d.integer("Count", visible(item));
        }
    }
    if (!dicts.empty()) {
        parent_dict.put("First", dicts.front());
        parent_dict.put("Last", dicts.back());
    }
}

}  // namespace

void write_outline(haru::Document& pdf, const std::vector<HPDF_Page>& pages, const layout::LaidOutDocument& doc) {
    Item root;
    root.anchor = nullptr;
    // The chain of open items from the root down: a new anchor closes every item of
    // its own level or deeper and joins the deepest one left.
    std::vector<Item*> open{&root};
    std::vector<int> levels{-1};
    for (std::size_t p = 0; p < doc.pages.size() && p < pages.size(); ++p) {
        for (const auto& a : doc.pages[p].anchors) {
            while (levels.back() >= a.level) {
                open.pop_back();
                levels.pop_back();
            }
            auto item = std::make_unique<Item>();
            item->anchor = &a;
            item->page = p;
            Item* raw = item.get();
            open.back()->children.push_back(std::move(item));
            open.push_back(raw);
            levels.push_back(a.level);
        }
    }
    if (root.children.empty()) return;
    haru::Dict outlines = pdf.indirect_dict();
    outlines.name("Type", "Outlines");
    write_children(pdf, root, outlines, pages, doc);
    outlines.integer("Count", visible(root));
    pdf.catalog().put("Outlines", outlines).name("PageMode", "UseOutlines");
}

}  // namespace vanban::pdf
