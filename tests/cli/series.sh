# Last year's report into this year's: new --from, carry rules as checks
# (--previous, previous:), and a series across the 2019 -> 2021 formats.
. "${SRCDIR:-.}/tests/cli/lib.sh"
S="$TESTDATA/series"

# new --from fills exactly the carried cells (2020 in the 通州 variant of
# the 2019 format, 2021 in the 2021 format: 二、上年结转 from 四、结转下年度)
cp "$S/2020.yaml" "$T/2020.yaml"
(cd "$T" && "$NIANBAO" new --from 2020.yaml -o 2021.yaml) >"$T/out" 2>"$T/err"
expect_eq "new --from succeeds" "$?" 0
expect_same "the report it writes" "$T/2021.yaml" "$S/2021-from.golden"
expect_has "and says in which form" "$T/err" "2021.yaml in form gov-info-2021, from 2020.yaml"
expect_has "last year's text starts this year's" "$T/2021.yaml" "preamble:"
run "$NIANBAO" new --from "$T/2020.yaml" -o "$T/2021.yaml"
expect_rc "an existing report is not replaced" 2
run "$NIANBAO" new --from "$T/2020.yaml" --form gov-info-2019-tongzhou --year 2021 -o "$T/t.yaml"
expect_rc "--form keeps another format" 0
expect_has "the year given" "$T/t.yaml" "  year: 2021"
expect_has "the 2019 format carries 上一年项目数量 (last year's plus its change)" "$T/t.yaml" \
	"        previous: 5"

# the series: exactly the two breaks planted, each with both years' figures
run "$NIANBAO" check --series "$S/2022.yaml" "$S/2020.yaml" "$S/2021.yaml"
expect_rc "a break of 结转 between one organ's reports is an error" 1
expect_eq "two breaks" "$(wc -l <"$T/out")" 2
expect_has "结转, 2021 against 2020" "$T/out" \
	"2021.yaml:56:17: error: 三、收到和处理政府信息公开申请情况, row 二、上年结转政府信息公开申请数量, column 法人或其他组织 / 商业企业: 2021 against 2020: 本年 1，按上年报告应为 0，差 1：二、上年结转政府信息公开申请数量应等于上年报告的四、结转下年度继续办理 [carried_forward]"
expect_has "现行有效件数, 2022 against 2021" "$T/out" \
	"2022.yaml:29:19: warning: 二、主动公开政府信息情况, row 第二十条第（一）项 / 规章, column 现行有效件数: 2022 against 2021: 本年 9，按上年报告应为 6，差 3：现行有效件数应等于上年报告的现行有效件数加本年制发件数减本年废止件数 [in_force_continues]"
expect_has "the count" "$T/err" "3 reports, 2020 to 2022: 1 error, 1 warning between years"
# a break acknowledged in the report is listed with its reason and counted
# apart, as check and the screen count it
mkdir -p "$T/ack"
cp "$S/2020.yaml" "$S/2021.yaml" "$T/ack/"
{
	cat "$S/2022.yaml"
	printf 'acknowledged:\n- check: in_force_continues\n  table: proactive\n  block: item1\n'
	printf '  row: rules\n  column: in_force\n  reason: 一件规章由上级机关转来，非本机关制发\n'
} >"$T/ack/2022.yaml"
run "$NIANBAO" check --series "$T/ack/2020.yaml" "$T/ack/2021.yaml" "$T/ack/2022.yaml"
expect_has "--series: the acknowledged break, with its reason" "$T/out" \
	"2022.yaml:29:19: acknowledged: 二、主动公开政府信息情况, row 第二十条第（一）项 / 规章, column 现行有效件数: 2022 against 2021: 本年 9，按上年报告应为 6，差 3：现行有效件数应等于上年报告的现行有效件数加本年制发件数减本年废止件数 (一件规章由上级机关转来，非本机关制发) [in_force_continues]"
expect_has "--series: counted apart, as check counts it" "$T/err" \
	"3 reports, 2020 to 2022: 1 error, 0 warnings between years"
run "$NIANBAO" check "$T/ack/2022.yaml"
expect_has "check of the year: the same acknowledgement" "$T/err" ", 1 acknowledged"
# a year missing: 2022 is not read against 2020, and that is said
run "$NIANBAO" check --series "$S/2020.yaml" "$S/2022.yaml"
expect_rc "nothing compared, nothing wrong" 0
expect_eq "no break listed" "$(cat "$T/out")" ""
expect_has "the gap is named" "$T/err" "no report for 2021: $S/2022.yaml is not checked against $S/2020.yaml"
# a year given twice is said
run "$NIANBAO" check --series "$S/2021.yaml" "$S/2021.yaml"
expect_has "two reports for one year" "$T/err" "are both for 2021"

# one year against the one before: previous: in the report, or --previous
run "$NIANBAO" check "$S/2022.yaml"
expect_has "previous: names last year's report" "$T/out" "[in_force_continues]"
run "$NIANBAO" check --previous "$S/2020.yaml" "$S/2021.yaml"
expect_has "--previous names it" "$T/out" "error: 三、收到和处理政府信息公开申请情况, row 二、上年结转政府信息公开申请数量, column 法人或其他组织 / 商业企业"
# another organ's report: a break of 结转 is only a warning
sed 's/^  organ: 果园街道办事处$/  organ: 另一个街道办事处/' "$S/2020.yaml" >"$T/other.yaml"
run "$NIANBAO" check --previous "$T/other.yaml" "$S/2021.yaml"
expect_has "between two organs, a warning" "$T/out" "warning: 三、收到和处理政府信息公开申请情况, row 二、上年结转政府信息公开申请数量, column 法人或其他组织 / 商业企业"
run "$NIANBAO" check --previous "$T/none.yaml" "$S/2021.yaml"
expect_has "an unreadable last year is said" "$T/out" "last year's report $T/none.yaml cannot be read"
# render --previous: 本年 上年 增减 beside each value column
run "$NIANBAO" render --previous "$S/2022.yaml"
expect_rc "render --previous" 0
expect_has "the sub-headings" "$T/out" "│ 本年 │ 上年 │ 增减 │ 本年 │ 上年 │ 增减 │ 本年 │ 上年 │ 增减 │"
expect_has "规章: 1 1 0, 0 0 0, 9 5 +4" "$T/out" "│    1 │    1 │    0 │    0 │    0 │    0 │    9 │    5 │   +4 │"
run "$NIANBAO" render --previous "$S/2020.yaml"
expect_rc "without previous: it is refused" 2
expect_has "and says why" "$T/err" "names no last year's report"
run "$NIANBAO" render "$S/2022.yaml"
expect_lacks "off by default" "$T/out" "上年 │ 增减"
finish
