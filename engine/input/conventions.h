// Two NĐ 30 conventions the input stage applies to what the user wrote, shared with
// `vanban lint` (which says what was changed and suggests the new form).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vanban::input {

// R8.1: an appendix's line 1 is "Phụ lục" / "Phụ lục II" in normal case, its title
// comes under it in capitals. The input has "label" ("II"; none = numbered by
// position) and "title". Older inputs put the whole line 1 in the title and the title
// in "subtitle" ({"title": "PHỤ LỤC I", "subtitle": "Số liệu"}); this reads both forms:
//   label "Phụ lục II" → "II" (the engine prints "Phụ lục" itself);
//   title "PHỤ LỤC I" + subtitle "Số liệu" → label "I", title "Số liệu";
//   title "PHỤ LỤC" + subtitle "Số liệu" → label "", title "Số liệu";
//   title "PHỤ LỤC SỐ LIỆU" + subtitle "Kết quả" → label "", title "SỐ LIỆU\nKết quả";
//   title "Danh sách" + subtitle "Đơn vị" → label "", title "Danh sách\nĐơn vị".
// No word is lost: a legacy title's words all reach line 1 or the title.
struct AppendixHeading {
    std::string label;
    std::string title;
};
AppendixHeading appendix_heading(std::string_view label, std::string_view title, std::string_view subtitle);

// The rest of `s` after a leading "Phụ lục" or "Phụ lục:" (any case, NFC), trimmed;
// `found` says whether `s` started with it (if not, `s` trimmed is returned).
std::string after_appendix_word(std::string_view s, bool& found);

// R7: the Nơi nhận list ends with "- Lưu: VT, …". An item is the archive line when it
// starts with "Lưu" and a colon (any case: "Lưu: VT, TG", "LƯU : VT").
bool is_archive_item(std::string_view item);

// The items with every archive line moved to the end (in their order); the others
// keep theirs. The engine prints the list this way; lint says when it moved one.
std::vector<std::string> archive_last(std::vector<std::string> items);

}  // namespace vanban::input
