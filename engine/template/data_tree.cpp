#include "template/data_tree.h"

#include <algorithm>
#include <functional>
#include <string_view>

namespace vanban::tmpl::detail {

namespace {

using json = nlohmann::json;

// Lists whose items are all objects or lists are deferred: those are the ones that grow
// with the document (rows, cells, blocks) and cost a map each; a list of strings
// ({{#bases}}{{.}}{{/bases}}) is cheap and stays as it is.
bool deferred(const json& j) {
    return j.is_array() && !j.empty() &&
           std::all_of(j.begin(), j.end(), [](const json& x) { return x.is_object() || x.is_array(); });
}

}  // namespace

mu::data to_mustache(const json& j) {
    switch (j.type()) {
        case json::value_t::object: {
            mu::data d{mu::data::type::object};
            // Moved in, not set(): kainjow's set() copies the whole subtree.
            for (const auto& [k, v] : j.items()) d[k] = to_mustache(v);
            return d;
        }
        case json::value_t::array: {
            if (deferred(j)) {
                // The placeholders carry nothing (no allocation each); Context::push
                // knows them by their place in this list.
                return mu::data{mu::list(j.size(), mu::data{mu::data::type::bool_true})};
            }
            mu::data d{mu::data::type::list};
            for (const auto& v : j) d.push_back(to_mustache(v));
            return d;
        }
        case json::value_t::string: {
            // An empty string is false, so that `{{#urgency}}…{{/urgency}}` prints
            // nothing for an absent field (kainjow treats "" as true); printed as a
            // variable, false is "" as well.
            const auto& s = j.get_ref<const std::string&>();
            return s.empty() ? mu::data{mu::data::type::bool_false} : mu::data{s};
        }
        case json::value_t::boolean:
            return j.get<bool>() ? mu::data{mu::data::type::bool_true} : mu::data{mu::data::type::bool_false};
        case json::value_t::null:
            return mu::data{mu::data::type::bool_false};
        default:
            // Mustache has no numbers (kainjow turns an int into `true`): print them.
            return mu::data{j.dump()};
    }
}

Context::Context(const mu::data* root, const json& j, bool strict) : strict_(strict) {
    items_.push_back(root);
    entered_.push_back(nullptr);
    find_deferred(*root, j);
}

Context::~Context() = default;

void Context::find_deferred(const mu::data& d, const json& j) {
    if (j.is_object() && d.is_object()) {
        for (const auto& [k, v] : j.items()) {
            if (!v.is_object() && !v.is_array()) continue;
            if (const mu::data* child = d.get(k)) find_deferred(*child, v);
        }
    } else if (j.is_array() && d.is_list()) {
        const auto& list = d.list_value();
        if (deferred(j)) {
            deferred_.push_back(Deferred{list.data(), list.size(), &j});
            return;
        }
        for (std::size_t i = 0; i < list.size() && i < j.size(); ++i) find_deferred(list[i], j[i]);
    }
}

void Context::push(const mu::data* d) {
    // Newest first: an item's own lists are the likeliest to be entered next.
    const std::less<const mu::data*> before;
    for (auto it = deferred_.rbegin(); it != deferred_.rend(); ++it) {
        if (before(d, it->first) || !before(d, it->first + it->size)) continue;
        auto e = std::make_unique<Entered>();
        const json& item = (*it->items)[static_cast<std::size_t>(d - it->first)];
        e->value = std::make_unique<mu::data>(to_mustache(item));
        e->deferred_before = deferred_.size();
        find_deferred(*e->value, item);  // may grow deferred_: `it` is not used again
        items_.push_back(e->value.get());
        entered_.push_back(std::move(e));
        return;
    }
    items_.push_back(d);
    entered_.push_back(nullptr);
}

void Context::pop() {
    if (const auto& e = entered_.back()) deferred_.resize(e->deferred_before);
    entered_.pop_back();
    items_.pop_back();
}

const mu::data* Context::get(const std::string& name) const {
    const mu::data* found = lookup(name);
    if (!found && strict_) throw UndefinedName{name};
    return found;
}

const mu::data* Context::get_partial(const std::string& name) const { throw UndefinedName{">" + name}; }

const mu::data* Context::lookup(const std::string& name) const {
    if (name == ".") return items_.back();
    std::vector<std::string_view> parts;
    std::string_view rest = name;
    while (true) {
        const auto dot = rest.find('.');
        parts.push_back(rest.substr(0, dot));
        if (dot == std::string_view::npos) break;
        rest.remove_prefix(dot + 1);
    }
    for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
        const mu::data* var = *it;
        for (const auto part : parts) {
            var = var->get(std::string(part));
            if (!var) break;
        }
        if (var) return var;
    }
    return nullptr;
}

}  // namespace vanban::tmpl::detail
