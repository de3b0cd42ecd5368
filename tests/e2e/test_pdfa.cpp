// `vanban render --pdfa` on every sample, judged by an independent validator
// (Apache PDFBox Preflight 2.0.27 from Debian, PDF/A-1b), qpdf and poppler; and
// byte-for-byte determinism across runs, time zones and locales, with and
// without --pdfa (ISO 19005-1 asks for none of that; archives and reviewers do).
#include "oracles.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>

using namespace e2e;

namespace {

std::vector<fs::path> samples() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(repo() / "samples")) {
        if (e.path().extension() == ".json") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Renders `input` to dir/<stem>.pdf with the CLI under `env` (e.g. "TZ=UTC LC_ALL=C");
// requires success and a silent stderr.
fs::path render(const fs::path& input, const fs::path& dir, bool pdfa, const std::string& env = "") {
    const fs::path out = dir / input.filename().replace_extension(".pdf");
    const Run r = run((env.empty() ? "" : "env " + env + " ") + quote(vanban().string()) + " render " +
                      quote(input.string()) + " -o " + quote(out.string()) + (pdfa ? " --pdfa" : ""));
    INFO(input.string() << (pdfa ? " --pdfa" : "") << (env.empty() ? "" : " under " + env) << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE(r.err.empty());
    REQUIRE(fs::exists(out));
    return out;
}

// pdfinfo's fields of `pdf`.
std::map<std::string, std::string> pdfinfo(const fs::path& pdf) {
    const Run r = run("pdfinfo -enc UTF-8 -isodates " + quote(pdf.string()));
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    return oracles::pdfinfo_fields(r.out);
}

}  // namespace

TEST_CASE("pdfa: every sample rendered with --pdfa is a valid PDF/A-1b file (PDFBox Preflight)") {
    const std::string cp = oracles::preflight_classpath();
    if (cp.empty()) {
        WARN("SKIPPED: PDFBox Preflight or java is not installed (Debian: libpdfbox2-java libactivation-java "
             "libjaxb-api-java default-jre-headless; scripts/install-deps.sh installs them)");
        return;
    }
    const fs::path dir = scratch("pdfa-preflight");
    std::string list;
    std::vector<std::string> names;
    for (const auto& s : samples()) {
        const fs::path pdf = render(s, dir, true);
        list += pdf.string() + "\n";
        names.push_back(pdf.filename().string());
    }
    REQUIRE(!names.empty());
    const fs::path list_file = dir / "files.txt";
    std::ofstream(list_file) << list;

    // "group <list>": one JVM validates every listed file and prints, for each,
    // "The file NAME is a valid PDF/A-1b file" or the failing rules.
    const Run r = run("java -cp " + quote(cp) + " org.apache.pdfbox.preflight.Validator_A1b group " +
                      quote(list_file.string()));
    INFO("Preflight said:\n" << r.out << r.err);
    for (const auto& name : names) {
        INFO(name);
        CHECK(r.out.find("The file " + name + " is a valid PDF/A-1b file") != std::string::npos);
    }
    CHECK(r.out.find("not a valid") == std::string::npos);
    CHECK(r.exit_code == 0);
}

TEST_CASE("pdfa: every sample with --pdfa passes qpdf --check, poppler is silent, dates are the document's") {
    const fs::path dir = scratch("pdfa-tools");
    for (const auto& s : samples()) {
        INFO(s.string());
        const fs::path pdf = render(s, dir, true);

        const Run q = run("qpdf --check " + quote(pdf.string()));
        CHECK(q.exit_code == 0);
        CHECK(q.err.empty());
        CHECK(q.out.find("No syntax or stream encoding errors found") != std::string::npos);
        CHECK(q.out.find("WARNING") == std::string::npos);

        const Run text = run("pdftotext -raw " + quote(pdf.string()) + " -");
        CHECK(text.exit_code == 0);
        CHECK(text.err.empty());
        CHECK(squash(text.out).find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") != std::string::npos);

        const Run fonts = run("pdffonts " + quote(pdf.string()));
        CHECK(fonts.exit_code == 0);
        CHECK(fonts.err.empty());
        CHECK(fonts.out.find(" no ") == std::string::npos);  // every font: emb, sub, uni = yes

        auto info = pdfinfo(pdf);
        CHECK(info["PDF version"] == "1.4");
        CHECK(info["Metadata Stream"] == "yes");
        // The document's own date at midnight, never the wall clock; none without one.
        const auto j = nlohmann::json::parse(slurp(s));
        if (j.contains("date")) {
            const std::string date = j["date"].get<std::string>();
            CHECK(info["CreationDate"] == date + "T00:00:00Z");
            CHECK(info["ModDate"] == date + "T00:00:00Z");
        } else {
            CHECK(info.count("CreationDate") == 0);
            CHECK(info.count("ModDate") == 0);
        }
        const Run meta = run("pdfinfo -meta " + quote(pdf.string()));
        CHECK(meta.err.empty());
        CHECK(meta.out.find("<pdfaid:part>1</pdfaid:part>") != std::string::npos);
        CHECK(meta.out.find("<pdfaid:conformance>B</pdfaid:conformance>") != std::string::npos);
    }
}

TEST_CASE("pdfa: renders are byte-identical across runs, time zones and locales, with and without --pdfa") {
    // Kiritimati is UTC+14 and New York UTC−5: on most of any day, their calendar
    // date differs from UTC's, so a date taken from the clock or localtime shows.
    // vi_VN.UTF-8 reaches ICU's default locale through the environment even when
    // libc has no such locale installed.
    const std::vector<std::string> envs = {
        "TZ=UTC LC_ALL=C",
        "TZ=Asia/Ho_Chi_Minh LC_ALL=vi_VN.UTF-8 LANG=vi_VN.UTF-8",
        "TZ=Pacific/Kiritimati LC_ALL=C.UTF-8",
        "TZ=America/New_York LANG=vi_VN.UTF-8 LC_ALL=",
    };
    for (const bool pdfa : {false, true}) {
        std::map<std::string, std::string> reference;  // sample → bytes under envs[0]
        for (std::size_t e = 0; e < envs.size(); ++e) {
            for (int repeat = 0; repeat < (e == 0 ? 2 : 1); ++repeat) {
                const fs::path dir = scratch("pdfa-determinism");
                for (const auto& s : samples()) {
                    INFO(s.filename().string() << (pdfa ? " --pdfa" : "") << " under " << envs[e]);
                    const std::string bytes = slurp(render(s, dir, pdfa, envs[e]));
                    auto [it, first] = reference.emplace(s.filename().string(), bytes);
                    if (!first) CHECK((it->second == bytes));
                }
            }
        }
    }
    // The two modes do differ (and carry different /IDs).
    const fs::path a = scratch("pdfa-modes-a"), b = scratch("pdfa-modes-b");
    const auto seed = repo() / "samples" / "cong-van-1996.json";
    CHECK(slurp(render(seed, a, true)) != slurp(render(seed, b, false)));
}

TEST_CASE("pdfa: the seed letter meets the size targets (plain ≤ 30 KB, --pdfa ≤ 38 KB)") {
    const auto seed = repo() / "samples" / "cong-van-1996.json";
    const auto plain = fs::file_size(render(seed, scratch("size-plain"), false));
    const auto pdfa = fs::file_size(render(seed, scratch("size-pdfa"), true));
    INFO("seed letter: plain " << plain << " B, --pdfa " << pdfa << " B");
    CHECK(plain <= 30 * 1000);
    CHECK(pdfa <= 38 * 1000);
    // XMP (~1.3 KB, unfiltered by rule) + the archive record of NĐ 30 Phụ lục VI with its
    // extension schema (~3.5 KB, unfiltered too) + the deflated sRGB profile (~2.5 KB) + dicts.
    CHECK(pdfa - plain < 9 * 1024);
}
