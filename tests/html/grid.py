#!/usr/bin/env python3
"""Resolves each table of a page written by `nianbao render --html` into its
grid (rowspan and colspan spread over the cells they cover) and compares it,
cell by cell, with the grid the form file describes: the corner over the
row labels, column groups over their columns, leaf columns down to the last
heading row, row groups down their rows in a column of their own, leaf rows
across the label columns left of them, and the report's values as its YAML
stores them. Derived here from the form's trees, independently of the C. A
table of many blocks (表二) is one table: each block's title a row across it,
each row's last cell widened to the widest block.

usage: grid.py FORM.yaml REPORT.yaml PAGE.html   (prints one line per
table, exit 1 at the first difference)"""
import html.parser
import sys

import yaml


class Tables(html.parser.HTMLParser):
    """Every <table>: its caption and rows of (text, rowspan, colspan)."""

    def __init__(self):
        super().__init__()
        self.tables, self.cell, self.caption = [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.tables.append({"caption": "", "rows": []})
        elif tag == "tr":
            self.tables[-1]["rows"].append([])
        elif tag in ("td", "th"):
            self.cell = ["", int(a.get("rowspan", 1)), int(a.get("colspan", 1))]
        elif tag == "caption":
            self.caption = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1]["rows"][-1].append(tuple(self.cell))
            self.cell = None
        elif tag == "caption":
            self.tables[-1]["caption"] = self.caption
            self.caption = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[0] += data
        elif self.caption is not None:
            self.caption += data


def resolve(rows):
    grid = {}
    for r, row in enumerate(rows):
        c = 0
        for text, rs, cs in row:
            while (r, c) in grid:
                c += 1
            for i in range(rs):
                for j in range(cs):
                    if (r + i, c + j) in grid:
                        raise SystemExit("overlapping spans at row %d" % (r + i + 1))
                    grid[(r + i, c + j)] = text.strip()
            c += cs
    return grid


def depth(nodes):
    return max((1 + depth(n["rows" if "rows" in n else "columns"]) if
                ("rows" in n or "columns" in n) else 1) for n in nodes)


def kids(n):
    return n.get("columns") or n.get("rows") or []


def leaves(nodes):
    out = []
    for n in nodes:
        out += leaves(kids(n)) if kids(n) else [n]
    return out


def expected(block, values):
    cols, rows = block["columns"], block["rows"]
    hd = depth(cols)
    has_labels = any(l.get("label", "") for l in leaves(rows))
    lw = depth(rows) if has_labels else 0
    grid = {}

    def fill(r, c, rs, cs, text):
        for i in range(rs):
            for j in range(cs):
                grid[(r + i, c + j)] = text

    if lw:
        fill(0, 0, hd, lw, block.get("label-heading", ""))

    def head(nodes, level, col):
        for n in nodes:
            if kids(n):
                fill(level, col, 1, len(leaves(kids(n))), n["label"])
                head(kids(n), level + 1, col)
                col += len(leaves(kids(n)))
            else:
                fill(level, col, hd - level, 1, n["label"])
                col += 1
    head(cols, 0, lw)
    r = [hd]
    colleaves = leaves(cols)

    def body(nodes, d):
        for n in nodes:
            if kids(n):
                if lw:
                    fill(r[0], d, len(leaves(kids(n))), 1, n["label"])
                body(kids(n), d + 1)
            else:
                if lw:
                    fill(r[0], d, 1, lw - d, n["label"])
                row = values.get(n["id"], {}) or {}
                for j, c in enumerate(colleaves):
                    v = row.get(c["id"], "")
                    fill(r[0], lw + j, 1, 1, "" if v in ("~", None) else v)
                r[0] += 1
    body(rows, 0)
    return grid


def merged(blocks):
    """A table of many blocks (表二) as the page prints it: one table as wide
    as its widest block, each block's title a row across it, and each row's
    last cell taking the columns its block has fewer."""
    grids = [(b.get("title"), expected(b, v)) for b, v in blocks]
    width = max(1 + max(c for _, c in g) for _, g in grids)
    out, top = {}, 0
    for title, g in grids:
        if title:
            for c in range(width):
                out[(top, c)] = title
            top += 1
        rows, cols = 1 + max(r for r, _ in g), 1 + max(c for _, c in g)
        for (r, c), text in g.items():
            out[(top + r, c)] = text
        for r in range(rows):
            for c in range(cols, width):
                out[(top + r, c)] = g[(r, cols - 1)]
        top += rows
    return out


def main():
    form = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
    report = yaml.load(open(sys.argv[2], encoding="utf-8"), Loader=yaml.BaseLoader)
    parser = Tables()
    parser.feed(open(sys.argv[3], encoding="utf-8").read())
    tables = []
    for part in form["parts"]:
        if "table" not in part:
            continue
        vals = report["tables"].get(part["table"], {})
        if "blocks" in part:
            blocks = [(b, vals.get(b["id"], {})) for b in part["blocks"]]
            if len(blocks) > 1:
                tables.append((part.get("title", part["table"]), merged(blocks)))
            else:
                tables.append((blocks[0][0].get("title") or part.get("title"),
                               expected(*blocks[0])))
        else:
            tables.append((part.get("title", part["table"]), expected(part, vals)))
    if len(tables) != len(parser.tables):
        print("%d tables in the page, %d tables in the form" % (len(parser.tables), len(tables)))
        return 1
    for (name, want), table in zip(tables, parser.tables):
        got = resolve(table["rows"])
        if want != got:
            for k in sorted(set(want) | set(got)):
                if want.get(k) != got.get(k):
                    print("%s: row %d column %d: page %r, form %r" % (
                        name, k[0] + 1, k[1] + 1, got.get(k), want.get(k)))
                    return 1
        rows = 1 + max(r for r, _ in got)
        cols = 1 + max(c for _, c in got)
        print("%s: %d x %d, the same" % (name, rows, cols))
    return 0


if __name__ == "__main__":
    sys.exit(main())
