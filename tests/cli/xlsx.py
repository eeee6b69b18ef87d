#!/usr/bin/env python3
"""Reads a workbook written by `nianbao export --xlsx` back with openpyxl and
compares each table's sheet with the form's layout (tests/html/grid.py
computes it from the form file): every heading and label, every merged
region, every value as a number with its places, blanks empty.

usage: xlsx.py FORM.yaml REPORT.yaml BOOK.xlsx [K]   (a line a table; exit 1
at the first difference). With K, the book holds many reports, each table's
sheet one report after another: the report's table is the one under the
row that begins with its number K, and the last sheet is 数据."""
import os
import sys

import openpyxl
import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "html"))
import grid  # noqa: E402


def main():
    form = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
    report = yaml.load(open(sys.argv[2], encoding="utf-8"), Loader=yaml.BaseLoader)
    book = openpyxl.load_workbook(sys.argv[3])
    tables = [p for p in form["parts"] if "table" in p]
    many = sys.argv[4] if len(sys.argv) > 4 else None
    if len(book.sheetnames) != len(tables) + (1 if many else 0):
        print("%d sheets, %d tables" % (len(book.sheetnames), len(tables)))
        return 1
    for part, name in zip(tables, book.sheetnames):
        ws = book[name]
        merged = {}
        for rng in ws.merged_cells.ranges:
            merged[(rng.min_row, rng.min_col)] = (rng.max_row - rng.min_row + 1,
                                                  rng.max_col - rng.min_col + 1)
        if ws.cell(1, 1).value != part["title"]:
            print("%s: title %r" % (name, ws.cell(1, 1).value))
            return 1
        vals = report["tables"].get(part["table"], {})
        blocks = [(b, vals.get(b["id"], {})) for b in part["blocks"]] if "blocks" in part \
            else [(part, vals)]
        row = 3
        if many:
            heads = [r for r in range(1, ws.max_row + 1)
                     if str(ws.cell(r, 1).value or "").startswith(many + " ")]
            if len(heads) != 1:
                print("%s: %d rows name report %s" % (name, len(heads), many))
                return 1
            row = heads[0] + 1
        for block, bv in blocks:
            if "blocks" in part:
                if ws.cell(row, 1).value != block["title"]:
                    print("%s: block title %r at row %d" % (name, ws.cell(row, 1).value, row))
                    return 1
                row += 1
            want = grid.expected(block, bv)
            nrows = 1 + max(r for r, _ in want)
            # the sheet's grid, each merged region spread over its cells
            got = {}
            spans = {}
            for (r, c) in want:
                cell = ws.cell(row + r, c + 1)
                if (row + r, c + 1) in merged:
                    rs, cs = merged[(row + r, c + 1)]
                    for i in range(rs):
                        for j in range(cs):
                            got[(r + i, c + j)] = cell.value
                            spans[(r + i, c + j)] = cell
                elif (r, c) not in got:
                    got[(r, c)] = cell.value
                    spans[(r, c)] = cell
            for k, w in want.items():
                g = got.get(k)
                cell = spans.get(k)
                if k[0] >= 0 and isinstance(g, (int, float)) and not isinstance(g, bool):
                    places = len(w.split(".")[1]) if "." in w else 0
                    fmt = "0" if places == 0 else "0." + "0" * places
                    if float(w) != g or cell.number_format != fmt:
                        print("%s row %d col %d: %r as %s, want %s as %s" % (
                            name, row + k[0], k[1] + 1, g, cell.number_format, w, fmt))
                        return 1
                elif (g or "") != w:
                    print("%s row %d col %d: %r, want %r" % (name, row + k[0], k[1] + 1, g, w))
                    return 1
            row += nrows + 1
        print("%s: the form's layout, %d merged regions" % (name, len(merged)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
