#!/bin/sh
# test/sarif.sh: se-validate -F sarif checked against the OASIS SARIF
# 2.1.0 schema (test/sarif-schema-2.1.0.json, errata 01, unchanged, from
# oasis-tcs/sarif-spec) by python3-jsonschema's draft-04 validator, on
# examples/, the bad fixtures (every kind of diagnostic), test/hostile/
# and CSV plans.  Without python3-jsonschema the test is skipped with a
# message, except in CI (CI=true), where a missing validator fails.
B=${SE_BUILD:-build}
cd "$(dirname "$0")/.." || exit 2
if ! python3 -c 'import jsonschema' 2>/dev/null; then
	if [ "${CI:-}" = true ]; then
		echo "not ok - sarif: python3-jsonschema is not installed (CI needs it: .ci/run installs it)"
	else
		echo "# sarif: python3-jsonschema not installed: SARIF not checked against its schema"
	fi
	exit 0
fi
t=$(mktemp -d) || exit 2
trap 'rm -rf "$t"' EXIT
validate() {
	python3 - test/sarif-schema-2.1.0.json "$1" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log),
                key=lambda e: list(e.absolute_path))
for e in errors[:10]:
    print("# %s: %s" % ("/".join(str(p) for p in e.absolute_path), e.message))
n = len(log["runs"][0].get("results", []))
print("# results %d" % n)
sys.exit(1 if errors else 0)
PY
}
for args in "examples" "test/fixtures/bad" \
    "-i examples/data/indicators.yaml --data examples/data/extract-long.csv examples/anyshire/2018-19" \
    "test/hostile" "test/fixtures/roundtrip/awkward.csv test/fixtures/plan/excel.csv"; do
	# shellcheck disable=SC2086
	"$B/bin/se-validate" -F sarif $args > "$t/log.sarif" 2>/dev/null
	if msg=$(validate "$t/log.sarif" 2>&1); then
		echo "ok - sarif se-validate -F sarif $args is valid SARIF 2.1.0 ($(echo "$msg" | sed -n 's/^# results //p') results)"
	else
		echo "not ok - sarif se-validate -F sarif $args is not valid SARIF 2.1.0"
		echo "$msg" | grep -v '^# results' | sed 's/^#*/#/'
	fi
done
