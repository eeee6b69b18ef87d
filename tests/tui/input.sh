# What a Chinese input method types: full-width digits, 。 and ． for the
# point, ， between thousands, － for minus. Each becomes the figure meant;
# a character a cell cannot take is named, and nothing is dropped.
. "${SRCDIR:-.}/tests/tui/lib.sh"

cp "$SRCDIR/tests/data/sample-2021.yaml" "$T/r.yaml"
tui_start 80 24 "$T/r.yaml" LANGUAGE=en
typed() { tm send-keys -t nb -l "$1"; }

# 本年收费金额 (decimal, up to six places): 9116。36
tui_keys g
typed "行政事业性收费"
tui_expect "the search prompt" "Go to the row whose label contains: 行政事业性收费"
# the prompt is typed into where the screen's hidden cursor was left: the
# input method's window goes where the cursor is
expect_eq "the terminal's cursor is on, after what is typed in the prompt" \
	"$(tm display -p -t nb '#{cursor_flag} #{cursor_x} #{cursor_y}')" "1 50 22"
tui_keys Enter
tui_expect "on 行政事业性收费" "行政事业性收费 x 本年收费金额"
typed "9116。36"
tui_expect "the status line shows what is typed and what it will be" "Typing 9116。36 = 9116.36"
tui_keys Enter
# the last cell to fill of 表二: Enter goes on to 表三's first, saying so
tui_expect "Enter at the last cell goes on to the next table" \
	"That was the last cell to fill of its table: on to 表三 依申请公开"
back() { tui_keys g; typed "行政事业性收费"; tui_keys Enter; }
back
tui_expect "kept" "9116.36"
# the same with the full-width point
typed "9116．37"
tui_keys Enter
back
tui_expect "．is a point too" "9116.37"
# a letter in a number: named at once, kept, and the value refused whole
typed "9116x"
tui_expect "the letter is named" "'x' cannot be in a number: Backspace removes it"
typed "36"
tui_expect "and stays in what is typed" "Typing 9116x36 (not a value yet: x cannot be in a number)"
tui_keys Enter
tui_expect "Enter refuses the whole value" "'x' cannot be in a number: '9116x36' is refused"
tui_keys BSpace BSpace BSpace
typed "。36"
tui_keys Enter
tui_expect_not "after Backspace it is a number again" "refused"

# a value longer than its cell scrolls inside it, the cursor after it; the
# status line has it whole
tui_keys g
typed "行政许可"
tui_keys Enter
typed "12345678901234"
tui_expect "the status line shows all of it" "Typing 12345678901234"
tui_expect_not "and not again as its value, which is the same" "12345678901234 = "
expect_eq "the cell shows its end, not a cut-off start" \
	"$(tui_line "行政许可" | grep -c '8901234')" 1
expect_eq "the terminal's cursor is on, in the cell's row" \
	"$(tm display -p -t nb '#{cursor_flag} #{cursor_y}')" "1 $(grep -n '^行政许可' "$T/screen" | cut -d: -f1 | awk '{print $1 - 1}')"
tui_keys Escape

# counts: full-width digits, and thousands with the full-width comma
tui_keys g
typed "行政处罚"
tui_keys Enter
tui_expect "on 行政处罚" "行政处罚 x 本年处理决定数量"
typed "１２"
tui_keys Enter
tui_keys g
typed "行政强制"
tui_keys Enter
typed "10，690"
tui_expect "10，690 is read as 10690" "Typing 10，690 = 10690"
tui_keys Enter
# a point in a count is refused, not cut
tui_keys g
typed "行政许可"
tui_keys Enter
typed "12。"
tui_expect "a point in a count is named at once" "'。' this cell takes whole numbers only"
typed "5"
tui_keys Enter
tui_expect "and 12。5 is refused, not stored as 12 or 125" "'12。5' is not a whole number: refused"
tui_keys Escape
# thousands separators only in threes
typed "1，0690"
tui_keys Enter
tui_expect "1，0690 is refused" "has thousands separators out of place"
tui_keys Escape
tui_keys C-s
tui_expect "saved" "Saved r.yaml"
expect_has "9116.36 saved" "$T/r.yaml" "        amount: 9116.36"
expect_has "１２ saved as 12" "$T/r.yaml" "        decisions: 12"
expect_has "10，690 saved as 10690" "$T/r.yaml" "        decisions: 10690"
expect_lacks "12。5 saved as nothing at all" "$T/r.yaml" "decisions: 125"
tui_keys F10
tui_exited "quit" 0

# a signed cell (本年增/减, 2019 format): full-width and typographic minus
cp "$SRCDIR/reports/guoyuan-2020.yaml" "$T/s.yaml"
tui_start 80 24 "$T/s.yaml" LANGUAGE=zh_CN
tui_keys g
typed "行政处罚"
tui_keys Enter Right
typed "－3"
tui_keys Enter
tui_keys g
typed "行政强制"
tui_keys Enter Right
typed "−18"
tui_keys Enter
# a minus in a count (上一年项目数量) is named in Chinese
tui_keys g
typed "行政处罚"
tui_keys Enter
typed "－"
tui_expect "a minus in a count, in Chinese" "此格不能为负数"
tui_keys Escape
tui_keys C-s
tui_expect "saved" "已保存"
grep -A3 "penalty:" "$T/s.yaml" | grep "change:" >"$T/penalty"
expect_eq "－3 saved as -3" "$(tr -d ' ' <"$T/penalty")" "change:-3"
grep -A3 "enforcement:" "$T/s.yaml" | grep "change:" >"$T/enforcement"
expect_eq "−18 saved as -18" "$(tr -d ' ' <"$T/enforcement")" "change:-18"
tui_keys F10
tui_exited "quit" 0
finish
