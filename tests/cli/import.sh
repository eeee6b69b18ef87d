# Published reports read back: import --text and --html, and check on them
# without importing. Each constructed page or text plants deviations real
# reports have; the decisions import lists are compared in full.
. "${SRCDIR:-.}/tests/cli/lib.sh"
P="$TESTDATA/published"

# imported NAME KIND SOURCE: the report and the decisions, against their
# golden files (NAME.notes, NAME.golden)
imported() {
	name=$1 kind=$2 src=$3
	cp "$P/$src" "$T/$src"
	(cd "$T" && "$NIANBAO" import "$kind" "$src" -o "$name.yaml") >"$T/out" 2>"$T/$name.notes"
	expect_eq "$src: imported" "$?" 0
	expect_same "$src: every decision, in full" "$T/$name.notes" "$P/$name.notes"
	# the source's hash is the file's own: sha256sum agrees
	sum=$(sha256sum "$T/$src" | cut -c1-64)
	expect_has "$src: the source and its SHA-256 recorded" "$T/$name.yaml" "$sum"
	expect_same "$src: the report, figure by figure, and where each came from" \
		"$T/$name.yaml" "$P/$name.golden"
}

# one cell a line, rows between blank lines (text copied from a page): the
# 通州 sample, header, figures and texts exactly as reports/guoyuan-2020.yaml
imported cells --text cells-2020.txt
run "$NIANBAO" diff "$SRCDIR/reports/guoyuan-2020.yaml" "$T/cells.yaml"
expect_rc "the sample exactly, every figure, the header and the texts" 0
expect_eq "no difference listed" "$(cat "$T/out")" ""

# | between cells, a 2021 report: 本年废纸件数, 规范性文件, 2019 columns in
# 表二, 件 and 元 in cells, —, 三三、, 钩稽关系, a single （六）其他处理, a
# printed total that disagrees with its parts
imported pipes --text pipes-2021.txt
# pdftotext -layout, a 2019 report: 自 然 人, labels wrapped, figures on
# the line after their label, -3- inside the table, 2笔 and 万元, 表四
# missing
imported layout --text layout-2019.txt
# pdftotext -layout of a 2021-format report: 表三's groups beside their
# rows, labels wrapped with their figures on the next line, 表四's headings
# over two lines; its printed （七）总计 disagrees with its parts
imported layout22 --text layout-2022.txt
run "$NIANBAO" check "$T/layout22.yaml"
expect_eq "exactly its four errors: two printed totals, two balances" \
	"$(grep -c ': error: ' "$T/out")" 4
# a paragraph's heading （二）主动公开政府信息情况 in 一、总体情况 is no table's
sed 's/^   （一）主动公开。全年公开信息１２０条。$/&\n   （二）主动公开政府信息情况\n   全年新制发规范性文件1件。/' \
	"$P/layout-2022.txt" >"$T/sub-page.txt"
run "$NIANBAO" import --text "$T/sub-page.txt" -o "$T/sub.yaml"
expect_eq "no decision for it" "$(grep -vc '^nianbao import' "$T/err")" 0
expect_has "it stays in the overview" "$T/sub.yaml" "    （二）主动公开政府信息情况"
# the year in Chinese numerals, 年度 after it
sed 's/某某市生态环境局2022年政府信息公开/某某市生态环境局二〇二二年度政府信息公开/' \
	"$P/layout-2022.txt" >"$T/cjk-page.txt"
run "$NIANBAO" import --text "$T/cjk-page.txt" -o "$T/cjk.yaml"
expect_has "二〇二二年度: the year 2022" "$T/cjk.yaml" "  year: 2022"
expect_has "and the organ before it" "$T/cjk.yaml" "  organ: 某某市生态环境局"
# a page saved from Word, GB2312 declared: rowspan and colspan, &nbsp;,
# <!--[if !supportLists]-->, spans, a heading over <br>, 1,234
imported word --html word-2021.html
# the same page saved again by a browser: UTF-8 now, gb2312 still declared
iconv -f GB18030 -t UTF-8 "$P/word-2021.html" >"$T/resaved.html"
run "$NIANBAO" import --html "$T/resaved.html" -o "$T/resaved.yaml"
run "$NIANBAO" diff "$T/word.yaml" "$T/resaved.yaml"
expect_rc "read as the UTF-8 it is: the same report" 0
# the same page as saved with its site around it (a path of links, an
# index number, the site's footer) and a title that starts 关于2021年: the
# site is left out and said, the organ found after the year
imported chrome --html chrome-2021.html
expect_has "the organ from 关于2021年某某局…" "$T/chrome.yaml" "organ: 河西区文化和旅游局"

# check without importing: a line for each report, then the problems by
# the line of the page they are on
(cd "$P" && "$NIANBAO" check --text cells-2020.txt pipes-2021.txt layout-2019.txt) >"$T/out" 2>"$T/err"
expect_eq "check --text: errors found (exit 1)" "$?" 1
expect_same "check --text: the summary and every problem" "$T/out" "$P/check-text.golden"
(cd "$P" && "$NIANBAO" check --html word-2021.html) >"$T/out" 2>"$T/err"
expect_same "check --html: the summary and every problem" "$T/out" "$P/check-html.golden"
run "$NIANBAO" check --text --csv "$P/pipes-2021.txt"
expect_has "--csv: the file, organ and year columns" "$T/out" \
	"file,organ,year,severity,check,table,row,column,message"
expect_has "--csv: a problem with its document's organ and year" "$T/out" \
	"pipes-2021.txt,河西区市场监督管理局,2021,error,stored_total,"
expect_eq "--csv: one line a problem, with the header" "$(wc -l <"$T/out")" 16
# --series of published pages: the header names the columns its rows have
run "$NIANBAO" check --series --text --csv "$P/pipes-2021.txt" "$P/layout-2022.txt"
expect_eq "--series --text --csv: organ and year in the header" "$(head -1 "$T/out" | tr -d '\r')" \
	"file,organ,year,severity,check,table,row,column,message"
expect_has "and in its rows" "$T/out" "layout-2022.txt,某某市生态环境局,2022,warning,in_force_continues,"
# --xlsx BOOK: a sheet of documents and a sheet of problems
run "$NIANBAO" check --text "$P/pipes-2021.txt" "$P/layout-2019.txt" --xlsx "$T/docs.xlsx"
expect_rc "check --text --xlsx: the documents' errors (exit 1)" 1
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
	/usr/bin/python3 -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb:
    rows = list(ws.iter_rows(values_only=True))
    print(ws.title, len(rows) - 1)
    for r in rows[:2]:
        print("|".join("" if v is None else str(v) for v in r))
' "$T/docs.xlsx" >"$T/book" 2>&1
	expect_has "a sheet of the two documents" "$T/book" "文件 2"
	expect_has "each with its organ, year, form, counts and decisions" "$T/book" \
		"pipes-2021.txt|河西区市场监督管理局|2021|gov-info-2021|2|13|13|25"
	expect_has "a sheet of their 27 problems" "$T/book" "问题 27"
	expect_has "each with its document" "$T/book" \
		"pipes-2021.txt|河西区市场监督管理局|2021|error|stored_total|"
else
	skip "python3-openpyxl is not installed (it reads the workbook back)"
fi
run "$NIANBAO" check --text "$P/pipes-2021.txt" --xlsx "$T/pipes.yaml.x" --series
expect_rc "--xlsx with --series: refused" 2
# check on an imported report names the line of the page beside each problem
run "$NIANBAO" check "$T/pipes.yaml"
expect_has "the page's line beside a problem" "$T/out" \
	"the page prints 22 here, but its parts add up to 21 [stored_total] (pipes-2021.txt line 48)"

# a series of published pages: the same breaks as the reports themselves,
# at the pages' lines; a page that is no report is said and left out
for y in 2020 2021 2022; do
	"$NIANBAO" render "$TESTDATA/series/$y.yaml" -o "$T/page$y.txt" 2>/dev/null
done
printf 'nothing here\n' >"$T/page2019.txt"
(cd "$T" && "$NIANBAO" check --series --text page2022.txt page2019.txt page2020.txt \
	page2021.txt) >"$T/out" 2>"$T/err"
expect_eq "a page that is no report: exit 2 all the same" "$?" 2
expect_eq "the two breaks planted, no more" "$(wc -l <"$T/out")" 2
expect_has "结转, 2021 against 2020, at the page's line" "$T/out" \
	"page2021.txt:69: error: 三、收到和处理政府信息公开申请情况, row 二、上年结转政府信息公开申请数量, column 法人或其他组织 / 商业企业: 2021 against 2020: 本年 1，按上年报告应为 0，差 1：二、上年结转政府信息公开申请数量应等于上年报告的四、结转下年度继续办理 [carried_forward]"
expect_has "现行有效件数, 2022 against 2021" "$T/out" \
	"page2022.txt:25: warning: 二、主动公开政府信息情况, row 第二十条第（一）项 / 规章, column 现行有效件数: 2022 against 2021: 本年 9，按上年报告应为 6，差 3：现行有效件数应等于上年报告的现行有效件数加本年制发件数减本年废止件数 [in_force_continues]"
expect_has "the page left out is named" "$T/err" "page2019.txt left out of the series"
expect_has "the others counted" "$T/err" "3 reports, 2020 to 2022: 1 error, 1 warning between years"

# many pages on a terminal: a progress line on standard error; none when
# standard error is not a terminal
(cd "$T" && "$NIANBAO" check --text page2020.txt page2021.txt page2022.txt) >"$T/out" 2>"$T/err"
expect_lacks "no progress line into a file" "$T/err" "files in"
if command -v script >/dev/null 2>&1; then
	(cd "$T" && script -qec "'$NIANBAO' check --text page2020.txt page2021.txt page2022.txt >/dev/null" \
		/dev/null) >"$T/tty" 2>&1
	expect_has "on a terminal: files done of all, the rate, time left" "$T/tty" "2 of 3 files, "
	expect_has "and the end" "$T/tty" "3 files in "
else
	not_ok "script (util-linux) is needed to give check a terminal"
fi

# tabs between cells, and a page in GBK that declares no encoding
printf '某某镇人民政府2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t1\t4\n' >"$T/tabs-page.txt"
run "$NIANBAO" import --text "$T/tabs-page.txt" -o "$T/tabs.yaml"
expect_has "tab-separated: 自然人 3" "$T/tabs.yaml" "      natural: 3"
expect_has "tab-separated: 其他 1" "$T/tabs.yaml" "      org_other: 1"
printf '<html><body><p>\xc4\xb3\xc4\xb3\xd5\xf2\xc8\xcb\xc3\xf1\xd5\xfe\xb8\xae2022\xc4\xea\xd5\xfe\xb8\xae\xd0\xc5\xcf\xa2\xb9\xab\xbf\xaa\xb9\xa4\xd7\xf7\xc4\xea\xb6\xc8\xb1\xa8\xb8\xe6</p><table><tr><td>\xd2\xbb\xa1\xa2\xb1\xbe\xc4\xea\xd0\xc2\xca\xd5\xd5\xfe\xb8\xae\xd0\xc5\xcf\xa2\xb9\xab\xbf\xaa\xc9\xea\xc7\xeb\xca\xfd\xc1\xbf</td><td>5</td><td>1</td></tr></table></body></html>' >"$T/gbk.html"
run "$NIANBAO" import --html "$T/gbk.html" -o "$T/gbk.yaml"
expect_rc "an undeclared GBK page is read" 0
expect_has "its organ from the title" "$T/gbk.yaml" "organ: 某某镇人民政府"
expect_has "its figures by their label" "$T/gbk.yaml" "      business: 1"

# --strict refuses instead of deciding, and writes nothing
run "$NIANBAO" import --strict --text "$P/pipes-2021.txt" -o "$T/strict.yaml"
expect_rc "--strict refuses a page it would have to decide on" 2
expect_has "and names each decision" "$T/err" \
	"pipes-2021.txt:10: error: --strict: label 本年废纸件数 read as 本年废止件数: a character or two differ"
expect_absent "no report written" "$T/strict.yaml"
run "$NIANBAO" import --strict --text "$P/cells-2020.txt" -o "$T/strict.yaml"
expect_rc "--strict takes a page that needs no decision" 0
# --form: the form given, not the best fit
run "$NIANBAO" import --text "$P/cells-2020.txt" --form gov-info-2019 -o "$T/form.yaml"
expect_has "--form is kept" "$T/form.yaml" "form: gov-info-2019"
expect_has "the rows it lacks are said" "$T/err" "text 行政检查"

# the page is never overwritten by the report or its rendering
cp "$P/pipes-2021.txt" "$T/r.txt"
run "$NIANBAO" import --text "$T/r.txt" -o "$T/r.yaml"
expect_rc "a rendering that would replace the page is refused" 2
expect_has "and said" "$T/err" "is the file being imported"
expect_same "the page is untouched" "$T/r.txt" "$P/pipes-2021.txt"

# hostile input: invalid UTF-8 that is no GB18030 either, no tables at all,
# a missing file: one message, a non-zero exit, nothing written
printf '\xff\xfe\xff\n' >"$T/bad-page.txt"
run "$NIANBAO" import --text "$T/bad-page.txt" -o "$T/bad.yaml"
expect_rc "invalid text refused" 2
expect_has "with its line and column" "$T/err" "bad-page.txt:1:1: error: not UTF-8 (nor GB18030)"
expect_absent "nothing written" "$T/bad.yaml"
printf 'hello\nworld\n' >"$T/none-page.txt"
run "$NIANBAO" import --text "$T/none-page.txt" -o "$T/none.yaml"
expect_rc "a text without a report's tables refused" 2
expect_has "said so" "$T/err" "no figure of a report's tables found"
run "$NIANBAO" import --html "$T/missing.html" -o "$T/m.yaml"
expect_rc "a missing page" 2
expect_has "named" "$T/err" "missing.html: error: No such file or directory"

# many pages in one run share the forms prepared once: each page's problems
# and summary are those it has checked alone, whatever came before it
P="$TESTDATA/published"
: >"$T/alone"
for f in "$P/layout-2019.txt" "$P/cells-2020.txt" "$P/pipes-2021.txt" "$P/layout-2022.txt"; do
	"$NIANBAO" check --text "$f" >>"$T/alone" 2>/dev/null
done
"$NIANBAO" check --text "$P/layout-2019.txt" "$P/cells-2020.txt" "$P/pipes-2021.txt" \
	"$P/layout-2022.txt" >"$T/together" 2>/dev/null
sort "$T/alone" >"$T/alone.sorted"
sort "$T/together" >"$T/together.sorted"
expect_same "check --text of four pages in one run: what each says alone" "$T/alone.sorted" \
	"$T/together.sorted"
expect_eq "and it says something" "$(grep -c 'form gov-info' "$T/together")" 4
for f in "$P/word-2021.html" "$P/chrome-2021.html"; do
	"$NIANBAO" check --html "$f" >>"$T/alone-html" 2>/dev/null
done
"$NIANBAO" check --html "$P/word-2021.html" "$P/chrome-2021.html" >"$T/together-html" 2>/dev/null
sort "$T/alone-html" >"$T/a.sorted"
sort "$T/together-html" >"$T/t.sorted"
expect_same "check --html of two pages in one run: the same" "$T/a.sorted" "$T/t.sorted"
# figures that ran together, as text copied from many pages holds them:
# read as the row's cells when one reading adds up or the digits are as
# many as the cells, each reading said; two readings leave the row blank
runtogether() { # ROW REPLACEMENT: layout-2022.txt with that row's figures replaced
	awk -v row="$1" -v with="$2" 'index($0, row) { print "   " row " " with; next } { print }' \
		"$P/layout-2022.txt" >"$T/crawl.txt"
	run "$NIANBAO" import --text "$T/crawl.txt" -o "$T/rt.yaml" --force
}
new=一、本年新收政府信息公开申请数量
runtogether "$new" "160 02 0 018"
expect_has "160 02 0 018: the one reading whose total adds up, said" "$T/err" \
	"crawl.txt:29: 160 02 0 018 read as 16 0 0 2 0 0 18, the one reading whose totals add up: $new"
expect_eq "and placed, 自然人 to 总计" \
	"$(sed -n '/^    new:/,/total:/p' "$T/rt.yaml" | tr -d ' \n')" \
	"new:natural:16business:0research:0nonprofit:2legal:0org_other:0total:18"
runtogether "$new" "1000001"
expect_has "1000001: one digit a cell, said" "$T/err" \
	"crawl.txt:29: 1000001 read as 1 0 0 0 0 0 1, one digit a cell: $new"
expect_has "never one number for the row" "$T/rt.yaml" "      natural: 1"
expect_lacks "not a million" "$T/rt.yaml" "1000001"
runtogether "$new" "1 0 0 0 0 01"
expect_has "1 0 0 0 0 01: a figure with a leading 0 read as cells" "$T/err" \
	"1 0 0 0 0 01 read as 1 0 0 0 0 0 1, one digit a cell"
# a reading forced by the count whose total disagrees: kept, and check
# finds the report's own error
runtogether "$new" "9000008"
expect_has "9000008: forced by the count" "$T/err" "9000008 read as 9 0 0 0 0 0 8, one digit a cell"
run "$NIANBAO" check "$T/rt.yaml"
expect_has "check finds its total wrong" "$T/out" "总计"
expect_rc "check fails on it" 1
# two readings add up: the row left blank, both listed
runtogether "$new" "31211 20129"
expect_has "31211 20129: both readings listed, the row left blank" "$T/err" \
	"31211 20129 could be read 2 ways whose totals add up (3 12 1 12 0 1 29 / 3 12 11 2 0 1 29); left blank: $new"
expect_eq "nothing placed in the row" \
	"$(sed -n '/^    new:/,/total:/p' "$T/rt.yaml" | grep -c ': ~$')" 7
# none adds up and the digits are more than the cells: blank, said
runtogether "$new" "160 02 0 019"
expect_has "160 02 0 019: no reading adds up, said" "$T/err" \
	"160 02 0 019 cannot be read as the row's 7 figures so that its totals add up; left blank: $new"
# a row printed with a blank left out, its figures adding up: as printed
runtogether "$new" "15 3 18"
expect_lacks "15 3 18: read as printed" "$T/err" "15 3 18 read as"
# labels and the heading over them cut by narrow cells (行政规, 范性文 and 件
# below it; 信息内 and 容): a row whose label begins so, when only one does,
# its figures by their places under the headings; 行政, the beginning of
# five rows' labels, is not guessed
run "$NIANBAO" import --text "$P/narrow-2021.txt" -o "$T/narrow.yaml"
expect_rc "narrow cells: read (exit 0)" 0
expect_eq "行政规…: the row 行政规范性文件, its blank kept where it stands" \
	"$(sed -n '/^      normative:/,/in_force/p' "$T/narrow.yaml" | tr -d ' \n')" \
	"normative:issued:2repealed:~in_force:14"
expect_eq "信息内 / 容: the headings read, no column taken for 容" \
	"$(grep -c '容' "$T/err")" 0
expect_has "行政: not guessed, said" "$T/err" \
	"narrow-2021.txt:14: figure 4 in 二、主动公开政府信息情况 not placed: no row label before it"
# a column's heading over three lines (本年新制作数 / 量) whose first line
# stands above 信息内容 (nianbao-read's text of a browser's print of the 通州
# sample with narrow label columns): the headings begun by the block's title
run "$NIANBAO" import --text "$P/narrow-tongzhou.txt" -o "$T/narrow-tz.yaml"
expect_rc "a heading above 信息内容: read (exit 0)" 0
"$NIANBAO" diff "$SRCDIR/reports/guoyuan-2020.yaml" "$T/narrow-tz.yaml" 2>/dev/null |
	grep -v '^prose ' >"$T/d"
expect_eq "a heading above 信息内容: every figure" "$(cat "$T/d")" ""
# a 表三 with blank cells printed as nothing, a page of it with no full
# row (nianbao-read's text of a browser's print of a report with blanks):
# each figure under the figures of the last full row above, not from the
# left (四、结转下年度继续办理's 2 went to 商业企业)
run "$NIANBAO" import --text "$P/sparse-2021.txt" -o "$T/sparse.yaml"
expect_rc "blanks printed as nothing: read (exit 0)" 0
"$NIANBAO" diff "$TESTDATA/series/2021.yaml" "$T/sparse.yaml" 2>/dev/null | grep -v '^prose ' >"$T/d"
expect_eq "blanks printed as nothing: every figure in its column" "$(cat "$T/d")" ""
finish
