#!/bin/sh
# make deps: check libyaml, cmark and libcsv by compiling a tiny program
# (libcsv ships no pkg-config file); install them when we are root with apt.
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
try && command -v pkg-config >/dev/null 2>&1 && exit 0
pkgs="build-essential pkg-config libyaml-dev libcmark-dev libcsv-dev"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "make deps: installing $pkgs" >&2
	(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkgs) >&2 || exit 2
	try && exit 0
fi
echo "make deps: libyaml, cmark or libcsv is missing; run as root:" >&2
echo "  apt-get install $pkgs" >&2
exit 2
