// The data a template sees: the input stage's JSON as kainjow Mustache values, and the
// context that looks names up in it. Internal to engine/template.
//
// Lists of objects (body blocks, table rows, cells, signers…) are not converted up
// front: kainjow's tree costs ~1 KB per table row (an unordered_map per row and cell),
// 17 MB of a 10,000-row table's 85 MB peak (issue 18). Such a list becomes a list of
// placeholders that stand for the JSON items; when Mustache enters an item
// ({{#rows}}…{{/rows}} pushes it on the context), the context converts that one item
// and frees it when the section moves on. Templates see exactly the same values and
// render exactly the same text; only one item of each list is alive at a time.
#pragma once

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace vanban::tmpl::detail {

namespace mu = kainjow::mustache;

// Thrown through kainjow's renderer (which holds nothing that needs cleaning up)
// when strict mode meets a name the data does not define.
struct UndefinedName {
    std::string name;
};

// The Mustache value of `j`: numbers become their JSON text (Mustache has no numbers),
// null and "" become false (so that {{#field}}…{{/field}} prints nothing when absent).
// Lists of objects or lists are placeholders that only a Context can enter.
mu::data to_mustache(const nlohmann::json& j);

// The lookup rules of Mustache (innermost context first, dotted names), strictness,
// and the placeholders' items converted while a section is inside them.
class Context final : public mu::basic_context<std::string> {
public:
    // `root` was made by to_mustache(`json`) (and may have gained top-level values
    // since); both must outlive the context.
    Context(const mu::data* root, const nlohmann::json& json, bool strict);
    ~Context() override;

    void push(const mu::data* d) override;
    void pop() override;
    const mu::data* get(const std::string& name) const override;
    // Partials are spliced in at load time; a partial tag that survives to render time
    // was produced by a set-delimiter trick and is refused.
    const mu::data* get_partial(const std::string& name) const override;

private:
    // A list of placeholders and the JSON array its items stand for.
    struct Deferred {
        const mu::data* first = nullptr;
        std::size_t size = 0;
        const nlohmann::json* items = nullptr;
    };
    // An item converted on entry, with the deferred lists inside it.
    struct Entered {
        std::unique_ptr<mu::data> value;
        std::size_t deferred_before = 0;  // deferred_.size() before its lists were added
    };

    const mu::data* lookup(const std::string& name) const;
    // Finds the deferred lists in `d` (converted from `j`) and remembers them.
    void find_deferred(const mu::data& d, const nlohmann::json& j);

    std::vector<const mu::data*> items_;
    // Parallel to items_: the item converted on entry, or null for a real value.
    std::vector<std::unique_ptr<Entered>> entered_;
    std::vector<Deferred> deferred_;
    bool strict_;
};

}  // namespace vanban::tmpl::detail
