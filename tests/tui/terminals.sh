# The raw bytes real terminals send, whatever TERM says: PuTTY's Home and
# F2 under TERM=xterm, rxvt's and the Linux console's keys, modifiers,
# unknown sequences. Proved by the saved file: only the cell meant changes.
. "${SRCDIR:-.}/tests/tui/lib.sh"

# hex strings, one key each, that move or do nothing: never an edit
NAV="1b5b41 1b5b42 1b5b43 1b5b44 1b4f41 1b4f42 1b4f43 1b4f44
1b5b48 1b5b46 1b4f48 1b4f46 1b5b317e 1b5b347e 1b5b377e 1b5b387e
1b5b357e 1b5b367e 1b5b49 1b5b47 1b5b327e 1b5b4c
1b5b313b3241 1b5b313b3544 1b5b313b3348 1b5b61 1b4f64 1b1b5b41 1b5b375e 1b5b3824
1b5b31377e 1b5b31387e 1b5b31397e 1b5b32307e 1b5b32337e 1b5b32347e 1b4f55 1b5b53
1b5b363b357e 1b5b355e 1b5b5a 1b5b39397e 1b5b313b323b3341"

hexkeys() { for h in "$@"; do tm send-keys -t nb -H $(echo "$h" | sed 's/../& /g'); done; }

cp "$SRCDIR/reports/guoyuan-2020.yaml" "$T/orig.yaml"
"$NIANBAO" export --csv "$T/orig.yaml" >"$T/orig.csv"
for term in xterm xterm-256color screen tmux-256color linux vt100 rxvt; do
	cp "$T/orig.yaml" "$T/r.yaml"
	rm -f "$T/r.txt" "$T/.r.yaml".*
	tui_start 80 24 "$T/r.yaml" LANGUAGE=en TERM=$term
	tui_keys ']'
	tui_expect "$term: on 表三" "一、本年新收政府信息公开申请数量 x 自然人"
	# every navigation key of every terminal: nothing may change
	hexkeys $NAV
	tui_settle
	tui_expect_not "$term: 44 keys from 7 kinds of terminal change nothing" "[+]"
	# an unknown sequence is named, never typed
	hexkeys 1b5b39397e
	tui_expect "$term: an unknown sequence is named whole" "Unknown key ESC [ 9 9 ~: nothing done"
	tui_expect_not "$term: and changes nothing" "[+]"
	# Ctrl-Home (xterm) goes to the first cell to fill; 5, Enter
	hexkeys 1b5b313b3548
	tui_expect "$term: Ctrl-Home goes to the first cell to fill" "一、本年新收政府信息公开申请数量 x 自然人"
	# Enter goes down to the next cell to fill: 7 lands in 二
	tui_keys 5 Enter 7 Enter
	# PuTTY's F2 saves, its F10 quits
	hexkeys 1b5b31327e
	tui_expect "$term: PuTTY's F2 (ESC [ 1 2 ~) saves" "Saved r.yaml and r.txt"
	hexkeys 1b5b32317e
	tui_exited "$term: PuTTY's F10 (ESC [ 2 1 ~) quits" 0
	"$NIANBAO" export --csv "$T/r.yaml" >"$T/new.csv"
	diff "$T/orig.csv" "$T/new.csv" | grep '^>' | tr -d '\r' >"$T/diff"
	expect_eq "$term: exactly the cells typed changed, and their totals" \
		"$(cat "$T/diff")" \
		"> 三、收到和处理政府信息公开申请情况,一、本年新收政府信息公开申请数量,自然人,5
> 三、收到和处理政府信息公开申请情况,一、本年新收政府信息公开申请数量,总计,5
> 三、收到和处理政府信息公开申请情况,二、上年结转政府信息公开申请数量,自然人,7
> 三、收到和处理政府信息公开申请情况,二、上年结转政府信息公开申请数量,总计,7"
done

# PuTTY's Home then Enter (the report of the issue): Home is Home, Enter
# edits the cell it is on, Esc leaves it; nothing is typed into 表二
cp "$T/orig.yaml" "$T/r.yaml"
tui_start 80 24 "$T/r.yaml" LANGUAGE=en TERM=xterm
tui_keys ']'
tui_expect "on 表三 again" "一、本年新收政府信息公开申请数量 x 自然人"
hexkeys 1b5b317e
tui_keys Enter
tui_expect "Enter after PuTTY's Home edits the cell, on 表三" "Typing 0"
tui_expect "the status line still names the cell" "一、本年新收政府信息公开申请数量 x 自然人"
tui_keys Escape
hexkeys 1b5b31327e
tui_expect_not "nothing changed, nothing to save" "[+]"
tui_keys C-q
tui_exited "quit" 0
expect_same "the file is as it was" "$T/r.yaml" "$T/orig.yaml"
finish
