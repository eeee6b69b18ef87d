# The web page from the editing screen: with --html, saving writes the page
# beside the report and the preview says where.
. "${SRCDIR:-.}/tests/tui/lib.sh"

cp "$TESTDATA/series/2021.yaml" "$T/r.yaml"
TUI_ARGS=--html tui_start 100 30 "$T/r.yaml" LANGUAGE=en
tui_keys F2
tui_expect "saving says the page too" "Saved r.yaml, r.txt and r.html"
"$NIANBAO" render --html "$T/r.yaml" >"$T/want.html" 2>/dev/null
expect_same "the page written is render --html's" "$T/r.html" "$T/want.html"
tui_keys F4
tui_expect "the preview names the page" "Esc back; web page r.html"
tui_keys Escape F10
tui_exited "quit" 0
# without --html, no page
rm -f "$T/r.html"
TUI_ARGS= tui_start 100 30 "$T/r.yaml" LANGUAGE=en
tui_keys F2
tui_expect "saved as before" "Saved r.yaml and r.txt"
tui_keys F10
tui_exited "quit" 0
expect_absent "no page unasked" "$T/r.html"
finish
