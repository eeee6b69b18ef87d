#!/bin/sh
# import --docx and check --docx: Word files read back. Files built as Word
# and WPS write them (python-docx: merged headings as gridSpan and vMerge,
# 表三 cut by a page break with 续表 and its headings repeated, a title in
# runs of a character with a bookmark, spelling marks, a tracked insertion
# beside a tracked deletion, a field's result), and render --docx's own,
# each read back figure for figure; what is no Word file refused, said.
. "${SRCDIR:-.}/tests/cli/lib.sh"

py=/usr/bin/python3
[ -x "$py" ] || py=python3
copy_samples
for s in tongzhou s2019 s2021; do
	# nianbao's own Word file, read back: the same report
	"$NIANBAO" render --docx "$T/$s.yaml" 2>/dev/null
	run "$NIANBAO" import --docx "$T/$s.docx" -o "$T/own-$s.yaml"
	expect_rc "$s: render --docx read back (exit 0)" 0
	expect_has "$s: no decision taken" "$T/err" "$s.docx; 0 decisions"
	run "$NIANBAO" diff "$T/$s.yaml" "$T/own-$s.yaml"
	expect_eq "$s: render --docx read back: the same report" "$(cat "$T/out")" ""
	sum=$(sha256sum "$T/$s.docx" | cut -c1-64)
	expect_has "$s: the Word file and its own SHA-256 recorded" "$T/own-$s.yaml" "$sum"
done

if ! "$py" -c 'import docx' 2>/dev/null; then
	skip "python3-docx is not installed (it builds the Word files as Word writes them)"
else
	for s in tongzhou s2019 s2021; do
		"$NIANBAO" render --html "$T/$s.yaml" -o "$T/$s-page.html" 2>/dev/null
		"$py" "$SRCDIR/tests/cli/docxmake.py" "$T/$s-page.html" "$T/$s-word.docx" --split
		run "$NIANBAO" import --docx "$T/$s-word.docx" -o "$T/word-$s.yaml"
		expect_rc "$s: a Word file as Word writes it (exit 0)" 0
		expect_has "$s: merges, a page break, residue: no decision" "$T/err" \
			"$s-word.docx; 0 decisions"
		run "$NIANBAO" diff "$T/$s.yaml" "$T/word-$s.yaml"
		expect_eq "$s: every figure, the header and the texts" "$(cat "$T/out")" ""
	done
	unzip -p "$T/s2021-word.docx" word/document.xml >"$T/document.xml"
	expect_has "the file holds a tracked deletion" "$T/document.xml" "<w:delText>9</w:delText>"
	expect_has "and a field's code" "$T/document.xml" "DOCPROPERTY"
	expect_has "and 表三 cut by a page" "$T/document.xml" 'w:type="page"'
	# check --docx of several files: a line for each
	run "$NIANBAO" check --docx "$T/s2019-word.docx" "$T/s2021-word.docx"
	expect_has "check --docx: the 2019 file's line" "$T/out" \
		"s2019-word.docx: 示例市交通运输局 2020, form gov-info-2019: 0 errors, 0 warnings, 0 blanks"
	expect_has "check --docx: the 2021 file's line" "$T/out" \
		"s2021-word.docx: 示例街道办事处 2021, form gov-info-2021: 2 errors, 1 warning, 1 blank"
	expect_has "its problems by paragraph or row" "$T/out" "s2021-word.docx:27: error: "
	# a printed total that disagrees, found by check --docx
	sed 's/^      total: 7$/      total: 8/' "$T/s2021.yaml" >"$T/wrong.yaml"
	"$NIANBAO" render --html "$T/wrong.yaml" -o "$T/wrong.html" 2>/dev/null
	"$py" "$SRCDIR/tests/cli/docxmake.py" "$T/wrong.html" "$T/wrong.docx"
	run "$NIANBAO" check --docx "$T/wrong.docx"
	expect_rc "a total that disagrees: check --docx fails" 1
	expect_has "and names it" "$T/out" "总计"
fi

# what is no Word file: said, named, exit 2, nothing written
printf 'not a zip' >"$T/old.doc"
run "$NIANBAO" import --docx "$T/old.doc" -o "$T/old.yaml"
expect_rc "a .doc: refused" 2
expect_has "said to be saved as .docx" "$T/err" \
	"old.doc: error: not a Word file (.docx): a .doc or .wps is saved as .docx first"
expect_absent "nothing written" "$T/old.yaml"
(cd "$T" && printf 'x' >a.txt && zip -q nodoc.docx a.txt)
run "$NIANBAO" import --docx "$T/nodoc.docx" -o "$T/nodoc.yaml"
expect_has "a zip without a document: said" "$T/err" "it has no word/document.xml"
mkdir -p "$T/bad/word"
printf '<w:document xmlns:w="x"><w:body>' >"$T/bad/word/document.xml"
(cd "$T/bad" && zip -q ../bad.docx word/document.xml)
run "$NIANBAO" import --docx "$T/bad.docx" -o "$T/bad.yaml"
expect_rc "a damaged document: refused" 2
expect_has "said" "$T/err" "its text is not a Word document's (a damaged file)"
# two rows of 30,000 cells, every one a merge: read in time linear in
# them, and refused by the page reader as no report's table
python3 - "$T/merges.docx" <<'PYEOF'
import sys, zipfile
a = '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>'
b = '<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>'
doc = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
       '<w:body><w:tbl><w:tr>%s</w:tr><w:tr>%s</w:tr></w:tbl></w:body></w:document>'
       % (a * 30000, b * 30000))
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('word/document.xml', doc)
PYEOF
run "$NIANBAO" import --docx "$T/merges.docx" -o "$T/merges.yaml"
expect_rc "30,000 merged cells a row: refused" 2
expect_has "as no report's table" "$T/err" "a table row spans more than 1,000 columns"
run "$NIANBAO" check --docx "$T/missing.docx"
expect_rc "a file that is not there" 2
finish
