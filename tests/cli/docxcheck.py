"""Reads a .docx that nianbao render --docx wrote, with python-docx, and
checks it against the report's own figures (export --csv): the title,
the tables' merged cells, every figure in order, the East Asian fonts,
the repeated heading rows, A4. Prints one line per finding; exit 1 when
anything is wrong."""
import csv
import sys

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

path, csv_path, title = sys.argv[1], sys.argv[2], sys.argv[3]
d = docx.Document(path)
bad = []

if d.paragraphs[0].text != title or d.paragraphs[0].style.name != "Title":
    bad.append("title: %r in %s" % (d.paragraphs[0].text, d.paragraphs[0].style.name))

# every figure, in reading order: the right-aligned cells of each table
got = []
for t in d.tables:
    for tr in t._tbl.tr_lst:
        for tc in tr.tc_lst:
            for p in tc.p_lst:
                jc = p.pPr.jc_val if p.pPr is not None else None
                if jc == WD_ALIGN_PARAGRAPH.RIGHT:
                    got.append("".join(r.text for r in p.r_lst))
with open(csv_path, encoding="utf-8") as f:
    want = [row["value"] for row in csv.DictReader(f)]
if got != want:
    bad.append("figures: %d read, %d in the report; first difference at %s" % (
        len(got), len(want),
        next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))))

# merged headings: a cell spanning columns (申请人情况 over seven) and one
# spanning rows (三、本年度办理结果 down its rows), as gridSpan and vMerge
spans = {}
for t in d.tables:
    for tr in t._tbl.tr_lst:
        for tc in tr.tc_lst:
            text = "".join(x.text or "" for x in tc.iter(qn("w:t")))
            if tc.grid_span > 1:
                spans[text] = max(spans.get(text, 0), tc.grid_span)
print("spans: " + " ".join("%s=%d" % (k, v) for k, v in sorted(spans.items()) if k))
restarts = [
    "".join(x.text or "" for x in tc.iter(qn("w:t")))
    for t in d.tables for tr in t._tbl.tr_lst for tc in tr.tc_lst
    if tc.vMerge == "restart"
]
print("down: " + " ".join(r for r in restarts if r))

# heading rows marked to repeat
heads = sum(1 for t in d.tables for tr in t._tbl.tr_lst
            if tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None)
print("repeated heading rows: %d" % heads)
if heads == 0:
    bad.append("no heading row repeats")

# East Asian fonts in the styles
fonts = {}
for s in d.styles:
    rpr = s.element.rPr
    if rpr is not None and rpr.rFonts is not None:
        fonts[s.name] = rpr.rFonts.get(qn("w:eastAsia"))
print("fonts: " + " ".join("%s=%s" % kv for kv in sorted(fonts.items())))

sec = d.sections[0]
print("page: %.0f x %.0f mm, top %.0f mm, left %.0f mm" % (
    sec.page_width.mm, sec.page_height.mm, sec.top_margin.mm, sec.left_margin.mm))
print("paragraphs: " + "|".join(p.text for p in d.paragraphs if p.text))
for b in bad:
    print("WRONG: " + b)
sys.exit(1 if bad else 0)
