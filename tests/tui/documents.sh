# The documents an office files, from the editing screen: with --pdf and
# --docx, saving writes the PDF and the Word file beside the report (drawn
# by nianbao-doc, which the screen runs without its terminal) and says so.
. "${SRCDIR:-.}/tests/tui/lib.sh"

cp "$TESTDATA/series/2021.yaml" "$T/r.yaml"
TUI_ARGS="--pdf --docx" tui_start 100 30 "$T/r.yaml" LANGUAGE=en
tui_keys F2
tui_expect "saving names both" "Saved r.yaml, r.txt and r.pdf, r.docx"
tui_expect_not "nothing of nianbao-doc's on the screen" "fonts:"
tui_keys F10
tui_exited "quit" 0
expect_eq "a PDF beside the report" "$(head -c 5 "$T/r.pdf")" "%PDF-"
expect_eq "a Word file beside it" "$(head -c 2 "$T/r.docx")" "PK"
"$NIANBAO" render --pdf "$T/r.yaml" -o "$T/want.pdf" 2>/dev/null
pdftotext "$T/r.pdf" "$T/got.txt" 2>/dev/null
pdftotext "$T/want.pdf" "$T/want.txt" 2>/dev/null
expect_same "the PDF is render --pdf's" "$T/got.txt" "$T/want.txt"

# at 80×24 in Chinese, the same, the names listed as Chinese lists them
rm -f "$T/r.pdf"
TUI_ARGS="--pdf --docx" tui_start 80 24 "$T/r.yaml" LANGUAGE=zh_CN
tui_keys F2
tui_expect "in Chinese: saved, and the PDF" "已保存 r.yaml、r.txt 和 r.pdf、r.docx"
tui_keys F10
tui_exited "quit" 0
expect_eq "the PDF written" "$(head -c 5 "$T/r.pdf")" "%PDF-"

# --print-pdf: F5 sends the PDF of the report as it stands (an edit not
# saved is in it) to the print command, and leaves nothing behind
printf '#!/bin/sh\ncat >"%s"\n' "$T/printed" >"$T/p.sh"
chmod +x "$T/p.sh"
cp "$TESTDATA/sample-2019.yaml" "$T/q.yaml"
TUI_ARGS="--print-pdf --print-command $T/p.sh" tui_start 100 30 "$T/q.yaml" LANGUAGE=en
tui_keys F5
tui_expect "printed, said" "The PDF printed with $T/p.sh"
tui_keys F10
tui_exited "quit" 0
expect_eq "the print command got a PDF" "$(head -c 5 "$T/printed")" "%PDF-"
pdftotext "$T/printed" "$T/printed.txt" 2>/dev/null
expect_has "the report's title in it" "$T/printed.txt" "工作年度报告"
expect_eq "no temporary left beside the report" "$(ls -A "$T" | grep -c '^\.q\.yaml\|print\.yaml')" 0
finish
