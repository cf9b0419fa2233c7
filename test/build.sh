#!/bin/sh
# test/build.sh: what the Makefile promises a newcomer.  `make` and `make
# install` never install packages (a missing dependency is named, with
# `make deps` to get it); `make deps` does; `make` prints one line a step
# and `make V=1` the commands.  A fake apt-get first on PATH records
# being run; CC=false stands for a machine missing the libraries.
# Run as a user would, not as a sub-make of `make check`.
unset MAKEFLAGS MFLAGS MAKELEVEL
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok - build: $1"; }
no() { echo "not ok - build: $1"; }
mkdir "$tmp/bin"
printf '#!/bin/sh\necho "$@" >> %s/apt-get.log\n' "$tmp" > "$tmp/bin/apt-get"
chmod +x "$tmp/bin/apt-get"
for goal in all install; do
	rm -f "$tmp/apt-get.log"
	if PATH=$tmp/bin:$PATH make -s B="$tmp/b" PREFIX="$tmp/p" CC=false $goal \
	    > "$tmp/out" 2>&1; then
		no "make $goal with the libraries missing fails"
	elif [ -f "$tmp/apt-get.log" ]; then
		no "make $goal ran apt-get: $(cat "$tmp/apt-get.log")"
	elif ! grep -q '^  make deps ' "$tmp/out"; then
		no "make $goal says how to install the dependencies"
		sed 's/^/# /' "$tmp/out"
	elif [ -e "$tmp/p" ]; then
		no "make $goal installed something without its dependencies"
	else
		ok "make $goal with the libraries missing fails, names make deps, runs no apt-get"
	fi
done
# `make deps` is the one that installs (as root, which CI is).
rm -f "$tmp/apt-get.log"
PATH=$tmp/bin:$PATH make -s B="$tmp/b" CC=false deps > "$tmp/out" 2>&1
if [ "$(id -u)" != 0 ]; then
	ok "make deps installs only as root (not root here: $(id -un))"
elif grep -q 'install -y -qq .*libyaml-dev' "$tmp/apt-get.log" 2>/dev/null; then
	ok "make deps runs apt-get install for the missing libraries"
else
	no "make deps runs apt-get install for the missing libraries"
	sed 's/^/# /' "$tmp/out"
fi
# Quiet by default, the commands with V=1.
o=$tmp/b/lib/utf8.o
got=$(make B="$tmp/b" "$o" 2>&1)
if [ "$got" = "  CC     $o" ]; then
	ok "make prints one line a step"
else
	no "make prints one line a step"; printf '%s\n' "$got" | sed 's/^/# /'
fi
rm -f "$o"
got=$(make B="$tmp/b" V=1 "$o" 2>&1)
case $got in
*" -c -o $o lib/utf8.c"*) ok "make V=1 shows the commands" ;;
*) no "make V=1 shows the commands"; printf '%s\n' "$got" | sed 's/^/# /' ;;
esac
