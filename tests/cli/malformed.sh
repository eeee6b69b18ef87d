# Bad input never crashes and never writes: every malformed report and form
# in tests/data gives one message naming file:line:column, exit 2, and no
# output file. tests/data/bad.list says what each must give.
. "${SRCDIR:-.}/tests/cli/lib.sh"

while read -r kind name pos frag; do
	if [ "$kind" = report ]; then
		file="$TESTDATA/bad-reports/$name.yaml"
		before=$(cksum <"$file")
		run "$NIANBAO" check "$file"
		expect_rc "$name: check refuses it" 2
		expect_has "$name: message at $pos" "$T/err" "$file:$pos: error: $frag"
		expect_eq "$name: one message" "$(wc -l <"$T/err" | tr -d ' ')" 1
		run "$NIANBAO" render -o "$T/out.txt" "$file"
		expect_rc "$name: render refuses it" 2
		expect_absent "$name: render wrote nothing" "$T/out.txt"
		run "$NIANBAO" export --csv -o "$T/out.csv" "$file"
		expect_absent "$name: export wrote nothing" "$T/out.csv"
		expect_eq "$name: the file is untouched" "$(cksum <"$file")" "$before"
	else
		file="$TESTDATA/bad-forms/$name.yaml"
		run env NIANBAO_FORMS="$TESTDATA/bad-forms:$NIANBAO_FORMS" "$NIANBAO" new --form "$name" -o "$T/new.yaml"
		expect_rc "$name: the form is refused" 2
		expect_has "$name: message at $pos" "$T/err" "$file:$pos: error: $frag"
		expect_absent "$name: nothing written" "$T/new.yaml"
	fi
done <"$TESTDATA/bad.list"
expect_eq "at least 30 malformed files were tried" "$(awk 'END { print (NR >= 30) }' "$TESTDATA/bad.list")" 1
finish
