// The signing options' help, shared by `vanban sign` and `vanban render --sign`. Only text,
// so the front (which links no signing code) shows it in `vanban render --help` too.
#include "cli/sign_help.h"

namespace vanban::cli {

const char* const kSignHelp = R"(  --key KEY.pem --cert CERT.pem [--chain CHAIN.pem]   a key and certificate in PEM files
  --p12 FILE --pass-env VAR  a PKCS#12 file; its password in the environment variable VAR
  --pass-env VAR             with --key: the password of an encrypted key
  --pkcs11 URI [--module LIB.so] --pin-env VAR [--cert CERT.pem] [--chain CHAIN.pem]
                             a key on a PKCS#11 token ('pkcs11:token=…;object=…'), libp11 engine
  --role approve|issue|copy|appendix   who signs (default approve); copy and appendix show
                             the ô 14 box (number and symbol, signing time) at the top right
                             of page 1 instead of images
  --number TEXT              ô 14's number and symbol ("05/SY-TLĐ"); an appendix takes its
                             document's when absent, a copy needs it
  --field NAME               fill this empty signature field (default: the first empty field
                             for the role: Signature… for approve, Seal… for issue)
  --image SIGNATURE.png      the signer's blue signature image (ô 7c)
  --seal SEAL.png            the organisation's red seal (ô 8), over the left third of the image
  --seal-mm N                the seal's real diameter in millimetres (default 36)
  --area PAGE:X1,Y1,X2,Y2    where ô 7c is (page from 1, PDF points from the bottom left)
  --signer N                 which signer's ô 7c (from 1; default 1)
  --tsa URL                  an RFC 3161 timestamp on the signature (PAdES B-T), http(s)
  --reason TEXT  --location TEXT
The signing time is now, or SOURCE_DATE_EPOCH when set (reproducible output).
)";

}  // namespace vanban::cli
