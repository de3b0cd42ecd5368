// Legacy-encoded strings in a document (render --from).
#include "core/diagnostic.h"
#include "input/legacy_strings.h"

#include <catch2/catch.hpp>

using namespace vanban;
using json = nlohmann::json;

TEST_CASE("The JSON tree: string values decoded, keys and numbers kept") {
    const json in = {{"subject", "ViÖt Nam"}, {"n", 1.5}, {"list", {"§éc lËp", true}}, {"ViÖt", "x"}};
    const json out = input::decode_legacy_strings(in, text::Encoding::tcvn3);
    CHECK(out == json{{"subject", "Việt Nam"}, {"n", 1.5}, {"list", {"Độc lập", true}}, {"ViÖt", "x"}});
}

TEST_CASE("The JSON text: only string values change, numbers keep their digits") {
    const std::string raw = "{\"subject\": \"Vi\xD6t Nam\", \"total\": 1250000.50,\n \"q\": \"a\\\"b\\n\\u00D6\"}";
    CHECK(input::decode_legacy_json(raw, text::Encoding::tcvn3, "x.json") ==
          "{\"subject\": \"Việt Nam\", \"total\": 1250000.50,\n \"q\": \"a\\\"b\\nệ\"}");
    CHECK(input::decode_legacy_json("{\"s\": \"ViÖt\"}", text::Encoding::tcvn3, "x.json") == "{\"s\": \"Việt\"}");
    CHECK(input::decode_legacy_json("[\"Vie\xE4t\"]", text::Encoding::vni, "x.json") == "[\"Việt\"]");
    try {
        input::decode_legacy_json("{\n  \"s\": \"abc", text::Encoding::tcvn3, "x.json");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.diagnostic().to_string() == "x.json:2:8: a string that never ends (missing '\"')");
    }
}

TEST_CASE("Detection with --from auto says what it found and refuses to guess") {
    std::string note;
    const std::string tcvn3 = "{\"subject\": \"C\xE9ng ho\xB5 x\xB7 h\xE9i ch\xF1 ngh\xDC" "a Vi\xD6t Nam\", \"n\": 1}";
    CHECK(input::decode_legacy_input(tcvn3, "auto", "x.json", note) ==
          "{\"subject\": \"Cộng hoà xã hội chủ nghĩa Việt Nam\", \"n\": 1}");
    CHECK(note.rfind("decoding from tcvn3: ", 0) == 0);

    const std::string unicode = "{\"subject\": \"Việt Nam\"}";
    CHECK(input::decode_legacy_input(unicode, "auto", "x.json", note) == unicode);
    CHECK(note.rfind("no conversion: already Unicode", 0) == 0);

    CHECK(input::decode_legacy_input(tcvn3, "tcvn3", "x.json", note).find("Việt Nam") != std::string::npos);
    CHECK(note.empty());
    CHECK_THROWS_AS(input::decode_legacy_input("{\"s\": \"Caf\xE9 cr\xE8me\"}", "auto", "x.json", note), Error);
    CHECK_THROWS_AS(input::decode_legacy_input(unicode, "koi8", "x.json", note), Error);
}
