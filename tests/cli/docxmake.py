#!/usr/bin/python3
"""Builds a Word file from a report's web page (nianbao render --html) the
way Word and WPS write one, for import --docx to read back:

    docxmake.py PAGE.html OUT.docx [--split] [--plain] [--running] [--narrow]

Each heading and paragraph a paragraph; each table a table whose merged
cells are merged as Word merges them (python-docx: gridSpan across,
vMerge down). With --split the table of applications (申请人情况) is cut in
two by a page break, 续表 above the second part and its heading rows
repeated there. What WPS and Word leave in a file is planted: a title in
runs of a character each with a bookmark around it, spelling marks, an
empty run, a figure inside a tracked insertion beside a tracked deletion
of another, and a field whose result is a paragraph's text; --plain plants
none (LibreOffice prints tracked deletions, struck through, when it makes
a PDF of the file). Columns are as wide as an office makes them: a
column of figures narrow, the labels' wide."""

import sys
from html.parser import HTMLParser

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm


class Page(HTMLParser):
    """The page's blocks: ("p", text) and ("table", rows of cells)."""

    def __init__(self):
        super().__init__()
        self.blocks, self.text, self.in_text = [], "", False
        self.rows, self.cell = None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("h1", "h2", "p") and self.rows is None:
            self.in_text, self.text = True, ""
        elif tag == "table":
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.rows.append([])
        elif tag in ("td", "th") and self.rows is not None:
            self.cell = {"text": "", "rs": int(a.get("rowspan", 1)),
                         "cs": int(a.get("colspan", 1))}

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "p") and self.in_text:
            self.blocks.append(("p", self.text))
            self.in_text = False
        elif tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(self.cell)
            self.cell = None
        elif tag == "table":
            self.blocks.append(("table", self.rows))
            self.rows = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell["text"] += data
        elif self.in_text:
            self.text += data


def grid(rows):
    """The rows as a grid: each slot (r, c) its cell's origin, texts at the
    origins, and the grid's width."""
    owner, texts, width = {}, {}, 0
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in owner:
                c += 1
            for dr in range(cell["rs"]):
                for dc in range(cell["cs"]):
                    owner[(r + dr, c + dc)] = (r, c)
            texts[(r, c)] = cell["text"]
            c += cell["cs"]
            width = max(width, c)
    return owner, texts, width


def residue_runs(par, text):
    """text in runs of a character each, an empty run and spelling marks
    among them, a bookmark around them all."""
    p = par._p
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), "0")
    start.set(qn("w:name"), "_Toc1")
    p.append(start)
    par.add_run("")
    for i, ch in enumerate(text):
        if i == 2:
            p.append(OxmlElement("w:proofErr"))
        par.add_run(ch)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), "0")
    p.append(end)


def tracked(par, kept, deleted):
    """kept inside a tracked insertion, deleted inside a tracked deletion."""
    p = par._p
    d = OxmlElement("w:del")
    d.set(qn("w:id"), "1")
    d.set(qn("w:author"), "审核")
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText")
    t.text = deleted
    r.append(t)
    d.append(r)
    p.append(d)
    ins = OxmlElement("w:ins")
    ins.set(qn("w:id"), "2")
    ins.set(qn("w:author"), "审核")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = kept
    r.append(t)
    ins.append(r)
    p.append(ins)


def field(par, text):
    """A field whose shown result is text (its code left in instrText)."""
    p = par._p
    for kind, inner in (("begin", None), ("code", " DOCPROPERTY Subject "),
                        ("separate", None), ("result", text), ("end", None)):
        r = OxmlElement("w:r")
        if kind == "code":
            e = OxmlElement("w:instrText")
            e.text = inner
        elif kind == "result":
            e = OxmlElement("w:t")
            e.text = inner
        else:
            e = OxmlElement("w:fldChar")
            e.set(qn("w:fldCharType"), kind)
        r.append(e)
        p.append(r)


PLANTED = set()  # the residue planted once each
PLAIN = "--plain" in sys.argv
NARROW = "--narrow" in sys.argv


def add_table(d, rows, heads, lo, hi):
    """Rows lo..hi of the grid (after the heading rows 0..heads), merged
    as the page merges them; a merge crossing lo is cut there, its text
    left in the part above as Word leaves it."""
    owner, texts, width = grid(rows)
    keep = list(range(heads)) + list(range(lo, hi))
    t = d.add_table(rows=len(keep), cols=width)
    t.style = "Table Grid"
    t.autofit = False
    # a column of figures (below the headings) narrow, the others share
    # the rest of the 15.6 cm text block
    def is_fig(c):
        """Most of the column's texts are figures."""
        col = [texts[o] for o in texts if o[1] == c and texts[o]]
        return sum(x.replace(".", "").isdigit() for x in col) * 2 > len(col)
    figs = [is_fig(c) for c in range(width)]
    nfig = sum(figs)
    labels = [c for c in range(width) if not figs[c]]
    fig_w = (15.6 - 4.4) / nfig if NARROW and nfig else 1.6
    rest = 15.6 - fig_w * nfig
    widths = {}
    for c in labels:
        # the leaf labels' column the widest; a group's narrow
        widths[c] = rest * (0.6 if c == labels[-1] else 0.4 / (len(labels) - 1)) \
            if len(labels) > 1 else rest
    for c in range(width):
        w = Cm(fig_w if figs[c] else widths[c])
        t.columns[c].width = w
        for row in t.rows:
            row.cells[c].width = w
    for i, r in enumerate(keep):
        for c in range(width):
            o = owner.get((r, c))
            if o is None or (o[0] < lo and r >= lo and o[0] >= heads):
                continue
            if o != (r, c):
                continue
            # the origin: merge over its span within these rows
            ri = i
            r2 = i
            while r2 + 1 < len(keep) and owner.get((keep[r2 + 1], c)) == o:
                r2 += 1
            c2 = c
            while c2 + 1 < width and owner.get((r, c2 + 1)) == o:
                c2 += 1
            cell = t.cell(ri, c)
            if r2 > ri or c2 > c:
                cell = cell.merge(t.cell(r2, c2))
            par = cell.paragraphs[0]
            text = texts[o]
            if PLAIN:
                par.add_run(text)
            elif text.isdigit() and "tracked" not in PLANTED:
                tracked(par, text, "9")
                PLANTED.add("tracked")
            elif r >= heads and c == 0 and len(text) > 2 and "runs" not in PLANTED:
                residue_runs(par, text)
                PLANTED.add("runs")
            else:
                par.add_run(text)
    for i in range(heads):
        trpr = t.rows[i]._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:tblHeader"))
    return t


def main():
    page = Page()
    page.feed(open(sys.argv[1], encoding="utf-8").read())
    split = "--split" in sys.argv
    d = docx.Document()
    first = True
    for kind, what in page.blocks:
        if kind == "p":
            par = d.add_paragraph()
            if first and not PLAIN:
                residue_runs(par, what)
                first = False
            elif what.startswith("（二）") and not PLAIN:
                field(par, what)
            else:
                par.add_run(what)
            continue
        rows = what
        text = "".join(c["text"] for row in rows for c in row)
        if split and "申请人情况" in text:
            heads = next(i for i, row in enumerate(rows)
                         if any("本年新收" in c["text"] for c in row))
            cut = heads + (len(rows) - heads) // 2
            add_table(d, rows, heads, heads, cut)
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            d.add_paragraph("续表")
            add_table(d, rows, heads, cut, len(rows))
        else:
            add_table(d, rows, 0, 0, len(rows))
        d.add_paragraph("")
    if "--running" in sys.argv:
        sec = d.sections[0]
        sec.header.paragraphs[0].text = "示例机关政府信息公开专栏"
        foot = sec.footer.paragraphs[0]
        foot.add_run("第 ")
        fld = OxmlElement("w:fldSimple")
        fld.set(qn("w:instr"), " PAGE ")
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = "1"
        r.append(t)
        fld.append(r)
        foot._p.append(fld)
        foot.add_run(" 页")
    d.save(sys.argv[2])


main()
