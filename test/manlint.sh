#!/bin/sh
# test/manlint.sh: every man page is clean under mandoc -Tlint.
command -v mandoc >/dev/null 2>&1 || { echo "# mandoc not installed: man pages not linted"; exit 0; }
for m in man/*.[1-9]; do
	[ -f "$m" ] || continue
	if msg=$(mandoc -Tlint -Wwarning "$m" 2>&1) && [ -z "$msg" ]; then
		echo "ok - mandoc -Tlint $m"
	else
		echo "not ok - mandoc -Tlint $m"
		echo "$msg" | sed 's/^/# /'
	fi
done
