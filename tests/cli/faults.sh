# Saving survives failure: each open, write, fsync, close and rename of a
# save fails in turn (the test seam NIANBAO_TEST_FAULT=OP:N), and after each
# the report on disk is byte-identical to before, its rendering too, and no
# temporary file is left. Then saves killed with SIGKILL at random moments
# leave the old or the new report, whole.
. "${SRCDIR:-.}/tests/cli/lib.sh"

sample="$SRCDIR/reports/guoyuan-2020.yaml"
"$NIANBAO" export --csv "$sample" >"$T/a.csv"
sed 's/,2\r$/,3\r/' "$T/a.csv" >"$T/b.csv" # 采购项目数量 2 becomes 3
mkdir "$T/d"
run "$NIANBAO" import --csv "$T/a.csv" --form gov-info-2019-tongzhou -o "$T/d/r.yaml"
expect_rc "first save" 0
cp "$T/d/r.yaml" "$T/yaml.a"
cp "$T/d/r.txt" "$T/txt.a"
run "$NIANBAO" import --csv "$T/b.csv" --form gov-info-2019-tongzhou -o "$T/d/b.yaml"
cp "$T/d/b.yaml" "$T/yaml.b"
rm "$T/d/b.yaml" "$T/d/b.txt"
if cmp -s "$T/yaml.a" "$T/yaml.b"; then not_ok "the two versions differ"; else ok "the two versions differ"; fi

survived=0
for op in open write fsync close rename; do
	n=1
	while [ "$n" -le 20 ]; do
		run env NIANBAO_TEST_FAULT="$op:$n" "$NIANBAO" import --force --csv "$T/b.csv" \
			--form gov-info-2019-tongzhou -o "$T/d/r.yaml"
		[ "$rc" -eq 0 ] && break
		survived=$((survived + 1))
		expect_rc "$op #$n fails the save" 2
		expect_has "$op #$n: the reason is given" "$T/err" "cannot save"
		expect_same "$op #$n: the report is as it was" "$T/d/r.yaml" "$T/yaml.a"
		expect_same "$op #$n: its rendering too" "$T/d/r.txt" "$T/txt.a"
		expect_eq "$op #$n: no stray file" "$(ls -A "$T/d" | grep -v '^r\.yaml~$' | tr '\n' ' ')" "r.txt r.yaml "
		n=$((n + 1))
	done
	expect_eq "$op: the save succeeds once the faults are past" "$rc" 0
	expect_same "$op: and then holds the new version" "$T/d/r.yaml" "$T/yaml.b"
	expect_same "$op: the previous version is kept as r.yaml~" "$T/d/r.yaml~" "$T/yaml.a"
	# back to version a for the next operation
	"$NIANBAO" import --force --csv "$T/a.csv" --form gov-info-2019-tongzhou -o "$T/d/r.yaml" 2>/dev/null
	cp "$T/d/r.txt" "$T/txt.a"
done
echo "# $survived fault points injected and survived"
expect_eq "at least 15 fault points were tried" "$(awk -v n="$survived" 'BEGIN { print (n >= 15) }')" 1

# kill -9 at random moments during 200 saves: always version a or b, whole
bad=0
i=0
while [ "$i" -lt 200 ]; do
	if [ $((i % 2)) -eq 0 ]; then csv="$T/b.csv"; else csv="$T/a.csv"; fi
	"$NIANBAO" import --force --csv "$csv" --form gov-info-2019-tongzhou -o "$T/d/r.yaml" \
		>/dev/null 2>&1 &
	pid=$!
	# 0 to about 20 ms
	sleep "0.0$(awk -v s="$i" 'BEGIN { srand(s); printf "%02d", int(rand() * 20) }')"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if ! cmp -s "$T/d/r.yaml" "$T/yaml.a" && ! cmp -s "$T/d/r.yaml" "$T/yaml.b"; then
		bad=$((bad + 1))
	fi
	i=$((i + 1))
done
expect_eq "200 killed saves: the report was always one version or the other, whole" "$bad" 0
run "$NIANBAO" check "$T/d/r.yaml"
expect_rc "and it still checks" 0
rm -f "$T"/d/.r.*
finish
