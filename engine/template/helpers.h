// Template helpers: Mustache sections every template can use, such as
//   {{#upper}}{{issuer.name}}{{/upper}}
//   {{#amount_in_words}}{{data.total}}{{/amount_in_words}}
// The section's body is rendered first (values XML-escaped as usual), then the
// helper transforms the text and escapes its result once more, so "&" in a value
// reaches the markup as "&amp;" exactly once. The list, with examples, is in the
// README ("Template helpers").
#pragma once

#include <kainjow/mustache.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace vanban::tmpl {

// A helper refused what its section rendered ("decimal" given "12a"). The template
// library reports it at the helper's tag in the template.
class HelperError : public std::runtime_error {
public:
    HelperError(std::string helper, const std::string& message);
    const std::string& helper() const { return helper_; }

private:
    std::string helper_;
};

// Adds every helper to `root` (an object). Where the data itself has a value of the
// same name at the top level, the data wins.
void add_helpers(kainjow::mustache::data& root);

// The helpers' names, sorted.
std::vector<std::string> helper_names();

}  // namespace vanban::tmpl
