# Edits a .docx as a clerk would in Word, through python-docx (Debian python3-docx):
#   docx_edit.py IN OUT EDIT...   where EDIT is one of
#     urgency=TEXT        the urgency mark's word becomes TEXT (KHẨN → THƯỢNG KHẨN)
#     issuer=TEXT         the issuing body's name becomes TEXT
#     signer=TEXT         the signer's name becomes TEXT
#     paragraphs=N        N more body paragraphs after the last one (a copy of it)
#     type-at-end=TEXT    TEXT typed at the very end of the document (Ctrl+End)
#     widen-left=TWIPS    the header's left column TWIPS wider, the right one narrower
# Only what a clerk touches changes; everything else is saved as python-docx read it.
import copy
import sys

import docx
from docx.oxml.ns import qn


def runs_with_style(d, style):
    for p in d.element.body.iter(qn("w:p")):
        ps = p.find(qn("w:pPr") + "/" + qn("w:pStyle"))
        if ps is not None and ps.get(qn("w:val")) == style:
            yield p


def set_text(p, text):
    # The first run keeps its formatting and gets the text; the others go.
    runs = p.findall(qn("w:r"))
    for r in runs[1:]:
        p.remove(r)
    r = runs[0]
    for child in list(r):
        if child.tag != qn("w:rPr"):
            r.remove(child)
    t = r.makeelement(qn("w:t"), {})
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)


def main(src, dst, edits):
    d = docx.Document(src)
    body = d.element.body
    for edit in edits:
        key, _, value = edit.partition("=")
        if key == "urgency":
            for p in runs_with_style(d, "VanBanMark"):
                for t in p.iter(qn("w:t")):
                    if t.text and "KHẨN" in t.text and "THƯỢNG" not in t.text:
                        t.text = t.text.replace("KHẨN", value)
        elif key == "issuer":
            for p in runs_with_style(d, "VanBanIssuer"):
                set_text(p, value)
        elif key == "signer":
            for p in runs_with_style(d, "VanBanSignatureName"):
                set_text(p, value)
        elif key == "paragraphs":
            last = list(runs_with_style(d, "VanBanBody"))
            last = [p for p in last if p.getparent() is body and p.find(qn("w:r")) is not None][-1]
            for i in range(int(value)):
                extra = copy.deepcopy(last)
                set_text(extra, "Đoạn văn bổ sung số %d của văn thư, gõ thêm vào cuối phần nội dung." % (i + 1))
                last.addprevious(extra)
        elif key == "type-at-end":
            last = [c for c in body.iterchildren() if c.tag == qn("w:p")][-1]
            r = last.makeelement(qn("w:r"), {})
            t = r.makeelement(qn("w:t"), {})
            t.text = value
            r.append(t)
            last.append(r)
        elif key == "widen-left":
            header = body.find(qn("w:tbl"))
            cols = header.find(qn("w:tblGrid")).findall(qn("w:gridCol"))
            delta = int(value)
            cols[0].set(qn("w:w"), str(int(cols[0].get(qn("w:w"))) + delta))
            cols[1].set(qn("w:w"), str(int(cols[1].get(qn("w:w"))) - delta))
            for tr in header.findall(qn("w:tr")):
                tcs = tr.findall(qn("w:tc"))
                for tc, sign in ((tcs[0], 1), (tcs[1], -1)):
                    w = tc.find(qn("w:tcPr") + "/" + qn("w:tcW"))
                    w.set(qn("w:w"), str(int(w.get(qn("w:w"))) + sign * delta))
        else:
            sys.exit("unknown edit " + edit)
    d.save(dst)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
