# Never lose a clerk's work: a closed terminal or a kill -9 leaves every
# committed edit recoverable; a second nianbao is told who holds the report;
# a file changed on disk is not silently overwritten; a failed save offers
# another name.
. "${SRCDIR:-.}/tests/tui/lib.sh"

cp "$SRCDIR/reports/guoyuan-2020.yaml" "$T/r.yaml"
cp "$T/r.yaml" "$T/orig.yaml"
journal="$T/.r.yaml.recover"

# three edits over two tables, then the terminal closes (SIGHUP)
tui_start 80 24 "$T/r.yaml" LANGUAGE=en
tui_keys 7 Enter
tui_keys ']'
tui_wait "申请人情况" 2
tui_keys 5 Tab 2 Enter
tui_wait "errors 2" 2
expect_eq "each committed edit is in the journal at once" "$(grep -c '^cell' "$journal")" 3
expect_eq "the journal is private (0600)" "$(stat -c %a "$journal")" 600
pid=$(pgrep -f "nianbao $T/r.yaml" | head -1)
tm kill-server
for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
expect_same "the report on disk is untouched" "$T/r.yaml" "$T/orig.yaml"
expect_eq "the journal survives the closed terminal" "$(test -f "$journal" && echo yes)" yes
expect_absent "the lock is released" "$T/.r.yaml.lock"

# the next start offers them
tm kill-server 2>/dev/null
tui_start 80 24 "$T/r.yaml" LANGUAGE=en
tui_expect "the edits are offered" "3 edits to r.yaml from an earlier session were not saved."
tui_keys s
tui_expect "S shows the difference" "表三 依申请公开 › 一、本年新收政府信息公开申请数量 x 自然人: 0 -> 5"
tui_expect "every edit" "表二 主动公开 › 第二十条第（一）项 › 规章 x 本年新制作数量: 0 -> 7"
tui_expect "one too long for 80 columns is wrapped, not cut" "  业: 0 -> 2"
tui_keys x
tui_expect "any key goes back" "R  recover them"
tui_keys r
tui_expect "R recovers them" "3 edits recovered; F2 saves them"
tui_expect "all edits back, unsaved" "r.yaml [+]"
expect_eq "表二's 7 is back" "$(tui_cells "规章")" "? 7 ? 0 0"
tui_keys ']'
tui_wait "申请人情况" 2
expect_eq "表三's 5 and 2 are back, with their total" "$(tui_cells "一、本年新收")" "! 5 ! 2 0 0 0 0 ! 7"
# recovered through the one edit path: one step of undo
tui_keys u
tui_expect "u takes the recovered edits back in one step" "Undone: 3 changes"
tui_expect_not "back to the file as saved: nothing to save" "r.yaml [+]"
tui_keys C-r
tui_expect "redo brings them back" "Redone: 3 changes"
tui_expect "unsaved again" "r.yaml [+]"
tui_keys F2
tui_expect "saved" "Saved r.yaml and r.txt"
expect_absent "a clean save removes the journal" "$journal"
expect_has "the file holds the recovered edits" "$T/r.yaml" "        made: 7"
tui_keys F10
tui_exited "quit" 0
expect_absent "a clean quit leaves no lock" "$T/.r.yaml.lock"

# an acknowledgement is journaled like any edit
cp "$T/orig.yaml" "$T/r.yaml"
tui_start 80 24 "$T/r.yaml" LANGUAGE=en
tui_keys F3
tui_wait "Problems: 0 errors, 1 warning" 2
tui_keys a 内 部 Enter Escape
tui_expect "acknowledged" "(+1 acknowledged)"
expect_eq "the acknowledgement is in the journal" "$(grep -c '^ack	made_not_published	proactive	item1	normative	-	内部$' "$journal")" 1
pkill -9 -f "nianbao $T/r.yaml"
sleep 0.3
tm kill-server
tui_start 80 24 "$T/r.yaml" LANGUAGE=en
tui_expect "offered after kill -9" "1 edit to r.yaml from an earlier session was not saved."
tui_keys s
tui_expect "shown" "Problems › 本年新制作了文件但新公开数量为0"
tui_keys x r
tui_expect "recovered" "(+1 acknowledged)"
tui_keys F2
tui_expect "saved" "Saved r.yaml"
expect_has "kept in the report" "$T/r.yaml" "reason: 内部"
tui_keys F10
tui_exited "quit" 0

# SIGTERM and SIGINT from outside: the screen is left cleanly, the edit kept
for sig in TERM INT; do
	cp "$T/orig.yaml" "$T/r.yaml"
	tui_start 80 24 "$T/r.yaml" LANGUAGE=en
	tui_keys 3 Enter
	tui_wait "r.yaml [+]" 2
	pkill -"$sig" -f "nianbao $T/r.yaml"
	tui_exited "SIG$sig ends nianbao at once" 0
	expect_eq "SIG$sig: the edit is in the journal" "$(grep -c '^cell' "$journal")" 1
	expect_absent "SIG$sig: the lock is released" "$T/.r.yaml.lock"
	rm -f "$journal"
done

# kill -9 with an edit: the journal survives, the dead process's lock is
# stale and taken over without a question
cp "$T/orig.yaml" "$T/r.yaml"
tui_start 80 24 "$T/r.yaml" LANGUAGE=en
tui_keys 4 Enter
tui_wait "r.yaml [+]" 2
pid=$(pgrep -f "nianbao $T/r.yaml" | head -1)
kill -9 "$pid"
sleep 0.2
expect_eq "the lock of the killed process is left" "$(test -f "$T/.r.yaml.lock" && echo yes)" yes
tm kill-server
tui_start 80 24 "$T/r.yaml" LANGUAGE=en
tui_expect "after kill -9 the edit is offered" "1 edit to r.yaml from an earlier session was not saved."
tui_keys d
tui_expect "D discards" "The unsaved edits were discarded"
expect_absent "and removes the journal" "$journal"
expect_eq "the cell keeps the saved value" "$(tui_cells "规章")" "0 0 0"

# a second nianbao on the same report is told who holds it
first=$TMUX_SOCK
TMUX_SOCK="$first-second"
tm new-session -d -s nb -x 80 -y 24 \
	"env LANG=C.UTF-8 LANGUAGE=en NIANBAO_FORMS='$NIANBAO_FORMS' NIANBAO_LOCALEDIR='$NIANBAO_LOCALEDIR' '$NIANBAO' '$T/r.yaml'; sleep 5"
tui_expect "the second is told who has it" "is open in another nianbao: process"
tui_expect "and since when" "since 20"
tui_keys r
tui_expect "R opens it read-only" "Read-only"
tui_keys 5
tui_expect "edits are refused" "Read-only: the report is open in another nianbao"
tui_keys F2
tui_expect "saving is refused" "Read-only: the report is open in another nianbao"
tui_keys F10
sleep 0.3
tm kill-server
TMUX_SOCK=$first
expect_eq "the first still holds its lock" "$(test -f "$T/.r.yaml.lock" && echo yes)" yes

# the file changes on disk while open: saving asks
tui_keys 6 Enter
sed -i 's/projects: 2/projects: 9/' "$T/r.yaml"
cp "$T/r.yaml" "$T/theirs.yaml"
tui_keys F2
tui_expect "saving over a changed file asks" "changed on disk since it was opened."
tui_keys Escape
tui_expect "Esc: not saved" "Not saved"
expect_same "their change is intact" "$T/r.yaml" "$T/theirs.yaml"
tui_keys F2
tui_expect "asks again" "O  overwrite it with this report"
tui_keys o
tui_expect "O overwrites" "Saved r.yaml and r.txt"
expect_has "our edit is in" "$T/r.yaml" "        made: 6"
tui_keys F10
tui_exited "quit" 0

# a save that fails offers another name; the report stays as it was (its
# rendering made to match first: a stale one is written again on opening,
# which would take the fault meant for the save)
cp "$T/orig.yaml" "$T/r.yaml"
"$NIANBAO" render "$T/r.yaml" -o "$T/r.txt" --force
tui_start 80 24 "$T/r.yaml" LANGUAGE=en NIANBAO_TEST_FAULT=rename:1
tui_keys 8 Enter
tui_keys F2
tui_expect "the failure is shown" "Not saved: cannot save (renaming into place)"
tui_expect "with a save-as prompt prefilled with the name" "/r.yaml"
tui_expect "the prompt" "Save as: "
expect_same "the report is as it was" "$T/r.yaml" "$T/orig.yaml"
tui_keys BSpace BSpace BSpace BSpace BSpace BSpace r 2 . y a m l
tui_expect "typing the new name" "/r2.yaml"
tui_keys Enter
tui_expect "saved under the new name" "Saved r2.yaml and r2.txt"
expect_has "the new file holds the edit" "$T/r2.yaml" "        made: 8"
expect_same "the old one is untouched" "$T/r.yaml" "$T/orig.yaml"
tui_expect "the title follows the new name" "r2.yaml      果园街道办事处"
tui_keys F10
tui_exited "quit" 0
expect_absent "no lock left on the new name" "$T/.r2.yaml.lock"

# a rendering left disagreeing with its report is written again on opening
cp "$SRCDIR/reports/guoyuan-2020.yaml" "$T/k.yaml"
printf 'an old rendering\n' >"$T/k.txt"
tui_start 80 24 "$T/k.yaml" LANGUAGE=en
tui_expect "said on opening" "The text rendering beside the report did not match it: written again"
"$NIANBAO" render "$T/k.yaml" >"$T/k.want"
expect_same "and it is the report's again" "$T/k.txt" "$T/k.want"
tui_keys F10
tui_exited "quit" 0

# shared folders: a lock that cannot be taken opens read-only, saying why
cp "$SRCDIR/reports/guoyuan-2020.yaml" "$T/s.yaml"
ln -s "$T/elsewhere" "$T/.s.yaml.lock"
tui_start 80 24 "$T/s.yaml" LANGUAGE=en
tui_expect "a link in place of the lock: read-only, and why" "Read-only: cannot lock"
tui_keys 5
tui_expect "nothing can be typed" "Read-only: the report is open in another nianbao"
tui_keys F10
tui_exited "quit" 0
expect_absent "the link's target was not created" "$T/elsewhere"
rm -f "$T/.s.yaml.lock"

# a journal planted as a link to another file: never written through
printf 'not yours\n' >"$T/victim"
ln -s "$T/victim" "$T/.s.yaml.recover"
tui_start 80 24 "$T/s.yaml" LANGUAGE=en
tui_expect_not "a planted journal is not offered" "from an earlier session"
tui_keys 5 Enter
tui_expect "the edit is kept, and not journaled through the link" "not being recorded for recovery"
expect_eq "the link's target is untouched" "$(cat "$T/victim")" "not yours"
tui_keys F10 d
tui_exited "quit" 0
finish
