#!/bin/sh
# test/install.sh: install into a temporary prefix (built in its own tree),
# build a program against se.pc, run the installed commands on examples/
# with no environment help, then uninstall and check nothing is left.
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok - install: $1"; }
no() { echo "not ok - install: $1"; }
pfx=$tmp/prefix
if make -s B="$tmp/build" PREFIX="$pfx" install > "$tmp/log" 2>&1; then
	ok "make install PREFIX=..."
else
	no "make install PREFIX=..."; sed 's/^/# /' "$tmp/log" | tail -20; exit 0
fi
cat > "$tmp/p.c" <<'C'
#include <se.h>
int main(void) { se_diag *d = se_diag_new(); int r = d ? 0 : 1; se_diag_free(d); return r; }
C
if PKG_CONFIG_PATH=$pfx/lib/pkgconfig cc -o "$tmp/p" "$tmp/p.c" \
    $(PKG_CONFIG_PATH=$pfx/lib/pkgconfig pkg-config --cflags --libs --static se) \
    -Wl,-rpath,"$pfx/lib" && "$tmp/p"; then
	ok "a program builds against pkg-config se and runs"
else
	no "a program builds against pkg-config se and runs"
fi
unset SE_FORMATS
if [ -x "$pfx/bin/se-validate" ] && (cd "$tmp" && "$pfx/bin/se-validate" "$OLDPWD/examples" >/dev/null 2>&1); then
	ok "installed se-validate finds the installed formats"
else
	no "installed se-validate finds the installed formats"
fi
for m in se-formats.5 se.7; do
	if [ -f "$pfx/share/man/man${m##*.}/$m" ]; then ok "man page $m installed"; else no "man page $m installed"; fi
done
make -s B="$tmp/build" PREFIX="$pfx" uninstall > "$tmp/log" 2>&1
left=$(find "$pfx" -type f -o -type l | head -5)
if [ -z "$left" ]; then ok "make uninstall leaves nothing"; else no "make uninstall leaves: $left"; fi
