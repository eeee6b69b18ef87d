# TAP helpers for the command-line tests: each assertion prints one
# "ok N - ..." or "not ok N - ..." line; the plan is printed at the end.
# Expects NIANBAO (the binary), TESTDATA and SRCDIR from the test harness.
set -u
: "${NIANBAO:=$(pwd)/src/nianbao}"
: "${SRCDIR:=$(pwd)}"
: "${TESTDATA:=$SRCDIR/tests/data}"
: "${NIANBAO_FORMS:=$SRCDIR/forms}"
export NIANBAO_FORMS LC_ALL=C.UTF-8
# the messages in English unless a test asks for Chinese (language.sh)
unset LANGUAGE
tap_n=0
tap_failed=0
T=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-cli.XXXXXX")
# recent files and the like stay in the test's folder, not the user's
XDG_STATE_HOME="$T/state"
export XDG_STATE_HOME
trap 'rm -rf "$T"' EXIT

ok() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $1"; }
not_ok() {
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"
}
# skip WHY: an assertion that could not be tried here, said as a skip (not
# a pass); build-and-test counts skips apart
skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n # SKIP $1"
}
diag() { sed 's/^/# /' "$@"; }

# run CMD...: standard output to $T/out, errors to $T/err, status in $rc
run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# expect_rc NAME WANT
expect_rc() {
	if [ "$rc" -eq "$2" ]; then ok "$1 (exit $2)"; else
		not_ok "$1: exit $rc, expected $2"
		diag "$T/err"
	fi
}

# expect_has NAME FILE TEXT: FILE contains the fixed string TEXT
expect_has() {
	if grep -qF -- "$3" "$2"; then ok "$1"; else
		not_ok "$1: '$3' not in $(basename "$2")"
		diag "$2"
	fi
}

expect_lacks() {
	if ! grep -qF -- "$3" "$2"; then ok "$1"; else
		not_ok "$1: '$3' found in $(basename "$2")"
		diag "$2"
	fi
}

# expect_eq NAME GOT WANT
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1: got '$2', expected '$3'"; fi
}

# expect_same NAME FILE1 FILE2: byte-identical
expect_same() {
	if cmp -s "$2" "$3"; then ok "$1"; else
		not_ok "$1: $2 and $3 differ"
		diff "$2" "$3" | head -20 | diag
	fi
}

expect_absent() {
	if [ ! -e "$2" ]; then ok "$1"; else not_ok "$1: $2 was written"; fi
}

# Each form's sample report into $T, as tongzhou.yaml (the 2019 format's
# local variant, the project's own report), s2019.yaml and s2021.yaml.
copy_samples() {
	cp "$SRCDIR/reports/guoyuan-2020.yaml" "$T/tongzhou.yaml"
	cp "$TESTDATA/sample-2019.yaml" "$T/s2019.yaml"
	cp "$TESTDATA/sample-2021.yaml" "$T/s2021.yaml"
}

# Widest line of a file in display columns, CJK counting two.
max_width() { LC_ALL=C.UTF-8 wc -L <"$1" | tr -d ' '; }

finish() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
