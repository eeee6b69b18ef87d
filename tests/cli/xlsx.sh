# export --xlsx: a workbook for Excel and WPS, read back with openpyxl
# (Debian's python3-openpyxl): each table's sheet in the form's layout with
# its merged headings, values as numbers with their places, blanks empty;
# for many reports a long sheet too. export --csv --bom.
. "${SRCDIR:-.}/tests/cli/lib.sh"
py=/usr/bin/python3
[ -x "$py" ] || py=python3

book() { # FORM REPORT
	run "$NIANBAO" export --xlsx "$2" -o "$T/$1.xlsx"
	expect_rc "$1: written" 0
	if "$py" "$SRCDIR/tests/cli/xlsx.py" "$SRCDIR/forms/$1.yaml" "$2" "$T/$1.xlsx" >"$T/check" 2>&1
	then
		ok "$1: every sheet in the form's layout ($(tr '\n' ' ' <"$T/check"))"
	else
		not_ok "$1: a sheet differs"
		diag "$T/check"
	fi
}
book gov-info-2019-tongzhou "$SRCDIR/reports/guoyuan-2020.yaml"
book gov-info-2019 "$TESTDATA/published/layout.golden"
book gov-info-2021 "$TESTDATA/series/2021.yaml"

# 21.6560 stays a number shown with four places, a blank an empty cell
"$py" - "$T/gov-info-2019-tongzhou.xlsx" >"$T/cells" 2>&1 <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["表二 主动公开"]
for row in ws.iter_rows():
    for c in row:
        if isinstance(c.value, float):
            print("%s %r %s" % (c.coordinate, c.value, c.number_format))
PY
expect_eq "采购总金额: a number, four places shown" "$(cat "$T/cells")" "C25 21.656 0.0000"
"$py" - "$T/gov-info-2021.xlsx" >"$T/blank" 2>&1 <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["表二 主动公开"]
print(repr(ws["B10"].value), ws["A10"].value)
PY
expect_eq "a blank cell is empty" "$(cat "$T/blank")" "None 行政许可"

# many reports: a sheet per table, each report's table in turn under a row
# naming it, and one long sheet for a pivot table
run "$NIANBAO" export --xlsx "$TESTDATA/sum/a.yaml" "$TESTDATA/sum/b.yaml" -o "$T/many.xlsx"
expect_rc "two reports in one workbook" 0
"$py" - "$T/many.xlsx" >"$T/many" 2>&1 <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(" | ".join(wb.sheetnames))
d = wb["数据"]
print(d.max_row - 1, [c.value for c in d[1]])
rows = [[c.value for c in r] for r in d.iter_rows(min_row=2)]
print([r for r in rows if r[0] == "乙镇人民政府" and r[4] == "本年收费金额（单位：万元）"][0])
ws = wb["表三 依申请公开"]
print(" | ".join(str(ws.cell(r, 1).value) for r in range(1, ws.max_row + 1)
                 if str(ws.cell(r, 1).value or "")[:2] in ("1 ", "2 ")))
PY
expect_eq "a sheet per table, and the long sheet" "$(sed -n 1p "$T/many")" \
	"表二 主动公开 | 表三 依申请公开 | 表四 复议诉讼 | 数据"
expect_eq "a row a cell of each report, with its heading row" "$(sed -n 2p "$T/many")" \
	"400 ['机关', '年度', '表', '行', '列', '数值']"
expect_eq "organ, year, table, row, column, value (a number)" "$(sed -n 3p "$T/many")" \
	"['乙镇人民政府', 2022, '二、主动公开政府信息情况', '第二十条第（八）项 / 行政事业性收费', '本年收费金额（单位：万元）', 2.25]"
expect_eq "each report under a row of its number, organ and year" "$(sed -n 4p "$T/many")" \
	"1 甲街道办事处 2022 | 2 乙镇人民政府 2022"
# (two years whose totals are printed: the workbook holds what the engine
# computes, the file what was typed)
run "$NIANBAO" export --xlsx "$TESTDATA/series/2021.yaml" "$TESTDATA/series/2022.yaml" -o "$T/two.xlsx"
for k in 1 2; do
	if "$py" "$SRCDIR/tests/cli/xlsx.py" "$SRCDIR/forms/gov-info-2021.yaml" \
		"$TESTDATA/series/202$k.yaml" "$T/two.xlsx" $k >"$T/check" 2>&1; then
		ok "report $k: each table in the form's layout under its row"
	else
		not_ok "report $k: a table differs"
		diag "$T/check"
	fi
done

# reports of two forms: each form's tables their own sheets, named by form
run "$NIANBAO" export --xlsx "$TESTDATA/sum/a.yaml" "$SRCDIR/reports/guoyuan-2020.yaml" \
	"$TESTDATA/sum/b.yaml" -o "$T/mixed.xlsx"
expect_rc "two forms in one workbook" 0
"$py" -c 'import sys, openpyxl; print(" | ".join(openpyxl.load_workbook(sys.argv[1]).sheetnames))' \
	"$T/mixed.xlsx" >"$T/mixed" 2>&1
expect_eq "a sheet per form's table" "$(cat "$T/mixed")" \
	"表二 主动公开 gov-info-2021 | 表三 依申请公开 gov-info-2021 | 表四 复议诉讼 gov-info-2021 | 表二 主动公开 gov-info-2019-tongzhou | 表三 依申请公开 gov-info-2019-tongzhou | 表四 复议诉讼 gov-info-2019-tongzhou | 数据"

# a report that cannot be read: no workbook at all
printf 'form: gov-info-2021\nheader: [\n' >"$T/broken.yaml"
run "$NIANBAO" export --xlsx "$TESTDATA/sum/a.yaml" "$T/broken.yaml" -o "$T/none.xlsx"
expect_rc "an unreadable report: refused" 2
expect_has "named with its line" "$T/err" "broken.yaml:3"
expect_eq "and no workbook written" "$(ls "$T" | grep -c '^none')" 0

# replaced only with --force; never half-written
run "$NIANBAO" export --xlsx "$SRCDIR/reports/guoyuan-2020.yaml" -o "$T/many.xlsx"
expect_rc "an existing workbook is kept" 2
expect_has "said as a workbook there already" "$T/err" "many.xlsx already exists (use --force to replace it)"
printf 'notes\n' >"$T/notes.txt"
run "$NIANBAO" export --xlsx "$SRCDIR/reports/guoyuan-2020.yaml" -o "$T/notes.txt"
expect_has "another kind of file: said so" "$T/err" "notes.txt exists and is not what this command writes"
run "$NIANBAO" export --xlsx "$SRCDIR/reports/guoyuan-2020.yaml" -o "$T/many.xlsx" --force
expect_rc "--force replaces the workbook" 0
expect_eq "no temporary left" "$(ls "$T" | grep -c '\.tmp$')" 0

# --bom: the byte-order mark Excel on Windows needs for Chinese
run "$NIANBAO" export --csv --bom "$SRCDIR/reports/guoyuan-2020.yaml"
expect_eq "--bom: EF BB BF first" "$(head -c 3 "$T/out" | od -An -tx1 | tr -d ' ')" "efbbbf"
expect_has "then the header" "$T/out" "table,row,column,value"
run "$NIANBAO" export --csv "$SRCDIR/reports/guoyuan-2020.yaml"
expect_eq "without it, none" "$(head -c 5 "$T/out")" "table"
finish
