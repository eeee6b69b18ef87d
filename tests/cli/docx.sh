#!/bin/sh
# render --docx: the report as a Word file, read back by python-docx: the
# title, every figure in order (against export --csv), the merged headings
# as gridSpan and vMerge, the heading rows that repeat, the East Asian
# fonts, A4; hostile text as text; LibreOffice converts it where it is.
. "${SRCDIR:-.}/tests/cli/lib.sh"

py=/usr/bin/python3
[ -x "$py" ] || py=python3
if ! "$py" -c 'import docx' 2>/dev/null; then
	skip "python3-docx is not installed (the check reads the file with it)"
	finish
	exit 0
fi

copy_samples
for s in tongzhou s2019 s2021; do
	run "$NIANBAO" render --docx "$T/$s.yaml"
	expect_rc "$s: a Word file made (exit 0)" 0
	expect_has "$s: said where" "$T/err" "$s.docx written"
	"$NIANBAO" export --csv "$T/$s.yaml" >"$T/$s.csv"
	title=$("$NIANBAO" render "$T/$s.yaml" | sed -n '/[^ ]/{s/^ *//;p;q}')
	if "$py" "$SRCDIR/tests/cli/docxcheck.py" "$T/$s.docx" "$T/$s.csv" "$title" >"$T/$s.check" 2>&1; then
		ok "$s: the title, every figure in order, headings that repeat"
	else
		not_ok "$s: the title, every figure in order, headings that repeat"
		diag "$T/$s.check"
	fi
	expect_has "$s: A4 with the official margins" "$T/$s.check" \
		"page: 210 x 297 mm, top 37 mm, left 28 mm"
	expect_has "$s: East Asian fonts in the styles" "$T/$s.check" \
		"Heading 1=黑体 Heading 2=楷体_GB2312 Normal=仿宋_GB2312"
done
expect_has "申请人情况 over its seven columns" "$T/s2021.check" "申请人情况=7"
expect_has "法人或其他组织 over its five" "$T/s2021.check" "法人或其他组织=5"
expect_has "三、本年度办理结果 down its rows" "$T/s2021.check" "三、本年度办理结果"

# hostile text comes out as text
sed -e 's|^    本报告根据条例第五十条编制.*|    见<b>附件</b> \&amp; ]]> 说明|' "$T/s2021.yaml" >"$T/h.yaml"
run "$NIANBAO" render --docx "$T/h.yaml"
expect_rc "markup in the prose: a Word file all the same (exit 0)" 0
"$NIANBAO" export --csv "$T/h.yaml" >"$T/h.csv"
"$py" "$SRCDIR/tests/cli/docxcheck.py" "$T/h.docx" "$T/h.csv" \
	"示例街道办事处2021年政府信息公开工作年度报告" >"$T/h.check" 2>&1
expect_has "and shown as typed" "$T/h.check" "|见<b>附件</b> &amp; ]]> 说明|"

# the rules of every output
run "$NIANBAO" render --docx "$T/s2019.yaml" -o "$T/s2021.yaml"
expect_rc "never over a report (exit 2)" 2
expect_same "the report unchanged" "$T/s2021.yaml" "$TESTDATA/sample-2021.yaml"
run "$NIANBAO" render --docx "$T/s2019.yaml" -o "$T/s2021.docx"
expect_rc "a Word file: replaced (exit 0)" 0
run "$NIANBAO" render --docx --font-body FangSong "$T/s2019.yaml"
expect_rc "a font option with --docx: refused (exit 2)" 2

# LibreOffice, where it is installed, converts it to a PDF without complaint
if command -v soffice >/dev/null; then
	(cd "$T" && HOME="$T" soffice --headless --convert-to pdf s2021.docx) >"$T/lo" 2>&1
	if [ -s "$T/s2021.pdf" ] && pdftotext "$T/s2021.pdf" - | grep -q "申请人情况"; then
		ok "LibreOffice converts it to a PDF"
	else
		not_ok "LibreOffice converts it to a PDF"
		diag "$T/lo"
	fi
else
	skip "LibreOffice (soffice) is not installed: the conversion is not tried"
fi

finish
