# Dumps a .docx as python-docx (Debian python3-docx) reads it, as JSON on stdout:
# every paragraph of the body in document order (table cells row by row, cell by cell),
# with its style name and text; the core properties; the first section's page setup.
# An independent reader: the tests compare its view with the document model.
import json
import sys

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


def blocks(document):
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield "body", Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            table = Table(child, document)
            for r, row in enumerate(table.rows):
                for c, cell in enumerate(row.cells):
                    for p in cell.paragraphs:
                        yield "table%d" % r + "." + str(c), p


def main(path):
    d = docx.Document(path)
    out = {"paragraphs": [], "core": {}, "section": {}}
    for where, p in blocks(d):
        out["paragraphs"].append({"where": where, "style": p.style.name, "text": p.text})
    cp = d.core_properties
    out["core"] = {
        "title": cp.title,
        "subject": cp.subject,
        "author": cp.author,
        "keywords": cp.keywords,
        "language": cp.language,
        "created": cp.created.isoformat() if cp.created else None,
        "modified": cp.modified.isoformat() if cp.modified else None,
    }
    s = d.sections[0]
    out["section"] = {
        "page_width_mm": s.page_width.mm,
        "page_height_mm": s.page_height.mm,
        "left_mm": s.left_margin.mm,
        "right_mm": s.right_margin.mm,
        "top_mm": s.top_margin.mm,
        "bottom_mm": s.bottom_margin.mm,
        "different_first_page": bool(s.different_first_page_header_footer),
        "first_page_header_text": "".join(p.text for p in s.first_page_header.paragraphs),
    }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
