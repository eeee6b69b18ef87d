# One problem list: a roll-up whose part changed after summing gives the
# same exit status and the same problems in check, check --csv, the editing
# screen's title and F3 (in Chinese, at 80x24).
. "${SRCDIR:-.}/tests/tui/lib.sh"
S="$TESTDATA/sum"
cp "$S/a.yaml" "$S/b.yaml" "$T/"
cd "$T" || exit 2
"$NIANBAO" sum a.yaml b.yaml -o total.yaml --organ 某某区政务公开办 >/dev/null 2>&1
sed -i 's/new: {natural: 6,/new: {natural: 9,/; s/total: 7}/total: 10}/' b.yaml

run "$NIANBAO" check total.yaml
expect_rc "check: a changed part is an error" 1
errors=$(sed -n 's/^total.yaml: \([0-9]*\) errors\{0,1\}, .*/\1/p' "$T/err")
warnings=$(sed -n 's/^total.yaml: [0-9]* errors\{0,1\}, \([0-9]*\) warnings\{0,1\}.*/\1/p' "$T/err")
expect_eq "check counts the part and the cell that moved" "$errors" 2
grep -o '\[rollup_[a-z]*\]' "$T/out" | sort | uniq -c >"$T/ids-text"
expect_eq "check lists them: the part and the cell" "$(tr -s ' ' <"$T/ids-text" | tr '\n' ';')" \
	" 1 [rollup_part]; 1 [rollup_sum];"

run "$NIANBAO" check --csv total.yaml
expect_rc "check --csv: the same exit status" 1
grep -o ',rollup_[a-z]*,' "$T/out" | sort | uniq -c >"$T/ids-csv"
expect_eq "check --csv: the same problems" "$(tr -s ' ' <"$T/ids-csv" | tr -d ',' | tr '\n' ';')" \
	" 1 rollup_part; 1 rollup_sum;"

tui_start 80 24 "$T/total.yaml" LANGUAGE=zh_CN
tui_expect "the title counts them as check does" "错误 $errors  警告 $warnings"
tui_keys F3
tui_expect "F3 says the same count" "错误 $errors 个，警告 $warnings 个"
# the roll-up's problems come last, as check lists them
tui_keys End
tui_expect "F3 lists the part" "错误 组成部分 b.yaml（乙镇人民政府）在汇总之后有改动"
tui_expect "and a cell that moved, both figures" "各组成部分现在合计为 13"
# mended in the screen: the cell made the sum again, its problem is gone at
# once (the parts are not read again), the part's own stays
tui_keys Enter 1 3 Enter F3 End
tui_expect "F3: the part's problem stays" "错误 组成部分 b.yaml（乙镇人民政府）在汇总之后有改动"
tui_expect_not "F3: the mended cell's is gone" "各组成部分现在合计为"
tui_keys Escape F10 d
tui_exited "quit" 0
finish
