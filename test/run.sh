#!/bin/sh
# test/run.sh: run every unit test binary given, then the golden command
# tests, the man page lint and the examples; count TAP lines; end with
# "N passed, N failed" and a non-zero status on any failure.
# SE_BUILD names the build tree; SE_VALGRIND, when set, prefixes each run.
B=${SE_BUILD:-build}
log=$(mktemp) || exit 2
trap 'rm -f "$log"' EXIT
status=0
for t in "$@"; do
	echo "# $t"
	$SE_VALGRIND "$t" > "$log" 2>&1
	rc=$?
	grep -v '^[0-9]* passed, [0-9]* failed$' "$log"
	if [ $rc -ne 0 ] && ! grep -q '^not ok' "$log"; then
		echo "not ok - $t exited with status $rc"
	fi
done > "$log.all"
SE_BUILD=$B sh test/golden.sh >> "$log.all" 2>&1
sh test/manlint.sh >> "$log.all" 2>&1
SE_BUILD=$B sh test/hostile.sh >> "$log.all" 2>&1
SE_BUILD=$B sh test/helpman.sh >> "$log.all" 2>&1
# The install test builds its own tree; only in the plain build.
[ "$B" = build ] && [ -z "$SE_VALGRIND" ] && sh test/install.sh >> "$log.all" 2>&1
cat "$log.all"
pass=$(grep -c '^ok' "$log.all")
fail=$(grep -c '^not ok' "$log.all")
rm -f "$log.all"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
