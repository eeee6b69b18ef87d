# nianbao render: the sample's golden rendering, widths, splitting.
. "${SRCDIR:-.}/tests/cli/lib.sh"

sample="$SRCDIR/reports/guoyuan-2020.yaml"
run "$NIANBAO" render "$sample"
expect_rc "render" 0
expect_same "the sample renders as reports/guoyuan-2020.txt" "$T/out" "$SRCDIR/reports/guoyuan-2020.txt"
expect_has "the title is centred" "$T/out" "                  果园街道办事处2020年政府信息公开工作年度报告"
expect_has "21.6560 keeps its places" "$T/out" "21.6560 │"
expect_has "the note of 表三" "$T/out" "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
expect_has "申请人情况 spans the columns" "$T/out" "│                     申请人情况                     │"
expect_has "表四 is split at 80 columns" "$T/out" "（续表）"
expect_has "the signature date" "$T/out" "2020年12月25日"

for w in 40 60 80 132; do
	run "$NIANBAO" render --width "$w" "$sample"
	expect_rc "render --width $w" 0
	got=$(max_width "$T/out")
	if [ "$got" -le "$w" ]; then ok "every line fits $w columns ($got)"; else
		not_ok "a line is $got columns wide at --width $w"
	fi
	# every line of one table has the same width
	awk '/^[┌│├└]/ { print }' "$T/out" >"$T/rules"
	widths=$(awk '/^┌/ { n++ } { print n }' "$T/rules" | paste -d' ' - "$T/rules" |
		while read -r k line; do printf '%s %s\n' "$k" "$(printf '%s' "$line" | LC_ALL=C.UTF-8 wc -L)"; done |
		sort -u | awk '{ print $1 }' | uniq -d | wc -l)
	expect_eq "every table's lines are equally wide at $w" "$widths" 0
done
run "$NIANBAO" render --width 132 "$sample"
expect_lacks "表四 is whole at 132 columns" "$T/out" "（续表）"

run "$NIANBAO" render --ascii "$sample"
expect_rc "render --ascii" 0
expect_lacks "no box drawing with --ascii" "$T/out" "│"
expect_has "ASCII rules" "$T/out" "+-"

run "$NIANBAO" render --mark "$sample"
expect_has "--mark marks the warned cells" "$T/out" "?1 │"
run "$NIANBAO" render "$sample"
expect_lacks "no marks by default" "$T/out" "?1"

run "$NIANBAO" render -o "$T/out.txt" "$sample"
expect_rc "render -o" 0
expect_same "render -o writes the same text" "$T/out.txt" "$SRCDIR/reports/guoyuan-2020.txt"
run "$NIANBAO" render --width 10 "$sample"
expect_rc "a width below 40 is refused" 2
finish
