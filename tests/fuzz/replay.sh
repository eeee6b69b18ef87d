# Replays every seed corpus file through its harness under AddressSanitizer
# and UBSan (tests/fuzz/replay is built with them): no crash, no leak, no
# undefined behaviour.
. "${SRCDIR:-.}/tests/cli/lib.sh"

replay="${REPLAY:-$(dirname "$NIANBAO")/../tests/fuzz/replay}"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# the readers alone (text_read, html_read) replay the text and html corpora
for h in form report expr csv text html text_read html_read docx pdf; do
	for f in "$SRCDIR/tests/fuzz/corpus/${h%_read}"/*; do
		if "$replay" "$h" "$f" >"$T/out" 2>"$T/err"; then
			ok "$h $(basename "$f")"
		else
			not_ok "$h $(basename "$f")"
			diag "$T/err"
		fi
	done
done
finish
