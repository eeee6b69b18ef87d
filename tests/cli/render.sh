# nianbao render: the sample's golden rendering, widths, splitting.
. "${SRCDIR:-.}/tests/cli/lib.sh"

sample="$SRCDIR/reports/guoyuan-2020.yaml"
run "$NIANBAO" render "$sample"
expect_rc "render" 0
expect_same "the sample renders as reports/guoyuan-2020.txt" "$T/out" "$SRCDIR/reports/guoyuan-2020.txt"
expect_has "the title is centred" "$T/out" "                  果园街道办事处2020年政府信息公开工作年度报告"
expect_has "21.6560 keeps its places" "$T/out" "21.6560 │"
expect_has "the note of 表三" "$T/out" "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
expect_has "申请人情况 spans the columns" "$T/out" "│                     申请人情况                     │"
expect_has "表四 is split at 80 columns" "$T/out" "（续表）"
expect_has "the signature date" "$T/out" "2020年12月25日"

for w in 40 60 80 132; do
	run "$NIANBAO" render --width "$w" "$sample"
	expect_rc "render --width $w" 0
	got=$(max_width "$T/out")
	if [ "$got" -le "$w" ]; then ok "every line fits $w columns ($got)"; else
		not_ok "a line is $got columns wide at --width $w"
	fi
	# every line of one table has the same width
	awk '/^[┌│├└]/ { print }' "$T/out" >"$T/rules"
	widths=$(awk '/^┌/ { n++ } { print n }' "$T/rules" | paste -d' ' - "$T/rules" |
		while read -r k line; do printf '%s %s\n' "$k" "$(printf '%s' "$line" | LC_ALL=C.UTF-8 wc -L)"; done |
		sort -u | awk '{ print $1 }' | uniq -d | wc -l)
	expect_eq "every table's lines are equally wide at $w" "$widths" 0
done
run "$NIANBAO" render --width 132 "$sample"
expect_lacks "表四 is whole at 132 columns" "$T/out" "（续表）"

run "$NIANBAO" render --ascii "$sample"
expect_rc "render --ascii" 0
expect_lacks "no box drawing with --ascii" "$T/out" "│"
expect_has "ASCII rules" "$T/out" "+-"

run "$NIANBAO" render --mark "$sample"
expect_has "--mark marks the warned cells" "$T/out" "?1 │"
run "$NIANBAO" render "$sample"
expect_lacks "no marks by default" "$T/out" "?1"

run "$NIANBAO" render -o "$T/out.txt" "$sample"
expect_rc "render -o" 0
expect_same "render -o writes the same text" "$T/out.txt" "$SRCDIR/reports/guoyuan-2020.txt"
run "$NIANBAO" render --width 10 "$sample"
expect_rc "a width below 40 is refused" 2

# Golden renderings of a report of each form at three widths, with and
# without box drawing (tests/golden/update.sh regenerates them for review).
for pair in 2019:"$TESTDATA/sample-2019.yaml" tongzhou:"$sample" 2021:"$TESTDATA/sample-2021.yaml"; do
	name=${pair%%:*}
	file=${pair#*:}
	for w in 60 80 132; do
		run "$NIANBAO" render --width "$w" "$file"
		expect_same "$name at $w columns" "$T/out" "$SRCDIR/tests/golden/$name-$w.txt"
		run "$NIANBAO" render --width "$w" --ascii "$file"
		expect_same "$name at $w columns, ASCII" "$T/out" "$SRCDIR/tests/golden/$name-$w-ascii.txt"
	done
done

# Pages: form feeds between pages of exactly N lines, each numbered.
run "$NIANBAO" render --page-lines 50 "$sample"
expect_rc "render --page-lines" 0
expect_same "paged rendering" "$T/out" "$SRCDIR/tests/golden/tongzhou-80-paged.txt"
pages=$(awk 'BEGIN { RS = "\f" } END { print NR }' "$T/out")
expect_eq "the sample takes 5 pages of 50 lines" "$pages" 5
expect_eq "every page is 50 lines" "$(awk 'BEGIN { RS = "\f" } { n = gsub(/\n/, "&"); print n }' "$T/out" | sort -u)" 50
expect_has "pages are numbered" "$T/out" "第 1 页 共 5 页"
expect_has "the last page too" "$T/out" "第 5 页 共 5 页"
# a table carried over to the next page repeats its headings: 表三 spans
# pages 2 to 4, and its heading 申请人情况 heads each of them
expect_eq "表三's headings repeat on each of its pages" \
	"$(awk 'BEGIN { RS = "\f" } /申请人情况/ { printf "%d ", NR }' "$T/out")" "2 3 4 "
expect_eq "page 3 starts with 表三's headings" \
	"$(awk 'BEGIN { RS = "\f" } NR == 3' "$T/out" | sed -n 2p | grep -c '申请人情况')" 1
# no table row is cut: every page's table lines open and close
awk 'BEGIN { RS = "\f" } { o = gsub(/┌/, "&"); c = gsub(/└/, "&"); if (o != c) bad++ } END { print bad + 0 }' "$T/out" >"$T/bad"
expect_eq "every table on a page is closed on that page" "$(cat "$T/bad")" 0
run "$NIANBAO" render --page-lines 5 "$sample"
expect_rc "fewer than 20 lines a page is refused" 2

# The footer ties paper to file: form, version, hash of the saved YAML, status.
run "$NIANBAO" render --footer "$sample"
expect_has "the footer names the form and status" "$T/out" "gov-info-2019-tongzhou 第1版 · 文件 "
expect_has "the footer counts problems" "$T/out" " · 错误 0 警告 1"
hash1=$(grep -o '文件 [0-9a-f]*' "$T/out")
sed 's/projects: 2/projects: 3/' "$sample" >"$T/changed.yaml"
run "$NIANBAO" render --footer "$T/changed.yaml"
hash2=$(grep -o '文件 [0-9a-f]*' "$T/out")
if [ -n "$hash1" ] && [ "$hash1" != "$hash2" ]; then ok "another file, another hash"; else not_ok "hash did not change ($hash1)"; fi
run "$NIANBAO" render --footer --page-lines 50 "$sample"
expect_eq "a footer on every page" "$(grep -c '文件 [0-9a-f]' "$T/out")" 5

# GB18030 for office printers: converts back to the UTF-8 rendering exactly.
run "$NIANBAO" render --encoding gb18030 "$sample"
expect_rc "render --encoding gb18030" 0
iconv -f GB18030 -t UTF-8 "$T/out" >"$T/back.txt"
expect_same "GB18030 converts back exactly" "$T/back.txt" "$SRCDIR/reports/guoyuan-2020.txt"
if ! cmp -s "$T/out" "$SRCDIR/reports/guoyuan-2020.txt"; then ok "and it is not UTF-8"; else not_ok "GB18030 output equals UTF-8"; fi
sed 's/organ: 果园街道办事处/organ: 果园𠀀街道办事处/' "$sample" >"$T/ext.yaml"
run "$NIANBAO" render --encoding gbk -o "$T/gbk.txt" "$T/ext.yaml"
expect_rc "a character GBK lacks is an error" 2
expect_has "it is named with its line" "$T/err" "line 1 of the rendering: '𠀀' (U+20000) cannot be written in gbk"
expect_absent "nothing written" "$T/gbk.txt"
run "$NIANBAO" render --encoding no-such-code "$sample"
expect_rc "an unknown encoding" 2

# Box drawing counted two columns wide, for SimSun: every line still fits
# when ambiguous characters are counted two columns.
run "$NIANBAO" render --wide-ambiguous "$sample"
expect_rc "render --wide-ambiguous" 0
widest=$(sed 's/[─│┌┐└┘├┤┬┴┼“”]/XX/g' "$T/out" | LC_ALL=C.UTF-8 wc -L | tr -d ' ')
if [ "$widest" -le 80 ]; then ok "wide-ambiguous lines fit 80 columns ($widest)"; else not_ok "wide-ambiguous line of $widest columns"; fi
finish
