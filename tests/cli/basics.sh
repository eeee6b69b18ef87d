# Command-line basics: help, version, forms, new.
. "${SRCDIR:-.}/tests/cli/lib.sh"

run "$NIANBAO" --help
expect_rc "--help" 0
expect_has "--help lists the commands" "$T/out" "check [--csv] FILE..."
run "$NIANBAO" --version
expect_rc "--version" 0
expect_eq "--version prints the version" "$(cat "$T/out")" "nianbao 0.1.0"
run "$NIANBAO"
expect_rc "no arguments is a usage error" 2
# every command has its own --help
for c in new check render export import forms edit; do
	run "$NIANBAO" $c --help
	expect_rc "$c --help" 0
	expect_has "$c --help shows its usage" "$T/out" "Usage: nianbao"
done
expect_has "edit --help names --wide-ambiguous" "$T/out" "--wide-ambiguous"
run "$NIANBAO" check "$SRCDIR/reports/guoyuan-2020.yaml" --help
expect_rc "--help after the file" 0
expect_has "is still check's" "$T/out" "Usage: nianbao check"
run "$NIANBAO" edit --frobnicate r.yaml
expect_rc "an unknown edit option" 2
expect_has "is named" "$T/err" "unknown option '--frobnicate'"
run "$NIANBAO" frobnicate
expect_rc "unknown command" 2
expect_has "unknown command is named" "$T/err" "unknown command 'frobnicate'"

run "$NIANBAO" forms
expect_rc "forms" 0
expect_eq "forms lists three" "$(wc -l <"$T/out" | tr -d ' ')" 3
expect_has "forms lists gov-info-2021" "$T/out" "gov-info-2021"
expect_has "forms lists the 通州 variant with its basis" "$T/out" "国办公开办函〔2019〕60号（北京市通州区格式）"

run "$NIANBAO" new --form gov-info-2021 -o "$T/a.yaml" --organ 测试街道办事处 --year 2023
expect_rc "new" 0
expect_has "new names the form" "$T/a.yaml" "form: gov-info-2021"
expect_has "new sets the organ" "$T/a.yaml" "organ: 测试街道办事处"
expect_has "new sets the year" "$T/a.yaml" "year: 2023"
expect_has "new leaves cells blank" "$T/a.yaml" "issued: ~"
expect_has "new writes the rendering beside it" "$T/a.txt" "测试街道办事处2023年政府信息公开工作年度报告"
cp "$T/a.yaml" "$T/a.before"
run "$NIANBAO" new --form gov-info-2019 -o "$T/a.yaml"
expect_rc "new refuses to replace a file" 2
expect_same "the refused file is untouched" "$T/a.yaml" "$T/a.before"
run "$NIANBAO" new --form gov-info-2019 -o "$T/a.yaml" --force
expect_rc "new --force replaces it" 0
run "$NIANBAO" new --form gov-info-2021 -o "$T/b.yaml" --year 20x3
expect_rc "a bad year is refused" 2
expect_has "the bad year is named" "$T/err" "--year '20x3' is not a year"
expect_absent "no file after a bad year" "$T/b.yaml"
run "$NIANBAO" new --form no-such-form -o "$T/c.yaml"
expect_rc "an unknown form is refused" 2
expect_has "the unknown form is named" "$T/err" "form 'no-such-form' not found"
expect_absent "no file for an unknown form" "$T/c.yaml"
run "$NIANBAO" new --form gov-info-2021 -o "$T/no/such/dir/d.yaml"
expect_rc "an impossible path is refused" 2
expect_has "the reason is given" "$T/err" "cannot save"

# The blank report: every editable cell is listed as blank, nothing else.
run "$NIANBAO" check "$T/a.yaml"
expect_rc "a blank report has no errors" 0
expect_eq "every blank cell of gov-info-2019 is listed" "$(grep -c 'not_filled' "$T/out")" 166
expect_eq "and nothing else" "$(grep -vc 'not_filled' "$T/out")" 0

# The worked example of nianbao-form(5) is a form that loads.
mkdir -p "$T/ex"
sed -n '/^id: example$/,/^\.fi$/p' "$SRCDIR/doc/nianbao-form.5" | sed '$d' | sed 's/\\-/-/g' >"$T/ex/example.yaml"
run env NIANBAO_FORMS="$T/ex" "$NIANBAO" new --form example -o "$T/ex/r.yaml" --organ 某机关 --year 2024
expect_rc "the man page's example form loads" 0
expect_has "its title" "$T/ex/r.txt" "某机关2024年示例报告"
finish
