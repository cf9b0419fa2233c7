#!/bin/sh
# test/plandiag.sh: se-validate and se-plan read a plan with one set of
# rules (lib/plan.c reading formats/shared/plan.yaml), so on the same bad
# plan they report the same problems at the same positions.  Each plan is
# run through both; their diagnostics (file:line:col: severity: message
# [rule]) are compared line by line, leaving out only what se-plan --check
# adds on top (overdue and incomplete actions) and se-validate's summary.
B=${SE_BUILD:-build}
PATH=${SE_WRAPBIN:+$SE_WRAPBIN:}$(pwd)/$B/bin:$PATH
export PATH
unset SE_FORMATS
export LC_ALL=C TZ=UTC
out=$(mktemp -d) || exit 2
trap 'rm -rf "$out"' EXIT
for plan in test/fixtures/plan/any-borough.csv \
    test/fixtures/plan/any-borough.yaml test/fixtures/plan/bad.yaml \
    test/fixtures/plan/excel.csv test/fixtures/bad/plan.csv \
    examples/anyshire/2018-19/plan.csv; do
	se-validate "$plan" 2>&1 | grep "^$plan:[0-9]*:[0-9]*: " \
	    > "$out/validate"
	se-plan --as-of 2013-06-27 --check "$plan" 2>&1 |
	    grep "^$plan:[0-9]*:[0-9]*: " |
	    grep -v ' \[overdue\]$' | grep -v ' \[incomplete\]$' > "$out/plan"
	n=$(wc -l < "$out/plan")
	if [ "$n" -eq 0 ] && [ "$plan" != examples/anyshire/2018-19/plan.csv ]
	then
		echo "not ok - plandiag $plan: se-plan reported nothing"
	elif cmp -s "$out/validate" "$out/plan"; then
		echo "ok - plandiag $plan: $n diagnostics alike"
	else
		echo "not ok - plandiag $plan: the commands disagree"
		diff -u "$out/validate" "$out/plan" | head -20 | sed 's/^/# /'
	fi
done
