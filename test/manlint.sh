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
