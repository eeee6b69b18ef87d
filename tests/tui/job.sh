# The clerk's whole job in the screen: the cover, prose through an editor,
# problems, undo and redo, preview and print.
. "${SRCDIR:-.}/tests/tui/lib.sh"

cp "$SRCDIR/reports/guoyuan-2020.yaml" "$T/r.yaml"
cat >"$T/ed.sh" <<'SH'
#!/bin/sh
# a stand-in editor: appends a line to the file it is given
printf '新增的一段：全年培训两次。\n' >>"$1"
SH
cat >"$T/print.sh" <<SH
#!/bin/sh
cat >"$T/printed.txt"
SH
chmod +x "$T/ed.sh" "$T/print.sh"
tui_start 80 24 "$T/r.yaml" LANGUAGE=en EDITOR="$T/ed.sh" NIANBAO_PRINT_COMMAND="$T/print.sh"

# the cover: a bad date is refused, a good one kept
tui_keys '[' '[' '['
tui_expect "[ reaches the cover" "Cover › 机关名称"
tui_expect "the date shows both ways" "2020-12-25（2020年12月25日）"
tui_keys Down Down Enter
tui_expect "on the date" "Cover › 成文日期  [a date, written YYYY-MM-DD]"
tui_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace 2 0 2 1 - 0 2 - 3 0 Enter
tui_expect "a date that does not exist is refused" "'2021-02-30' refused: is not a real date"
tui_keys BSpace BSpace 2 8 Enter
tui_expect "a real one is kept" "2021-02-28（2021年2月28日）"
tui_keys Up Enter BSpace BSpace BSpace BSpace x x x x Enter
tui_expect "a year is a year" "'xxxx' refused: is not a year (four digits, such as 2021)"
tui_keys Escape

# prose: the editor appends a line, it comes back as one undo step
tui_keys ']' ']'
tui_expect "the 一、总体情况 page" "一、总体情况"
tui_expect "its text, wrapped" "（一）组织与制度。"
tui_keys e
tui_expect "the edited text is back" "The text is back in the report (u undoes it)"
tui_expect "with the new line" "新增的一段：全年培训两次。"
tui_keys u
tui_expect "u undoes it" "Undone: 1 change"
tui_expect_not "the line is gone" "新增的一段"
tui_keys C-r
tui_expect "Ctrl-R redoes it" "新增的一段：全年培训两次。"

# problems: F3 lists them, Enter goes to the cell; n goes to the next
tui_keys ']'
tui_expect "表二" "第二十条第（一）项 › 规章 x 本年新制作数量"
tui_keys F3
tui_expect "F3 lists the problems" "Problems: 0 errors, 1 warning"
tui_expect "with table, row and column" "warning 表二 主动公开 › 第二十条第（一）项 › 规范性文件: 本年新制作了文件"
tui_expect "the selected one whole below the list, where the list cuts it" "规范性文件应当公开，请核实"
tui_keys Enter
tui_expect "Enter goes to the cell; the status line says what is wrong first" \
	"本年新制作了文件但新公开数量为0：规范性文件应当公开，请核实  规范性文件 x 本年"
tui_keys Up n
tui_expect "n goes to the next problem" "请核实  规范性文件 x 本年"

# g finds a row by part of its label, in any table
tui_keys g 国 家 秘 密 Enter
tui_expect "g 国家秘密 goes to its row" "三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密 x 自然人"
tui_keys g 行 政 强 制 Enter
tui_expect "and to 表二's" "第二十条第（六）项 › 行政强制 x 上一年项目数量"
tui_keys g 不 存 在 Enter
tui_expect "a label that is nowhere" "No row label contains '不存在'"
tui_keys g 规 章 Enter

# ten edits over two tables, undone and redone
tui_keys Up 1 Tab 2 Tab 3 Tab 4 Tab 5 Enter
tui_keys ']'
tui_wait "申请人情况" 2
tui_keys PPage PPage PPage Home # 表三 remembers its cursor (g left it lower)
tui_keys 6 Tab 7 Tab 8 Tab 9 Tab 1 Enter
tui_wait "errors 2" 2
expect_eq "表三 took five values, each column now unbalanced" "$(tui_cells "一、本年新收")" \
	"! 6 ! 7 ! 8 ! 9 ! 1 0 ! 31"
for i in 1 2 3 4 5 6 7 8 9 10; do tui_keys u; done
tui_expect "ten undos" "Undone: 1 change"
tui_expect "the last undo shows its table, 表二" "表二 主动公开"
expect_eq "表二 is as it was" "$(tui_cells "规章")" "0 0 0"
tui_keys ']'
tui_wait "申请人情况" 2
expect_eq "表三 is as it was" "$(tui_cells "一、本年新收")" "0 0 0 0 0 0 0"
for i in 1 2 3 4 5 6 7 8 9 10; do tui_keys C-y; done
tui_expect "ten redos" "Redone: 1 change"
expect_eq "表三 has them again" "$(tui_cells "一、本年新收")" "! 6 ! 7 ! 8 ! 9 ! 1 0 ! 31"
tui_keys F2
tui_expect "saved" "Saved r.yaml and r.txt; 6 errors remain"
tui_keys u
tui_expect "saving keeps the history" "Undone: 1 change"
expect_eq "the last edit undone" "$(tui_cells "一、本年新收")" "! 6 ! 7 ! 8 ! 9 0 0 ! 30"
expect_has "the saved file has the prose line" "$T/r.yaml" "新增的一段：全年培训两次。"
expect_has "and the date" "$T/r.yaml" "date: 2021-02-28"

# acknowledging: not an error; a warning, with a reason
tui_keys F3
tui_expect "the problems, errors first" "Problems: 5 errors, 1 warning"
tui_keys a
tui_expect "an error cannot be acknowledged" "Errors cannot be acknowledged: they must be put right"
tui_keys End Down Down Down Down Down Down
tui_keys a 内 部 制 度 不 公 开 Enter
tui_expect "the warning is acknowledged with its reason" "acknowledged 表二 主动公开 › 第二十条第（一）项 › 规范性文件: 本年新公开数量大"
tui_keys Escape
tui_expect "counted apart in the title" "errors 5  warnings 0 (+1 acknowledged)"
# an acknowledgement is a change like any: undone and redone
tui_keys u
tui_expect "u withdraws the acknowledgement" "errors 5  warnings 1"
tui_expect "and says so" "Undone: 1 change"
tui_keys C-r
tui_expect "redo acknowledges again" "errors 5  warnings 0 (+1 acknowledged)"
tui_keys F2
tui_expect "saved with it" "Saved r.yaml"
expect_has "the reason is in the report" "$T/r.yaml" "reason: 内部制度不公开"
run "$NIANBAO" check "$T/r.yaml"
expect_eq "check lists it acknowledged" "$(grep -c ': acknowledged: .*(内部制度不公开)' "$T/out")" 1
# one count: the title line above, check and the printed footer agree
expect_eq "check counts as the title line does" "$(cat "$T/err")" "$T/r.yaml: 5 errors, 0 warnings, 1 acknowledged"
run "$NIANBAO" render --footer "$T/r.yaml"
expect_has "so does the footer" "$T/out" " · 错误 5 警告 0（已确认 1）"

# preview and print
tui_keys F4
tui_expect "F4 previews the rendering" "Preview, as printed (80 columns)"
tui_expect "as it prints" "果园街道办事处2020年政府信息公开工作年度报告"
tui_keys NPage NPage
tui_expect "it scrolls" "第二十条第（"
tui_keys Home Space
tui_expect "Space pages too" "第二十条第（"
tui_keys Escape F5
tui_expect "F5 with errors left asks first" "The report has 5 errors. Print it all the same? (y yes, n no)"
tui_keys n
tui_expect "n: not printed" "Nothing done"
expect_absent "nothing reached the printer" "$T/printed.txt"
tui_keys F5 y
tui_expect "y: F5 prints through the command" "Printed with $T/print.sh"
"$NIANBAO" render "$T/r.yaml" >/dev/null 2>&1
grep -q '│    6 │' "$T/printed.txt" && ok "the printed text holds the unsaved state" || not_ok "the printed text holds the unsaved state"
expect_has "it is the rendering" "$T/printed.txt" "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
tui_keys F10 d
tui_exited "quit" 0

# a failing print command is reported; the report's text never meets a shell
tui_start 80 24 "$T/r.yaml" LANGUAGE=en NIANBAO_PRINT_COMMAND=/nonexistent/lp
tui_keys F5 y
tui_expect "a missing print command is reported" "Not printed: cannot run /nonexistent/lp"
tui_keys F10
tui_exited "quit" 0
sed -i 's/^  organ: .*$/  organ: "x;$(touch pwned);`touch pwned2`"/' "$T/r.yaml"
cd "$T" || exit 1
tui_start 80 24 "$T/r.yaml" LANGUAGE=en NIANBAO_PRINT_COMMAND="$T/print.sh"
tui_keys F5 y
tui_expect "printed" "Printed with"
expect_has "the organ went to the printer as text" "$T/printed.txt" 'x;$(touch pwned);`touch pwned2`'
expect_absent "and was not run" "$T/pwned"
expect_absent "not even in backquotes" "$T/pwned2"
tui_keys F10
tui_exited "quit" 0

# an editor that leaves an escape in the text: refused whole, shown escaped
printf '#!/bin/sh\nprintf "\\033]0;pwned\\007\\n" >>"$1"\n' >"$T/ed2.sh"
chmod +x "$T/ed2.sh"
cp "$SRCDIR/reports/guoyuan-2020.yaml" "$T/p.yaml"
tui_start 80 24 "$T/p.yaml" LANGUAGE=en EDITOR="$T/ed2.sh"
tui_keys '[' '[' '[' ']' ']'
tui_expect "on 一、总体情况" "一、总体情况"
tui_keys e
tui_expect "an escape from the editor is refused, escaped" "The text was not taken: it holds a control character (at '\\x1B]0;pwned"
tui_expect_not "nothing changed" "p.yaml [+]"
tui_keys F10
tui_exited "quit" 0
finish
