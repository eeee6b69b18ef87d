# The layers of src/: a file includes only its own layer and those below
# it, by the layer's folder ("model/report.h"), and only the screen
# includes curses. base < model < engine < output, import (siblings) < cli,
# tui (siblings) < main.c. One line a fault: the file, the line, and the
# layer it reached.
. "${SRCDIR:-.}/tests/cli/lib.sh"

rank() {
	case $1 in
	base) echo 0 ;; model) echo 1 ;; engine) echo 2 ;; output | import) echo 3 ;;
	cli | tui | doc) echo 4 ;; main) echo 5 ;; *) echo 99 ;;
	esac
}

# scan ROOT: the faults of ROOT/src, one a line, on standard output
scan() {
	for f in "$1"/src/*.[ch] "$1"/src/*/*.[ch]; do
		[ -f "$f" ] || continue
		rel=${f#"$1"/src/}
		case $rel in */*) layer=${rel%%/*} ;; *) layer=main ;; esac
		mine=$(rank "$layer")
		grep -n '^#include "' "$f" | while IFS= read -r line; do
			inc=$(printf '%s\n' "$line" | sed 's/^[0-9]*:#include "\([^"]*\)".*/\1/')
			at=${line%%:*}
			[ "$inc" = config.h ] && continue
			case $inc in
			*/*) to=${inc%%/*} ;;
			*)
				echo "src/$rel:$at: includes \"$inc\" without its layer's folder"
				continue
				;;
			esac
			theirs=$(rank "$to")
			if [ "$theirs" -gt "$mine" ] ||
				{ [ "$theirs" -eq "$mine" ] && [ "$to" != "$layer" ]; }; then
				echo "src/$rel:$at: $layer includes $inc, of the layer $to"
			fi
		done
		if [ "$layer" != tui ] && grep -q '^#include <n\{0,1\}curses' "$f"; then
			echo "src/$rel: includes curses outside src/tui"
		fi
	done
}

scan "$SRCDIR" >"$T/faults"
files=$(ls "$SRCDIR"/src/*.[ch] "$SRCDIR"/src/*/*.[ch] | wc -l)
if [ -s "$T/faults" ]; then
	not_ok "every include of src/ goes down the layers ($(wc -l <"$T/faults") faults)"
	diag "$T/faults"
else
	ok "every include of src/ goes down the layers ($files files)"
fi

# the check can fail: planted faults are each found
mkdir -p "$T/p/src/model" "$T/p/src/output" "$T/p/src/import" "$T/p/src/base"
printf '#include "engine/engine.h"\n' >"$T/p/src/model/up.c"
printf '#include "import/import.h"\n' >"$T/p/src/output/side.c"
printf '#include "buf.h"\n' >"$T/p/src/import/bare.c"
printf '#include <curses.h>\n' >"$T/p/src/base/term.c"
printf '#include "base/buf.h"\n#include "model/form.h"\n' >"$T/p/src/import/fine.c"
scan "$T/p" >"$T/planted"
expect_has "a model file including the engine" "$T/planted" "src/model/up.c:1: model includes engine/engine.h, of the layer engine"
expect_has "output including its sibling import" "$T/planted" "src/output/side.c:1: output includes import/import.h, of the layer import"
expect_has "an include without its folder" "$T/planted" 'src/import/bare.c:1: includes "buf.h" without its layer'
expect_has "curses below the screen" "$T/planted" "src/base/term.c: includes curses outside src/tui"
expect_eq "nothing else" "$(wc -l <"$T/planted")" 4
finish
