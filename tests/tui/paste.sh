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
finish
