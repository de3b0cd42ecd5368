// A seeded generator of random document inputs for the property test (issue 11):
// every shipped template, short and long fields, 0–120 list items, tables with long
// cells, joint signers, appendices. Every word it writes is unique in the document
// ("hạnhq37"), so that a word missing from the output cannot hide behind the same word
// printed elsewhere.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace property {

class Generator {
public:
    // `unit_report_data` is the `data` of a unit's report (so-ket-nq20-don-vi), from a sample.
    Generator(std::uint64_t seed, std::vector<std::string> templates, nlohmann::json unit_report_data)
        : rng_(seed), templates_(std::move(templates)), unit_report_data_(std::move(unit_report_data)) {}

    // One document; `words` receives every word of the text fields that must be printed.
    nlohmann::json document(std::vector<std::string>& words);

private:
    std::mt19937_64 rng_;
    std::vector<std::string> templates_;
    nlohmann::json unit_report_data_;
    std::vector<std::string>* words_ = nullptr;
    int counter_ = 0;

    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
    // A length, mostly short, sometimes long, now and then huge.
    int length(int shortest, int usual, int longest);
    std::string word();
    std::string text(int n);  // n words, recorded
    nlohmann::json block(bool in_appendix);
    nlohmann::json table();
    nlohmann::json signer();
    nlohmann::json summary_data();
};

}  // namespace property
