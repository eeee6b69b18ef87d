# sum: the reports of one form and year into a roll-up, exactly; each unit
# checked first; the roll-up checked against its parts later.
. "${SRCDIR:-.}/tests/cli/lib.sh"
S="$TESTDATA/sum"
cp "$S/a.yaml" "$S/b.yaml" "$S/c.yaml" "$T/"
cd "$T" || exit 2

run "$NIANBAO" sum a.yaml b.yaml c.yaml -o total.yaml --organ 某某区政务公开办
expect_rc "three reports summed" 0
expect_has "each unit checked first: c's balance error listed" "$T/out" \
	"c.yaml:13:20: error: 三、收到和处理政府信息公开申请情况, column 自然人: 勾稽关系不平衡：第一项加第二项之和，应等于第三项（七）总计加第四项之和（一+二 = 2，三（七）总计+四 = 1，差 1） [balance]"
expect_has "its count" "$T/err" "c.yaml: 2 errors, 136 warnings"
expect_has "a blank beside numbers: summed without it, the unit named" "$T/err" \
	"warning: 二、主动公开政府信息情况, row 第二十条第（八）项 / 行政事业性收费, column 本年收费金额（单位：万元）: blank in 1 of 3 reports, summed without them: c.yaml"
expect_has "decimals keep their places: 1.5 + 2.25" "$T/total.yaml" "        amount: 3.75"
expect_has "counts: 10 + 7 + 3 现行有效件数" "$T/total.yaml" "        in_force: 20"
expect_has "自然人 of 一、本年新收: 4 + 6 + 2" "$T/total.yaml" "      natural: 12"
expect_has "totals computed: 5 + 7 + 2" "$T/total.yaml" "      total: 14"
expect_eq "blank + blank stays blank" "$(grep -A1 '^    unclear:' "$T/total.yaml" | tail -1)" "      natural: ~"
expect_has "the organ given" "$T/total.yaml" "  organ: 某某区政务公开办"
expect_has "the year of the parts" "$T/total.yaml" "  year: 2022"
expect_eq "three parts recorded" "$(grep -c '^- file:' "$T/total.yaml")" 3
expect_has "each with its organ" "$T/total.yaml" "  organ: 乙镇人民政府"
sum=$(sha256sum b.yaml | cut -c1-64)
expect_has "and the SHA-256 of its file" "$T/total.yaml" "$sum"
expect_has "the rendering beside it" "$T/total.txt" "某某区政务公开办2022年政府信息公开工作年度报告"

# check of the roll-up: the parts at hand and unchanged add nothing
run "$NIANBAO" check total.yaml
expect_lacks "unchanged parts: no roll-up problem" "$T/out" "[rollup_"
# one part changed: named, and every cell that no longer adds up
sed -i 's/new: {natural: 6,/new: {natural: 9,/; s/total: 7}/total: 10}/' b.yaml
run "$NIANBAO" check total.yaml
expect_rc "a changed part is an error" 1
expect_has "the part named" "$T/out" "total.yaml: error: part b.yaml (乙镇人民政府) has changed since it was summed [rollup_part]"
expect_has "the cell that changed, both figures" "$T/out" \
	"error: 三、收到和处理政府信息公开申请情况, row 一、本年新收政府信息公开申请数量, column 自然人: the roll-up has 12, its parts now sum to 15 [rollup_sum]"
# check --csv: the same exit status and the same problems, as rows
grep -c '\[rollup_' "$T/out" >"$T/n-text"
cp "$T/err" "$T/err-text"
run "$NIANBAO" check --csv total.yaml
expect_rc "check --csv: a changed part is an error too" 1
expect_has "the part, a row" "$T/out" \
	"total.yaml,error,rollup_part,,,,part b.yaml (乙镇人民政府) has changed since it was summed"
expect_has "the cell, a row with its table, row and column" "$T/out" \
	"total.yaml,error,rollup_sum,三、收到和处理政府信息公开申请情况,一、本年新收政府信息公开申请数量,自然人,\"the roll-up has 12, its parts now sum to 15\""
expect_eq "as many roll-up problems as check lists" "$(grep -c ',rollup_' "$T/out")" "$(cat "$T/n-text")"
expect_same "and the same count" "$T/err" "$T/err-text"
# a part gone
rm b.yaml
run "$NIANBAO" check total.yaml
expect_has "a missing part is said" "$T/out" "warning: part b.yaml cannot be read (there is no such file): the sums are not checked against it [rollup_part]"
cp "$S/b.yaml" b.yaml

# refused, nothing written: another form, another year
cp "$TESTDATA/series/2020.yaml" other-form.yaml
run "$NIANBAO" sum a.yaml other-form.yaml -o t2.yaml --organ X
expect_rc "another form refused" 2
expect_has "naming the odd file" "$T/err" "other-form.yaml is in form gov-info-2019-tongzhou, a.yaml in gov-info-2021"
expect_absent "nothing written" "$T/t2.yaml"
sed 's/year: 2022/year: 2021/' a.yaml >other-year.yaml
run "$NIANBAO" sum a.yaml b.yaml other-year.yaml -o t3.yaml --organ X
expect_rc "another year refused" 2
expect_has "naming it" "$T/err" "other-year.yaml is for 2021, a.yaml for 2022"
expect_absent "nothing written" "$T/t3.yaml"
# --strict: a unit with errors is not summed
run "$NIANBAO" sum --strict a.yaml b.yaml c.yaml -o t4.yaml --organ X
expect_rc "--strict refuses a unit with errors" 1
expect_has "and says so" "$T/err" "--strict: 1 report with errors, nothing summed"
expect_absent "nothing written" "$T/t4.yaml"
run "$NIANBAO" sum a.yaml b.yaml -o total.yaml --organ X
expect_rc "an existing roll-up is kept" 2
run "$NIANBAO" sum a.yaml -o t5.yaml
expect_rc "--organ is asked for" 2

# a folder of many parts (listed once: no realpath of each): the names the
# roll-up records as they were, for a part in the folder, one through a
# link, one up and across (../), one through a linked folder; each part's
# count before its problems in one stream
mkdir -p many/u many/v
for i in $(seq 10 45); do cp "$S/a.yaml" "many/u/p$i.yaml"; done
cp "$S/c.yaml" many/u/p46.yaml
cp "$S/b.yaml" many/v/q.yaml
cp "$S/a.yaml" many/v/r.yaml
ln -s ../v/q.yaml many/u/link.yaml
ln -s "$T/many/v" many/vlink
(cd many/u && "$NIANBAO" sum ./p*.yaml link.yaml ../v/r.yaml "$T/many/vlink/r.yaml" \
	-o "$T/many/all.yaml" --organ X) >"$T/both" 2>&1
expect_eq "40 parts summed" "$(grep -c '^- file:' many/all.yaml)" 40
expect_has "a part of the folder, from the roll-up's" "many/all.yaml" "- file: u/p10.yaml"
expect_has "a link: where it leads" "many/all.yaml" "- file: v/q.yaml"
expect_eq "up and across, and through a linked folder: one file" \
	"$(grep -c '^- file: v/r.yaml$' many/all.yaml)" 2
expect_eq "the errors' part: its count, then its problems" \
	"$(grep -A1 -m1 'p46.yaml: 2 errors' "$T/both" | tail -1 | cut -d: -f1)" "./p46.yaml"
finish
