#!/bin/sh
# test/run.sh: run every unit test binary given, then the golden command
# tests, the man page lint, the check for internal references and the
# examples; count TAP lines; end with
# "N passed, N failed" and a non-zero status on any failure.
# SE_BUILD names the build tree; SE_VALGRIND, when set, prefixes each run
# of a unit test and of a command in a golden test.
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
# Under valgrind the commands of the golden tests run under it too, through
# wrappers first on PATH: a report changes stderr and the status (99), so
# the golden test fails.
wrap=
if [ -n "$SE_VALGRIND" ]; then
	wrap=$(mktemp -d) || exit 2
	for cmd in "$B"/bin/se-*; do
		printf '#!/bin/sh\nexec %s %s "$@"\n' "$SE_VALGRIND" \
		    "$(pwd)/$cmd" > "$wrap/${cmd##*/}"
		chmod +x "$wrap/${cmd##*/}"
	done
fi
SE_BUILD=$B SE_WRAPBIN=$wrap sh test/golden.sh >> "$log.all" 2>&1
[ -n "$wrap" ] && rm -rf "$wrap"
sh test/manlint.sh >> "$log.all" 2>&1
sh test/selfref.sh >> "$log.all" 2>&1
SE_BUILD=$B sh test/hostile.sh >> "$log.all" 2>&1
SE_BUILD=$B sh test/helpman.sh >> "$log.all" 2>&1
SE_BUILD=$B sh test/walkthrough.sh >> "$log.all" 2>&1
SE_BUILD=$B sh test/threads.sh >> "$log.all" 2>&1
# The install test builds its own tree; only in the plain build.
[ "$B" = build ] && [ -z "$SE_VALGRIND" ] && sh test/install.sh >> "$log.all" 2>&1
cat "$log.all"
pass=$(grep -c '^ok' "$log.all")
fail=$(grep -c '^not ok' "$log.all")
rm -f "$log.all"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
