# The report as a web page (render --html): each table resolved into its
# grid and compared with the form's layout, for all three forms; the page
# as a golden file; read back by import --html to the same report; shown in
# headless Chromium; every text escaped.
. "${SRCDIR:-.}/tests/cli/lib.sh"

page() { # FORM REPORT
	form=$1 rep=$2
	run "$NIANBAO" render --html "$rep" -o "$T/$form.html"
	expect_rc "$form: written" 0
	expect_same "$form: the page, byte for byte" "$T/$form.html" "$SRCDIR/tests/html/golden/$form.html"
	if python3 "$SRCDIR/tests/html/grid.py" "$SRCDIR/forms/$form.yaml" "$rep" "$T/$form.html" \
		>"$T/grid" 2>&1; then
		ok "$form: every table's grid is the form's layout ($(wc -l <"$T/grid") tables)"
		expect_eq "$form: 表二 one table, as government sites print it" \
			"$(grep -c '^二、主动公开政府信息情况: ' "$T/grid")" 1
	else
		not_ok "$form: a table's grid differs from the form's layout"
		diag "$T/grid"
	fi
	"$NIANBAO" import --html "$T/$form.html" -o "$T/$form-back.yaml" 2>"$T/notes"
	run "$NIANBAO" diff "$rep" "$T/$form-back.yaml"
	if [ "$(grep -c '^prose\|^header' "$T/out")" = "$(wc -l <"$T/out")" ]; then
		ok "$form: read back, every figure the same"
	else
		not_ok "$form: read back, figures differ"
		diag "$T/out"
	fi
	# in a browser: it loads, lays out every table, and has the size asked
	if command -v chromium >/dev/null 2>&1; then
		timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
			--dump-dom "file://$T/$form.html" >"$T/dom" 2>"$T/chromium.err"
		expect_eq "$form: Chromium lays out every table" "$(grep -o '<table' "$T/dom" | wc -l)" \
			"$(grep -o '<table' "$T/$form.html" | wc -l)"
		expect_has "$form: with its title" "$T/dom" "政府信息公开工作年度报告</h1>"
		timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
			--hide-scrollbars --window-size=900,2300 --screenshot="$T/$form.png" \
			"file://$T/$form.html" >/dev/null 2>&1
		size=$(od -An -tu1 -j16 -N8 "$T/$form.png" 2>/dev/null | tr -s ' ' | sed 's/^ //')
		expect_eq "$form: a 900 x 2300 screenshot (PNG header)" "$size" "0 0 3 132 0 0 8 252"
	else
		not_ok "$form: chromium is not installed (./build-and-test installs it)"
	fi
}

page gov-info-2019-tongzhou "$SRCDIR/reports/guoyuan-2020.yaml"
page gov-info-2019 "$TESTDATA/published/layout.golden"
page gov-info-2021 "$TESTDATA/series/2021.yaml"

# a Chinese font that Linux and Windows have, for text and figures alike
expect_has "the font stack: SimSun, 宋体, Noto Serif CJK SC, Source Han Serif SC" \
	"$T/gov-info-2021.html" 'font-family:"SimSun","宋体","Noto Serif CJK SC","Source Han Serif SC","Songti SC",serif'
# figures and short headings kept whole, four characters in two lines of two
expect_has "自然人 kept on one line" "$T/gov-info-2021.html" "white-space:nowrap\">自然人</th>"
expect_has "结果维持 as 结果 and 维持" "$T/gov-info-2021.html" ">结果<br>维持</th>"

# every text of the report is text on the page
"$NIANBAO" new --form gov-info-2021 -o "$T/x.yaml" --year 2021 \
	--organ '<script>alert(1)</script> & "x"' 2>/dev/null
run "$NIANBAO" render --html "$T/x.yaml"
expect_has "the organ escaped in the title" "$T/out" \
	"<h1 style=\"text-align:center;font-size:16pt\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;2021年政府信息公开工作年度报告</h1>"
expect_eq "no script element at all" "$(grep -c '<script' "$T/out")" 0
if command -v chromium >/dev/null 2>&1; then
	cp "$T/out" "$T/x.html"
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
		--dump-dom "file://$T/x.html" >"$T/dom" 2>/dev/null
	expect_has "the browser shows it as text" "$T/dom" "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"x\""
else
	skip "the browser shows it as text: chromium is not installed"
fi
# a web page takes no text-only options
run "$NIANBAO" render --html --width 60 "$SRCDIR/reports/guoyuan-2020.yaml"
expect_rc "--html with --width is refused" 2
expect_has "and says why" "$T/err" "--html takes only -o and --force"
finish
