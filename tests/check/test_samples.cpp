// Every sample, rendered by the engine, conforms — with and without --pdfa.
#include "support.h"

#include <catch2/catch.hpp>

using namespace checktest;

TEST_CASE("every sample conforms") {
    for (const auto& s : samples()) {
        const std::string stem = s.stem().string();
        const auto r = render_sample(stem);
        vanban::check::CheckOptions options;
        options.input = s;
        const auto report = check(r.pdf, options);
        INFO(stem << "\n" << report.to_text());
        CHECK(report.conforms());
        CHECK(failed_rules(report).empty());
        // Every rule group was looked at.
        std::set<std::string> seen;
        for (const auto& f : report.findings) seen.insert(f.rule);
        // A công văn has its V/v (R3.7); other types their tên loại and trích yếu (R3.6).
        const char* subject_rule = r.model.is_letter ? "R3.7" : "R3.6";
        for (const char* rule : {"R1.1", "R1.3", "R1.4", "R1.5", "R1.6", "R3.1", "R3.2", "R3.3", "R3.4", "R3.5",
                                 subject_rule, "R4", "R5.1", "R5.5", "R6", "R7", "PDF/A"}) {
            CHECK(seen.count(rule) == 1);
        }
    }
}

TEST_CASE("every sample rendered as PDF/A conforms, and its PDF/A shape is checked") {
    for (const auto& s : samples()) {
        const std::string stem = s.stem().string();
        const auto r = render_sample(stem, true);
        const auto report = check(r.pdf);
        INFO(stem << "\n" << report.to_text());
        CHECK(report.conforms());
        for (const auto& f : report.findings) {
            if (f.rule == "PDF/A") CHECK_FALSE(f.skipped);
        }
    }
}

TEST_CASE("a sample that is not PDF/A skips the PDF/A shape") {
    const auto report = check(render_sample("cong-van-1996").pdf);
    bool skipped = false;
    for (const auto& f : report.findings) skipped = skipped || (f.rule == "PDF/A" && f.skipped);
    CHECK(skipped);
}
