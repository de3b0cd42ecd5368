// Test oracles that several stages use and that share no code with vanban: where they
// live on a Debian machine, and what their plain-text answers say.
#pragma once

#include <map>
#include <string>

namespace oracles {

// PDFBox Preflight's class path from Debian's jars (scripts/install-deps.sh --test:
// libpdfbox2-java, libactivation-java, libjaxb-api-java, a JRE), or empty when a jar
// or `java` is missing, so that the caller can skip with a message.
std::string preflight_classpath();

// pdfinfo's "Key:   value" lines as a map.
std::map<std::string, std::string> pdfinfo_fields(const std::string& pdfinfo_output);

}  // namespace oracles
