#!/usr/bin/env python3
"""What a user would otherwise write: PyYAML loads each gov-info-2021 report
and the same checks run in Python (totals, the balance rule, blanks), one
diagnostic line each. usage: peer.py [--c] FILE... (--c: PyYAML's C loader,
libyaml under Python, as a user who knows PyYAML would load them)"""
import sys
import yaml

C = len(sys.argv) > 1 and sys.argv[1] == "--c"
LOADER = yaml.CSafeLoader if C else yaml.SafeLoader
FILES = sys.argv[2:] if C else sys.argv[1:]

COLS = ["natural", "business", "research", "nonprofit", "legal", "org_other"]
OTHER = ["overdue", "unpaid", "other_other"]
RESULTS = (["disclosed", "partial", "secret", "prohibited", "security", "third_party",
            "internal", "process", "case_file", "inquiry", "not_held", "needs_making",
            "unclear", "petition", "repeat", "publication", "mass", "confirm"] + OTHER)


def num(v):
    return None if v is None else int(v)


def check(path, out):
    doc = yaml.load(open(path, encoding="utf-8"), Loader=LOADER)
    t = doc["tables"]["applications"]
    n = 0
    for c in COLS + ["total"]:
        def cell(row):
            if c == "total":
                vals = [num(t[row][k]) for k in COLS]
                return None if all(v is None for v in vals) else sum(v or 0 for v in vals)
            return num(t[row][c])
        handled = [cell(r) for r in RESULTS]
        total = None if all(v is None for v in handled) else sum(v or 0 for v in handled)
        a, b, f = cell("new"), cell("carried"), cell("forward")
        lhs = None if a is None and b is None else (a or 0) + (b or 0)
        rhs = None if total is None and f is None else (total or 0) + (f or 0)
        if lhs is not None and rhs is not None and lhs != rhs:
            out.write("%s: error: column %s: balance\n" % (path, c))
            n += 1
    def blanks(node, where):
        found = 0
        for key, v in node.items():
            if isinstance(v, dict):
                found += blanks(v, where + [key])
            elif v is None:
                out.write("%s: warning: %s: blank\n" % (path, " / ".join(where + [key])))
                found += 1
        return found

    return n + blanks(doc["tables"], [])


def main():
    total = 0
    for path in FILES:
        total += check(path, sys.stdout)
    sys.stderr.write("%d diagnostics\n" % total)


main()
