# Saving keeps a report's mode (and group) for the report, its FILE~ and
# its rendering; a report that is a symbolic link is written through.
. "${SRCDIR:-.}/tests/cli/lib.sh"

for mode in 600 640 664; do
	"$NIANBAO" new --form gov-info-2021 -o "$T/m$mode.yaml" --organ 甲 --year 2024 >/dev/null
	chmod "$mode" "$T/m$mode.yaml"
	chmod 644 "$T/m$mode.txt"
	run "$NIANBAO" new --form gov-info-2021 -o "$T/m$mode.yaml" --organ 乙 --year 2024 --force
	expect_rc "$mode: saved again" 0
	expect_eq "$mode: the report keeps its mode" "$(stat -c %a "$T/m$mode.yaml")" "$mode"
	expect_eq "$mode: so does its backup" "$(stat -c %a "$T/m$mode.yaml~")" "$mode"
	expect_eq "$mode: and its rendering" "$(stat -c %a "$T/m$mode.txt")" "$mode"
	expect_has "$mode: the new text is in" "$T/m$mode.yaml" "organ: 乙"
done
if [ "$(id -u)" -eq 0 ]; then
	"$NIANBAO" new --form gov-info-2021 -o "$T/g.yaml" --organ 甲 --year 2024 >/dev/null
	chgrp 4 "$T/g.yaml" # adm
	chmod 640 "$T/g.yaml"
	"$NIANBAO" new --form gov-info-2021 -o "$T/g.yaml" --organ 乙 --year 2024 --force >/dev/null
	expect_eq "the group is kept too" "$(stat -c %g:%a "$T/g.yaml")" "4:640"
else
	ok "the group is kept too (needs root to give a file to a group: not tried)"
fi

# a symbolic link: the target gets the new report, the link stays a link
mkdir -p "$T/real"
"$NIANBAO" new --form gov-info-2021 -o "$T/real/r.yaml" --organ 甲 --year 2024 >/dev/null
ln -s "$T/real/r.yaml" "$T/link.yaml"
run "$NIANBAO" new --form gov-info-2021 -o "$T/link.yaml" --organ 乙 --year 2024 --force
expect_rc "saving through a link" 0
expect_eq "the link is still a link" "$(test -L "$T/link.yaml" && echo link)" "link"
expect_has "its target holds the new report" "$T/real/r.yaml" "organ: 乙"
expect_has "the rendering is beside the target" "$T/real/r.txt" "乙2024年"
expect_has "and the backup" "$T/real/r.yaml~" "organ: 甲"

# -o: devices are written in place, a report is never replaced by text, a
# file of another kind only with --force
sample="$SRCDIR/reports/guoyuan-2020.yaml"
cp "$sample" "$T/o.yaml"
if [ "$(id -u)" -eq 0 ]; then
	run "$NIANBAO" render "$T/o.yaml" -o /dev/null
	expect_rc "-o /dev/null as root" 0
	expect_eq "/dev/null is still a character device" "$(stat -c %F /dev/null)" "character special file"
else
	ok "-o /dev/null as root (not root here: nothing to try)"
	ok "/dev/null is still a character device"
fi
"$NIANBAO" render "$T/o.yaml" -o /dev/stdout >"$T/stdout.txt"
expect_has "-o /dev/stdout writes to standard output" "$T/stdout.txt" "果园街道办事处2020年政府信息公开工作年度报告"
"$NIANBAO" export --csv "$T/o.yaml" -o - >"$T/dash.csv"
expect_has "-o - too" "$T/dash.csv" "table,row,column,value"
mkfifo "$T/fifo"
cat "$T/fifo" >"$T/fifo.out" &
"$NIANBAO" render "$T/o.yaml" -o "$T/fifo"
wait
expect_eq "a FIFO is written into, not replaced" "$(stat -c %F "$T/fifo")" "fifo"
expect_has "and the reader got the rendering" "$T/fifo.out" "果园街道办事处"
cp "$T/o.yaml" "$T/o.before"
run "$NIANBAO" render "$T/o.yaml" -o "$T/o.yaml"
expect_rc "render over the report itself" 2
expect_has "is refused" "$T/err" "is a report: a rendering or an export never replaces it"
run "$NIANBAO" export --csv "$T/o.yaml" -o "$T/o.yaml" --force
expect_rc "even with --force" 2
expect_same "the report is untouched" "$T/o.yaml" "$T/o.before"
echo "my notes" >"$T/notes.txt"
run "$NIANBAO" render "$T/o.yaml" -o "$T/notes.txt"
expect_rc "a file of another kind" 2
expect_eq "is kept" "$(cat "$T/notes.txt")" "my notes"
run "$NIANBAO" render "$T/o.yaml" -o "$T/notes.txt" --force
expect_rc "--force replaces it" 0
run "$NIANBAO" render "$T/o.yaml" -o "$T/notes.txt"
expect_rc "a rendering of it is then replaced without asking" 0
echo "my notes" >"$T/n.txt"
run "$NIANBAO" new --form gov-info-2021 -o "$T/n.yaml"
expect_rc "new beside a notes file of the rendering's name" 2
expect_has "says so" "$T/err" "n.txt already exists, where the rendering goes (use --force to replace it)"
expect_absent "and writes nothing" "$T/n.yaml"
expect_eq "the notes are kept" "$(cat "$T/n.txt")" "my notes"

# a rendering that is not the report's (a save killed between its two
# renames): check says so, without counting it
cp "$sample" "$T/k.yaml"
"$NIANBAO" render "$T/k.yaml" -o "$T/k.txt"
printf 'stale\n' >>"$T/k.txt"
run "$NIANBAO" check "$T/k.yaml"
expect_rc "a stale rendering is no error" 0
expect_has "but is said" "$T/out" "k.txt: warning: not the rendering of $T/k.yaml: opening the report in nianbao writes it again [stale_rendering]"
run "$NIANBAO" check "$sample"
expect_lacks "the sample's rendering is its own" "$T/out" "stale_rendering"
# a report reached through a link: the rendering beside the file it leads
# to is the one looked at (none beside the link)
mkdir "$T/links"
ln -s "$T/k.yaml" "$T/links/k.yaml"
run "$NIANBAO" check "$T/links/k.yaml"
expect_has "through a link: its target's rendering, stale" "$T/out" "[stale_rendering]"

# a folder of many reports (listed once, not asked report by report): the
# same warnings, for a rendering beside a report, and through a link, and
# none where there is no rendering or it is the report's own
mkdir "$T/many"
for i in $(seq 10 49); do cp "$sample" "$T/many/r$i.yaml"; done
"$NIANBAO" render "$T/many/r11.yaml" -o "$T/many/r11.txt"
printf 'stale\n' >"$T/many/r12.txt"
ln -s "$T/k.yaml" "$T/many/link.yaml"
printf 'not beside the target\n' >"$T/many/link.txt"
ln -s r13.yaml "$T/many/r13link.yaml"
run "$NIANBAO" check "$T"/many/*.yaml
expect_rc "42 reports, no errors" 0
expect_eq "two stale renderings said" "$(grep -c stale_rendering "$T/out")" 2
expect_has "the one beside a report" "$T/out" "$T/many/r12.txt: warning: not the rendering of $T/many/r12.yaml"
expect_has "the one beside the link's target" "$T/out" "$T/many/link.txt: warning: not the rendering of $T/many/link.yaml"
expect_lacks "the report's own rendering is not" "$T/out" "r11.txt"
expect_eq "each report its line" "$(grep -c ': 0 errors, 1 warning, 0 acknowledged$' "$T/err")" 42
for f in "$T"/many/r12.yaml "$T"/many/r10.yaml "$T"/many/link.yaml; do
	"$NIANBAO" check "$f" >>"$T/one" 2>/dev/null
done
run "$NIANBAO" check "$T"/many/r12.yaml "$T"/many/r10.yaml "$T"/many/link.yaml
expect_eq "three, asked one by one: the same" "$(cat "$T/out")" "$(cat "$T/one")"

# temporaries a killed save left: swept on the next save once old; a young
# one (a save under way) is left alone
"$NIANBAO" new --form gov-info-2021 -o "$T/w.yaml" --organ 甲 --year 2024 >/dev/null
printf 'half\n' >"$T/.w.yaml.Ab12Cd"
printf 'half\n' >"$T/.w.txt.Zz99Yy"
printf 'young\n' >"$T/.w.yaml.Yo0ng1"
printf 'mine\n' >"$T/.w.yaml.notours.txt"
touch -d '1 hour ago' "$T/.w.yaml.Ab12Cd" "$T/.w.txt.Zz99Yy" "$T/.w.yaml.notours.txt"
"$NIANBAO" new --form gov-info-2021 -o "$T/w.yaml" --organ 乙 --year 2024 --force >/dev/null
expect_absent "an old temporary of the report is swept" "$T/.w.yaml.Ab12Cd"
expect_absent "and of its rendering" "$T/.w.txt.Zz99Yy"
expect_eq "a young one is left" "$(cat "$T/.w.yaml.Yo0ng1")" "young"
expect_eq "a file of another pattern is left" "$(cat "$T/.w.yaml.notours.txt")" "mine"
finish
