# Saving is deterministic: a report written twice from the same data is
# byte-identical, and reading then writing it changes nothing.
. "${SRCDIR:-.}/tests/cli/lib.sh"

sample="$SRCDIR/reports/guoyuan-2020.yaml"
"$NIANBAO" export --csv "$sample" >"$T/s.csv"
for i in 1 2; do
	run "$NIANBAO" import --csv "$T/s.csv" --form gov-info-2019-tongzhou -o "$T/r$i.yaml" \
		--organ 果园街道办事处 --year 2020
	expect_rc "import $i" 0
done
expect_same "two saves of the same data are byte-identical" "$T/r1.yaml" "$T/r2.yaml"
expect_same "and so are their renderings" "$T/r1.txt" "$T/r2.txt"
# the sample differs from r1 only in what CSV does not carry: date and prose
sed -e 's/^  date: 2020-12-25$/  date: ~/' "$sample" | awk '
	/^prose:$/ { print; inprose = 1; next }
	/^tables:$/ { inprose = 0 }
	inprose && /^  [a-z]+: / { sub(/: .*/, ": ~"); print; next }
	inprose { next }
	{ print }' >"$T/expected.yaml"
expect_same "the keys come in form order" "$T/r1.yaml" "$T/expected.yaml"
finish
