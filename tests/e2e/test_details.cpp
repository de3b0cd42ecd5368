// NĐ 30 details on rendered documents (issue 19), read back from the PDF with
// pdftotext -bbox-layout and from the DOCX with python-docx: the appendix heading
// (R8.1), breaks between words in names and titles (R3.3, R3.6, R6, §10), the Lưu line
// last (R7) — and what `vanban lint` and `vanban check` say about them.
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

using namespace e2e;
using json = nlohmann::json;

namespace {

json seed() { return json::parse(slurp(repo() / "samples" / "cong-van-1996.json")); }

struct Rendered {
    fs::path pdf, docx, input;
};

Rendered render(const json& doc, const std::string& name) {
    const auto dir = scratch("details-" + name);
    Rendered out{dir / (name + ".pdf"), dir / (name + ".docx"), dir / (name + ".json")};
    std::ofstream(out.input) << doc.dump(1);
    const auto r = run(quote(vanban().string()) + " render " + quote(out.input.string()) + " --format pdf,docx -o " +
                       quote(dir.string()));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE(fs::exists(out.pdf));
    REQUIRE(fs::exists(out.docx));
    return out;
}

// python-docx's paragraphs (tests/docx/docx_dump.py): {"where", "style", "text"}.
json docx_paragraphs(const fs::path& docx) {
    const auto r = run("/usr/bin/python3 " + quote((repo() / "tests/docx/docx_dump.py").string()) + " " +
                       quote(docx.string()));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out).at("paragraphs");
}

bool python_docx_available() {
    return run("/usr/bin/python3 -c 'import docx' 2>/dev/null").exit_code == 0;
}

double centre(const TextLine& l) { return (l.x_min() + l.x_max()) / 2; }
double height(const TextLine& l) { return l.words.front().y_max - l.words.front().y_min; }

// The lines of `page` after the one whose text is `first`, up to the first line for
// which `stop` is true (exclusive).
template <class Stop>
std::vector<const TextLine*> lines_after(const PdfPage& page, const std::string& first, Stop stop) {
    std::vector<const TextLine*> out;
    bool on = false;
    for (const auto& l : page.lines) {
        if (!on) {
            on = l.text() == first;
            continue;
        }
        if (stop(l)) break;
        out.push_back(&l);
    }
    return out;
}

std::string joined(const std::vector<std::string>& lines, const char* sep) {
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : sep) + l;
    return out;
}

}  // namespace

TEST_CASE("Appendix heading: 'Phụ lục I' / 'Phụ lục II' in normal case above the title in capitals, in the PDF and the DOCX") {
    json doc = seed();
    doc["appendices"] = json::array(
        {// The older form, as clerks wrote it: read as label "I" + title.
         {{"title", "PHỤ LỤC I"},
          {"subtitle", "Kết quả sơ kết 2 năm thực hiện Nghị quyết 20-NQ/TW của các cấp công đoàn trong ngành giao thông "
                       "vận tải"},
          {"body", {"Xem bảng."}}},
         // The new form: no label (numbered II by position), landscape.
         {{"title", "Danh sách đơn vị"}, {"orientation", "landscape"}, {"body", {"Nội dung."}}}});
    const auto out = render(doc, "appendix");
    const auto pages = bbox_layout(out.pdf);
    const std::vector<std::string> title_i = {"KẾT QUẢ SƠ KẾT 2 NĂM THỰC HIỆN", "NGHỊ QUYẾT 20-NQ/TW CỦA CÁC CẤP CÔNG ĐOÀN",
                                              "TRONG NGÀNH GIAO THÔNG VẬN TẢI"};
    struct Expect {
        std::string label;
        std::vector<std::string> title;
        bool landscape;
    };
    const std::vector<Expect> expected = {{"Phụ lục I", title_i, false}, {"Phụ lục II", {"DANH SÁCH ĐƠN VỊ"}, true}};
    std::size_t found = 0;
    for (const auto& e : expected) {
        INFO(e.label);
        for (const auto& page : pages) {
            if (page.lines.empty() || page.lines.front().text() != e.label) continue;
            ++found;
            CHECK((page.width > page.height) == e.landscape);
            // Line 1 alone on its line, then the title lines, then "(Kèm theo …)".
            const auto title = lines_after(page, e.label, [](const TextLine& l) { return l.text().rfind("(Kèm theo", 0) == 0; });
            std::vector<std::string> got;
            for (const auto* l : title) got.push_back(l->text());
            CHECK(got == e.title);
            const TextLine& label = page.lines.front();
            const TextLine* ref = page.find("(Kèm theo");
            REQUIRE(ref);
            // Centred on the same axis; line 1 as tall as the 14 pt title lines, taller than the 13 pt line.
            for (const auto* l : title) {
                CHECK(std::abs(centre(*l) - centre(label)) < 1.0);
                CHECK(std::abs(height(*l) - height(label)) < 0.2);
            }
            CHECK(std::abs(centre(*ref) - centre(label)) < 1.0);
            CHECK(height(label) / height(*ref) == Approx(14.0 / 13).epsilon(0.03));
        }
    }
    CHECK(found == 2);
    const std::string text = run("pdftotext " + quote(out.pdf.string()) + " -").out;
    CHECK(text.find("PHỤ LỤC") == std::string::npos);  // no upper-case line 1 anywhere

    // `vanban check` still finds both appendices (their first pages carry no page number).
    const auto check = run(quote(vanban().string()) + " check --json " + quote(out.pdf.string()));
    INFO(check.out);
    CHECK(check.exit_code == 0);
    const auto report = json::parse(check.out);
    bool landscape_ok = false;
    for (const auto& f : report.at("findings")) {
        if (f.at("rule") == "R1.2" && f.at("status") == "PASS" &&
            f.at("message").get<std::string>().find("in an appendix") != std::string::npos) {
            landscape_ok = true;
        }
    }
    CHECK(landscape_ok);

    // `vanban lint` suggests the new form for the older one, and only for it.
    const auto lint = run(quote(vanban().string()) + " lint --json " + quote(out.input.string()));
    const auto findings = json::parse(lint.out).at("findings");
    std::vector<std::string> pointers;
    for (const auto& f : findings) {
        if (f.at("code") != "appendix-heading") continue;
        pointers.push_back(f.at("pointer"));
        CHECK(json::parse(f.at("suggestion").get<std::string>()) ==
              json({{"label", "I"}, {"title", doc["appendices"][0]["subtitle"]}}));
    }
    CHECK(pointers == std::vector<std::string>{"/appendices/0"});

    if (!python_docx_available()) {
        WARN("skipped the DOCX half: python3-docx is not installed");
        return;
    }
    const json paras = docx_paragraphs(out.docx);
    for (const auto& e : expected) {
        INFO(e.label);
        bool seen = false;
        for (std::size_t i = 0; i + 1 < paras.size(); ++i) {
            if (paras[i].at("text") != e.label) continue;
            seen = true;
            CHECK(paras[i].at("style") == "VB Tên loại");
            // The title broken where the PDF breaks it (explicit line breaks).
            CHECK(paras[i + 1].at("text") == joined(e.title, "\n"));
        }
        CHECK(seen);
    }
}

TEST_CASE("Names, signature titles and the trích yếu break between words, alike in the PDF and the DOCX") {
    // Issuer and parent (R3.3) in the header's left column; the báo cáo's trích yếu (R3.6)
    // and a signature title (R6). Expected breaks as a reader wants them (units.md names).
    struct Case {
        std::string parent, name;
        std::vector<std::string> parent_lines, name_lines;
    };
    const std::vector<Case> cases = {
        {"Tổng Liên đoàn Lao động Việt Nam", "Công đoàn ngành Giao thông vận tải Việt Nam",
         {"TỔNG LIÊN ĐOÀN LAO ĐỘNG", "VIỆT NAM"}, {"CÔNG ĐOÀN NGÀNH", "GIAO THÔNG VẬN TẢI", "VIỆT NAM"}},
        {"Tổng LĐLĐ Việt Nam", "Liên đoàn Lao động Thành phố Hồ Chí Minh", {"TỔNG LĐLĐ VIỆT NAM"},
         {"LIÊN ĐOÀN LAO ĐỘNG", "THÀNH PHỐ HỒ CHÍ MINH"}},
        {"", "Công đoàn Than - Khoáng sản Việt Nam", {}, {"CÔNG ĐOÀN", "THAN - KHOÁNG SẢN", "VIỆT NAM"}},
        {"LĐLĐ tỉnh Bắc Ninh", "Công đoàn các Khu công nghiệp tỉnh Bắc Ninh", {"LĐLĐ TỈNH BẮC NINH"},
         {"CÔNG ĐOÀN CÁC", "KHU CÔNG NGHIỆP", "TỈNH BẮC NINH"}},
        // An explicit "\n" always wins.
        {"", "Liên đoàn Lao động\ntỉnh Quảng Ngãi", {}, {"LIÊN ĐOÀN LAO ĐỘNG", "TỈNH QUẢNG NGÃI"}},
        {"", "Tổng Liên đoàn\nLao động Việt Nam", {}, {"TỔNG LIÊN ĐOÀN", "LAO ĐỘNG VIỆT NAM"}},
    };
    const bool docx_ok = python_docx_available();
    if (!docx_ok) WARN("skipped the DOCX half: python3-docx is not installed");
    for (std::size_t k = 0; k < cases.size(); ++k) {
        const auto& c = cases[k];
        INFO(c.name);
        json doc = seed();
        doc["issuer"] = json::object({{"name", c.name}});
        if (!c.parent.empty()) doc["issuer"]["parent"] = c.parent;
        const auto out = render(doc, "names-" + std::to_string(k));
        const auto pages = bbox_layout(out.pdf);
        REQUIRE(!pages.empty());
        const auto& p1 = pages.front();
        const TextLine* number = p1.find("Số:");
        const TextLine* nation = p1.find("CỘNG HÒA");
        REQUIRE(number);
        REQUIRE(nation);
        std::vector<std::string> left;  // the left column above "Số:", top to bottom
        std::vector<const TextLine*> ordered;
        for (const auto& l : p1.lines) {
            if (l.y_max() < number->words.front().y_min && l.x_max() < nation->x_min()) ordered.push_back(&l);
        }
        std::sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) { return a->words.front().y_min < b->words.front().y_min; });
        for (const auto* l : ordered) left.push_back(l->text());
        std::vector<std::string> want = c.parent_lines;
        want.insert(want.end(), c.name_lines.begin(), c.name_lines.end());
        CHECK(left == want);
        if (!docx_ok) continue;
        const json paras = docx_paragraphs(out.docx);
        std::string parent_text, name_text;
        for (const auto& p : paras) {
            if (p.at("style") == "VB Cơ quan chủ quản") parent_text = p.at("text");
            if (p.at("style") == "VB Cơ quan ban hành") name_text = p.at("text");
        }
        CHECK(parent_text == joined(c.parent_lines, "\n"));
        CHECK(name_text == joined(c.name_lines, "\n"));
    }

    // A báo cáo: its trích yếu and a long signature title.
    json doc = seed();
    doc["template"] = "bao-cao";
    doc.erase("recipients");
    doc["subject"] = "Kết quả sơ kết 2 năm thực hiện Nghị quyết 20-NQ/TW về tiếp tục xây dựng giai cấp công nhân Việt Nam "
                     "thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước";
    doc["signers"] = json::array({{{"authority", "TM. Ban Thường vụ Liên đoàn Lao động tỉnh Quảng Ngãi"},
                                   {"title", "Phó Chủ tịch Thường trực"},
                                   {"name", "Nguyễn Văn A"}}});
    const auto out = render(doc, "bao-cao");
    const auto pages = bbox_layout(out.pdf);
    const auto& p1 = pages.front();
    const auto subject = lines_after(p1, "BÁO CÁO", [](const TextLine& l) { return l.text().rfind("Để đánh giá", 0) == 0; });
    std::vector<std::string> subject_lines;
    for (const auto* l : subject) subject_lines.push_back(l->text());
    const std::vector<std::string> want_subject = {
        "Kết quả sơ kết 2 năm thực hiện Nghị quyết 20-NQ/TW",
        "về tiếp tục xây dựng giai cấp công nhân Việt Nam thời kỳ", "đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước"};
    CHECK(subject_lines == want_subject);
    std::vector<std::string> signature;
    for (const auto& page : pages) {
        for (const auto& l : page.lines) {
            const std::string t = l.text();
            if (t.rfind("TM.", 0) == 0 || t == "LIÊN ĐOÀN LAO ĐỘNG" || t.find("QUẢNG NGÃI") != std::string::npos ||
                t.find("PHÓ CHỦ TỊCH") != std::string::npos) {
                signature.push_back(t);
            }
        }
    }
    const std::vector<std::string> want_signature = {"TM. BAN THƯỜNG VỤ", "LIÊN ĐOÀN LAO ĐỘNG", "TỈNH QUẢNG NGÃI",
                                                     "PHÓ CHỦ TỊCH THƯỜNG TRỰC"};
    CHECK(signature == want_signature);
    if (!docx_ok) return;
    const json paras = docx_paragraphs(out.docx);
    bool subject_seen = false;
    std::vector<std::string> docx_signature;
    for (const auto& p : paras) {
        const std::string t = p.at("text");
        if (p.at("style") == "VB Trích yếu") subject_seen = subject_seen || t == joined(want_subject, "\n");
        if (p.at("where").get<std::string>().rfind("table", 0) == 0 &&
            (t.rfind("TM.", 0) == 0 || t.find("PHÓ CHỦ TỊCH") != std::string::npos)) {
            docx_signature.push_back(t);
        }
    }
    CHECK(subject_seen);
    CHECK(joined(docx_signature, "\n") == joined(want_signature, "\n"));
}

TEST_CASE("A long body heading breaks between words and fills its lines, alike in the PDF and the DOCX") {
    // R5.4 with §10: a level-1 heading (capitals, bold, at the first-line indent) long
    // enough for four lines (tests/layout checks the breaker against a greedy one).
    json doc = seed();
    doc["template"] = "bao-cao";
    doc.erase("recipients");
    doc["body"] = json::array({json::object({{"heading", "II. Kết quả sơ kết hai năm thực hiện nghị quyết của Ban Chấp hành "
                                                          "về tiếp tục xây dựng giai cấp công nhân Việt Nam thời kỳ đẩy "
                                                          "mạnh công nghiệp hóa, hiện đại hóa đất nước"},
                                              {"level", 1}}),
                               "Nội dung."});
    const std::vector<std::string> want = {"II. KẾT QUẢ SƠ KẾT HAI NĂM THỰC HIỆN NGHỊ QUYẾT",
                                           "CỦA BAN CHẤP HÀNH VỀ TIẾP TỤC XÂY DỰNG GIAI CẤP",
                                           "CÔNG NHÂN VIỆT NAM THỜI KỲ ĐẨY MẠNH CÔNG NGHIỆP HÓA,",
                                           "HIỆN ĐẠI HÓA ĐẤT NƯỚC"};
    const auto out = render(doc, "heading");
    const auto pages = bbox_layout(out.pdf);
    REQUIRE(!pages.empty());
    const auto& p1 = pages.front();
    const TextLine* first = p1.find("II. KẾT QUẢ");
    REQUIRE(first);
    std::vector<std::string> got{first->text()};
    for (const auto* l : lines_after(p1, first->text(), [](const TextLine& l) { return l.text() == "Nội dung./."; })) {
        got.push_back(l->text());
    }
    CHECK(got == want);
    if (!python_docx_available()) {
        WARN("skipped the DOCX half: python3-docx is not installed");
        return;
    }
    bool seen = false;
    for (const auto& p : docx_paragraphs(out.docx)) seen = seen || p.at("text") == joined(want, "\n");
    CHECK(seen);
}

TEST_CASE("A Lưu item written first is printed last with '.', in the PDF and the DOCX, and lint says it moved") {
    json doc = seed();
    doc["distribution"] = json::array({"Lưu: VT, TG", "Như trên", "Thường trực ĐCT (để b/c)"});
    const auto out = render(doc, "luu");
    std::vector<std::string> items;
    for (const auto& page : bbox_layout(out.pdf)) {
        for (const auto& l : page.lines) {
            if (l.text().rfind("- ", 0) == 0 && (l.text().find("Lưu") != std::string::npos ||
                                                 l.text().find("Như trên") != std::string::npos ||
                                                 l.text().find("ĐCT") != std::string::npos)) {
                items.push_back(l.text());
            }
        }
    }
    CHECK(items == std::vector<std::string>{"- Như trên;", "- Thường trực ĐCT (để b/c);", "- Lưu: VT, TG."});

    const auto lint = run(quote(vanban().string()) + " lint --json " + quote(out.input.string()));
    INFO(lint.out << lint.err);
    bool said = false;
    const json findings = json::parse(lint.out).at("findings");
    for (const auto& f : findings) {
        if (f.at("code") == "archive-not-last" && f.at("pointer") == "/distribution/0") {
            said = true;
            CHECK(json::parse(f.at("suggestion").get<std::string>()) ==
                  json::array({"Như trên", "Thường trực ĐCT (để b/c)", "Lưu: VT, TG"}));
        }
    }
    CHECK(said);
    // The sample's own list (Lưu already last) draws no such finding.
    const auto clean = run(quote(vanban().string()) + " lint --json " + quote((repo() / "samples" / "cong-van-1996.json").string()));
    CHECK(clean.out.find("archive-not-last") == std::string::npos);

    if (!python_docx_available()) {
        WARN("skipped the DOCX half: python3-docx is not installed");
        return;
    }
    std::vector<std::string> docx_items;
    for (const auto& p : docx_paragraphs(out.docx)) {
        const std::string t = p.at("text");
        if (t.rfind("- ", 0) == 0 && (t.find("Lưu") != std::string::npos || t.find("Như trên") != std::string::npos ||
                                      t.find("ĐCT") != std::string::npos)) {
            docx_items.push_back(t);
        }
    }
    CHECK(docx_items == items);
}
