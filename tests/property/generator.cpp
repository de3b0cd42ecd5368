#include "generator.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace property {

using nlohmann::json;

namespace {

// Syllables with every kind of Vietnamese letter: tones, ă â ê ô ơ ư đ, upper case.
const char* const kSyllables[] = {"công", "đoàn", "Lao", "động", "Việt", "Nam", "tỉnh", "huyện", "người", "năm",
                                  "báo", "cáo", "kết", "quả", "thực", "hiện", "Hà", "Nội", "Quảng", "Ngãi",
                                  "hạnh", "phúc", "ươm", "khuyến", "nghị", "Đắk", "Lắk", "ấp", "ổn", "định",
                                  "BAN", "THƯỜNG", "VỤ", "xã", "phường", "giải", "quyết", "ỹ", "Ừ", "tổng"};

}  // namespace

int Generator::length(int shortest, int usual, int longest) {
    const int roll = uniform(0, 99);
    if (roll < 65) return uniform(shortest, std::max(shortest, usual / 3));
    if (roll < 92) return uniform(shortest, usual);
    return uniform(usual, longest);
}

std::string Generator::word() {
    std::string w = kSyllables[uniform(0, static_cast<int>(std::size(kSyllables)) - 1)];
    w += "q" + std::to_string(counter_++);
    words_->push_back(w);
    return w;
}

std::string Generator::text(int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += (i ? " " : "") + word();
    return out;
}

json Generator::table() {
    const int columns = uniform(1, 6);
    json t = json::object();
    t["columns"] = json::array();
    for (int c = 0; c < columns; ++c) {
        json col = {{"title", text(length(1, 4, 15))}, {"width", uniform(1, 4)}};
        if (chance(0.3)) col["align"] = chance(0.5) ? "center" : "right";
        t["columns"].push_back(col);
    }
    const int rows = length(0, 30, 120);
    t["rows"] = json::array();
    for (int r = 0; r < rows; ++r) {
        json row = json::array();
        // Now and then a cell far taller than a page (split between lines).
        const bool tall = chance(0.01);
        for (int c = 0; c < columns; ++c) row.push_back(text(tall && c == 0 ? uniform(600, 1200) : length(0, 12, 120)));
        t["rows"].push_back(row);
    }
    if (rows > 0 && chance(0.2)) t["header_rows"] = uniform(1, std::min(rows + 1, 3));
    if (rows > 0 && chance(0.2)) t["total_row"] = true;
    return json{{"table", t}};
}

json Generator::block(bool in_appendix) {
    const int kind = uniform(0, 99);
    if (kind < 45) return text(length(1, 60, 400));
    if (kind < 60) return json{{"heading", text(length(1, 10, 40))}, {"level", uniform(1, 3)}};
    if (kind < 78) {
        static const char* const markers[] = {"-", "+", "1.", "a)", "I."};
        json items = json::array();
        const int n = std::max(1, length(1, 30, 120));
        for (int i = 0; i < n; ++i) items.push_back(text(length(1, 20, 80)));
        return json{{"list", items}, {"marker", markers[uniform(0, 4)]}};
    }
    if (kind < 90) return table();
    if (kind < 94 && !in_appendix) return json{{"page_break", true}};
    return json{{"article", text(length(0, 8, 30))}, {"text", text(length(1, 40, 200))}};
}

json Generator::signer() {
    json s = json::object();
    if (chance(0.5)) s["authority"] = "TM. " + text(length(1, 3, 20));
    if (chance(0.3)) s["acting"] = "KT. " + text(length(1, 3, 12));
    s["title"] = text(length(1, 3, 20));
    s["name"] = text(length(1, 4, 20));
    return s;
}

json Generator::document(std::vector<std::string>& words) {
    words_ = &words;
    counter_ = 0;  // unique within the document is enough; short numbers keep words realistic
    json d = json::object();
    const std::string& tpl = templates_[static_cast<std::size_t>(uniform(0, static_cast<int>(templates_.size()) - 1))];
    d["template"] = tpl;
    json issuer = {{"name", text(length(1, 4, 30))}};
    if (chance(0.5)) issuer["parent"] = text(length(1, 6, 25));
    d["issuer"] = issuer;
    if (chance(0.8)) d["number"] = uniform(10, 99999);
    std::string symbol = word();
    for (int i = length(0, 0, 8); i > 0; --i) symbol += "-" + word();
    d["symbol"] = symbol;
    d["place"] = text(length(1, 2, 10));
    if (chance(0.7)) {
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", uniform(2000, 2030), uniform(1, 12), uniform(1, 28));
        d["date"] = date;
    }
    if (tpl != "cong-van" && chance(0.3)) d["kind"] = text(length(1, 3, 12));
    d["subject"] = text(length(1, 30, 200));
    if (chance(0.6)) {
        json r = json::array();
        for (int i = length(1, 10, 120); i > 0; --i) r.push_back(text(length(1, 8, 40)));
        d["recipients"] = r;
    }
    if (tpl == "quyet-dinh" && chance(0.7)) {
        d["enacting_authority"] = text(length(1, 8, 30));
        json bases = json::array();
        for (int i = length(0, 4, 30); i > 0; --i) bases.push_back(text(length(1, 25, 80)));
        d["bases"] = bases;
    }
    json body = json::array();
    for (int i = std::max(1, length(1, 8, 25)); i > 0; --i) body.push_back(block(false));
    d["body"] = body;
    json signers = json::array();
    for (int i = chance(0.75) ? 1 : uniform(2, 6); i > 0; --i) signers.push_back(signer());
    d["signers"] = signers;
    if (chance(0.8)) {
        json list = json::array();
        for (int i = length(0, 12, 120); i > 0; --i) list.push_back(text(length(1, 6, 30)));
        d["distribution"] = list;
    }
    static const char* const urgency[] = {"Khẩn", "Thượng khẩn", "Hỏa tốc"};
    static const char* const secrecy[] = {"Mật", "Tối mật", "Tuyệt mật"};
    if (chance(0.2)) d["urgency"] = urgency[uniform(0, 2)];
    if (chance(0.2)) d["confidentiality"] = secrecy[uniform(0, 2)];
    if (chance(0.1)) d["draft"] = true;
    if (chance(0.3)) {
        json appendices = json::array();
        for (int i = uniform(1, 2); i > 0; --i) {
            json a = json::object();
            if (chance(0.3)) a["label"] = text(length(1, 1, 4));
            if (chance(0.8)) a["title"] = text(length(1, 15, 60));
            if (chance(0.5)) a["orientation"] = "landscape";
            json ab = json::array();
            for (int k = std::max(1, length(1, 4, 10)); k > 0; --k) ab.push_back(block(true));
            a["body"] = ab;
            appendices.push_back(a);
        }
        d["appendices"] = appendices;
    }
    if (tpl == "bao-cao-tong-hop") d["data"] = summary_data();
    if (tpl == "so-ket-nq20-don-vi") d["data"] = unit_report_data_;
    words_ = nullptr;
    return d;
}

// The data `vanban summarize` gives the national summary (engine/report/FORMATS.md),
// small: its words are the template's, not the generator's.
json Generator::summary_data() {
    const int units = uniform(1, 40);
    json rows = json::array();
    for (int i = 0; i < units; ++i) {
        rows.push_back({{"cells", {{{"text", std::to_string(i + 1)}, {"number", false}},
                                   {{"text", "Đơn vị " + std::to_string(i + 1)}, {"number", false}},
                                   {{"text", std::to_string(uniform(0, 5000))}, {"number", true}}}}});
    }
    rows.push_back({{"cells", {{{"text", ""}, {"number", false}}, {{"text", "Tổng cộng"}, {"number", false}},
                               {{"text", "1"}, {"number", true}}}}});
    return json{{"received", units}, {"expected", units + 2}, {"deadline", "20/01/2010"},
                {"has_late", false}, {"late", json::array()}, {"has_missing", true},
                {"missing", {{{"name", "Đơn vị chưa gửi"}}}}, {"has_merged", false}, {"merged", json::array()},
                {"has_rejected", false}, {"rejected", json::array()},
                {"totals", {{{"stt", "1"}, {"label", "Hội nghị"}, {"unit", "cuộc"}, {"total", "12"}, {"reported_by", "3"}}}},
                {"form_title", "sơ kết"},
                {"table", {{"columns", {{{"title", "STT"}, {"width", "0.5"}, {"align", "center"}},
                                        {{"title", "Đơn vị"}, {"width", "3"}, {"align", "left"}},
                                        {{"title", "Số hội nghị"}, {"width", "1"}, {"align", "right"}}}},
                           {"rows", rows}}}};
}

}  // namespace property
