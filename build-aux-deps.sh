# Shared by build-and-run and build-and-test: install what is missing (as
# root, through apt-get), then configure and build once.
DEPS_PACKAGES="gcc make autoconf automake pkgconf libyaml-dev libxml2-dev libncurses-dev libcmocka-dev gettext tmux clang libclang-rt-14-dev valgrind python3 python3-yaml"

deps_install() {
	missing=""
	for p in $DEPS_PACKAGES; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "missing Debian packages:$missing (run as root, or: sudo apt-get install$missing)" >&2
		return 1
	fi
	echo "installing:$missing" >&2
	apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >&2
}

deps_build() {
	if [ ! -x configure ]; then
		./bootstrap >bootstrap.log 2>&1 || { cat bootstrap.log >&2; return 1; }
	fi
	if [ ! -f Makefile ]; then
		./configure --enable-werror >configure.log 2>&1 || { tail -20 configure.log >&2; return 1; }
	fi
	make -j2 >make.log 2>&1 || { grep -E 'error|warning' make.log >&2; return 1; }
}
