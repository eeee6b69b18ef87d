#!/bin/sh
# Builds libFuzzer harnesses: tests/fuzz/build.sh SRCDIR OUTDIR HARNESS...
# makes OUTDIR/fuzz-HARNESS for each, with clang, ASan and UBSan. The one
# recipe for make fuzz and make check (smoke.sh). -O2: a tenth faster than
# -O1 under the sanitizers, on the page placer's corpus.
#
# The library (the layers below the views: src/base, model, engine, out
# and import) is compiled
# once for all the harnesses, in two ways: with every comparison traced
# (libFuzzer learns the bytes a comparison wants) and with edge coverage
# only. A harness of the published-report importers (text, html and their
# readers) traces comparisons in the importer's own files, where the
# untrusted bytes are read and placed, but not in importlabel.c, whose
# loops compare every character of every cell with constants the
# dictionary holds (a sixth of each run was spent reporting them); it
# takes the rest (the report loader, the
# engine, hashing, UTF-8 decoding) with edges only: tracing every
# comparison there made each run three times slower, and those parts are
# the report, form and csv harnesses' own, fuzzed with everything traced.
#
# UBSan stops the run at its first finding (-fno-sanitize-recover), so that
# libFuzzer keeps the input as a crash: recovering, it printed one line in a
# run of a million and went on. It runs without its alignment, null,
# pointer-overflow, vptr and
# function checks: ASan stops at a null pointer as a crash already, x86
# reads misaligned words, the code has no C++ and no casts of functions,
# and those checks on every memory access, each a branch the coverage
# counts, made every run a third slower (3.2 ms against 2.1 on the page
# placer's corpus).
set -e
srcdir=$1
out=$2
shift 2
cc=${CLANG:-clang}
sanitizers=${FUZZ_SANITIZE:-address,undefined}
san="-fno-sanitize=alignment,null,pointer-overflow,vptr,function -fno-sanitize-recover=all"
cflags="-g -O2 -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DNIANBAO_FORMDIR=\"/nonexistent\"
	-I$srcdir/src -I$srcdir/tests/fuzz $(pkg-config --cflags libxml-2.0 libzip poppler-glib)
	$(pkg-config --cflags xlsxwriter 2>/dev/null || true)"
libs="-lyaml $(pkg-config --libs libxml-2.0) -ldl"
srcs=$(ls "$srcdir"/src/base/*.c "$srcdir"/src/model/*.c "$srcdir"/src/engine/*.c \
	"$srcdir"/src/output/*.c "$srcdir"/src/import/*.c)
rm -rf "$out/cmp" "$out/edge"
mkdir -p "$out/cmp" "$out/edge"

# compile SRC into DIR with the extra flags, once a run
compile() {
	o="$2/$(basename "$1" .c).o"
	[ -f "$o" ] && return 0
	# shellcheck disable=SC2086
	$cc $cflags $3 -c "$1" -o "$o"
}

for h in "$@"; do
	case $h in
	text | html | text_read | html_read)
		focus="import importfigure importfind importhtml importplace importtext" ;;
	docx | pdf)
		focus="readdocx readpdf" ;;
	*) focus= ;;
	esac
	# the document readers and their libraries for their own harnesses
	extra= xlibs=
	case $h in
	docx | pdf)
		extra="$srcdir/src/doc/readdocx.c $srcdir/src/doc/readpdf.c $srcdir/tests/fuzz/harness-doc.c"
		xlibs="$(pkg-config --libs libzip poppler-glib) -lm"
		;;
	esac
	objs=
	for s in $srcs "$srcdir/tests/fuzz/harness.c" $extra; do
		b=$(basename "$s" .c)
		case " $focus " in
		*" $b "*)
			compile "$s" "$out/cmp" "-fsanitize=fuzzer-no-link,$sanitizers $san"
			objs="$objs $out/cmp/$b.o"
			;;
		*)
			compile "$s" "$out/edge" \
				"-fsanitize=fuzzer-no-link,$sanitizers $san -fno-sanitize-coverage=trace-cmp"
			objs="$objs $out/edge/$b.o"
			;;
		esac
	done
	# shellcheck disable=SC2086
	$cc $cflags -fsanitize=fuzzer,$sanitizers $san -DFUZZ_HARNESS="fuzz_$h" \
		"$srcdir/tests/fuzz/libfuzzer.c" $objs $libs $xlibs -o "$out/fuzz-$h"
done
