# Input filtering, blanks, computed cells, quitting with unsaved changes,
# tables wider and taller than the window.
. "${SRCDIR:-.}/tests/tui/lib.sh"

cp "$SRCDIR/reports/guoyuan-2020.yaml" "$T/r.yaml"
cp "$T/r.yaml" "$T/orig.yaml"
tui_start 80 24 "$T/r.yaml" LANGUAGE=en
tui_keys ']'
tui_expect "on 表三" "一、本年新收政府信息公开申请数量 x 自然人"

# letters never enter a count: nothing changes
tui_keys a b c
tui_expect_not "letters do nothing" "[+]"
expect_eq "the cell is unchanged" "$(tui_cells "一、本年新收")" "0 0 0 0 0 0 0"
tui_keys 1 x
tui_expect "a letter typed into a value is named at once" "'x' cannot be in a whole number: Backspace removes it"
expect_eq "and stays where it was typed: nothing typed is dropped" "$(tui_cells "一、本年新收" | cut -d' ' -f1)" "1x"
tui_keys Enter
tui_expect "Enter refuses the value, naming the character and the cell" \
	"'x' cannot be in a whole number: '1x' is refused (一、本年新收"
tui_keys Escape
tui_expect "and Esc drops the edit" "Edit cancelled"
expect_eq "the cell is still 0" "$(tui_cells "一、本年新收")" "0 0 0 0 0 0 0"
# a minus into a count: refused, never reaching the model, and never
# turned into another figure (-1 is not stored as 1)
tui_keys -
tui_expect "a minus is named" "'-' this cell takes no sign: it cannot be negative"
tui_keys 1 Enter
tui_expect "-1 is refused whole" "'-1' must not be negative: refused (一、本年新收政府信息公开申请数量 x 自然人)"
tui_keys Escape
expect_eq "-1 never reached the cell, nor did 1" "$(tui_cells "一、本年新收")" "0 0 0 0 0 0 0"

# a value too large for the cell: refused, the edit stays open
tui_keys 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 Enter
tui_expect "an overflowing value is refused" "'99999999999999999999' is too large: refused (一、本年新收"
tui_keys Escape
tui_expect "Esc cancels the edit" "Edit cancelled"
expect_eq "the cell keeps its value" "$(tui_cells "一、本年新收")" "0 0 0 0 0 0 0"

# Delete makes a cell blank, shown apart from 0, and flagged as not filled
tui_keys DC
tui_expect "a blank is flagged as not filled" "未填写"
expect_eq "a blank shows as -, not 0" "$(tui_cells "一、本年新收" | cut -d' ' -f1-2)" "? -"
tui_keys 0 Enter Up
tui_expect_not "filled again" "未填写"

# computed cells cannot be edited
tui_keys End
tui_expect "End goes to the last column" "x 总计"
tui_expect "a total shows its formula from the form, by labels (cut at 80 columns)" "computed: 自然人 + sum(法人"
tui_keys 7
tui_expect "typing into a total is refused" "This total is computed and cannot be typed in"
tui_keys Home

# Tab skips the computed 总计 to the next row's first cell
tui_keys End Left Tab
tui_expect "Tab skips computed cells" "二、上年结转政府信息公开申请数量 x 自然人"
tui_keys BTab
tui_expect "Shift-Tab goes back" "一、本年新收政府信息公开申请数量 x 法人或其他组织 › 其他"

# a table taller than the window scrolls to keep the cursor in view, with
# its headings frozen
tui_keys NPage NPage NPage
tui_expect "PgDn reaches the last row" "四、结转下年度继续办理 x "
tui_expect "the headings stay on screen" "申请人情况"
tui_keys PPage PPage PPage
tui_expect "PgUp returns" "一、本年新收政府信息公开申请数量 x"

# 表四 is wider than 80 columns: it scrolls sideways
tui_keys ']'
tui_expect "表四" "行政复议"
tui_expect "its one row is named by the table" "表四 复议诉讼 x 行政复议 › 结果维持"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do tui_keys Right; done
tui_expect "Right reaches 复议后起诉" "行政诉讼 › 复议后起诉 › 其他结果"
tui_expect "the spanning heading follows" "复议后起诉"
tui_keys '['
tui_expect "[ goes back to 表三" "申请人情况"

# quitting with unsaved changes asks; Esc keeps the program
tui_keys 3 Enter
tui_keys F10
tui_expect "F10 asks first" "Unsaved changes: S save and quit, D discard and quit, Esc go back"
tui_keys Escape
tui_expect "Esc: not quitting" "Not quitting"
tui_running "still running after cancel"
tui_keys C-q
tui_expect "Ctrl-Q asks too" "Unsaved changes"
tui_keys d
tui_exited "D discards and quits" 0
expect_same "discarding leaves the file byte-identical" "$T/r.yaml" "$T/orig.yaml"

# Ctrl-PgDn and Ctrl-PgUp switch tables; Down and Tab commit and move;
# Backspace blanks; S at the prompt saves and quits
tui_start 80 24 "$T/r.yaml" LANGUAGE=en
tui_keys C-NPage
tui_expect "Ctrl-PgDn goes to 表三" "申请人情况"
tui_keys C-PPage
tui_expect "Ctrl-PgUp back to 表二" "第二十条第（一）项 › 规章 x 本年新制作数量"
tui_keys 7 Down
tui_expect "Down commits and moves down" "请核实  规范性文件 x 本年"
expect_eq "the 7 is in, and rule 6 flags made-but-not-published" "$(tui_cells "规章")" "? 7 ? 0 0"
tui_keys 8 Tab
tui_expect "Tab commits and moves right (the status line is cut at 80 columns)" "请核实  规范性文件 x 本年~"
expect_eq "the 8 is in" "$(tui_cells "规范性文件")" "? 8 ? 0 0"
tui_keys BSpace
expect_eq "Backspace blanks: the blank is flagged, rule 6 waits for it" "$(tui_cells "规范性文件")" "8 ? - 0"
tui_keys 0 Enter
tui_keys F10
tui_expect "asks" "Unsaved changes"
tui_keys s
tui_exited "S saves and quits" 0
expect_has "the saved file has the 7" "$T/r.yaml" "        made: 7"

# help
tui_start 80 24 "$T/r.yaml" LANGUAGE=zh_CN
tui_keys F1
tui_expect "F1 shows the help" "年报：按键说明"
tui_expect "every key is there" "Ctrl-PgDn"
tui_keys x
tui_expect "any key returns" "F1 帮助  F2 保存"
tui_keys '?'
tui_expect "? shows it too" "年报：按键说明"
tui_keys q C-s
tui_expect "Ctrl-S saves" "已保存"
tui_keys F10
tui_exited "quit" 0
finish
