// Signature fields (ISO 32000-1 §12.7.4.5): adding a widget to a page and the AcroForm,
// finding the empty fields `render --signature-fields` (or another tool) pre-placed, and
// placing empty fields at ô 7c and ô 8 for signing tools outside vanban (the VGCA tools
// run on Windows; clerks may sign there).
#pragma once

#include "sign/pdf_update.h"
#include "sign/sign.h"

#include <qpdf/QPDFPageObjectHelper.hh>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vanban::sign {

// Adds each (page, widget) to the page's /Annots and the AcroForm's /Fields (creating
// it) and sets /SigFlags: 3 (SignaturesExist | AppendOnly) once signed, else 1.
void attach_fields(PdfUpdate& up, const std::vector<std::pair<QPDFObjectHandle, int>>& widgets, bool signed_);

// Sets /SigFlags 3 (a pre-placed field was just signed).
void mark_signed(PdfUpdate& up);

// "Signature1", "Signature2", …: the first `prefix`N no field has.
std::string unused_field_name(QPDF& pdf, const std::string& prefix);

// An empty (unsigned) signature field whose dictionary is also its widget.
struct EmptyField {
    QPDFObjectHandle field;
    PageRect rect;  // its page and /Rect
    std::string name;
};

// The field to fill: the one named `wanted` (an error if it is missing or signed), else
// the first empty field for the role ("Signature…" for approve, "Seal…" for issue);
// nullopt when there is none (a new field is added).
std::optional<EmptyField> field_to_fill(QPDF& pdf, std::vector<QPDFPageObjectHelper>& pages, Role role,
                                        const std::string& wanted, const std::string& file);

// An empty field to pre-place.
struct FieldPlace {
    std::string name;  // /T
    PageRect rect;
};

// Ô 7c of one signer and the seal's place over the left third of a signature image
// centred in it (ô 8, `seal_mm` wide):
// "Signature<n>" and "Seal<n>".
std::vector<FieldPlace> signer_fields(const PageRect& area, int n, double seal_mm = 36);

// `pdf` with empty signature fields appended as an incremental update (PDF/A-1b stays
// valid: printable widgets with an empty appearance). Throws vanban::Error.
std::string add_signature_fields(std::string pdf, const std::string& name, const std::vector<FieldPlace>& places);

}  // namespace vanban::sign
