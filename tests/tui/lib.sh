# Helpers for tests of the real editing screen in a real terminal: nianbao
# runs in a detached tmux of a fixed size on its own server socket; keys go
# in with send-keys and the screen comes back with capture-pane.
. "${SRCDIR:-.}/tests/cli/lib.sh"

# each start gets a server of its own: no race with the previous one ending
tui_n=0
TMUX_SOCK="nianbao-test-$$-0"
tm() { tmux -L "$TMUX_SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT

# tui_start COLS ROWS FILE [VAR=VALUE...]: starts nianbao on FILE (with the
# options in $TUI_ARGS, if any); its exit status lands in $T/status when it
# ends.
tui_start() {
	cols=$1 rows=$2 file=$3
	shift 3
	rm -f "$T/status"
	case " $* " in
	*NIANBAO_WIDE_AMBIGUOUS=1*) tui_amb=1 ;;
	*) tui_amb=0 ;;
	esac
	tm kill-server 2>/dev/null
	tui_n=$((tui_n + 1))
	TMUX_SOCK="nianbao-test-$$-$tui_n"
	tm new-session -d -s nb -x "$cols" -y "$rows" \
		"env LANG=C.UTF-8 XDG_STATE_HOME='$T/state' NIANBAO_TEST_SYNC='$T/sync' NIANBAO_FORMS='$NIANBAO_FORMS' NIANBAO_LOCALEDIR='$NIANBAO_LOCALEDIR' $* '$NIANBAO' ${TUI_ARGS:-} '$file'; echo \$? >'$T/status'; sleep 5"
	tui_wait "F1" 5 || tui_wait "帮助" 1
}

# tui_keys KEY...: as a person types them. After Esc a person pauses longer
# than the Esc delay (ESCDELAY, 50 ms); keys sent at once after it would be
# Alt and the key, as a terminal sends them.
tui_keys() {
	for k in "$@"; do
		tm send-keys -t nb "$k"
		[ "$k" = Escape ] && sleep 0.15
	done
	return 0
}
# every screen shown in the default mode is kept, to be scanned at the end,
# but the preview's: it shows the paper, box drawing and all
tui_amb=0
tui_screen() {
	tm capture-pane -p -t nb >"$T/screen" 2>/dev/null
	if [ "$tui_amb" = 0 ] && ! cmp -s "$T/screen" "$T/screen.kept" &&
		! head -1 "$T/screen" | grep -qE '^(Preview, as printed|Beside last year \(p|打印预览|与上年对照)'; then
		cat "$T/screen" >>"$T/screens.all"
		cp "$T/screen" "$T/screen.kept"
	fi
}

# No screen of the default mode may hold a character of East Asian Width
# class A: a terminal set to draw them two wide would misalign the grid.
tui_scan_ambiguous() {
	touch "$T/screens.all"
	python3 - "$T/screens.all" >"$T/ambiguous" <<'PY'
import sys, unicodedata
found = {}
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    for ch in line:
        if unicodedata.east_asian_width(ch) == "A" and ch not in found:
            found[ch] = line.rstrip("\n")
for ch, line in found.items():
    print("U+%04X %s in: %s" % (ord(ch), ch, line))
PY
	if [ ! -s "$T/ambiguous" ]; then
		ok "no character of ambiguous East Asian width on any screen ($(grep -c '' "$T/screens.all") lines scanned)"
	else
		not_ok "characters of ambiguous East Asian width on screen"
		diag "$T/ambiguous"
	fi
}

finish() {
	tui_scan_ambiguous
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}

# tui_wait TEXT [SECONDS]: until the screen shows TEXT; 1 if it never does.
tui_wait() {
	n=$(( ${2:-5} * 20 ))
	while [ "$n" -gt 0 ]; do
		tui_screen
		grep -qF -- "$1" "$T/screen" && return 0
		sleep 0.05
		n=$((n - 1))
	done
	return 1
}

# tui_expect NAME TEXT: the screen shows TEXT (waiting a little for it)
tui_expect() {
	if tui_wait "$2" 3; then ok "$1"; else
		not_ok "$1: '$2' not on screen"
		diag "$T/screen"
	fi
}

# tui_sync: until nianbao has read every key sent so far and drawn the
# screen they make (it answers an agreed unknown key by a line in
# $T/sync, NIANBAO_TEST_SYNC); 1 if it never does
tui_sync() {
	before=$(cat "$T/sync" 2>/dev/null | wc -l)
	tm send-keys -t nb -l "$(printf '\033[9999~')"
	n=100
	while [ "$n" -gt 0 ]; do
		[ "$(cat "$T/sync" 2>/dev/null | wc -l)" -gt "$before" ] && sleep 0.05 && return 0
		sleep 0.05
		n=$((n - 1))
	done
	return 1
}

# tui_absent WHAT TEXT: TEXT is not on the screen as it is now: for the
# start screen (plain prompts, no sync key), after a tui_expect that saw
# the screen every key so far made
tui_absent() {
	tui_screen
	if ! grep -qF -- "$2" "$T/screen"; then ok "$1"; else
		not_ok "$1: '$2' is on screen"
		diag "$T/screen"
	fi
}

# tui_expect_not WHAT TEXT: once every key sent has been read, TEXT is not
# on the screen (a check made before the keys are read proves nothing)
tui_expect_not() {
	if ! tui_sync; then
		not_ok "$1: nianbao did not read the keys"
		return
	fi
	tui_screen
	if ! grep -qF -- "$2" "$T/screen"; then ok "$1"; else
		not_ok "$1: '$2' is on screen"
		diag "$T/screen"
	fi
}

# tui_line TEXT: the screen line that contains TEXT
tui_line() { tui_screen; grep -F -- "$1" "$T/screen" | head -1; }

# tui_settle: until two captures 100 ms apart are the same (at most 3 s)
tui_settle() {
	n=30
	tui_screen
	while [ "$n" -gt 0 ]; do
		cp "$T/screen" "$T/screen.before"
		sleep 0.1
		tui_screen
		cmp -s "$T/screen" "$T/screen.before" && return 0
		n=$((n - 1))
	done
}

# tui_cells LABEL: what the row whose label starts with LABEL shows right of
# its label, spaces squeezed (once the screen has settled)
tui_cells() {
	tui_settle
	grep -F -- "$1" "$T/screen" | head -1 | tr -s ' ' | sed 's/^ *[^ ]* //; s/ *$//'
}

# tui_exited NAME STATUS: nianbao ended, with this exit status
tui_exited() {
	n=100
	# the shell makes the file before it writes the status in it: wait
	# for the status, not the file
	while [ ! -s "$T/status" ] && [ "$n" -gt 0 ]; do sleep 0.05; n=$((n - 1)); done
	if [ -s "$T/status" ]; then expect_eq "$1" "$(cat "$T/status")" "$2"; else
		not_ok "$1: nianbao is still running"
	fi
}

tui_running() {
	if [ ! -f "$T/status" ]; then ok "$1"; else not_ok "$1: nianbao exited ($(cat "$T/status"))"; fi
}
