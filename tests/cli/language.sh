# The command line in Chinese: every subcommand's help, usage errors,
# listings, summaries and the loaders' messages, run with LANGUAGE=zh_CN,
# hold no untranslated English sentence; machine-read output (--csv) keeps
# its English field names. And the translation itself is complete.
. "${SRCDIR:-.}/tests/cli/lib.sh"

# every message of the catalogue translated, none fuzzy
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$SRCDIR/po/zh_CN.po" 2>&1)
case $stats in
*untranslated* | *fuzzy*) not_ok "po/zh_CN.po complete: $stats" ;;
*" translated messages.") ok "po/zh_CN.po complete: $stats" ;;
*) not_ok "po/zh_CN.po: $stats" ;;
esac

export LANGUAGE=zh_CN
: >"$T/all"
# say NAME CMD...: runs CMD, keeps its output (both streams) for the scan
say() {
	name=$1
	shift
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	{
		echo "== $name"
		cat "$T/out" "$T/err"
	} >>"$T/all"
}

sample="$SRCDIR/reports/guoyuan-2020.yaml"
mkdir "$T/w"
cd "$T/w" || exit 1

say "usage" "$NIANBAO" --help
expect_has "--help in Chinese" "$T/out" "用法：nianbao 命令 [选项]... [文件]..."
if grep -qE '^和 /.+ 中查找。$' "$T/out"; then ok "--help names the forms' folder"; else
	not_ok "--help names the forms' folder"
	diag "$T/out"
fi
for c in new check render export import diff sum forms edit; do
	say "$c --help" "$NIANBAO" "$c" --help
	expect_has "$c --help in Chinese" "$T/out" "用法：nianbao"
done
say "unknown command" "$NIANBAO" frob
expect_has "an unknown command, in Chinese" "$T/err" "nianbao: 未知的命令“frob”"
say "unknown option" "$NIANBAO" check --frob "$sample"
expect_has "an unknown option, in Chinese" "$T/err" "nianbao check: 未知的选项"
say "bad width" "$NIANBAO" render --width 3 "$sample"
expect_has "a bad --width, in Chinese" "$T/err" "--width 须为 40 到 1000 之间的数"

say "check, clean" "$NIANBAO" check "$sample"
expect_rc "check of the sample" 0
expect_has "the summary in Chinese" "$T/err" "guoyuan-2020.yaml: 错误 0 个，警告 1 个，已确认 0 个"
sed 's/natural: 6/natural: 7/' "$TESTDATA/sum/b.yaml" >bad.yaml
cp "$TESTDATA/sum/a.yaml" a.yaml
say "check, errors" "$NIANBAO" check bad.yaml a.yaml
expect_has "a problem's line in Chinese" "$T/out" "错误: "
expect_has "its place in Chinese" "$T/out" "，行 "
say "check --csv" "$NIANBAO" check --csv bad.yaml
expect_has "--csv keeps its English field names" "$T/out" "file,severity,check,table,row,column,message"
expect_has "--csv keeps its English severity" "$T/out" "bad.yaml,error,"
say "series" "$NIANBAO" check --series "$TESTDATA/series/2020.yaml" "$TESTDATA/series/2021.yaml" \
	"$TESTDATA/series/2022.yaml"
expect_has "--series counts in Chinese" "$T/err" "报告 3 份，2020 至 2022 年度"
say "check --text" "$NIANBAO" check --text "$TESTDATA/published/pipes-2021.txt"
expect_has "check --text's summary in Chinese" "$T/out" "表式 gov-info-2021：错误"
say "check --html" "$NIANBAO" check --html "$TESTDATA/published/word-2021.html"
expect_has "the page's problems in Chinese" "$T/out" "页面此处印的是 13，但各分项之和为 12"

say "new" "$NIANBAO" new --form gov-info-2021 -o new.yaml --organ 某某局 --year 2021
expect_rc "new" 0
say "new again" "$NIANBAO" new --form gov-info-2021 -o new.yaml
expect_has "an existing file, in Chinese" "$T/err" "new.yaml 已存在（要替换它，请加 --force）"
say "bad year" "$NIANBAO" new --form gov-info-2021 -o y.yaml --year 20x1
say "no form" "$NIANBAO" new --form gov-info-1999 -o z.yaml
expect_has "a missing form, in Chinese" "$T/err" "没有找到表式“gov-info-1999”"
say "import" "$NIANBAO" import --text "$TESTDATA/published/pipes-2021.txt" -o imp.yaml
expect_has "import's decisions in Chinese" "$T/err" "作出判断"
say "import --csv" "$NIANBAO" import --csv /dev/null --form gov-info-2021 -o c.yaml
say "render" "$NIANBAO" render "$sample" -o a.yaml
expect_has "render never replaces a report, in Chinese" "$T/err" "是一份报告：文本稿或导出文件从不覆盖报告"
say "render --pdf" "$NIANBAO" render --pdf "$sample" -o doc.pdf
expect_has "render --pdf says where, in Chinese" "$T/err" "已写入"
expect_has "and the fonts" "$T/err" "字体："
say "render --docx" "$NIANBAO" render --docx --font-body X "$sample"
expect_has "a --docx usage error, in Chinese" "$T/err" "只接受 -o 和 --force"
say "export" "$NIANBAO" export --csv "$sample" -o out.csv
say "diff" "$NIANBAO" diff a.yaml bad.yaml
expect_has "diff in Chinese" "$T/out" "，行 "
say "sum" "$NIANBAO" sum a.yaml bad.yaml -o total.yaml --organ 汇总
expect_has "sum in Chinese" "$T/err" "nianbao sum: 已写出 total.yaml，汇总 2 份报告"
say "sum --strict" "$NIANBAO" sum --strict a.yaml bad.yaml -o t2.yaml --organ 汇总
expect_has "sum --strict in Chinese" "$T/err" "有 1 份报告有错误，未汇总"
say "forms" "$NIANBAO" forms
for f in "$TESTDATA"/bad-reports/*.yaml; do
	say "loader: $(basename "$f")" "$NIANBAO" check "$f"
done
expect_has "a loader's message in Chinese" "$T/all" "重复的键"
printf 'organ: [1\n' >broken.yaml
say "malformed YAML" "$NIANBAO" check broken.yaml
expect_has "libyaml's own words stay, in a Chinese sentence" "$T/err" "YAML 格式有误："

# the scan: what is left once the names a sentence may hold (options,
# ids, file names, check ids, placeholders of a usage line) are taken out
# must have no run of three English words
sed -e 's/--[a-z-]*//g' -e 's/\[[a-z_]*\]//g' -e 's/[A-Za-z0-9_./-]*\.\(yaml\|txt\|html\|csv\|xlsx\)//g' \
	-e 's/gov-info-[0-9a-z-]*//g' -e 's/nianbao[a-z-]*\(([0-9])\)\{0,1\}//g' \
	-e 's/\$[A-Z_]*//g' -e 's/\b[A-Z][A-Z0-9_.]*\b//g' \
	"$T/all" | grep -v '^== ' >"$T/scan"
# libyaml's own problem texts are quoted as it gives them, after a
# sentence of ours; field names joined by commas are machine names
grep -v -e '格式有误：' -e '无法读取：' "$T/scan" |
	grep -E '[A-Za-z]{2,} +[A-Za-z]{2,} +[A-Za-z]{2,}' >"$T/english"
if [ -s "$T/english" ]; then
	not_ok "no English sentence left under LANGUAGE=zh_CN ($(wc -l <"$T/english") lines)"
	diag "$T/english"
else
	ok "no English sentence left under LANGUAGE=zh_CN ($(grep -c '^== ' "$T/all") commands, $(wc -l <"$T/all") lines scanned)"
fi
cd / || exit 1
finish
