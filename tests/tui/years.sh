# Last year on the editing screen: a report naming previous: shows last
# year's value of each cell, flags a cell that does not continue last
# year's, and the warning can be acknowledged.
. "${SRCDIR:-.}/tests/tui/lib.sh"

cp "$TESTDATA/series/2021.yaml" "$TESTDATA/series/2022.yaml" "$TESTDATA/series/2020.yaml" "$T/"
tui_start 100 30 "$T/2022.yaml" LANGUAGE=en
tui_expect "on 表二, last year's value of the cell" "第二十条第（一）项 › 规章 x 本年制发件数  [count]  last year 1"
tui_expect "the break is counted" "errors 0  warnings 160"
expect_eq "and marked on its cell" "$(tui_cells "规章")" "1 0 ? 9"
tui_keys Right Right
tui_expect "the status line gives both years' figures" "本年 9，按上年报告应为 6，差 3："
# L: beside each value column of the grid, last year's and the change
tui_keys L
tui_expect "L shows last year in the grid" "Beside each value: last year's and the change (L hides them)"
tui_expect "three headings a value column" "    信息内容    本年  上年  增减  本年  上年  增减  本年  上年  增减"
expect_eq "规章: 1 as last year; 0 and 0; 9 against 5, +4, still marked" "$(tui_cells "规章")" "1 1 0 0 0 0 ? 9 5 +4"
expect_eq "行政规范性文件: +1 where last year was 0" "$(tui_cells "行政规范性文件")" "1 0 +1 1 0 +1 3 3 0"
# typing there changes this year's value and the change with it
tui_keys 7 Enter
expect_eq "规章 typed 7: +2" "$(tui_cells "规章")" "1 1 0 0 0 0 ? 7 5 +2"
tui_keys u
expect_eq "undone: 9 again" "$(tui_cells "规章")" "1 1 0 0 0 0 ? 9 5 +4"
tui_keys L
tui_expect "L again hides them" "Last year's columns hidden (L shows them)"
expect_eq "one column a value again" "$(tui_cells "规章")" "1 0 ? 9"
# F4, then p: the printed tables beside last year's
tui_keys F4 p
tui_expect "p in the preview: beside last year" "Beside last year (p: as printed)"
tui_expect "three columns a value column" "│ 本年 │ 上年 │ 增减 │ 本年 │ 上年 │ 增减 │ 本年 │ 上年 │ 增减 │"
tui_expect "规章: 9 against 5, +4" "│    9 │    5 │   +4 │"
tui_keys p
tui_expect "p: as printed again" "Preview, as printed (80 columns)"
tui_keys Escape
# put it right: the mark goes
tui_keys 6 Enter
tui_expect "continued: one warning fewer" "errors 0  warnings 159"
expect_eq "no mark" "$(tui_cells "规章")" "1 0 6"
# break it again and keep it, with a reason
tui_keys Up 8 Enter
tui_expect "broken again" "errors 0  warnings 160"
tui_keys F3 End
tui_expect "F3 lists it, last, its figures first" "warning 表二 主动公开 › 第二十条第（一）项 › 规章 x 现行有效件数: 本年 8，按上年报告应为 6，差 2："
tui_keys a 新 规 章 统 计 口 径 Enter
tui_expect "acknowledged with its reason" "acknowledged 表二 主动公开 › 第二十条第（一）项 › 规章 x 现行有效件数"
tui_keys Escape
tui_expect "counted apart" "errors 0  warnings 159 (+1 acknowledged)"
tui_keys F2
tui_expect "saved" "Saved 2022.yaml"
tui_keys F10
tui_exited "quit" 0
run "$NIANBAO" check "$T/2022.yaml"
expect_has "check lists it acknowledged, with its reason" "$T/out" "acknowledged: 二、主动公开政府信息情况, row 第二十条第（一）项 / 规章, column 现行有效件数: 本年 8，按上年报告应为 6，差 2：现行有效件数应等于上年报告的现行有效件数加本年制发件数减本年废止件数 (新规章统计口径) [in_force_continues]"
expect_has "kept in the report" "$T/2022.yaml" "check: in_force_continues"

# at 80×24 in Chinese: the totals too stand beside last year's (its totals
# computed, as its rendering printed them)
cp "$TESTDATA/sum/a.yaml" "$T/a.yaml"
run "$NIANBAO" new --from "$T/a.yaml" -o "$T/a2023.yaml"
tui_start 80 24 "$T/a2023.yaml" LANGUAGE=zh_CN
tui_keys ']' L
tui_expect "L, in Chinese" "每列数值旁显示上年数值和增减（按 L 隐藏）"
tui_keys End
tui_expect "总计 has its three columns" "本年  上年  增减  本年  上年  增减  本年  上年  增减"
expect_eq "一、本年新收: 总计 last year 5" "$(tui_cells "一、本年新收")" "? - 0 ? - 0 - 5"
expect_eq "二、上年结转: 总计 2 against 1, +1" "$(tui_cells "二、上年结转")" "0 0 0 0 0 0 2 1 +1"
tui_keys NPage NPage NPage
expect_eq "（七）总计: last year 4" "$(tui_cells "（七）总计")" "- 0 - 0 - 4"
expect_eq "四、结转下年度: last year 2" "$(tui_cells "四、结转下年度")" "? - 0 ? - 0 - 2"
tui_keys F10
tui_exited "quit" 0
# a carried cell: the figure of last year's it came from, first
tui_start 80 24 "$T/a2023.yaml" LANGUAGE=zh_CN
tui_keys ']' Down
tui_expect "二、上年结转: last year's 1, and the 2 it was carried from" \
	"二、上年结转政府信息公开申请数量 x 自然人  [非负整数]  上年 1；结转 2，来自上年~"
# a figure that does not continue last year's: at 80 columns the status line
# keeps both figures and the difference, the rule's words give way
tui_keys 5 Enter Up
tui_expect "the cross-year warning, its figures first" "本年 5，按上年报告应为 2，差 3："
tui_keys F10 n
tui_exited "quit" 0
tui_start 120 24 "$T/a2023.yaml" LANGUAGE=en
tui_keys ']' Down
tui_expect "and where, when the screen is wide" "last year 1; 2 carried from its 四、结转下年度继续办理"
tui_keys F10
tui_exited "quit" 0
# the carried cells are not cells to fill: Enter passes them as it passes
# totals; [ on the cover wraps to the last page
tui_start 80 24 "$T/a2023.yaml" LANGUAGE=en
tui_keys ']' C-Home 3 Enter
tui_expect "Enter from 一 goes past 二、上年结转 (carried) to （一）予以公开" \
	"（一）予以公开 x 自然人"
tui_keys '[' '[' '[' '['
tui_expect "[ back to the cover" "Cover › 机关名称"
tui_keys '['
tui_expect "wraps to the last page" "六、其他需要报告的事项"
tui_keys F10 n
tui_exited "quit" 0
# the preview at 80x24 in Chinese: a screen a key, the start and the end,
# and the paper's own rules, line for line the .txt beside the report
cp "$SRCDIR/reports/guoyuan-2020.yaml" "$SRCDIR/reports/guoyuan-2020.txt" "$T/"
tui_start 80 24 "$T/guoyuan-2020.yaml" LANGUAGE=zh_CN
tui_keys F4
tui_expect "the preview names p" "打印预览（80 列）：翻页键翻屏，p 对照上年，F5 打印，Esc 返回"
tui_settle
expect_eq "its first screen: the .txt's first 22 lines" "$(sed -n '2,23p' "$T/screen")" "$(sed -n '1,22p' "$T/guoyuan-2020.txt")"
tui_keys NPage
tui_settle
expect_eq "PgDn: the next 22" "$(sed -n '2,23p' "$T/screen")" "$(sed -n '23,44p' "$T/guoyuan-2020.txt")"
tui_keys Space Space
tui_settle
expect_eq "Space: a screen too" "$(sed -n '2,23p' "$T/screen")" "$(sed -n '67,88p' "$T/guoyuan-2020.txt")"
tui_keys End
tui_settle
expect_eq "End: the last line at the bottom" "$(sed -n '23p' "$T/screen")" "$(tail -1 "$T/guoyuan-2020.txt")"
tui_keys Home
tui_settle
expect_eq "Home: the start" "$(sed -n '2p' "$T/screen")" "$(sed -n '1p' "$T/guoyuan-2020.txt")"
tui_keys Escape F10
tui_exited "quit" 0
# at 80 columns a 40-character organ gives way to the year and the counts;
# on 表四, a problem's status line says which 结果维持 it is
sed 's/organ: 甲街道办事处/organ: 平潭综合实验区管委会办公室汇总全区各有关单位政府信息公开工作情况报告机关总部/' \
	"$TESTDATA/sum/a.yaml" >"$T/long.yaml"
tui_start 80 24 "$T/long.yaml" LANGUAGE=zh_CN
tui_expect "the organ cut, the year and the counts kept" \
	"long.yaml      平潭综合实验区管委会办公室汇总全区各有关单~ 2022 错误 0  警告 135"
tui_keys ']' ']'
tui_expect "表四: the first 结果维持, of 行政复议" "未填写：没有数据的格应填0，空白不等于0  行政复议 › 结果维持"
tui_keys Right Right Right Right Right
tui_expect "the next, of 未经复议直接起诉" "空白不等于0  未经复议直接起诉 › 结果维持"
tui_keys F10
tui_exited "quit" 0
# a cover field being edited looks like a cell being typed into: the
# cursor in it, the status line saying so, the line-editing keys
cp "$TESTDATA/sum/a.yaml" "$T/cover.yaml"
tui_start 80 24 "$T/cover.yaml" LANGUAGE=zh_CN
tui_keys '[' '[' '[' Enter
tui_expect "the status line says what is being edited" "封面 › 机关名称  [文本]  正在修改：Enter 确认，Esc 取消，Ctrl-U 清空"
tui_settle
expect_eq "the cursor is in the field, after its text" \
	"$(tm display -p -t nb '#{cursor_flag} #{cursor_x} #{cursor_y}')" \
	"1 26 $(($(grep -n '机关名称    甲街道办事处' "$T/screen" | cut -d: -f1) - 1))"
tui_keys C-u
tui_expect "Ctrl-U clears it" "封面 › 机关名称"
expect_eq "empty, the cursor at its start" "$(tm display -p -t nb '#{cursor_x}') $(tui_line '机关名称' | tr -s ' ' | sed 's/^ //')" "14 机关名称"
tm send-keys -t nb -l "某某镇 人民政府"
tui_keys C-w
tm send-keys -t nb -l "政府办公室"
tui_keys Enter
tui_expect "Ctrl-W took the word before the cursor; Enter kept it" "cover.yaml [+]  某某镇 政府办公室 2022"
tui_keys Enter C-a C-k
tui_expect "Ctrl-A, Ctrl-K: all after the start, gone" "封面 › 机关名称"
tui_keys Escape
tui_expect "Esc: as it was" "某某镇 政府办公室 2022"
tui_keys F10 n
tui_exited "quit" 0
finish
