# nianbao diff: what differs between two reports, by printed labels.
. "${SRCDIR:-.}/tests/cli/lib.sh"
sample="$SRCDIR/reports/guoyuan-2020.yaml"

run "$NIANBAO" diff "$sample" "$sample"
expect_rc "a report against itself: the same" 0
expect_eq "and nothing printed" "$(cat "$T/out")" ""

# one cell changed (its total, computed, follows and is not listed)
awk '!done && /^      natural: 0$/ { print "      natural: 3"; done = 1; next } { print }' \
	"$sample" >"$T/one.yaml"
run "$NIANBAO" diff "$sample" "$T/one.yaml"
expect_rc "one cell differs" 1
expect_eq "exactly that cell, by its labels" "$(cat "$T/out")" \
	"三、收到和处理政府信息公开申请情况, row 一、本年新收政府信息公开申请数量, column 自然人: 0 -> 3"
run "$NIANBAO" diff --csv "$sample" "$T/one.yaml"
expect_eq "as CSV" "$(tr -d '\r' <"$T/out")" "kind,table,row,column,old,new
cell,三、收到和处理政府信息公开申请情况,一、本年新收政府信息公开申请数量,自然人,0,3"

# a header field and a prose line
sed 's/^  year: 2020$/  year: 2021/' "$sample" >"$T/year.yaml"
run "$NIANBAO" diff "$sample" "$T/year.yaml"
expect_eq "a header field by its label" "$(cat "$T/out")" "header 报告年度: 2020 -> 2021"

# a blank against a value, both ways
awk '!done && /^      natural: 0$/ { print "      natural: ~"; done = 1; next } { print }' \
	"$sample" >"$T/blank.yaml"
run "$NIANBAO" diff "$T/blank.yaml" "$sample"
expect_has "a blank is named, not shown as nothing" "$T/out" "column 自然人: blank -> 0"

# two forms: compared where their labels meet, and said so
run "$NIANBAO" diff "$sample" "$TESTDATA/sample-2021.yaml"
expect_rc "reports of two forms differ" 1
expect_has "the organ" "$T/out" "header 机关名称: 果园街道办事处 -> 示例街道办事处"
expect_has "the cells only one form has are counted" "$T/err" "have none of the same labels in the other"

run "$NIANBAO" diff "$sample"
expect_rc "one file is a usage error" 2
run "$NIANBAO" diff "$sample" "$T/none.yaml"
expect_rc "a missing file is unusable" 2
finish
