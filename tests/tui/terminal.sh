# The terminal: resizing down to nothing and back, monochrome, NO_COLOR, a
# non-UTF-8 locale, and a terminal that goes away.
. "${SRCDIR:-.}/tests/tui/lib.sh"

cp "$SRCDIR/reports/guoyuan-2020.yaml" "$T/r.yaml"
tui_start 80 24 "$T/r.yaml" LANGUAGE=en
tui_keys ']' Down Down
tui_expect "cursor on （一）予以公开" "三、本年度办理结果 › （一）予以公开 x 自然人"
for size in "100 30" "60 20" "20 5" "1 1" "40 10" "30 8" "80 24"; do
	tm resize-window -t nb -x "${size% *}" -y "${size#* }"
	sleep 0.2
	tui_running "alive at ${size% *}x${size#* }"
done
tm resize-window -t nb -x 20 -y 5
tui_expect "a tiny window says so" "Window too small"
tm resize-window -t nb -x 80 -y 24
tui_expect "back at 80x24 the grid returns" "申请人情况"
tui_expect "and the cursor is on its cell" "三、本年度办理结果 › （一）予以公开 x 自然人"
tui_expect "the key hints are back" "F1 help"
tui_keys F10
tui_exited "quit after resizing" 0

tui_start 80 24 "$T/r.yaml" LANGUAGE=en TERM=vt100
tui_expect "usable on a vt100" "第二十条第（一）项 › 规章 x 本年新制作数量"
tui_wait "规范性文件" 2
expect_eq "the warning shows without colour, on both cells of its check" "$(tui_cells "规范性文件")" "? 1 ? 0 0"
tui_keys C-q
tui_exited "Ctrl-Q quits on a vt100 (it has no F10)" 0

tui_start 80 24 "$T/r.yaml" LANGUAGE=en NO_COLOR=1
tui_expect "usable with NO_COLOR" "errors 0  warnings 1"
tui_keys ']' 5 Enter
tui_wait "errors 2" 2
expect_eq "errors show with NO_COLOR" "$(tui_cells "一、本年新收")" "! 5 0 0 0 0 0 ! 5"
tui_keys F10 d
tui_exited "quit with NO_COLOR" 0

# a non-UTF-8 locale: a clear message instead of garbage
run env LANG=C LC_ALL=C "$NIANBAO" "$T/r.yaml"
expect_rc "a non-UTF-8 locale is refused" 2
expect_has "with a message" "$T/err" "is not UTF-8; set LANG to a UTF-8 locale"

# the terminal goes away: nianbao is gone at once, not spinning
tui_start 80 24 "$T/r.yaml" LANGUAGE=en
pid=$(pgrep -f "nianbao $T/r.yaml" | head -1)
tm kill-server
# gone, or a zombie waiting for a parent that may never reap it
alive() { [ -r "/proc/$1/stat" ] && ! sed 's/^.*) //' "/proc/$1/stat" | grep -q '^Z'; }
gone=0
for i in 1 2 3 4 5 6 7 8 9 10; do
	if ! alive "$pid"; then gone=1; break; fi
	sleep 0.1
done
if [ -z "$pid" ]; then not_ok "the process was not found"; fi
expect_eq "nianbao exits within a second of its terminal closing" "$gone" 1

# LANG=zh_CN.UTF-8 sent over SSH to a machine without that locale: the
# terminal is UTF-8 all the same, and the interface Chinese
if ! locale -a 2>/dev/null | grep -qi '^zh_CN.utf-\?8$'; then
	tui_start 80 24 "$T/r.yaml" LC_ALL= LANG=zh_CN.UTF-8 LANGUAGE=
	tui_expect "a missing zh_CN.UTF-8 still opens, in Chinese" "F1 帮助"
	tui_keys F10
	tui_exited "quit" 0
else
	ok "a missing zh_CN.UTF-8 still opens, in Chinese (installed here: nothing to try)"
	ok "quit"
fi
finish
