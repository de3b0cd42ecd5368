#include "lint/conventions.h"

#include "input/conventions.h"

namespace vanban::lint::detail {

using json = nlohmann::json;

namespace {

std::string string_at(const json& object, const char* key) {
    if (!object.is_object() || !object.contains(key) || !object[key].is_string()) return {};
    return object[key].get<std::string>();
}

}  // namespace

void check_appendices(const json& doc, std::vector<Finding>& out) {
    if (!doc.is_object() || !doc.contains("appendices") || !doc["appendices"].is_array()) return;
    const json& all = doc["appendices"];
    for (std::size_t i = 0; i < all.size(); ++i) {
        const json& a = all[i];
        if (!a.is_object()) continue;
        const std::string label = string_at(a, "label"), title = string_at(a, "title"),
                          subtitle = string_at(a, "subtitle");
        bool label_word = false, title_word = false;
        input::after_appendix_word(label, label_word);
        input::after_appendix_word(title, title_word);
        const bool legacy = a.contains("subtitle") || label_word || (label.empty() && title_word);
        if (!legacy) continue;
        const input::AppendixHeading h = input::appendix_heading(label, title, subtitle);
        json suggestion = json::object();
        if (!h.label.empty()) suggestion["label"] = h.label;
        if (!h.title.empty()) suggestion["title"] = h.title;
        std::string message =
            "line 1 of an appendix is printed by the engine as \"Phụ lục\" (\"Phụ lục I\", \"Phụ lục II\", … when there "
            "are several) in normal case, the title under it in capitals (R8.1): write the number in \"label\" and "
            "only the title in \"title\"";
        if (a.contains("subtitle")) message += "; \"subtitle\" is the older form of \"title\"";
        out.push_back({"/appendices/" + std::to_string(i), "appendix-heading", Action::change, message,
                       suggestion.dump()});
    }
}

void check_distribution(const json& doc, std::vector<Finding>& out) {
    if (!doc.is_object() || !doc.contains("distribution") || !doc["distribution"].is_array()) return;
    const json& items = doc["distribution"];
    std::vector<std::string> texts;
    for (const auto& it : items) texts.push_back(it.is_string() ? it.get<std::string>() : std::string());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (!input::is_archive_item(texts[i])) continue;
        bool others_after = false;
        for (std::size_t k = i + 1; k < texts.size(); ++k) others_after = others_after || !input::is_archive_item(texts[k]);
        if (!others_after) continue;
        out.push_back({"/distribution/" + std::to_string(i), "archive-not-last", Action::change,
                       "the \"Lưu: …\" line is the last of Nơi nhận (R7): it is printed last, ending with \".\"",
                       json(input::archive_last(texts)).dump()});
    }
}

}  // namespace vanban::lint::detail
