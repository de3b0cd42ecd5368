# cmake -DIN=phrases-vi.txt -DOUT=… -P embed_phrases.cmake: writes a .cpp holding the
# word list as one string, so the binary needs no data file at run time.
file(READ ${IN} content)
string(FIND "${content}" ")vanban" bad)
if(NOT bad EQUAL -1)
  message(FATAL_ERROR "${IN} must not contain ')vanban'")
endif()
file(WRITE ${OUT} "// Generated from engine/text/phrases-vi.txt by embed_phrases.cmake; do not edit.\n#include <string_view>\n\nnamespace vanban::text::detail {\n\nextern const std::string_view kPhraseList;\nconst std::string_view kPhraseList = R\"vanban(${content})vanban\";\n\n}  // namespace vanban::text::detail\n")
