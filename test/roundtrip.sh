#!/bin/sh
# test/roundtrip.sh: machine outputs read back.
#  - se-plan -F yaml and -F csv output is itself a plan: se-validate finds
#    in it no error the plan it came from did not have (by rule, counted),
#    and se-plan reads it back to the same actions and states (its -F json,
#    parsed and flattened, the same but for each action's file and line).
#  - se-hypothesise output validates.
#  - se-rag -F csv read by a CSV parser (libcsv) gives, record by record,
#    the fields -F json gives (JSON null as an empty field).
# On examples/ and on fixtures with awkward text (test/fixtures/roundtrip:
# quotes, commas, newlines, non-ASCII, a progress note with no date, empty
# fields).  SE_BUILD names the build tree.
B=${SE_BUILD:-build}
cd "$(dirname "$0")/.." || exit 2
. test/outfmt.sh
outfmt_env
AS_OF=2019-06-30

# The errors se-validate finds in $1, as "rule" lines, sorted.  A plan
# that names no authority (a CSV with no Authority column) cannot have one
# in its YAML, where se-validate requires it: that one is left out.
errors() {
	se-validate "$1" 2>&1 | grep -v ": error: 'authority' .* is missing" |
	    sed -n 's/.*: error: .*\[\([a-z0-9-]*\)\]$/\1/p' | LC_ALL=C sort
}

# Errors se-validate finds in a round trip's output, not in the plan it
# came from, because it checks a YAML plan and a CSV plan by different
# rules (formats/shared/plan.yaml): "RULE: why", for plan $1 and format $2.
known() {
	case $1:$2 in
	*/post-inspection-2013.yaml:csv) echo "required: an action with no owner; a YAML plan may leave it out, a CSV plan's 'Accountable officer' cell is required" ;;
	*/awkward.csv:yaml) echo "required: a progress note with no date; a CSV plan's is a warning (bad-progress), a YAML plan's 'date' is required" ;;
	esac
}

# se-plan -F csv writes one progress note a line, a note's own line breaks
# as spaces, and puts ' before a cell that starts as a formula would (=,
# +, -, @): what reading such a CSV back gives for text that had them.
csv_text() {
	sed -e '/\.note=/s/\\n/ /g' -e "s/^\([^=]*\)=\([=+@-]\)/\1='\2/" \
	    -e "s/^\([^=]*\)='\([+-][0-9.]*\([eE][+-]*[0-9]*\)*\)$/\1=\2/"
}

# What se-plan reads from $1, flattened: every field of every action but
# its file and line, and the summary of states.
reading() {
	se-plan --as-of $AS_OF -F json "$1" 2>/dev/null > "$t/json"; [ -s "$t/json" ] &&
	    "$PC" -p json "$t/json" |
	    grep -v '^actions\[[0-9]*\]\.\(file\|line\|row\|status_as_written\)=' | grep -v '^title='
}

# A directory standing for $1's own: links to everything beside it, so
# the paths the plan gives as evidence still lead somewhere.
beside() {
	rm -rf "$t/dir" && mkdir "$t/dir" || exit 2
	for e in "$(dirname "$1")"/*; do
		ln -s "$(pwd)/$e" "$t/dir/"
	done
}

for plan in examples/anyshire/2018-19/plan.yaml \
    examples/anyshire/2018-19/plan.csv \
    examples/anyshire/2018-19/plan-2019-05.yaml \
    test/fixtures/plan/any-dale.yaml test/fixtures/plan/any-vale.csv \
    test/fixtures/plan/post-inspection-2013.yaml \
    test/fixtures/roundtrip/awkward.yaml test/fixtures/roundtrip/awkward.csv
do
	beside "$plan"
	errors "$plan" > "$t/want-errors"
	reading "$plan" > "$t/want" || echo "# se-plan cannot read $plan"
	for f in yaml csv; do
		out=$t/dir/roundtrip.$f
		if ! se-plan --as-of $AS_OF -F $f -o "$out" "$plan" 2>/dev/null &&
		    [ ! -s "$out" ]; then
			echo "not ok - roundtrip se-plan -F $f $plan: no output"
			continue
		fi
		errors "$out" > "$t/got-errors"
		new=$(LC_ALL=C comm -13 "$t/want-errors" "$t/got-errors" | tr '\n' ' ')
		k=$(known "$plan" $f)
		if [ -n "$k" ] && [ "$new" = "${k%%:*} " ]; then
			echo "ok - roundtrip se-plan -F $f $plan: se-validate finds only the known '${k%%:*}' error (${k#*: })"
		elif [ -z "$new" ]; then
			echo "ok - roundtrip se-plan -F $f $plan: se-validate accepts it ($(wc -l < "$t/want-errors") errors, as in the plan)"
		else
			echo "not ok - roundtrip se-plan -F $f $plan: se-validate finds other errors"
			diff "$t/want-errors" "$t/got-errors" | sed 's/^/# /'
		fi
		reading "$out" > "$t/got"
		if [ $f = csv ]; then
			csv_text < "$t/want" > "$t/want-csv"
		else
			cp "$t/want" "$t/want-csv"
		fi
		if [ -s "$t/want" ] && cmp -s "$t/want-csv" "$t/got"; then
			echo "ok - roundtrip se-plan -F $f $plan: read back to the same $(grep -c '^actions\[[0-9]*\]\.id=' "$t/want") actions and states"
		else
			echo "not ok - roundtrip se-plan -F $f $plan: read back differently"
			diff "$t/want-csv" "$t/got" | head -20 | sed 's/^/# /'
		fi
	done
done

# se-hypothesise's workbook validates (as a draft review).
I=examples/data/indicators.yaml
E=examples/anyshire/2018-19
for sa in "$E/self-assessment.yaml" \
    "$E/self-assessment.yaml $E/childrens-social-care.md $E/education.md $E/send.md"
do
	rm -f "$t/review.yaml"
	# shellcheck disable=SC2086
	if se-hypothesise -i $I --data examples/data/extract-long.csv \
	    --data examples/data/neighbours.csv -o "$t/review.yaml" $sa \
	    2>/dev/null && [ -s "$t/review.yaml" ] &&
	    msg=$(se-validate -i $I "$t/review.yaml" 2>&1); then
		echo "ok - roundtrip se-hypothesise $sa: its workbook validates"
	else
		echo "not ok - roundtrip se-hypothesise $sa: no workbook, or it does not validate"
		echo "$msg" | head -10 | sed 's/^/# /'
	fi
done

# se-rag: the CSV's fields are the JSON's, record by record.  JSON fields
# CSV has no column for are listed (suppressed: shown in CSV as the
# marker in value's place).
for args in "-i $I --neighbours examples/data/neighbours.csv examples/data/extract-long.csv" \
    "-i $I --authority Anyshire examples/data/extract-long.csv examples/data/extract-wide.csv" \
    "-i $I --exceptions --neighbours examples/data/neighbours.csv examples/data/extract-long.csv" \
    "-i $I test/golden/rag-hostile-names-html/extract.csv" \
    "-i $I test/golden/rag-excel/extract.csv" \
    "examples/anyshire/2018-19/summary.md examples/anyshire/2018-19/self-assessment.yaml test/fixtures/ns-2009/example-dashboard.yaml"
do
	# shellcheck disable=SC2086
	se-rag -F csv $args > "$t/rag.csv" 2>/dev/null
	# shellcheck disable=SC2086
	se-rag -F json $args > "$t/rag.json" 2>/dev/null
	"$PC" -p csv "$t/rag.csv" > "$t/from-csv"
	"$PC" -p json "$t/rag.json" |
	    grep -v '^\[[0-9]*\]\.suppressed=' | csv_text > "$t/from-json"
	# A document row in CSV has every kind's columns, empty where
	# another kind's, in the CSV's order: compare the fields JSON has.
	grep -v '=$' "$t/from-csv" | LC_ALL=C sort > "$t/csv-set"
	grep -v '=$' "$t/from-json" | LC_ALL=C sort > "$t/json-set"
	n=$(grep -c '^\[[0-9]*\]\.authority=' "$t/from-json")
	if [ "$n" -gt 0 ] && cmp -s "$t/csv-set" "$t/json-set"; then
		echo "ok - roundtrip se-rag -F csv $args: the same $n records as -F json"
	else
		echo "not ok - roundtrip se-rag -F csv $args: not the fields of -F json"
		diff "$t/json-set" "$t/csv-set" | head -10 | sed 's/^/# /'
	fi
done
