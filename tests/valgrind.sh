#!/bin/sh
# Runs a program under valgrind for make check-valgrind: any memory error or
# definite or indirect leak makes it exit 99.
exec valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
	--suppressions="$(dirname "$0")/valgrind.supp" "$@"
