# Text from a file is data, never control: escapes and bidirectional
# overrides in any text field of a report, a form or a CSV are refused on
# load with file:line:column, and every message quotes them escaped.
. "${SRCDIR:-.}/tests/cli/lib.sh"

sample="$SRCDIR/reports/guoyuan-2020.yaml"
# no byte of C0 or C1 but TAB, LF and FF (paging) in FILE
clean() { # NAME FILE
	if python3 - "$2" <<'PY'; then ok "$1"; else not_ok "$1"; diag "$2"; fi
import sys
data = open(sys.argv[1], "rb").read().replace(b"\r\n", b"\n")  # CSV's row ends
text = data.decode("utf-8", "replace")
bad = [c for c in text if (ord(c) < 0x20 and c not in "\t\n\f") or 0x7F <= ord(c) < 0xA0]
sys.exit(1 if bad else 0)
PY
}

# each attack in a field of the sample: refused, named, escaped
attack() { # NAME SED-EXPRESSION WHERE-EXPECTED
	sed "$2" "$sample" >"$T/h.yaml"
	rm -f "$T/h.txt"
	run "$NIANBAO" check "$T/h.yaml"
	expect_rc "$1: refused" 2
	expect_has "$1: at its place" "$T/err" "$3"
	clean "$1: the message holds no raw control" "$T/err"
	run "$NIANBAO" render "$T/h.yaml" -o "$T/h.txt"
	expect_rc "$1: not rendered" 2
	expect_absent "$1: no rendering written" "$T/h.txt"
}
attack "OSC window title in the organ" 's/^  organ: .*$/  organ: "X\\e]0;pwned\\a"/' \
	"h.yaml:4:10: error: value holds a control character: 'X\\x1B]0;pwned\\x07'"
attack "clear screen, raw, in the prose" 's/^    本报告依照/    \x1b[2J本报告依照/' "h.yaml:9:5: error: cannot be read: control characters are not allowed"
attack "clear screen, escaped, in a quoted prose" 's/^  preamble: |-$/  preamble: "\\e[2J"\n  x: |-/' \
	"h.yaml:8:13: error: value holds a control character: '\x1B[2J'"
attack "C1 CSI in the date" 's/^  date: .*$/  date: "\\u009b2J"/' \
	"error: value holds a control character: '\\u009B2J'"
attack "a right-to-left override in the organ" 's/^  organ: .*$/  organ: "果园\\u202e街道"/' \
	"error: value holds a character that reorders text: '果园\\u202E街道'"
attack "a carriage return that prints over a figure" 's/^  organ: .*$/  organ: "1元\\r1000000元"/' \
	"value holds a control character: '1元\\x0D1000000元'"
attack "a zero-width space in the organ" 's/^  organ: .*$/  organ: "果园\\u200b街道办事处"/' \
	"h.yaml:4:10: error: organ: '果园\u200B街道办事处' holds an invisible character"
sed 's/reason: .*/reason: "x\\e[2Jy"/' "$TESTDATA/acknowledged.yaml" >"$T/ack.yaml"
run "$NIANBAO" check "$T/ack.yaml"
expect_rc "an escape in an acknowledgement's reason is refused" 2
expect_has "and quoted escaped" "$T/err" "'x\\x1B[2Jy'"
clean "the reason's message holds no raw control" "$T/err"

# a form: a label with an escape, a title with a zero-width joiner
mkdir -p "$T/forms"
sed 's/label: 规章$/label: "规\\e[31m章"/' "$SRCDIR/forms/gov-info-2021.yaml" >"$T/forms/gov-info-2021.yaml"
cd "$T" || exit 1 # ./forms would come first
NIANBAO_FORMS="$T/forms" run "$NIANBAO" new --form gov-info-2021 -o "$T/n.yaml"
expect_rc "a form with an escape in a label is refused" 2
expect_has "named and escaped" "$T/err" "value holds a control character: '规\\x1B[31m章'"
expect_absent "nothing written" "$T/n.yaml"
sed 's/^title: \(.*\)$/title: "\1\\u200d"/' "$SRCDIR/forms/gov-info-2021.yaml" >"$T/forms/gov-info-2021.yaml"
NIANBAO_FORMS="$T/forms" run "$NIANBAO" forms
expect_has "a zero-width joiner in a form's title is refused" "$T/err" "'title' holds an invisible character"
cd - >/dev/null || exit 1

# a CSV whose label carries an escape: the error quotes it escaped
"$NIANBAO" export --csv "$sample" | sed '3s/规章/规\x1b]0;x\x07章/' >"$T/h.csv"
run "$NIANBAO" import --csv "$T/h.csv" --form gov-info-2019-tongzhou -o "$T/i.yaml"
expect_rc "a CSV label with an escape is refused" 2
expect_has "and quoted escaped" "$T/err" "规\\x1B]0;x\\x07章"
clean "the CSV's message holds no raw control" "$T/err"

# CSV for spreadsheets: a text a spreadsheet would run as a formula gets the
# leading ' of text; numbers (-3 too) stay numbers; import reads it back
mkdir -p "$T/tf"
cat >"$T/tf/t-text.yaml" <<'YAML'
id: t-text
version: 1
title: 文本格
language: zh_CN
header:
  - {id: organ, label: 机关名称, type: text}
parts:
  - table: t
    title: 表
    columns:
      - {id: note, label: 说明, type: text}
      - {id: change, label: 增减, type: integer}
    rows:
      - {id: a, label: 甲}
YAML
cat >"$T/t.yaml" <<'YAML'
form: t-text
form-version: 1
header:
  organ: 某机关
tables:
  t:
    a:
      note: =HYPERLINK("http://x","点击")
      change: -3
YAML
run env NIANBAO_FORMS="$T/tf" "$NIANBAO" export --csv "$T/t.yaml"
expect_rc "export of a formula-like text" 0
expect_has "it is written as text" "$T/out" "表,甲,说明,\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\""
expect_has "a negative number stays a number" "$T/out" "表,甲,增减,-3"
cp "$T/out" "$T/t.csv"
run env NIANBAO_FORMS="$T/tf" "$NIANBAO" import --csv "$T/t.csv" --form t-text -o "$T/t2.yaml"
expect_rc "import of it" 0
expect_has "reads the text back as it was" "$T/t2.yaml" "note: =HYPERLINK"
run env NIANBAO_FORMS="$T/tf" "$NIANBAO" export --csv --raw "$T/t.yaml"
expect_has "--raw writes it as it is, for machines" "$T/out" "表,甲,说明,\"=HYPERLINK("

# form: is an id, never a path
mkdir -p "$T/x"
cp "$SRCDIR/forms/gov-info-2021.yaml" "$T/x/leak.yaml"
sed 's|^form: .*$|form: ../../../..'"$T"'/x/leak|' "$sample" >"$T/p.yaml"
run "$NIANBAO" check "$T/p.yaml"
expect_rc "a path as a form id is refused" 2
expect_has "before any file is opened, at its place" "$T/err" \
	"p.yaml:1:7: error: form id '../../../..$T/x/leak' may hold only a-z, 0-9 and - (at most 64)"
run "$NIANBAO" new --form ../x -o "$T/q.yaml"
expect_rc "new --form with a path" 2
expect_absent "writes nothing" "$T/q.yaml"

# a NUL in a CSV is refused where it is, not cut short silently
"$NIANBAO" export --csv "$sample" | sed '3s/,0\r$/,5\x00 9\r/' >"$T/nul.csv"
run "$NIANBAO" import --csv "$T/nul.csv" --form gov-info-2019-tongzhou -o "$T/nul.yaml"
expect_rc "a NUL in a CSV" 2
expect_has "named at its line and column" "$T/err" "nul.csv:3:38: error: a NUL character (the file is not text)"
expect_absent "nothing written" "$T/nul.yaml"
# a 7 MB field: the message quotes a short excerpt
{ printf 'table,row,column,value\r\n二、主动公开政府信息情况,第二十条第（一）项 / 规章,本年新制作数量,'
  head -c 7000000 /dev/zero | tr '\0' 9; printf '\r\n'; } >"$T/big.csv"
run "$NIANBAO" import --csv "$T/big.csv" --form gov-info-2019-tongzhou -o "$T/big.yaml"
expect_rc "a 7 MB value" 2
expect_eq "its message is short" "$(wc -c <"$T/err" | awk '{print ($1 < 300)}')" 1

# a form may not ask for more than a form needs: rows, columns and cells
mkdir -p "$T/caps"
{ printf 'id: caps\nversion: 1\ntitle: T\nlanguage: zh_CN\nparts:\n  - table: t\n    title: T\n'
  printf '    columns:\n      - {id: c, label: C}\n    rows:\n'
  i=0; while [ $i -lt 2001 ]; do printf '      - {id: r%d, label: R%d}\n' $i $i; i=$((i + 1)); done
} >"$T/caps/caps.yaml"
run env NIANBAO_FORMS="$T/caps" "$NIANBAO" new --form caps -o "$T/caps.yaml"
expect_rc "a block of 2001 rows" 2
expect_has "is refused where its rows are" "$T/err" "caps.yaml:11:7: error: a block may have at most 2000 rows"
{ printf 'id: caps\nversion: 1\ntitle: T\nlanguage: zh_CN\nparts:\n'
  for t in 1 2 3 4 5 6; do
	printf '  - table: t%d\n    title: T\n    columns:\n' $t
	i=0; while [ $i -lt 100 ]; do printf '      - {id: c%d, label: C}\n' $i; i=$((i + 1)); done
	printf '    rows:\n'
	i=0; while [ $i -lt 200 ]; do printf '      - {id: r%d, label: R}\n' $i; i=$((i + 1)); done
  done
} >"$T/caps/caps.yaml"
run env NIANBAO_FORMS="$T/caps" "$NIANBAO" new --form caps -o "$T/caps.yaml"
expect_rc "six blocks of 20,000 cells" 2
expect_has "the one past 100,000 cells is named" "$T/err" "error: a form may have at most 100000 cells"

# what the sample prints and checks is clean too
"$NIANBAO" render --page-lines 60 --footer "$sample" >"$T/r.txt"
clean "render's output: no control but TAB, LF, FF" "$T/r.txt"
"$NIANBAO" check --csv "$sample" >"$T/c.csv"
clean "check --csv's output: none" "$T/c.csv"
finish
