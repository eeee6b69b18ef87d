# Filling a blank report: z puts 0 into every blank cell of the table after
# asking, as one undo step; Ctrl-Home and Ctrl-End reach the first and last
# cell to fill; --wide-ambiguous draws with the characters it counts as two.
. "${SRCDIR:-.}/tests/tui/lib.sh"

"$NIANBAO" new --form gov-info-2021 -o "$T/b.yaml" --organ 测试 --year 2025 >/dev/null
tui_start 80 24 "$T/b.yaml" LANGUAGE=en
tui_keys ']'
tui_expect "表三" "表三 依申请公开"
expect_eq "blanks show as -" "$(tui_cells "一、本年新收" | tr -d '?! ')" "-------"
tui_keys C-End
tui_expect "Ctrl-End: the last cell to fill" "空白不等于0  四、结转下年度继续办理 x 其他"
tui_keys C-Home
tui_expect "Ctrl-Home: the first" "空白不等于0  一、本年新收政府信息公开申请数量 x 自然~"
tui_keys z
tui_expect "z asks first, saying how many" "Put 0 into the 144 blank cells of 表三 依申请公开? (y yes, n no)"
tui_keys n
tui_expect "n: nothing done" "Nothing done"
expect_eq "still blank" "$(tui_cells "一、本年新收" | tr -d '?! ')" "-------"
tui_keys z y
tui_expect "y fills them" "Put 0 into 144 blank cells (u undoes them all)"
expect_eq "row 一 is 0 throughout, its total too" "$(tui_cells "一、本年新收")" "0 0 0 0 0 0 0"
tui_keys C-End
expect_eq "row 四 too" "$(tui_cells "四、结转下年度")" "0 0 0 0 0 0 0"
tui_keys ']' '['
tui_keys z
tui_expect "a second z has nothing to fill" "No blank cell to fill in this table"
tui_keys u
tui_expect "one undo takes all of them back" "Undone: 144 changes"
tui_keys C-Home
expect_eq "blank again" "$(tui_cells "一、本年新收" | tr -d '?! ')" "-------"
tui_keys C-r
tui_expect "redo puts them back" "Redone: 144 changes"
tui_keys C-s
tui_expect "saved" "Saved b.yaml"
expect_eq "the saved file has no blank left in 表三" \
	"$("$NIANBAO" export --csv "$T/b.yaml" | grep '^三、' | grep -c ',\r*$')" "0"
tui_expect_not "saved: no unsaved mark" "b.yaml [+]"
tui_keys u
tui_expect "undo after saving: unsaved again" "b.yaml [+]"
tui_keys C-r
tui_expect_not "redo back to the saved state: the mark goes" "b.yaml [+]"
tui_keys F10
tui_exited "quit" 0

# the wide-ambiguous layout keeps the characters (the terminal draws them
# two wide); its screens are not scanned
tui_start 100 30 "$T/b.yaml" LANGUAGE=en NIANBAO_WIDE_AMBIGUOUS=1
tui_keys ']'
tui_expect "NIANBAO_WIDE_AMBIGUOUS=1 keeps ×" "一、本年新收政府信息公开申请数量 × 自然人"
tui_keys F10
tui_exited "quit" 0
"$NIANBAO" new --form gov-info-2021 -o "$T/c.yaml" --organ 测试 --year 2025 >/dev/null
printf '#!/bin/sh\ncat >"%s"\n' "$T/printed" >"$T/p.sh"
chmod +x "$T/p.sh"
tm kill-server 2>/dev/null
tui_n=$((tui_n + 1))
TMUX_SOCK="nianbao-test-$$-$tui_n"
rm -f "$T/status"
tui_amb=1
tm new-session -d -s nb -x 100 -y 30 \
	"env LANG=C.UTF-8 LANGUAGE=en XDG_STATE_HOME='$T/state' NIANBAO_FORMS='$NIANBAO_FORMS' NIANBAO_LOCALEDIR='$NIANBAO_LOCALEDIR' '$NIANBAO' --print-command '$T/p.sh' '$T/c.yaml' --wide-ambiguous; echo \$? >'$T/status'; sleep 5"
tui_expect "--wide-ambiguous after FILE: blanks as ·" "·"
tui_keys F5
tui_expect "--print-command before FILE is F5's" "Printed with $T/p.sh"
expect_has "and it printed" "$T/printed" "测试2025年政府信息公开工作年度报告"
tui_keys F10
tui_exited "quit" 0
tui_amb=0
finish
