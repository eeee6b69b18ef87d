# A clerk's whole job without leaving the program: nianbao new asks its
# questions, the report is filled in, every problem is found through F3 and
# put right, saved, printed (to a file); then nianbao alone offers it again.
. "${SRCDIR:-.}/tests/tui/lib.sh"

# the year proposed: this year from October (the report is being prepared),
# the year before until then (written in January, published by its end)
year=$(date +%Y)
[ "$(date +%m | sed 's/^0//')" -lt 10 ] && year=$((year - 1))
cat >"$T/print.sh" <<SH
#!/bin/sh
cat >"$T/printed.txt"
SH
chmod +x "$T/print.sh"
cmd_start() { # the command line after nianbao
	tui_n=$((tui_n + 1))
	TMUX_SOCK="nianbao-test-$$-$tui_n"
	rm -f "$T/status"
	tm new-session -d -s nb -x 80 -y 24 \
		"cd '$T' && env HOME='$T' LANG=C.UTF-8 LANGUAGE=en NIANBAO_FORMS='$NIANBAO_FORMS' NIANBAO_LOCALEDIR='$NIANBAO_LOCALEDIR' NIANBAO_PRINT_COMMAND='$T/print.sh' '$NIANBAO' $*; echo \$? >'$T/status'; sleep 5"
}
paste() { tm set-buffer -b p "$(printf "$1")"; tm paste-buffer -p -b p -t nb; }

cmd_start new
tui_expect "new asks for last year's report first" "Last year's report, to continue (Enter: none):"
tui_keys Enter
tui_expect "new lists the forms" "A new report. The forms:"
tui_expect "the 2021 format among them" "gov-info-2021"
tui_expect "and proposes it" "Form [3]:"
tui_keys Enter
tui_expect "asks the organ" "Organ (机关名称):"
tui_keys Enter
tui_expect "an empty organ is refused" "The organ's name is needed"
tm send-keys -t nb -l "测试街道办事处"
tui_keys Enter
tui_expect "asks the year, last year proposed" "Year of the report [$year]:"
tui_keys 2 0 x 1 Enter
tui_expect "a bad year is refused" "'20x1' is not a year"
tui_keys Enter
tui_expect "proposes a file name" "File name [测试街道办事处-$year.yaml]:"
tui_keys Enter
tui_expect "the new report opens" "测试街道办事处-$year.yaml      测试街道办事处 $year"
report="$T/测试街道办事处-$year.yaml"
expect_has "it was written, every cell blank" "$report" "issued: ~"

# every problem through F3: all blanks at first
tui_keys F3
tui_expect "F3: the blanks are the problems" "Problems: 0 errors, 166 warnings"
tui_expect "each named" "warning 表二 主动公开 › 第二十条第（一）项 › 规章 x 本年制发件数: 未填写"
tui_keys Enter
tui_expect "Enter goes to the first" "未填写：没有数据的格应填0，空白不等于0  规章 x 本年制发件数"
# fill them as a clerk pastes columns from a spreadsheet
paste '2\t0\t5\n1\t0\t14'
tui_keys g 行 政 许 可 Enter
paste '0'
tui_keys g 行 政 处 罚 Enter
paste '3\n0'
tui_keys g 收 费 Enter
paste '0'
tui_keys ']'
tui_wait "申请人情况" 2
rows=''
i=0
while [ "$i" -lt 25 ]; do rows="${rows}0\t0\t0\t0\t0\t0\t0\n"; i=$((i + 1)); done
paste "$rows"
tui_keys ']'
tui_wait "行政复议" 2
paste '0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0'
tui_keys F3
tui_expect "F3: nothing left" "Problems: 0 errors, 0 warnings"
tui_expect "says so" "No problems."
tui_keys Escape

# one application, handled: the balance is kept
tui_keys '[' g 本 年 新 收 Enter 1 Enter
tui_keys F3
tui_expect "F3 finds the broken balance" "Problems: 2 errors, 0 warnings"
tui_keys Escape g 予 以 公 开 Enter 1 Enter
tui_keys F3
tui_expect "and then nothing" "Problems: 0 errors, 0 warnings"
tui_keys Escape

# the cover's date, then save and print
tui_keys '[' '[' '[' '['
tui_expect "the cover" "Cover › 机关名称"
tui_keys Down Down Enter
tm send-keys -t nb -l "$year-01-15"
tui_keys Enter
tui_expect "dated" "$year-01-15（${year}年1月15日）"
tui_keys F2
tui_expect "saved" "Saved 测试街道办事处-$year.yaml"
tui_keys F5
tui_expect "printed" "Printed with $T/print.sh"
expect_has "the paper has the title" "$T/printed.txt" "测试街道办事处${year}年政府信息公开工作年度报告"
expect_has "the 2021 format's labels" "$T/printed.txt" "本年制发件数"
expect_has "the figures" "$T/printed.txt" "│ 行政处罚                                 │                3 │"
expect_has "the date" "$T/printed.txt" "${year}年1月15日"
run "$NIANBAO" check "$report"
expect_rc "the saved report checks clean" 0
expect_eq "no problem at all" "$(wc -l <"$T/out" | tr -d ' ')" 0
tui_keys F10
tui_exited "quit" 0

# nianbao alone: the start screen offers it again
cmd_start
tui_expect "the start screen" "Recent reports:"
tui_expect "lists the report" "1) $report"
tui_expect "and the forms" "n3) gov-info-2021"
tui_keys Enter
tui_expect "Enter opens the first" "测试街道办事处-$year.yaml      测试街道办事处 $year"
tui_keys F10
tui_exited "quit" 0
cmd_start
tui_expect "the start screen again" "Open a number, n1 n2 ... for a new report, q to quit"
tui_keys q Enter
tui_exited "q leaves" 0

# a recent report deleted since is not offered
mv "$report" "$T/moved.yaml"
cmd_start
tui_expect "the start screen once more" "Forms for a new report:"
tui_absent "the report that is gone is not listed" "1) $report"
tui_keys q Enter
tui_exited "and nianbao is still usable" 0

# this year's report from last year's: the questions propose what follows
cmd_start new
tui_expect "asked for last year's report" "Last year's report, to continue (Enter: none):"
tm send-keys -t nb -l "nosuch.yaml"
tui_keys Enter
tui_expect "one that cannot be read is said, and asked again" "nosuch.yaml: error: cannot open"
tm send-keys -t nb -l "moved.yaml"
tui_keys Enter
tui_expect "the form for the year after: said, not asked" "Form 3, the one for the year after last year's report"
tui_expect "last year's organ is proposed" "Organ (机关名称) [测试街道办事处]:"
tui_keys Enter
next=$((year + 1))
tui_expect "the year after is proposed" "Year of the report [$next]:"
tui_keys Enter
tui_expect "and a file name" "File name [测试街道办事处-$next.yaml]:"
tui_keys Enter
tui_expect "this year's report opens" "测试街道办事处-$next.yaml      测试街道办事处 $next"
expect_has "it names last year's" "$T/测试街道办事处-$next.yaml" 'previous: moved.yaml'
tui_keys F10
tui_exited "quit" 0

# the start screen's new report asks the same, proposing the recent report
cmd_start
tui_expect "the start screen" "Forms for a new report:"
tui_keys n 3 Enter
tui_expect "last year's report, the most recent proposed" "Last year's report, to continue (- for none) [测试街道办事处-$next.yaml]:"
tui_keys - Enter
tui_expect "- for none: a blank report's questions" "Organ (机关名称):"
tui_keys C-d
tui_exited "the questions can be left" 0

# the questions are edited as a cell is: Tab inserts nothing, Ctrl-U
# clears, Ctrl-A goes to the start, what is typed shows as typed; and, as on
# the start screen, the most recent report is proposed (Enter takes it)
cmd_start new
prompt="Last year's report, to continue (- for none) [测试街道办事处-$next.yaml]:"
tui_expect "new proposes the most recent report, as the start screen does" "$prompt"
tm send-keys -t nb -l "nosuch"
tui_keys Tab
tm send-keys -t nb -l "去年.yaml"
tui_expect "no tab, the Chinese as typed, on a line of its own" "> nosuch去年.yaml"
tui_keys C-a
tm send-keys -t nb -l "x"
tui_expect "Ctrl-A: typed at the start" "> xnosuch去年.yaml"
tui_keys C-e C-w
tm send-keys -t nb -l "abc"
tui_expect "Ctrl-W: the word before the cursor gone" "> abc"
tui_keys C-u
tui_settle
expect_eq "Ctrl-U: nothing left, the question as it was" \
	"$(grep -A1 -F "Last year's report" "$T/screen" | sed 's/ *$//')" "$(printf '%s\n>' "$prompt")"
tui_keys C-c
tui_exited "Ctrl-C leaves the questions, as an interrupt does" 130

# at 80 columns in Chinese the forms fit a line each: the title gives way,
# never the id, and the basis that tells the two 2019 forms apart stays
tui_n=$((tui_n + 1))
TMUX_SOCK="nianbao-test-$$-$tui_n"
rm -f "$T/status"
tm new-session -d -s nb -x 80 -y 24 \
	"cd '$T' && env HOME='$T' LANG=C.UTF-8 LANGUAGE=zh_CN NIANBAO_FORMS='$NIANBAO_FORMS' NIANBAO_LOCALEDIR='$NIANBAO_LOCALEDIR' '$NIANBAO' forms; echo \$? >'$T/status'; sleep 5"
tui_expect "the local variant: its id and its whole basis" \
	"gov-info-2019-tongzhou       1  国办公开办函〔2019〕60号（北京市通州区格式）"
tui_expect "the others: the title cut, the basis whole" \
	"gov-info-2021                1  政府信息公开工作年度~  国办公开办函〔2021〕30号"
tui_settle
expect_eq "no line wraps: three lines" "$(grep -c . "$T/screen")" 3

# no form anywhere: nianbao new says so and fails
tui_n=$((tui_n + 1))
TMUX_SOCK="nianbao-test-$$-$tui_n"
rm -f "$T/status"
mkdir -p "$T/empty"
tm new-session -d -s nb -x 80 -y 24 \
	"cd '$T/empty' && env HOME='$T' LANG=C.UTF-8 LANGUAGE=en NIANBAO_FORMS='$T/empty' '$NIANBAO' new; echo \$? >'$T/status'; sleep 5"
tui_expect "new with no form says so" "no forms found (set NIANBAO_FORMS)"
tui_exited "and exits 2" 2
finish
