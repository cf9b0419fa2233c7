#!/bin/sh
# test/deps.sh [--install]: check libyaml, cmark and libcsv by compiling a
# tiny program (libcsv ships no pkg-config file).  With --install (make
# deps, make demo, make check) install them when we are root with apt;
# without it (make, make install) only say how, and fail.
CC=${CC:-cc}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/t.c" <<'C'
#include <yaml.h>
#include <cmark.h>
#include <csv.h>
int main(void) { yaml_parser_t p; struct csv_parser c; yaml_parser_initialize(&p);
  yaml_parser_delete(&p); csv_init(&c, 0); csv_free(&c);
  return cmark_version() > 0 ? 0 : 1; }
C
try() { $CC -o "$tmp/t" "$tmp/t.c" -lyaml -lcmark -lcsv >/dev/null 2>&1 && "$tmp/t"; }
# make check also needs mandoc (the man page lint); make deps installs it.
have_all() {
	try && command -v pkg-config >/dev/null 2>&1 &&
	    { [ "$1" != --install ] || command -v mandoc >/dev/null 2>&1; }
}
have_all "$1" && exit 0
pkgs="build-essential pkg-config libyaml-dev libcmark-dev libcsv-dev"
[ "$1" = --install ] && pkgs="$pkgs mandoc"
if [ "$1" = --install ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "make deps: installing $pkgs" >&2
	(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkgs) >&2 || exit 2
	have_all "$1" && exit 0
fi
if [ "$1" = --install ]; then
	echo "make deps: libyaml, cmark, libcsv or mandoc is missing; run as root:" >&2
	echo "  apt-get install $pkgs" >&2
else
	echo "make: libyaml, cmark or libcsv is missing; install them with" >&2
	echo "  make deps    (as root; runs apt-get install $pkgs mandoc)" >&2
fi
exit 2
