# Saving keeps a report's mode (and group) for the report, its FILE~ and
# its rendering; a report that is a symbolic link is written through.
. "${SRCDIR:-.}/tests/cli/lib.sh"

for mode in 600 640 664; do
	"$NIANBAO" new --form gov-info-2021 -o "$T/m$mode.yaml" --organ 甲 --year 2024 >/dev/null
	chmod "$mode" "$T/m$mode.yaml"
	chmod 644 "$T/m$mode.txt"
	run "$NIANBAO" new --form gov-info-2021 -o "$T/m$mode.yaml" --organ 乙 --year 2024 --force
	expect_rc "$mode: saved again" 0
	expect_eq "$mode: the report keeps its mode" "$(stat -c %a "$T/m$mode.yaml")" "$mode"
	expect_eq "$mode: so does its backup" "$(stat -c %a "$T/m$mode.yaml~")" "$mode"
	expect_eq "$mode: and its rendering" "$(stat -c %a "$T/m$mode.txt")" "$mode"
	expect_has "$mode: the new text is in" "$T/m$mode.yaml" "organ: 乙"
done
if [ "$(id -u)" -eq 0 ]; then
	"$NIANBAO" new --form gov-info-2021 -o "$T/g.yaml" --organ 甲 --year 2024 >/dev/null
	chgrp 4 "$T/g.yaml" # adm
	chmod 640 "$T/g.yaml"
	"$NIANBAO" new --form gov-info-2021 -o "$T/g.yaml" --organ 乙 --year 2024 --force >/dev/null
	expect_eq "the group is kept too" "$(stat -c %g:%a "$T/g.yaml")" "4:640"
else
	ok "the group is kept too (needs root to give a file to a group: not tried)"
fi

# a symbolic link: the target gets the new report, the link stays a link
mkdir -p "$T/real"
"$NIANBAO" new --form gov-info-2021 -o "$T/real/r.yaml" --organ 甲 --year 2024 >/dev/null
ln -s "$T/real/r.yaml" "$T/link.yaml"
run "$NIANBAO" new --form gov-info-2021 -o "$T/link.yaml" --organ 乙 --year 2024 --force
expect_rc "saving through a link" 0
expect_eq "the link is still a link" "$(test -L "$T/link.yaml" && echo link)" "link"
expect_has "its target holds the new report" "$T/real/r.yaml" "organ: 乙"
expect_has "the rendering is beside the target" "$T/real/r.txt" "乙2024年"
expect_has "and the backup" "$T/real/r.yaml~" "organ: 甲"
finish
