# The mouse: a click selects a tab or a cell, the wheel scrolls. (xterm's
# X10 mouse reports, sent into the pane as the terminal would.)
. "${SRCDIR:-.}/tests/tui/lib.sh"

# click X Y (0-based), or BUTTON 64/65 for the wheel up/down
click() {
	b=${3:-0}
	seq=$(printf '\033[M%b%b%b' "\\$(printf %03o $((32 + b)))" "\\$(printf %03o $((33 + $1)))" \
		"\\$(printf %03o $((33 + $2)))")
	rel=$(printf '\033[M%b%b%b' "\\$(printf %03o 35)" "\\$(printf %03o $((33 + $1)))" \
		"\\$(printf %03o $((33 + $2)))")
	if [ "$b" -ge 64 ]; then tm send-keys -t nb -l "$seq"; else tm send-keys -t nb -l "$seq$rel"; fi
}

cp "$SRCDIR/reports/guoyuan-2020.yaml" "$T/r.yaml"
tui_start 80 24 "$T/r.yaml" LANGUAGE=en
tui_expect "on 表二" "第二十条第（一）项 › 规章 x 本年新制作数量"
click 42 8
tui_expect "a click on a cell selects it" "第二十条第（五）项 › 行政许可 x 本年增/减"
click 38 1
tui_expect "a click on a tab opens it" "一、本年新收政府信息公开申请数量 x 自然人"
click 60 13
tui_expect "a cell of 表三" "（三）不予公开 › 2.其他法律行政法规禁止公开 x 法人或其他组"
click 10 10 65
click 10 10 65
tui_expect "the wheel scrolls down, three rows a notch" "（三）不予公开 › 8.属于行政查询事项 x 法人或其他组织"
click 10 10 64
tui_expect "and up" "（三）不予公开 › 5.属于三类内部事务信息 x 法人或其他组织"
click 2 1
tui_expect "the cover tab" "Cover › 机关名称"
click 20 7
tui_expect "a click on a field" "Cover › 成文日期"
tui_keys ']' ']' ']'
tui_expect "keys still work; 表二 kept the clicked cell" "第二十条第（五）项 › 行政许可 x 本年增/减"
tui_keys F10
tui_exited "quit" 0
finish
