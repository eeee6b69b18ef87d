# Hostile files, round two: what another member of a shared folder can
# plant (links under the workbook's names, parts and previous: that point
# at secrets, devices and FIFOs, names holding escapes and invisible
# characters) and published texts and pages made to be slow. Each attack
# as it was found, and what nianbao does instead.
. "${SRCDIR:-.}/tests/cli/lib.sh"

sample="$SRCDIR/reports/guoyuan-2020.yaml"
py=/usr/bin/python3
[ -x "$py" ] || py=python3
# no byte of C0 or C1 but TAB and LF in FILE (the message is data, never control)
clean() { # NAME FILE
	if "$py" - "$2" <<'PY'; then ok "$1"; else not_ok "$1"; diag "$2"; fi
import sys
text = open(sys.argv[1], "rb").read().replace(b"\r\n", b"\n").decode("utf-8", "replace")
sys.exit(1 if [c for c in text if (ord(c) < 0x20 and c not in "\t\n") or 0x7F <= ord(c) < 0xA0] else 0)
PY
}
# runs CMD with a guard: a hang is a failure, not a stuck suite
guarded() { run timeout 60 "$@"; }

# 1. the workbook's temporary: links planted under the names it once used
mkdir -p "$T/shared"
echo "the clerk's own file" >"$T/victim"
chmod 600 "$T/victim"
for p in $(seq $(($$ - 50)) $(($$ + 3000))); do
	ln -s "$T/victim" "$T/shared/total.xlsx.$p.tmp"
done
ln -s "$T/victim" "$T/shared/.total.xlsx.tmp"
planted=$(ls -A "$T/shared" | wc -l)
run "$NIANBAO" export --xlsx "$sample" -o "$T/shared/total.xlsx"
expect_rc "a workbook written among $planted planted links" 0
expect_eq "the clerk's file is untouched" "$(cat "$T/victim")" "the clerk's own file"
if [ -f "$T/shared/total.xlsx" ] && [ ! -L "$T/shared/total.xlsx" ]; then
	ok "the workbook is a regular file, not a link"
else
	not_ok "the workbook is a link or missing"
fi
expect_eq "a workbook: a zip that opens" \
	"$("$py" -c 'import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).testzip())' "$T/shared/total.xlsx" 2>&1)" "None"
expect_eq "nothing else left in the folder" "$(ls -A "$T/shared" | wc -l)" "$((planted + 1))"
# a private folder that an export killed midway left is removed by the next
# once it is older than any export takes; a recent one (another run's) stays
mkdir "$T/shared/.total.xlsx.AAAAAA" "$T/shared/.total.xlsx.BBBBBB"
echo half >"$T/shared/.total.xlsx.AAAAAA/book.xlsx"
touch -d '1 hour ago' "$T/shared/.total.xlsx.AAAAAA"
run "$NIANBAO" export --xlsx "$sample" -o "$T/shared/total.xlsx" --force
expect_rc "the workbook written again" 0
expect_absent "the stale private folder swept" "$T/shared/.total.xlsx.AAAAAA"
if [ -d "$T/shared/.total.xlsx.BBBBBB" ]; then ok "a recent one kept"; else not_ok "a recent one kept"; fi
rmdir "$T/shared/.total.xlsx.BBBBBB"

# 2. --force never replaces a report, and a FIFO or a device is written in place
cp "$sample" "$T/r.yaml"
run "$NIANBAO" export --xlsx "$sample" -o "$T/r.yaml" --force
expect_rc "export --xlsx --force over a report: refused" 2
expect_has "said" "$T/err" "is a report: a rendering or an export never replaces it"
expect_same "the report is as it was" "$T/r.yaml" "$sample"
mkfifo "$T/pipe"
(cat "$T/pipe" >"$T/from-pipe") &
reader=$!
guarded "$NIANBAO" export --xlsx "$sample" -o "$T/pipe"
wait $reader
expect_rc "a FIFO as the workbook: written into" 0
expect_eq "the FIFO stays a FIFO" "$(stat -c %F "$T/pipe")" "fifo"
expect_eq "its reader got the workbook" "$(head -c 2 "$T/from-pipe")" "PK"
run "$NIANBAO" export --xlsx "$sample" -o /dev/null --force
expect_rc "/dev/null as the workbook" 0
expect_eq "/dev/null stays a device" "$(stat -c %F /dev/null)" "character special file"
echo "notes" >"$T/notes.txt"
run "$NIANBAO" export --xlsx "$sample" -o "$T/notes.txt"
expect_rc "another file: kept without --force" 2
expect_eq "and unchanged" "$(cat "$T/notes.txt")" "notes"

# 3. a roll-up's parts: and a report's previous: pointing at a secret
mkdir -p "$T/office/units" "$T/etc"
printf 'root:$6$SECRETHASH:19000:0:99999:7:::\n' >"$T/etc/shadow"
cp "$TESTDATA/sum/a.yaml" "$TESTDATA/sum/b.yaml" "$T/office/units/"
(cd "$T/office" && "$NIANBAO" sum units/a.yaml units/b.yaml -o total.yaml --organ 汇总) >/dev/null 2>&1
sed 's|file: units/b.yaml|file: ../etc/shadow|' "$T/office/total.yaml" >"$T/office/evil.yaml"
run "$NIANBAO" check "$T/office/evil.yaml"
expect_rc "a part that is a secret: an error" 1
expect_lacks "its content is never quoted" "$T/out" "SECRETHASH"
expect_lacks "not even its first word" "$T/out" "root:"
expect_has "named as written, and where it leads" "$T/out" "part ../etc/shadow (→ $T/etc/shadow) cannot be loaded: it is not a report nianbao can read (line 1, column 1: nianbao check on it says why)"
sed 's|^form: |previous: ../etc/shadow\nform: |' "$TESTDATA/sum/a.yaml" >"$T/office/prev.yaml"
run "$NIANBAO" check "$T/office/prev.yaml"
expect_lacks "previous: a secret, not quoted" "$T/out" "SECRETHASH"
expect_has "previous: named and where it leads" "$T/out" "last year's report ../etc/shadow (→ $T/etc/shadow) cannot be read: it is not a report nianbao can read"
sed 's|file: units/b.yaml|file: units/b.yaml|' "$T/office/total.yaml" >"$T/office/fine.yaml"
run "$NIANBAO" check "$T/office/fine.yaml"
expect_rc "parts in a folder below: read" 0
expect_lacks "and shown as written" "$T/out" "→"

# 4. a device or a FIFO as a part or as last year: refused at once
sed 's|file: units/b.yaml|file: /dev/zero|' "$T/office/total.yaml" >"$T/office/zero.yaml"
guarded "$NIANBAO" check "$T/office/zero.yaml"
expect_rc "/dev/zero as a part: checked, not read" 0
expect_has "said" "$T/out" "part /dev/zero cannot be read (it is not a regular file)"
mkfifo "$T/office/units/fifo.yaml"
sed 's|file: units/b.yaml|file: units/fifo.yaml|' "$T/office/total.yaml" >"$T/office/fifo.yaml"
guarded "$NIANBAO" check "$T/office/fifo.yaml"
expect_rc "a FIFO as a part: no hang" 0
expect_has "said" "$T/out" "part units/fifo.yaml cannot be read (it is not a regular file)"
sed 's|^form: |previous: units/fifo.yaml\nform: |' "$TESTDATA/sum/a.yaml" >"$T/office/prevfifo.yaml"
guarded "$NIANBAO" check "$T/office/prevfifo.yaml"
expect_has "a FIFO as last year: no hang, said" "$T/out" "last year's report units/fifo.yaml cannot be read: it is not a regular file"
sed 's|^form: |previous: /dev/zero\nform: |' "$TESTDATA/sum/a.yaml" >"$T/office/prevzero.yaml"
guarded "$NIANBAO" render --previous "$T/office/prevzero.yaml"
expect_rc "/dev/zero as last year: refused at once" 2

# 5. a name holding escapes: quoted in every message
bad=$(printf 'b\033]0;pwned\007\033[2J.yaml')
cp "$TESTDATA/sum/b.yaml" "$T/office/$bad"
sed 's/organ: 乙镇人民政府/organ: 乙镇/; s/natural: 6/natural: 7/' "$TESTDATA/sum/b.yaml" >"$T/office/$bad"
cd "$T/office" || exit 1
run "$NIANBAO" check "$bad"
clean "check: the name quoted" "$T/err"
expect_has "check: as \\x1B" "$T/err" 'b\x1B]0;pwned\x07\x1B[2J.yaml:'
run "$NIANBAO" check --csv "$bad"
clean "check --csv: the name quoted" "$T/out"
run "$NIANBAO" sum units/a.yaml "$bad" -o t2.yaml --organ 汇总
expect_rc "sum: a name a roll-up cannot hold is refused" 2
expect_has "named, quoted" "$T/err" "nianbao sum: b\\x1B]0;pwned\\x07\\x1B[2J.yaml cannot be summed: its name holds a control character"
clean "sum: the message quoted" "$T/err"
expect_absent "no roll-up written" "$T/office/t2.yaml"
printf '%s\n' "$(cat "$SRCDIR/tests/data/published/pipes-2021.txt")" >"$T/office/p$bad.txt"
run "$NIANBAO" import --text "p$bad.txt" -o imp.yaml
expect_rc "import: a name a report cannot record as its source is refused" 2
expect_has "import: said before reading, quoted" "$T/err" 'pb\x1B]0;pwned\x07\x1B[2J.yaml.txt: error: cannot be read back: its name holds a control character, and a report records the file it was read from (rename it)'
clean "import: the message quoted" "$T/err"
expect_absent "import: nothing written" "$T/office/imp.yaml"
run "$NIANBAO" check --text "p$bad.txt"
expect_rc "check --text: refused alike" 2
clean "check --text: quoted" "$T/out"
clean "check --text: its message quoted" "$T/err"
cp "$SRCDIR/tests/data/published/word-2021.html" "w$bad.html"
run "$NIANBAO" check --html "w$bad.html"
expect_rc "check --html: refused alike" 2
clean "check --html: quoted" "$T/out"
clean "check --html: its message quoted" "$T/err"
# a name that is only odd (a space, a quote) is read, and its summary line
# quotes it as every message does
cp "$SRCDIR/tests/data/published/word-2021.html" "w 'x'.html"
run "$NIANBAO" check --html "w 'x'.html"
expect_has "check --html: the summary names the page" "$T/out" "w 'x'.html: 河西区文化和旅游局 2021, form gov-info-2021: 2 errors"
cd - >/dev/null || exit 1

# 6. invisible characters in a name: refused by Unicode's properties
for cp in 3164 115F 180E FFA0 E0041 1D173 FFF9 034F 2061 FE0F 00AD 061C 2028; do
	"$py" - "$sample" "$T/inv.yaml" "$cp" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = re.sub(r"(?m)^  organ: .*$", '  organ: "果园%s街道"' % chr(int(sys.argv[3], 16)), s)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
	run "$NIANBAO" check "$T/inv.yaml"
	expect_rc "U+$cp in the organ: refused" 2
	expect_has "U+$cp: named, escaped" "$T/err" "inv.yaml:4:10: error:"
done

# 7. importers made to be slow: each read once through, or refused by its size
"$py" - "$SRCDIR/bench" "$T" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import hostile
for name, opt, make in hostile.SHAPES:
    ext = "html" if opt == "--html" else "txt"
    open("%s/slow-%s.%s" % (sys.argv[2], make.__name__, ext), "wb").write(make(1 << 20))
PY
for f in long_line.txt figure_lines.txt long_paragraph.html wide_cells.html; do
	opt=--text
	case $f in *.html) opt=--html ;; esac
	guarded "$NIANBAO" import $opt "$T/slow-$f" -o "$T/slow.yaml"
	expect_rc "1 MB of $f: read, and said to be no report" 2
	expect_has "$f: why" "$T/err" "no figure of a report's tables found"
done
{
	printf '<html><body><table><tr><td>规章</td>'
	for i in $(seq 1 30); do printf '<td colspan="40">1</td>'; done
	printf '</tr></table></body></html>\n'
} >"$T/wide.html"
guarded "$NIANBAO" import --html "$T/wide.html" -o "$T/wide.yaml"
expect_rc "a row spanning 1,200 columns: refused" 2
expect_has "said, with its line" "$T/err" "wide.html:1: error: a table row spans more than 1,000 columns: not a report's table"
expect_absent "nothing written" "$T/wide.yaml"

# 8. a NUL in a published text
printf '规章\t0\0009\n' >"$T/nul-page.txt"
run "$NIANBAO" import --text "$T/nul-page.txt" -o "$T/nul.yaml"
expect_rc "a NUL in a text: refused" 2
expect_has "at its line and column" "$T/err" "nul-page.txt:1:5: error: holds a NUL byte (is it a text file?): nothing imported"
expect_absent "nothing written" "$T/nul.yaml"

# 9. U+061C and U+2028 in an imported organ and prose
"$py" - "$SRCDIR/tests/data/published/pipes-2021.txt" "$T/bidi-page.txt" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
lines = s.split("\n")
# the title's organ gets an Arabic letter mark; the first paragraph a line separator and one
for i, l in enumerate(lines):
    if "年度报告" in l:
        lines[i] = l[:3] + "\u061c" + l[3:]
        break
for i, l in enumerate(lines):
    if len(l) > 30 and "|" not in l and "年度报告" not in l:
        lines[i] = l[:10] + "\u061c" + l[10:20] + "\u2028" + l[20:]
        break
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
PY
run "$NIANBAO" import --text "$T/bidi-page.txt" -o "$T/bidi.yaml"
clean "the notes hold no raw control" "$T/err"
"$py" - "$T/err" <<'PY' >"$T/raw"
import sys
t = open(sys.argv[1], encoding="utf-8").read()
print("raw" if "\u061c" in t or "\u2028" in t else "escaped")
PY
expect_eq "U+061C and U+2028 in the notes: escaped" "$(cat "$T/raw")" "escaped"
expect_has "both left out of the organ and the prose, said once" "$T/err" "bidi-page.txt:1: 2 characters that show nothing or reorder text (zero-width, bidirectional controls and the like) left out of the cells"
"$py" - "$T/bidi.yaml" <<'PY' >"$T/kept"
import sys
t = open(sys.argv[1], encoding="utf-8").read()
print("kept" if "\u061c" in t else "gone", "separator" if "\u2028" in t else "space")
PY
expect_eq "the report holds neither" "$(cat "$T/kept")" "gone space"
expect_has "the organ, without it" "$T/bidi.yaml" "organ: 河西区市场监督管理局"
finish
