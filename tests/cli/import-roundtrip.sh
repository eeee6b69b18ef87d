# Every rendering nianbao writes imports back to the same report: each
# width, box rules and ASCII, paged with footers, marked, in GB18030.
. "${SRCDIR:-.}/tests/cli/lib.sh"

for rep in "$SRCDIR/reports/guoyuan-2020.yaml" "$TESTDATA/series/2020.yaml" \
	"$TESTDATA/series/2021.yaml" "$TESTDATA/series/2022.yaml"; do
	base=$(basename "$rep" .yaml)
	for w in 50 80 132; do
		for style in "" "--ascii" "--page-lines 30 --footer" "--mark" "--encoding gb18030"; do
			name="$base-$w$(echo "$style" | tr -d ' -')"
			# shellcheck disable=SC2086 # the style is words
			"$NIANBAO" render "$rep" -o "$T/page-$name.txt" --width "$w" $style 2>"$T/err"
			"$NIANBAO" import --text "$T/page-$name.txt" -o "$T/$name.yaml" 2>"$T/notes"
			"$NIANBAO" diff "$rep" "$T/$name.yaml" >"$T/out" 2>&1
			if [ $? -eq 0 ]; then ok "$name: the same report back"; else
				not_ok "$name: differs"
				diag "$T/out"
				diag "$T/notes"
			fi
		done
	done
done
# a rendering needs no decision but a date its report does not have
"$NIANBAO" import --text "$T/page-guoyuan-2020-80.txt" -o "$T/again.yaml" 2>"$T/notes"
expect_eq "the sample's rendering: no decision" \
	"$(grep -c -v '^nianbao import:' "$T/notes")" 0
finish
