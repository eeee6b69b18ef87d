#!/bin/sh
# import --pdf and check --pdf: PDFs read back by each character's place
# (poppler, in nianbao-read). Made three ways: nianbao's own render --pdf,
# a browser's print of nianbao's web page (Chromium, kept in
# tests/data/published), and a PDF as an office suite makes one from a
# Word file (LibreOffice from tests/cli/docxmake.py's file: rules as paths,
# text in runs, 表三 cut by a page with its headings repeated, kept there
# too), and both with narrow label columns; each read back figure for
# figure. A scan is said to be one, with
# its pages; what is no PDF refused.
. "${SRCDIR:-.}/tests/cli/lib.sh"
P="$TESTDATA/published"

copy_samples
for s in tongzhou s2019 s2021; do
	"$NIANBAO" render --pdf "$T/$s.yaml" 2>/dev/null
	run "$NIANBAO" import --pdf "$T/$s.pdf" -o "$T/own-$s.yaml"
	expect_rc "$s: render --pdf read back (exit 0)" 0
	run "$NIANBAO" diff "$T/$s.yaml" "$T/own-$s.yaml"
	expect_eq "$s: render --pdf read back: the same report, texts too" "$(cat "$T/out")" ""
	sum=$(sha256sum "$T/$s.pdf" | cut -c1-64)
	expect_has "$s: the PDF and its own SHA-256 recorded" "$T/own-$s.yaml" "$sum"
done

# the same in every locale: plain C, and a Chinese one this machine may
# lack (the helper reads characters as UTF-8 all the same)
LC_ALL=C "$NIANBAO" import --pdf "$T/s2021.pdf" -o "$T/c-locale.yaml" 2>/dev/null
run "$NIANBAO" diff "$T/s2021.yaml" "$T/c-locale.yaml"
expect_eq "LC_ALL=C: the same report" "$(cat "$T/out")" ""
LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN "$NIANBAO" import --pdf "$T/s2021.pdf" -o "$T/zh-locale.yaml" \
	2>"$T/zh-err"
run "$NIANBAO" diff "$T/s2021.yaml" "$T/zh-locale.yaml"
expect_eq "LC_ALL=zh_CN.UTF-8: the same report" "$(cat "$T/out")" ""

# a browser's print of the 2021 sample's web page: its cells' text does
# not keep its columns in pdftotext -layout, but does here
cp "$P/chrome-print-2021.pdf" "$T/chrome.pdf"
run "$NIANBAO" import --pdf "$T/chrome.pdf" -o "$T/chrome.yaml"
expect_rc "a browser's print (exit 0)" 0
run "$NIANBAO" diff "$T/s2021.yaml" "$T/chrome.yaml"
expect_eq "a browser's print: every figure, the header and the texts" "$(cat "$T/out")" ""
if command -v pdftotext >/dev/null; then
	pdftotext -layout "$T/chrome.pdf" "$T/chrome-layout.txt"
	"$NIANBAO" import --text "$T/chrome-layout.txt" -o "$T/layout.yaml" 2>/dev/null
	wrong=$("$NIANBAO" diff "$T/s2021.yaml" "$T/layout.yaml" 2>/dev/null | grep -c ': [0-9]* -> ')
	expect_eq "where pdftotext -layout's text gets figures wrong ($wrong)" \
		"$([ "$wrong" -gt 10 ] && echo yes)" yes
fi

# an office suite's PDF of a Word file (its paragraphs carry no
# indentation, so two of them may read as one: the texts are not compared),
# and PDFs with narrow label columns, as many offices set them: a long label
# over two to seven lines of its cell, figures beside its middle line or its
# first, a group's label （三） running into its rows' (4.保护第三方, no gap
# between: parted where the rows' labels begin) and the heading 信息内容 cut
# to 信息内. A browser's print of each form's web page with narrow label
# columns (the 2019 form's with every cell centred) and an office suite's
# PDF of a Word file with them (docxmake.py --narrow, LibreOffice): every
# figure and the header
for f in office-2019:s2019 office-tongzhou:tongzhou office-narrow-2021:s2021 \
	chrome-narrow-2021:s2021 chrome-centered-2019:s2019 chrome-narrow-tongzhou:tongzhou; do
	r=${f#*:} f=${f%%:*}
	cp "$P/$f.pdf" "$T/$f.pdf"
	run "$NIANBAO" import --pdf "$T/$f.pdf" -o "$T/$f.yaml"
	expect_rc "$f: read (exit 0)" 0
	"$NIANBAO" diff "$T/$r.yaml" "$T/$f.yaml" 2>/dev/null | grep -v '^prose ' >"$T/d"
	expect_eq "$f: every figure and the header" "$(cat "$T/d")" ""
done

# a running head and foot (the organ's name, 第 N 页) on every page, as an
# office's template puts them: left out but for the first page's head
cp "$P/office-running-2019.pdf" "$T/running.pdf"
"$(dirname "${NIANBAO_REAL:-$NIANBAO}")/nianbao-read" pdf "$T/running.pdf" >"$T/running.txt"
expect_eq "the running head kept once, on the first page" \
	"$(grep -c '示例机关政府信息公开专栏' "$T/running.txt")" 1
expect_eq "no 第 N 页 left" "$(grep -c '第 *[0-9][0-9]* *页' "$T/running.txt")" 0
run "$NIANBAO" import --pdf "$T/running.pdf" -o "$T/running.yaml"
expect_lacks "the head not among the decisions" "$T/err" "示例机关政府信息公开专栏"
"$NIANBAO" diff "$T/s2019.yaml" "$T/running.yaml" 2>/dev/null | grep -v '^prose ' >"$T/d"
expect_eq "every figure and the header" "$(cat "$T/d")" ""

# check --pdf of several: a line each, the report's own error found
run "$NIANBAO" check --pdf "$T/s2021.pdf" "$T/chrome.pdf" "$T/office-2019.pdf"
expect_rc "check --pdf: the 2021 sample's errors" 1
expect_eq "a line for each PDF" "$(grep -c ': 示例' "$T/out")" 3
expect_has "the balance broken in the 2021 sample, found" "$T/out" "chrome.pdf:"

# a scan: said, with its pages; no PDF: said
/usr/bin/python3 "$SRCDIR/tests/cli/scanpdf.py" "$T/scan.pdf" 3 2>/dev/null ||
	python3 "$SRCDIR/tests/cli/scanpdf.py" "$T/scan.pdf" 3
run "$NIANBAO" import --pdf "$T/scan.pdf" -o "$T/scan.yaml"
expect_rc "a scan: refused" 2
expect_has "said to be a scan, with its pages" "$T/err" \
	"scan.pdf: error: a scan: its pages hold no text, only images (nianbao reads no images); 3 pages"
expect_absent "nothing written" "$T/scan.yaml"
LANGUAGE=zh_CN "$NIANBAO" check --pdf "$T/scan.pdf" 2>"$T/zh-scan"
expect_has "said in Chinese, the file named once" "$T/zh-scan" \
	"scan.pdf: 错误: 这是扫描件：页面上只有图像，没有文字（nianbao 不识别图像）；共 3 页"
printf 'not a pdf' >"$T/fake.pdf"
run "$NIANBAO" check --pdf "$T/fake.pdf"
expect_rc "no PDF: refused" 2
expect_has "said" "$T/err" "fake.pdf: error: not a PDF nianbao can read (a damaged file, or no PDF)"
# several read in one run of nianbao-read: each its own line or reason
run "$NIANBAO" check --pdf "$T/scan.pdf" "$T/s2021.pdf" "$T/fake.pdf" "$T/office-2019.pdf"
expect_rc "a scan and no PDF among them: unusable" 2
expect_has "the scan said, in its place" "$T/err" "scan.pdf: error: a scan: its pages hold no text"
expect_has "no PDF said" "$T/err" "fake.pdf: error: not a PDF nianbao can read"
expect_eq "the two PDFs read, a line each" "$(grep -c ': 示例' "$T/out")" 2
# nianbao itself never loads poppler
if command -v ldd >/dev/null; then
	ldd "${NIANBAO_REAL:-$NIANBAO}" >"$T/libs"
	expect_lacks "nianbao is not linked with poppler" "$T/libs" "poppler"
fi
finish
