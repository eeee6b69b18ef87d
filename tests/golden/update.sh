#!/bin/sh
# Regenerates the golden renderings from the current binary. Review the
# diff (git diff tests/golden) before committing it: these files are what
# the rendering tests hold the program to.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${NIANBAO:-$top/src/nianbao}
export NIANBAO_FORMS="$top/forms"
cd "$top"
for pair in 2019:tests/data/sample-2019.yaml tongzhou:reports/guoyuan-2020.yaml \
	2021:tests/data/sample-2021.yaml; do
	name=${pair%%:*}
	file=${pair#*:}
	for w in 60 80 132; do
		"$bin" render --width "$w" "$file" >"tests/golden/$name-$w.txt"
		"$bin" render --width "$w" --ascii "$file" >"tests/golden/$name-$w-ascii.txt"
	done
done
"$bin" render --page-lines 50 reports/guoyuan-2020.yaml >tests/golden/tongzhou-80-paged.txt
