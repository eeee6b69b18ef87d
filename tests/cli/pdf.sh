#!/bin/sh
# render --pdf: the report as a PDF in the official layout (A4, fonts
# embedded, page numbers), read back by pdftotext -layout and import --text
# figure for figure; its metadata ties it to the report; the rules of every
# output; cairo and pango never in nianbao itself.
. "${SRCDIR:-.}/tests/cli/lib.sh"

if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
	skip "poppler-utils (pdfinfo, pdftotext, pdffonts) is not installed"
	finish
	exit 0
fi

# each form's sample: the 2019 format, its local variant and the 2021 one,
# whose blank (本年废止件数) is read back blank: the figure after it stands
# under its own heading in the text, and is placed by where it stands
copy_samples
for s in tongzhou s2019 s2021; do
	run "$NIANBAO" render --pdf "$T/$s.yaml"
	expect_rc "$s: a PDF made (exit 0)" 0
	expect_has "$s: said where" "$T/err" "$s.pdf written"
	pdfinfo "$T/$s.pdf" >"$T/info" 2>&1
	expect_has "$s: A4" "$T/info" "595.276 x 841.89 pts (A4)"
	pdffonts "$T/$s.pdf" | tail -n +3 >"$T/fonts"
	if [ -s "$T/fonts" ] && ! awk '$(NF-4) != "yes" { bad = 1 } END { exit bad }' "$T/fonts"; then
		not_ok "$s: every font embedded"
		diag "$T/fonts"
	else
		ok "$s: every font embedded"
	fi
	expect_has "$s: a Chinese font among them" "$T/fonts" "CJK"
	# every figure back, through text
	pdftotext -layout "$T/$s.pdf" "$T/$s.txt"
	run "$NIANBAO" import --text "$T/$s.txt" -o "$T/$s-back.yaml"
	expect_rc "$s: its text imported (exit 0)" 0
	run "$NIANBAO" diff "$T/$s.yaml" "$T/$s-back.yaml"
	expect_eq "$s: every figure read back from the PDF's text" "$(cat "$T/out")" ""
	# a page number on every page, — N —
	pages=$(sed -n 's/^Pages: *//p' "$T/info")
	missing=0
	i=1
	while [ "$i" -le "$pages" ]; do
		pdftotext -f "$i" -l "$i" -layout "$T/$s.pdf" - | grep -q "— *$i *—" || missing=$((missing + 1))
		i=$((i + 1))
	done
	expect_eq "$s: a page number on each of its $pages pages" "$missing" 0
done

# the 2021 report's 表三 runs onto a second page: （续表） and its headings
# again there
pdftotext -layout "$T/s2021.pdf" "$T/t"
expect_has "2021: the table continued, said" "$T/t" "（续表）"
expect_eq "2021: 申请人情况 over both parts of 表三" "$(grep -c '申请人情况' "$T/t")" 2

# the metadata: the title, the organ, the report's SHA-256, the fonts
pdfinfo "$T/tongzhou.pdf" >"$T/info"
expect_has "the title in the metadata" "$T/info" "果园街道办事处2020年政府信息公开工作年度报告"
expect_has "the organ as its author" "$T/info" "Author:          果园街道办事处"
sum=$(sha256sum "$T/tongzhou.yaml" | cut -c1-64)
expect_has "the report's SHA-256" "$T/info" "nianbao-sha256=$sum"
expect_has "the fonts it used" "$T/info" "正文="

# hostile text comes out as text
sed -e 's|^    本报告根据条例第五十条编制.*|    见<b>附件</b> \&amp; ]]> 说明|' "$T/s2021.yaml" >"$T/h.yaml"
run "$NIANBAO" render --pdf "$T/h.yaml"
expect_rc "markup in the prose: a PDF all the same (exit 0)" 0
pdftotext "$T/h.pdf" "$T/h.txt"
expect_has "and shown as typed" "$T/h.txt" "见<b>附件</b> &amp; ]]> 说明"

# the rules of every output
cp "$T/s2019.yaml" "$T/keep.yaml"
run "$NIANBAO" render --pdf "$T/s2019.yaml" -o "$T/keep.yaml"
expect_rc "never over a report (exit 2)" 2
expect_same "the report unchanged" "$T/keep.yaml" "$T/s2019.yaml"
printf 'notes\n' >"$T/notes.pdf"
run "$NIANBAO" render --pdf "$T/s2019.yaml" -o "$T/notes.pdf"
expect_rc "another file: kept without --force (exit 2)" 2
expect_eq "and unchanged" "$(cat "$T/notes.pdf")" "notes"
run "$NIANBAO" render --pdf "$T/s2019.yaml" -o "$T/tongzhou.pdf"
expect_rc "a PDF: replaced (exit 0)" 0
run "$NIANBAO" render --pdf "$T/s2019.yaml" -o -
expect_rc "-o -: to standard output (exit 0)" 0
expect_eq "a PDF there" "$(head -c 5 "$T/out")" "%PDF-"
run "$NIANBAO" render --pdf --width 60 "$T/s2019.yaml"
expect_rc "--pdf with a text option: refused (exit 2)" 2
run "$NIANBAO" render --font-body FangSong "$T/s2019.yaml"
expect_rc "a --font- option without --pdf: refused (exit 2)" 2
run "$NIANBAO" render --pdf "$T/none.yaml"
expect_rc "a report that is not there (exit 2)" 2
expect_has "named" "$T/err" "none.yaml"
expect_absent "no PDF made" "$T/none.pdf"

# a --font- option is passed on: the family asked for, where it is there
run "$NIANBAO" render --pdf --font-body "AR PL UKai CN" "$T/s2019.yaml" -o "$T/kai.pdf"
expect_rc "--font-body (exit 0)" 0
expect_has "the body in the family asked for" "$T/err" "body=AR PL UKai CN"

# nianbao itself never loads cairo or pango: a program of its own draws
if command -v ldd >/dev/null; then
	ldd "${NIANBAO_REAL:-$NIANBAO}" >"$T/libs"
	expect_lacks "nianbao links no cairo" "$T/libs" "cairo"
	expect_lacks "nor pango" "$T/libs" "pango"
fi
mkdir -p "$T/alone"
cp "${NIANBAO_REAL:-$NIANBAO}" "$T/alone/nianbao"
run "$T/alone/nianbao" render --pdf "$T/s2019.yaml" -o "$T/alone.pdf"
expect_rc "without the drawing program: exit 2" 2
expect_has "said, with what to install" "$T/err" "libcairo2-dev"

finish
