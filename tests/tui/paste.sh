# A block copied from WPS or Excel, pasted with the terminal's bracketed
# paste: each value checked against its cell, computed cells skipped over,
# one undo step, nothing pasted if any value is wrong.
. "${SRCDIR:-.}/tests/tui/lib.sh"

cp "$SRCDIR/reports/guoyuan-2020.yaml" "$T/r.yaml"
tui_start 80 24 "$T/r.yaml" LANGUAGE=en
paste() { tm set-buffer -b p "$(printf "$1")"; tm paste-buffer -p -b p -t nb; }
tui_keys ']'
tui_expect "表三" "一、本年新收政府信息公开申请数量 x 自然人"

# 3 rows of 7 columns, totals included, as a spreadsheet copies them
paste '1\t2\t3\t4\t5\t6\t21\n7\t0\t0\t0\t0\t0\t7\n9\t0\t0\t0\t0\t0\t9'
tui_expect "the block is pasted" "Pasted 18 values, a block of 3 x 7 (u undoes them all)"
expect_eq "row 一" "$(tui_cells "一、本年新收")" "! 1 ! 2 ! 3 ! 4 ! 5 ! 6 ! 21"
expect_eq "row 二" "$(tui_cells "二、上年结转")" "! 7 ! 0 ! 0 ! 0 ! 0 ! 0 ! 7"
expect_eq "row （一） (the group line is not a row)" "$(tui_cells "（一）予以公开")" "9 0 0 0 0 0 9"
tui_keys u
tui_expect "one undo takes the whole paste back" "Undone: 8 changes"
expect_eq "row 一 as it was" "$(tui_cells "一、本年新收")" "0 0 0 0 0 0 0"
expect_eq "row （一） as it was" "$(tui_cells "（一）予以公开")" "0 0 0 0 0 0 0"

# one bad value: nothing is pasted, the message says which (undo left the
# cursor on the cell it restored: back to the top first)
tui_keys PPage PPage Home
paste '1\t2\t3\nx\t5\t6'
tui_expect "a letter stops the paste, naming it and the cell (cut at 80 columns)" "Nothing pasted: 'x' cannot be in a whole number: 'x' is refused (二、上年结转"
expect_eq "and nothing changed" "$(tui_cells "一、本年新收")" "0 0 0 0 0 0 0"
paste '1\t-2'
tui_expect "a negative count stops it" "Nothing pasted: '-2'"
tui_keys PPage PPage Home
paste '1\t2\t3\t4\t5\t6\t7\t8'
tui_expect "a block wider than the table stops it, saying both sizes" \
	"Nothing pasted: a block of 1 x 8, room from here 23 x 7 (rows x columns)"
expect_eq "still nothing changed" "$(tui_cells "一、本年新收")" "0 0 0 0 0 0 0"
tui_keys F10 d
tui_exited "quit" 0

# the same 2 x 3 block however its rows end: each gives the same report
# (-r: the bytes as they are; without it tmux turns LF into CR, as many
# terminals do, so CRLF arrives as CR CR)
vn=0
for v in 'lf|1\t2\t3\n4\t5\t6' 'lf-final|1\t2\t3\n4\t5\t6\n' 'crlf|1\t2\t3\r\n4\t5\t6\r\n' \
	'cr|1\t2\t3\r4\t5\t6' 'crcr|1\t2\t3\r\r4\t5\t6\r\r' \
	'excel-tab|1\t2\t3\t\r\n4\t5\t6\t\r\n' 'quoted|"1"\t2\t"3"\n4\t"5"\t6\n' \
	'ime|１\t2\t3\r\n４\t５\t６'; do
	name=${v%%|*} text=${v#*|}
	vn=$((vn + 1))
	cp "$SRCDIR/reports/guoyuan-2020.yaml" "$T/v$vn.yaml"
	tui_start 80 24 "$T/v$vn.yaml" LANGUAGE=en
	tui_keys ']'
	tui_expect "$name: on 表三" "一、本年新收政府信息公开申请数量 x 自然人"
	# the exact bytes, a final row end included
	printf "$text" >"$T/block"
	tm load-buffer -b p "$T/block"
	if [ "$name" = lf ]; then
		tm paste-buffer -p -b p -t nb
	else
		tm paste-buffer -p -r -b p -t nb
	fi
	tui_expect "$name: pasted as 2 rows of 3" "Pasted 6 values, a block of 2 x 3"
	tui_keys C-s
	tui_expect "$name: saved" "Saved v$vn.yaml"
	tui_keys F10
	tui_exited "$name: quit" 0
	"$NIANBAO" export --csv "$T/v$vn.yaml" >"$T/v$vn.csv"
done
for i in 2 3 4 5 6 7 8; do
	expect_same "variant $i gives the report the first gave" "$T/v1.csv" "$T/v$i.csv"
done
row() { grep ",$1" "$T/v1.csv" | cut -d, -f4 | tr -d '\r' | tr '\n' ' '; }
expect_eq "row 一 holds 1 2 3, then what it held" "$(row 一、本年新收)" "1 2 3 0 0 0 6 "
expect_eq "row 二 holds 4 5 6, then what it held" "$(row 二、上年结转)" "4 5 6 0 0 0 15 "
finish
