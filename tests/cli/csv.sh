# export --csv and import --csv: labels as keys, round trip, errors.
. "${SRCDIR:-.}/tests/cli/lib.sh"

sample="$SRCDIR/reports/guoyuan-2020.yaml"
run "$NIANBAO" export --csv "$sample"
expect_rc "export" 0
cp "$T/out" "$T/sample.csv"
expect_eq "header" "$(head -1 "$T/sample.csv" | tr -d '\r')" "table,row,column,value"
expect_eq "one line per cell" "$(wc -l <"$T/sample.csv" | tr -d ' ')" 202
expect_has "表三 rows by label path" "$T/sample.csv" \
	"三、收到和处理政府信息公开申请情况,三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密,法人或其他组织 / 商业企业,0"
expect_has "表二 rows start with the block" "$T/sample.csv" \
	"二、主动公开政府信息情况,第二十条第（一）项 / 规章,本年新制作数量,0"
expect_has "表四's row is empty" "$T/sample.csv" \
	"四、政府信息公开行政复议、行政诉讼情况,,行政诉讼 / 未经复议直接起诉 / 结果维持,0"
expect_has "money as printed" "$T/sample.csv" "采购总金额（万元，保留四位小数）,21.6560"

run "$NIANBAO" import --csv "$T/sample.csv" --form gov-info-2019-tongzhou -o "$T/back.yaml" \
	--organ 果园街道办事处 --year 2020
expect_rc "import" 0
run "$NIANBAO" export --csv "$T/back.yaml"
expect_same "export, import, export gives the same CSV" "$T/out" "$T/sample.csv"
run "$NIANBAO" check "$T/back.yaml"
expect_eq "the imported report has the sample's one warning" "$(wc -l <"$T/out" | tr -d ' ')" 1

# values as a spreadsheet or an input method writes them: read as the
# figures they are (the same normaliser as typing in the screen)
sed -e '3s/,0\r$/,１２\r/' -e '4s/,0\r$/,"10,690"\r/' -e 's/,21.6560\r$/,２１。６５６\r/' \
	-e '/第二十条第（五）项 \/ 行政许可,本年增\/减,/s/,0\r$/,－3\r/' "$T/sample.csv" >"$T/ime.csv"
run "$NIANBAO" import --csv "$T/ime.csv" --form gov-info-2019-tongzhou -o "$T/ime.yaml"
expect_rc "import of full-width digits, 。, a full-width minus and 10,690" 0
run "$NIANBAO" export --csv "$T/ime.yaml"
expect_has "１２ is 12" "$T/out" "二、主动公开政府信息情况,第二十条第（一）项 / 规章,本年新公开数量,12"
expect_has "10,690 is 10690" "$T/out" "二、主动公开政府信息情况,第二十条第（一）项 / 规章,对外公开总数量,10690"
expect_has "２１。６５６ is 21.6560" "$T/out" "采购总金额（万元，保留四位小数）,21.6560"
expect_has "－3 is -3" "$T/out" "第二十条第（五）项 / 行政许可,本年增/减,-3"

# errors: each names its line, and nothing is written
bad() { # NAME SED-EXPRESSION EXPECTED-MESSAGE
	sed "$2" "$T/sample.csv" >"$T/bad.csv"
	rm -f "$T/bad.yaml"
	run "$NIANBAO" import --csv "$T/bad.csv" --form gov-info-2019-tongzhou -o "$T/bad.yaml"
	expect_rc "$1" 2
	expect_has "$1: message" "$T/err" "$3"
	expect_absent "$1: nothing written" "$T/bad.yaml"
}
bad "unknown row" '3s/规章/规 章/' "bad.csv:3:1: error: no cell '二、主动公开政府信息情况 / 第二十条第（一）项 / 规 章 / 本年新公开数量'"
bad "letters in a count" '3s/,0\r$/,abc\r/' "bad.csv:3:"
bad "a unit in a count, named" '3s/,0\r$/,5件\r/' "(第二十条第（一）项 / 规章 / 本年新公开数量): '件' cannot be in a whole number"
bad "a decimal in a count is refused, not cut" '3s/,0\r$/,12。5\r/' "is not a whole number"
bad "thousands separators out of place" '3s/,0\r$/,"1,0690"\r/' "has thousands separators out of place"
bad "negative count" '3s/,0\r$/,-1\r/' "must not be negative"
bad "too many places" 's/,21.6560\r$/,21.65601\r/' "has too many decimal places"
bad "overflow" '3s/,0\r$/,99999999999999999999\r/' "is too large"
bad "a wrong computed total" '/一、本年新收政府信息公开申请数量,总计,/s/,0\r$/,3\r/' "this total is computed: its parts add up to 0, not 3"
bad "a repeated cell" '3p' "is given twice"
bad "a wrong header" '1s/value/amount/' "bad.csv:1:1: error: the first line must be: table,row,column,value"
bad "an unclosed quote" '4s/^/"/' "bad.csv:4:1: error: a quoted field is not closed"
bad "too few fields" '6s/,[^,]*\r$/\r/' "bad.csv:6:1: error: expected 4 fields, found 3"
printf 'table,row,column,value\r\n\377,x,y,1\r\n' >"$T/bad.csv"
rm -f "$T/bad.yaml"
run "$NIANBAO" import --csv "$T/bad.csv" --form gov-info-2019-tongzhou -o "$T/bad.yaml"
expect_rc "invalid UTF-8" 2
expect_has "invalid UTF-8: position" "$T/err" "bad.csv:2:1: error: invalid UTF-8"
expect_absent "invalid UTF-8: nothing written" "$T/bad.yaml"

# quoting: a label with a comma survives the trip
printf 'table,row,column,value\r\n"三、收到和处理政府信息公开申请情况","三、本年度办理结果 / （二）部分公开（区分处理的，只计这一情形，不计其他情形）","自然人","2"\r\n' >"$T/q.csv"
run "$NIANBAO" import --csv "$T/q.csv" --form gov-info-2021 -o "$T/q.yaml"
expect_rc "quoted fields" 0
run "$NIANBAO" export --csv "$T/q.yaml"
expect_has "the value arrived" "$T/out" "三、本年度办理结果 / （二）部分公开（区分处理的，只计这一情形，不计其他情形）,自然人,2"

# A 2021-format report typed in from its published tables: the checker
# finds exactly what is wrong in them.
run "$NIANBAO" import --csv "$TESTDATA/published-2021.csv" --form gov-info-2021 -o "$T/p.yaml" \
	--organ 示例街道办事处 --year 2021
expect_rc "import of the 2021 report" 0
cd "$T" || exit 1
run "$NIANBAO" check p.yaml
cd - >/dev/null || exit 1
expect_rc "its balance error is found" 1
expect_same "exactly its inconsistencies" "$T/out" "$TESTDATA/published-2021.check"
finish
