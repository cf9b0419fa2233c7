#!/bin/sh
# test/manlint.sh: every man page is clean under mandoc -Tlint.
# mandoc is a test dependency (.ci/run installs it): without it this fails.
command -v mandoc >/dev/null 2>&1 || { echo "not ok - mandoc -Tlint: mandoc is not installed (apt-get install mandoc)"; exit 0; }
for m in man/*.[1-9]; do
	[ -f "$m" ] || continue
	if msg=$(mandoc -Tlint -Wwarning "$m" 2>&1) && [ -z "$msg" ]; then
		echo "ok - mandoc -Tlint $m"
	else
		echo "not ok - mandoc -Tlint $m"
		echo "$msg" | sed 's/^/# /'
	fi
done
# Rendered, a quotation never opens inside another that is still open
# (a .Dq on a line swallows the rest of it: ("reduced, "rose, "improved"""),
# and no line of the page is a raw request left unformatted.
for m in man/*.[1-9]; do
	[ -f "$m" ] || continue
	bad=$(mandoc -Tutf8 "$m" 2>/dev/null | col -b 2>/dev/null |
	    grep -n '“[^”]*“\|^[.'"'"'][A-Za-z]' | head -3)
	if [ -z "$bad" ]; then
		echo "ok - rendered quotes and requests $m"
	else
		echo "not ok - rendered quotes and requests $m"
		echo "$bad" | sed 's/^/# /'
	fi
done
# Every page carries the release date, from one place: the Makefile's
# RELEASE_DATE.
date=$(sed -n 's/^RELEASE_DATE *= *//p' Makefile)
for m in man/*.[1-9]; do
	[ -f "$m" ] || continue
	got=$(sed -n 's/^\.Dd //p' "$m")
	if [ -n "$date" ] && [ "$got" = "$date" ]; then
		echo "ok - $m is dated the release date ($date)"
	else
		echo "not ok - $m is dated '$got', not the Makefile's RELEASE_DATE '$date'"
	fi
done
