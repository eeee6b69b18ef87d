# Shared by build-and-run and build-and-test: install what is missing (as
# root, through apt-get), then configure and build once.
DEPS_PACKAGES="gcc make autoconf automake pkgconf libyaml-dev libxml2-dev libxlsxwriter-dev libncurses-dev libcmocka-dev gettext tmux clang libclang-rt-14-dev valgrind python3 python3-yaml python3-openpyxl libcairo2-dev libpango1.0-dev libzip-dev libpoppler-glib-dev fonts-noto-cjk fonts-arphic-ukai poppler-utils python3-docx"
# the web page's tests render it in a headless browser, with a Chinese font
DEPS_LEAN="chromium fonts-wqy-microhei"

# deps_install [test]: the packages to build and run; with "test", also the
# browser the tests need (build-and-test), which running alone does not.
deps_install() {
	missing="" lean=""
	[ "${1:-}" = test ] || DEPS_LEAN=""
	for p in $DEPS_PACKAGES; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
	done
	for p in $DEPS_LEAN; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || lean="$lean $p"
	done
	[ -z "$missing$lean" ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "missing Debian packages:$missing$lean (run as root, or: sudo apt-get install$missing$lean)" >&2
		return 1
	fi
	echo "installing:$missing$lean" >&2
	apt-get update -qq >&2 || return 1
	if [ -n "$missing" ]; then
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >&2 || return 1
	fi
	if [ -n "$lean" ]; then
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $lean >&2
	fi
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
