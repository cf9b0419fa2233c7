#!/bin/sh
# test/run.sh: run every unit test binary given, then the golden command
# tests, the man page lint, the check for internal references and the
# examples; count TAP lines; end with
# "N passed, N failed" and a non-zero status on any failure.
# As it goes it prints one line a step (a test program or a script) with
# its counts, and the failures of that step in full; every TAP line is
# kept in $SE_BUILD/test.log.
# SE_BUILD names the build tree; SE_VALGRIND, when set, prefixes each run
# of a unit test and of a command in a golden test.
B=${SE_BUILD:-build}
log=$(mktemp) || exit 2
trap 'rm -f "$log" "$log.step"' EXIT
all=$B/test.log
: > "$all" || exit 2
# done_step NAME: count the TAP lines of the step in $log.step, add them to
# the whole log, say how the step went, and show its failures.
done_step() {
	p=$(grep -c '^ok' "$log.step")
	f=$(grep -c '^not ok' "$log.step")
	cat "$log.step" >> "$all"
	if [ "$f" -eq 0 ]; then
		printf '%-40s %4d passed\n' "$1" "$p"
	else
		printf '%-40s %4d passed, %d failed\n' "$1" "$p" "$f"
		awk '/^not ok/ { show = 1; print; next }
		    /^#/ { if (show) print; next } { show = 0 }' "$log.step"
	fi
}
# step NAME COMMAND...: run a test script as one step.
step() {
	name=$1
	shift
	"$@" > "$log.step" 2>&1
	done_step "$name"
}
for t in "$@"; do
	$SE_VALGRIND "$t" > "$log" 2>&1
	rc=$?
	grep -v '^[0-9]* passed, [0-9]* failed$' "$log" > "$log.step"
	if [ $rc -ne 0 ] && ! grep -q '^not ok' "$log"; then
		echo "not ok - $t exited with status $rc" >> "$log.step"
	fi
	done_step "${t##*/}"
done
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
step golden env SE_BUILD=$B SE_WRAPBIN=$wrap sh test/golden.sh
[ -n "$wrap" ] && rm -rf "$wrap"
step manlint sh test/manlint.sh
step selfref sh test/selfref.sh
step hostile env SE_BUILD=$B sh test/hostile.sh
step ci env SE_BUILD=$B sh test/ci.sh
step helpman env SE_BUILD=$B sh test/helpman.sh
step plandiag env SE_BUILD=$B sh test/plandiag.sh
step walkthrough env SE_BUILD=$B sh test/walkthrough.sh
step threads env SE_BUILD=$B sh test/threads.sh
step machine env SE_BUILD=$B sh test/machine.sh
step roundtrip env SE_BUILD=$B sh test/roundtrip.sh
step sarif env SE_BUILD=$B sh test/sarif.sh
step fields env SE_BUILD=$B sh test/fields.sh
# The install test builds its own tree; only in the plain build.
[ "$B" = build ] && [ -z "$SE_VALGRIND" ] && step install sh test/install.sh
[ "$B" = build ] && [ -z "$SE_VALGRIND" ] && step build sh test/build.sh
pass=$(grep -c '^ok' "$all")
fail=$(grep -c '^not ok' "$all")
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
