# nianbao check: the sample's one warning, the balance rule on each form,
# exit statuses, CSV diagnostics.
. "${SRCDIR:-.}/tests/cli/lib.sh"

sample="$SRCDIR/reports/guoyuan-2020.yaml"
run "$NIANBAO" check "$sample"
expect_rc "the sample has no errors" 0
expect_eq "the sample gives exactly one diagnostic" "$(wc -l <"$T/out" | tr -d ' ')" 1
expect_has "it is rule 6 on 规范性文件" "$T/out" \
	"$sample:30:15: warning: 二、主动公开政府信息情况, row 第二十条第（一）项 / 规范性文件: 本年新制作了文件但新公开数量为0"

run "$NIANBAO" check --csv "$sample"
expect_rc "check --csv" 0
expect_eq "CSV header" "$(head -1 "$T/out" | tr -d '\r')" "file,severity,check,table,row,column,message"
expect_eq "CSV row" "$(sed -n 2p "$T/out" | tr -d '\r')" \
	"$sample,warning,made_not_published,二、主动公开政府信息情况,第二十条第（一）项 / 规范性文件,,本年新制作了文件但新公开数量为0：规范性文件应当公开，请核实"

# A report of each form, all zero, then one application received from a
# business and never handled: the balance fails in 商业企业 and, through the
# computed 总计, in 总计, and nowhere else.
for form in gov-info-2019 gov-info-2019-tongzhou gov-info-2021; do
	"$NIANBAO" new --form "$form" -o "$T/$form.yaml" >/dev/null 2>&1
	"$NIANBAO" export --csv "$T/$form.yaml" | awk -F, 'NR == 1 { print; next }
		/,总计,\r?$/ || /（七）总计,/ || / \/ 总计,\r?$/ { next }
		{ v = 0 }
		/^三、收到和处理政府信息公开申请情况,一、本年新收政府信息公开申请数量,法人或其他组织 \/ 商业企业,/ { v = 1 }
		{ sub(/,[^,]*\r?$/, ""); print $0 "," v "\r" }' >"$T/$form.csv"
	run "$NIANBAO" import --csv "$T/$form.csv" --form "$form" -o "$T/$form-b.yaml"
	expect_rc "$form: import of a broken balance" 0
	run "$NIANBAO" check "$T/$form-b.yaml"
	expect_rc "$form: a broken balance is an error" 1
	expect_eq "$form: two diagnostics" "$(wc -l <"$T/out" | tr -d ' ')" 2
	expect_has "$form: flagged on 商业企业" "$T/out" \
		"error: 三、收到和处理政府信息公开申请情况, column 法人或其他组织 / 商业企业: 勾稽关系不平衡"
	expect_has "$form: and on 总计" "$T/out" \
		"error: 三、收到和处理政府信息公开申请情况, column 总计: 勾稽关系不平衡"
	expect_eq "$form: no other column" "$(grep -c '\[balance\]' "$T/out")" 2
	expect_has "$form: the message says both sides and the difference" "$T/out" \
		"（一+二 = 1，三（七）总计+四 = 0，差 1） [balance]"
	run "$NIANBAO" check --csv "$T/$form-b.yaml"
	expect_has "$form: and so does check --csv" "$T/out" \
		",balance,三、收到和处理政府信息公开申请情况,,总计,勾稽关系不平衡：第一项加第二项之和，应等于第三项（七）总计加第四项之和（一+二 = 1，三（七）总计+四 = 0，差 1）"
done

# Several files: the worst status wins, every file is reported.
run "$NIANBAO" check "$sample" "$T/gov-info-2021-b.yaml"
expect_rc "an error in any file gives 1" 1
expect_eq "both files reported" "$(wc -l <"$T/out" | tr -d ' ')" 3
run "$NIANBAO" check "$sample" "$T/missing.yaml"
expect_rc "an unreadable file gives 2" 2
expect_has "the missing file is named" "$T/err" "$T/missing.yaml: error: cannot open"
expect_eq "the good file is still checked" "$(wc -l <"$T/out" | tr -d ' ')" 1

# A warning acknowledged with a reason is listed with it and not counted.
run "$NIANBAO" check "$TESTDATA/acknowledged.yaml"
expect_rc "an acknowledged warning leaves no error" 0
expect_eq "one line, marked acknowledged" "$(grep -c '^.*: acknowledged: 二、主动公开政府信息情况, row 第二十条第（一）项 / 规范性文件: 本年新制作了文件但新公开数量为0：规范性文件应当公开，请核实 (该规范性文件为内部管理制度，按规定不予公开) \[made_not_published\]$' "$T/out")" 1
expect_eq "no warning left" "$(grep -c ': warning: ' "$T/out")" 0
run "$NIANBAO" check --csv "$TESTDATA/acknowledged.yaml"
expect_has "CSV says acknowledged" "$T/out" ",acknowledged,made_not_published,"

# One count everywhere: check's summary (on stderr, the listing alone on
# stdout) and the printed footer count the acknowledged warning apart.
run "$NIANBAO" check "$TESTDATA/acknowledged.yaml"
expect_eq "check's summary" "$(cat "$T/err")" "$TESTDATA/acknowledged.yaml: 0 errors, 0 warnings, 1 acknowledged"
run "$NIANBAO" render --footer "$TESTDATA/acknowledged.yaml"
expect_has "the footer's count" "$T/out" " · 错误 0 警告 0（已确认 1）"
run "$NIANBAO" check "$sample"
expect_eq "the sample's summary" "$(cat "$T/err")" "$sample: 0 errors, 1 warning, 0 acknowledged"

# A stored total that disagrees with its parts is reported on load.
sed 's/^      natural: 0$/      natural: 7/' "$sample" | awk '
	/^    new:$/ { inrow = 1 } /^    carried:$/ { inrow = 0 }
	{ if (!inrow && $0 == "      natural: 7") $0 = "      natural: 0"; print }' >"$T/stale.yaml"
run "$NIANBAO" check "$T/stale.yaml"
expect_rc "a stale total is an error" 1
expect_has "the stored total is named" "$T/out" \
	"error: 三、收到和处理政府信息公开申请情况, row 一、本年新收政府信息公开申请数量, column 总计: the file stores 0 here, but its parts add up to 7 [stored_total]"

# each file's line comes after its problems, in one stream or two: into a
# pipe together (2>&1), into one file, into two files, into a terminal
# (tests/tui); written in blocks where no person reads them as they come
for i in 1 2 3; do cp "$sample" "$T/o$i.yaml"; done
cp "$T/gov-info-2021-b.yaml" "$T/o2.yaml" # a broken balance: two errors
want="$(for i in 1 2 3; do "$NIANBAO" check "$T/o$i.yaml" 2>&1; done)"
expect_eq "2>&1 into a pipe: in order" "$("$NIANBAO" check "$T"/o1.yaml "$T"/o2.yaml "$T"/o3.yaml 2>&1 | cat)" "$want"
"$NIANBAO" check "$T"/o1.yaml "$T"/o2.yaml "$T"/o3.yaml >"$T/both" 2>&1
expect_eq "2>&1 into a file: in order" "$(cat "$T/both")" "$want"
run "$NIANBAO" check "$T"/o1.yaml "$T"/o2.yaml "$T"/o3.yaml
expect_rc "one with errors" 1
expect_eq "stdout alone: the problems" "$(cat "$T/out")" "$(printf '%s\n' "$want" | grep -v ' acknowledged$')"
expect_eq "stderr alone: the lines" "$(cat "$T/err")" "$(printf '%s\n' "$want" | grep ' acknowledged$')"
expect_eq "three lines" "$(wc -l <"$T/err" | tr -d ' ')" 3
finish
