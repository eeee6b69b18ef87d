# The drill-down of a roll-up: D on a cell lists each report summed into it
# with its value of the cell, largest first, a bar of its share; Enter
# opens that report at that cell; quitting it comes back to the list; Esc
# back to the roll-up.
. "${SRCDIR:-.}/tests/tui/lib.sh"

cp "$TESTDATA/sum/a.yaml" "$TESTDATA/sum/b.yaml" "$TESTDATA/sum/c.yaml" "$T/"
(cd "$T" && "$NIANBAO" sum a.yaml b.yaml c.yaml -o total.yaml --organ 区汇总) >/dev/null 2>&1
tui_start 100 30 "$T/total.yaml" LANGUAGE=en
tui_keys ']'
tui_expect "on 表三" "表三 依申请公开"
tui_keys D
tui_expect "D: the cell's reports" "一、本年新收政府信息公开申请数量 x 自然人: each report's value (Enter opens it, Esc back)"
tui_expect "largest first, with its share" "乙镇人民政府 (b.yaml)                       6  ######################## 50%"
tui_expect "then the next" "甲街道办事处 (a.yaml)                       4  ################ 33%"
tui_expect "and the smallest" "丙区文化和旅游局 (c.yaml)                   2  ######## 17%"
tui_keys Enter
tui_expect "Enter opens that report" "b.yaml      乙镇人民政府 2022  政府信息公开工作年度报告"
tui_expect "at that cell" "一、本年新收政府信息公开申请数量 x 自然人  [count]"
tui_keys F10
tui_expect "quitting it comes back to the list" "Back from b.yaml"
tui_keys Escape
tui_expect "Esc: the roll-up again" "total.yaml      区汇总 2022"
# a report that is no roll-up says so
tui_keys F10
tui_exited "quit" 0
tui_start 100 30 "$T/a.yaml" LANGUAGE=en
tui_keys ']' D
tui_expect "not a roll-up" "Not a roll-up: D lists the reports summed into one (nianbao sum)"
tui_keys F10
tui_exited "quit" 0

# installed in a folder whose name has a space, and the binary replaced on
# disk while it runs: Enter still opens the report in this very nianbao
# (its arguments are words, never a line split at spaces)
mkdir -p "$T/my apps"
cp "$NIANBAO" "$T/my apps/nianbao"
NIANBAO="$T/my apps/nianbao" tui_start 100 30 "$T/total.yaml" LANGUAGE=en
tui_keys ']' D
tui_expect "from a folder with a space: the list" "乙镇人民政府 (b.yaml)"
printf '#!/bin/sh\necho replaced; exit 3\n' >"$T/my apps/new"
chmod +x "$T/my apps/new"
mv "$T/my apps/new" "$T/my apps/nianbao"
tui_keys Enter
tui_expect "Enter opens the report, the binary replaced meanwhile" \
	"b.yaml      乙镇人民政府 2022  政府信息公开工作年度报告"
tui_keys F10
tui_expect "and comes back" "Back from b.yaml"
tui_keys Escape F10
tui_exited "quit" 0
finish
