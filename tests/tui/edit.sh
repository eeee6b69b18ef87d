# The editing screen: the clerk's main flow on the sample report, in English
# and in Chinese, at 80x24 and 120x40.
. "${SRCDIR:-.}/tests/tui/lib.sh"

flow() { # LANGUAGE COLS ROWS
	lang=$1 cols=$2 rows=$3
	tag="$lang ${cols}x$rows"
	cp "$SRCDIR/reports/guoyuan-2020.yaml" "$T/r.yaml"
	rm -f "$T/r.txt" # the last flow's, which a fresh copy would not match
	tui_start "$cols" "$rows" "$T/r.yaml" "LANGUAGE=$lang"
	if [ "$lang" = zh_CN ]; then
		tui_expect "$tag: the title counts problems in Chinese" "错误 0  警告 1"
		tui_expect "$tag: the key hints are in Chinese" "F2 保存"
	else
		tui_expect "$tag: the title counts problems" "errors 0  warnings 1"
		tui_expect "$tag: the key hints" "F2 save"
	fi
	tui_expect "$tag: the tabs: this one in full" "表二 主动公开"
	tui_expect "$tag: the others (by their short names at 80 columns)" " 表三 "
	if [ "$lang" = zh_CN ]; then cover=" 封面 "; else cover=" Cover "; fi
	tui_expect "$tag: the cover and prose pages are tabs too" "$cover"
	tui_expect "$tag: 表二 first, cursor on its first cell" "第二十条第（一）项 › 规章 x 本年新制作数量"
	tui_keys ']'
	tui_expect "$tag: ] goes to 表三" "申请人情况"
	tui_expect "$tag: on its first cell" "一、本年新收政府信息公开申请数量 x 自然人"
	tui_keys 5 Enter
	tui_wait "errors 2" 2 || tui_wait "错误 2" 2
	expect_eq "$tag: the row shows 5 and its 总计 5, both flagged" \
		"$(tui_cells "一、本年新收")" "! 5 0 0 0 0 0 ! 5"
	if [ "$lang" = zh_CN ]; then
		tui_expect "$tag: two errors now" "错误 2  警告 1"
		tui_expect "$tag: modified marker" "r.yaml [+]"
	else
		tui_expect "$tag: two errors now" "errors 2  warnings 1"
		tui_expect "$tag: modified marker" "r.yaml [+]"
	fi
	tui_expect "$tag: Enter moved down, the status names the failing check" "勾稽关系不平衡"
	if [ "$cols" -lt 100 ]; then # the message by its name, not cut in a phrase
		tui_expect "$tag: its numbers and its name" "一+二 = 5，三（七）总计+四 = 0，差 5：勾稽关系不平衡~"
		tui_expect_not "$tag: not a phrase cut off" "第一项加第二项"
	else
		tui_expect "$tag: the whole message where it fits" \
			"差 5：勾稽关系不平衡：第一项加第二项之和，应等于第三项（七）总计加第四项之和"
	fi
	expect_eq "$tag: 二's 自然人 and 总计 are flagged too" \
		"$(tui_cells "二、上年结转")" "! 0 0 0 0 0 0 ! 0"
	tui_keys F2
	if [ "$lang" = zh_CN ]; then
		tui_expect "$tag: F2 saves and says what is left" "已保存 r.yaml 和 r.txt；还有 2 个错误"
	else
		tui_expect "$tag: F2 saves and says what is left" "Saved r.yaml and r.txt; 2 errors remain"
	fi
	tui_expect_not "$tag: no longer modified" "[+]"
	awk '/^  applications:/ { t = 1 } t && /^    new:/ { r = 1 } r && /natural:/ { print; exit }' \
		"$T/r.yaml" >"$T/got"
	expect_eq "$tag: the saved YAML holds the 5" "$(cat "$T/got")" "      natural: 5"
	run "$NIANBAO" check "$T/r.yaml"
	expect_rc "$tag: check finds errors" 1
	expect_eq "$tag: exactly the balance error on 自然人 and 总计" \
		"$(grep -c '\[balance\]' "$T/out") $(grep -c 'column 自然人:' "$T/out") $(grep -c 'column 总计:' "$T/out") $(wc -l <"$T/out" | tr -d ' ')" \
		"2 1 1 3"
	expect_has "$tag: the .txt beside it shows the 5" "$T/r.txt" "│ 一、本年新收政府信息公  │    5 │"
	tui_keys F10
	tui_exited "$tag: F10 quits at once when all is saved" 0
}

flow en 80 24
flow zh_CN 80 24
flow en 120 40
flow zh_CN 120 40
finish
