# Runs each libFuzzer harness for a short, bounded time (FUZZ_SECONDS, 5 by
# default) from its seed corpus; any crash, leak or sanitizer report fails.
# Needs clang with libFuzzer (Debian: clang, libclang-rt-14-dev), which
# build-and-test installs.
. "${SRCDIR:-.}/tests/cli/lib.sh"

seconds=${FUZZ_SECONDS:-5}
if ! command -v "${CLANG:-clang}" >/dev/null 2>&1; then
	# skipped, not failed: without clang there is no libFuzzer to run
	# (the TAP form of automake's exit status 77)
	echo "1..0 # SKIP clang is not installed (apt-get install clang libclang-rt-14-dev)"
	exit 0
fi
harnesses="form report expr csv text html"
if sh "$SRCDIR/tests/fuzz/build.sh" "$SRCDIR" "$T" $harnesses 2>"$T/err"; then
	ok "the harnesses build with libFuzzer (tests/fuzz/build.sh)"
else
	not_ok "the harnesses build with libFuzzer (tests/fuzz/build.sh)"
	diag "$T/err"
	finish
	exit
fi
# the sanitizers as a fuzzing run has them (tests/fuzz/README)
export ASAN_OPTIONS=malloc_context_size=0:quarantine_size_mb=16
for h in $harnesses; do
	bin="$T/fuzz-$h"
	mkdir -p "$T/corpus-$h"
	cp "$SRCDIR/tests/fuzz/corpus/$h"/* "$T/corpus-$h/"
	case $h in form | report) dict=yaml ;; *) dict=$h ;; esac
	if "$bin" -max_total_time="$seconds" -rss_limit_mb=1024 -print_final_stats=1 \
		-dict="$SRCDIR/tests/fuzz/dict/$dict.dict" -max_len=65536 \
		-artifact_prefix="$T/crash-$h-" "$T/corpus-$h" >"$T/log-$h" 2>&1; then
		execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$T/log-$h" | grep -o '[0-9]*$')
		ok "$h fuzzed for ${seconds}s: $execs runs, no crash"
	else
		not_ok "$h fuzzing found a problem"
		tail -30 "$T/log-$h" | diag
	fi
done
finish
