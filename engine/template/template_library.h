// The template stage: a document's data + a Mustache template → markup (XML text).
//
// Templates are files `<name>.mustache` in the template directories: first those the
// user gives (--templates DIR), then the shipped `templates/`. A name is lowercase
// letters, digits, '-' and '_' only, so a template or partial name can never reach a
// file outside those directories ("../x", "a/b" are errors, not lookups).
//
// Partials (`{{> name}}`) are resolved the same way and spliced into the including
// template when it is loaded, so each template is parsed once per process and every
// error — even one inside a partial — is reported as file:line:column.
//
// Strict mode (the default) makes a variable or section the data does not define an
// error naming the template line, instead of Mustache's silent "".
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::tmpl {

// A place in a template file.
struct SourceLocation {
    std::filesystem::path file;
    int line = 0;
    int column = 0;
};

// A template with its partials spliced in, and a map back to the files.
class CompiledTemplate {
public:
    const std::string& name() const { return name_; }
    const std::filesystem::path& file() const { return file_; }
    const std::string& source() const { return source_; }

    // The file, line and column that produced byte `offset` of source().
    SourceLocation locate(std::size_t offset) const;
    // The first place where `needle` occurs in the template or its partials.
    std::optional<SourceLocation> find(std::string_view needle) const;

private:
    friend class TemplateLibrary;
    struct Segment {
        std::size_t begin = 0;         // offset in source_
        std::size_t length = 0;
        std::filesystem::path file;
        std::size_t file_offset = 0;   // offset in that file's text
        std::shared_ptr<const std::string> file_text;
    };
    std::string name_;
    std::filesystem::path file_;
    std::string source_;
    std::vector<Segment> segments_;
    // Parsed Mustache objects ready to render, one per concurrent renderer.
    struct ParsedPool;
    std::shared_ptr<ParsedPool> pool_;
};

struct RenderOptions {
    bool strict = true;  // an undefined variable or section is an error
};

class TemplateLibrary {
public:
    // `dirs` in lookup order (user directories first, shipped templates last);
    // partials may nest `max_partial_depth` deep (the template itself is level 1).
    explicit TemplateLibrary(std::vector<std::filesystem::path> dirs, int max_partial_depth = 16);

    // Loads (once, cached, thread-safe) and returns the named template.
    // Throws vanban::Error: unknown name (listing the directories searched), a bad
    // name, unreadable file, a Mustache syntax error at file:line:col, a missing or
    // recursive partial.
    std::shared_ptr<const CompiledTemplate> get(std::string_view name) const;

    // Renders the named template with `data` (JSON as produced by the input stage;
    // numbers become strings, null becomes false). Values are XML-escaped.
    std::string render(std::string_view name, const nlohmann::json& data, const RenderOptions& options = {}) const;

    // The names of all templates visible in the directories (for --help and the server).
    std::vector<std::string> names() const;

    const std::vector<std::filesystem::path>& dirs() const { return dirs_; }

private:
    std::shared_ptr<const CompiledTemplate> load(const std::string& name) const;
    std::optional<std::filesystem::path> find_file(const std::string& name) const;

    std::vector<std::filesystem::path> dirs_;
    int max_partial_depth_ = 16;
    mutable std::mutex mu_;
    mutable std::map<std::string, std::shared_ptr<const CompiledTemplate>, std::less<>> cache_;
};

// Whether `name` is a valid template or partial name.
bool is_valid_template_name(std::string_view name);

// XML-escapes text for element content and attribute values.
std::string xml_escape(std::string_view s);

}  // namespace vanban::tmpl
