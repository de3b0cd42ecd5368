// Exact decimal sums: no binary float anywhere between the digits a unit wrote and the
// national total.
#include "report/amount.h"

#include <catch2/catch.hpp>

#include <stdexcept>

using vanban::report::Amount;

namespace {
Amount a(const char* s) {
    const auto v = Amount::parse(s);
    REQUIRE(v);
    return *v;
}
}  // namespace

TEST_CASE("0.1 + 0.2 is exactly 0.3") {
    CHECK((a("0.1") + a("0.2")).to_string() == "0.3");
    CHECK(a("0.1") + a("0.2") == a("0.3"));
    Amount sum;
    for (int i = 0; i < 10; ++i) sum += a("0.1");
    CHECK(sum.to_string() == "1.0");
    CHECK(sum == a("1"));
}

TEST_CASE("sums keep the larger scale and handle signs") {
    CHECK((a("0.10") + a("0.2")).to_string() == "0.30");
    CHECK((a("1520.75") + a("3.5") + a("12")).to_string() == "1536.25");
    CHECK((a("-0.05") + a("0.01")).to_string() == "-0.04");
    CHECK((a("-1.5") + a("1.5")).to_string() == "0.0");
    CHECK(a("+3").to_string() == "3");
    CHECK(a("0.000000001").to_string() == "0.000000001");
    CHECK(a("9223372036854775807").to_string() == "9223372036854775807");
    CHECK(a("-9223372036854775808").to_string() == "-9223372036854775808");
}

TEST_CASE("anything but plain decimal text is refused") {
    for (const char* bad : {"", ".", "1.", ".5", "1e3", "1,5", "1.234.567", "1 234", "--1", "0x10", "1.0000000001",
                            "9223372036854775808", "NaN"}) {
        INFO(bad);
        CHECK_FALSE(Amount::parse(bad));
    }
}

TEST_CASE("a sum that does not fit is an error, not a rounded number") {
    Amount big = a("9223372036854775807");
    CHECK_THROWS_AS(big += a("1"), std::overflow_error);
    Amount scaled = a("922337203685477580");
    CHECK_THROWS_AS(scaled += a("0.01"), std::overflow_error);  // rescaling overflows
}
