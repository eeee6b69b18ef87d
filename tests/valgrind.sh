#!/bin/sh
# Runs a program under valgrind for make check-valgrind: any memory error or
# definite or indirect leak makes it exit 99.
# --child-silent-after-fork: a child that fails to exec (a print command that
# does not exist) holds a copy of the parent's memory; that is not a leak.
exec valgrind -q --error-exitcode=99 --leak-check=full --child-silent-after-fork=yes \
	--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
	--suppressions="$(dirname "$0")/valgrind.supp" "$@"
