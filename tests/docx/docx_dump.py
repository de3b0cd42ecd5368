# Dumps a .docx as python-docx (Debian python3-docx) reads it, as JSON on stdout:
# every paragraph of the body in document order (table cells row by row, cell by cell,
# nested tables in place), with its style name, the style Enter gives after it, and
# text; the core properties; the first section's page setup.
# An independent reader: the tests compare its view with the document model.
import json
import sys

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


def cell_blocks(cell, where, document):
    # A cell's paragraphs and the paragraphs of tables nested in it, in order.
    for child in cell._tc.iterchildren():
        if child.tag == qn("w:p"):
            yield where, Paragraph(child, cell)
        elif child.tag == qn("w:tbl"):
            for inner in table_blocks(Table(child, cell), where + ">", document):
                yield inner


def table_blocks(table, prefix, document):
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            for item in cell_blocks(cell, prefix + "table%d.%d" % (r, c), document):
                yield item


def blocks(document):
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield "body", Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            for item in table_blocks(Table(child, document), "", document):
                yield item


def text_of(paragraph):
    # python-docx 0.8 reads w:t, w:tab and w:br; a w:noBreakHyphen (which Word and
    # LibreOffice print as "-") is read here too, as newer python-docx does.
    out = []
    for node in paragraph._p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")):
        if node.tag == qn("w:t"):
            out.append(node.text or "")
        elif node.tag == qn("w:tab"):
            out.append("\t")
        elif node.tag == qn("w:noBreakHyphen"):
            out.append("-")
        else:
            out.append("\n")
    return "".join(out)


def main(path):
    d = docx.Document(path)
    out = {"paragraphs": [], "core": {}, "section": {}}
    for where, p in blocks(d):
        style = p.style
        nxt = style.next_paragraph_style
        out["paragraphs"].append({"where": where, "style": style.name, "text": text_of(p),
                                  "next_style": nxt.name if nxt is not None else None})
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
