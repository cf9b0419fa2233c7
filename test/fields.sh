#!/bin/sh
# test/fields.sh: the machine outputs' shapes are documented once, in each
# command's man page, and the documentation is checked against real
# output.  A page lists its fields as
#
#   .Ss JSON fields                   (or: .Ss CSV columns)
#   .Bl -column ...
#   .It Va name Ta type Ta meaning    (a name with spaces in quotes)
#   .El
#
# JSON names are paths: a field of the objects in an array is
# "actions[].id"; an array or an object is named by itself ("lacks",
# "summary"); a field of an object, "summary.overdue"; a top-level array
# of objects (se-rag) gives its fields bare; se-validate's lines are
# objects whose fields are given bare.  For each command, every field the
# runs below emit must be documented, and every documented field must be
# emitted by one of them, so a renamed, dropped or new field fails here
# until the page says so.  SE_BUILD names the build tree.
B=${SE_BUILD:-build}
cd "$(dirname "$0")/.." || exit 2
. test/outfmt.sh
outfmt_env

E=examples/anyshire/2018-19
I=examples/data/indicators.yaml
X=examples/data/extract-long.csv
N=examples/data/neighbours.csv

# The runs of each command: "FORMAT ARGS", one a line, on examples/ (and
# a plan whose owner changed).
runs() {
	case $1 in
	se-validate) cat <<EOF
json examples
json test/fixtures/bad
EOF
	;;
	se-plan) cat <<EOF
json --as-of 2019-06-30 $E/plan.yaml
json --as-of 2019-06-30 $E/plan.csv
json --as-of 2019-06-30 --since $E/plan-2019-05.yaml $E/plan.yaml
json --as-of 2019-06-30 -i $I --data $X $E/plan.yaml
json --as-of 2019-06-30 test/fixtures/plan/any-dale.yaml test/fixtures/plan/any-vale.csv
json --as-of 2019-06-30 --since test/fixtures/roundtrip/any-dale-may.yaml test/fixtures/plan/any-dale.yaml
csv --as-of 2019-06-30 $E/plan.yaml
csv --as-of 2019-06-30 --since $E/plan-2019-05.yaml $E/plan.yaml
csv --from $E/review.yaml
EOF
	;;
	se-rag) cat <<EOF
json -i $I --neighbours $N $X
json -i $I --neighbours $N --exceptions $X
json -i $I examples/data/extract-wide.csv
json $E/summary.md $E/self-assessment.yaml examples/anyshire/2009-10/quality-standards.yaml
csv -i $I --neighbours $N $X
csv -i $I --neighbours $N --exceptions $X
csv $E/summary.md $E/self-assessment.yaml examples/anyshire/2009-10/quality-standards.yaml
EOF
	;;
	se-hypothesise) cat <<EOF
json -i $I --data $X --data examples/data/extract-wide.csv --data $N $E/self-assessment.yaml
json -i $I --data $X $E/self-assessment.yaml $E/childrens-social-care.md $E/education.md
EOF
	;;
	esac
}

# The documented names of section $2 ("JSON fields", "CSV columns") of
# man page $1.
documented() {
	awk -v want="$2" '
	/^\.Ss / { sub(/^\.Ss /, ""); gsub(/"/, ""); on = ($0 == want); next }
	/^\.S[hs] / { on = 0 }
	on && /^\.It Va / {
		s = substr($0, 8)
		if (s ~ /^"/) { s = substr(s, 2); sub(/".*/, "", s) }
		else sub(/[ \t].*/, "", s)
		print s
	}' "$1" | LC_ALL=C sort -u
}

# Field names of parsecheck -p output: indices to [], ["key"] to .key,
# the top-level array and JSON Lines record markers dropped, an array or
# object named by itself.
json_names() {
	sed -e 's/=.*//' -e 's/^#[0-9]*//' -e 's/\[[0-9]*\]/[]/g' \
	    -e 's/\["\([^"]*\)"\]/.\1/g' -e 's/^\[\]\.//' -e 's/^\.//' \
	    -e 's/\[\]$//' |
	    awk '{ print; s = $0
		# each array and object a field is in, named by itself
		while (match(s, /(\.[^.[]*|\[\])$/) && RSTART > 1) {
			s = substr(s, 1, RSTART - 1)
			p = s; sub(/\[\]$/, "", p); print p } }' |
	    LC_ALL=C sort -u
}

for cmd in se-validate se-plan se-rag se-hypothesise; do
	man=man/$cmd.1
	for f in json csv; do
		sec="JSON fields"
		[ $f = csv ] && sec="CSV columns"
		runs $cmd | grep "^$f " > "$t/runs"
		[ -s "$t/runs" ] || continue
		: > "$t/bad"
		while read -r fmt args; do
			# shellcheck disable=SC2086
			$cmd -F $fmt $args > "$t/out" 2>/dev/null
			case $cmd:$fmt in se-validate:json) p=jsonl ;; *) p=$fmt ;; esac
			if ! [ -s "$t/out" ] ||
			    ! "$PC" $p "$t/out" > /dev/null 2>&1; then
				echo "$cmd -F $fmt $args" >> "$t/bad"
			fi
			if [ $f = csv ]; then
				# the header's names, read by libcsv (as a record
				# under itself)
				{ head -n 1 "$t/out"; head -n 1 "$t/out"; } |
				    "$PC" -p csv /dev/stdin | sed 's/^\[0\]\.//; s/=.*//'
			elif [ $cmd = se-validate ]; then
				"$PC" -p jsonl "$t/out" | json_names
			else
				"$PC" -p json "$t/out" | json_names
			fi
		done < "$t/runs" | LC_ALL=C sort -u > "$t/emitted"
		if [ -s "$t/bad" ]; then
			echo "not ok - fields $cmd -F $f: runs with no output that parses: $(cat "$t/bad")"
		fi
		documented "$man" "$sec" > "$t/doc"
		undoc=$(LC_ALL=C comm -23 "$t/emitted" "$t/doc" | tr '\n' ' ')
		unseen=$(LC_ALL=C comm -13 "$t/emitted" "$t/doc" | tr '\n' ' ')
		n=$(wc -l < "$t/doc")
		if [ -n "$undoc" ]; then
			echo "not ok - fields $cmd -F $f: emitted but not in $man \"$sec\": $undoc"
		else
			echo "ok - fields $cmd -F $f: every field emitted is in $man ($n documented)"
		fi
		if [ -n "$unseen" ] || [ "$n" -eq 0 ]; then
			echo "not ok - fields $cmd -F $f: documented in $man but never emitted on the examples: ${unseen:-(none documented)}"
		else
			echo "ok - fields $cmd -F $f: every documented field is emitted on the examples"
		fi
	done
done
