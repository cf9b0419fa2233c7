#!/bin/sh
# test/machine.sh: every command in every machine format over every input
# we have (examples/, test/fixtures/, the golden tests' own inputs,
# test/hostile/), each output parsed by a real parser (test/outfmt.sh:
# the strict JSON checker, libyaml, libcsv).  A run that could not do the
# job (status 2) or would not build on input with errors (status 1: the
# commands check their inputs first) and wrote nothing is not applicable;
# anything written must parse.
# One TAP line per command and format, with each failure's input and
# reason.  SE_BUILD names the build tree.
B=${SE_BUILD:-build}
cd "$(dirname "$0")/.." || exit 2
. test/outfmt.sh
outfmt_env

I=examples/data/indicators.yaml
X=examples/data/extract-long.csv
SA=examples/anyshire/2018-19/self-assessment.yaml
# The inputs: every file, and the directories a walk reads.
find examples test/fixtures test/golden test/hostile -type f \
    \( -name '*.yaml' -o -name '*.yml' -o -name '*.md' -o -name '*.csv' \) \
    ! -name stdout ! -name stderr | LC_ALL=C sort > "$t/inputs"
printf '%s\n' examples examples/anyshire/2018-19 test/fixtures/plan \
    >> "$t/inputs"

# The command lines for input $1, one a line, with @F@ for the format.
lines() {
	case $1 in
	*.csv)
		echo "se-plan --as-of 2019-06-30 -F @F@ $1"
		echo "se-rag -i $I -F @F@ $1"
		echo "se-rag -i $I --neighbours examples/data/neighbours.csv -F @F@ --exceptions $1"
		echo "se-hypothesise -i $I --data $1 -F @F@ $SA"
		;;
	*)
		echo "se-plan --as-of 2019-06-30 -F @F@ $1"
		echo "se-plan --as-of 2019-06-30 -i $I --data $X -F @F@ $1"
		echo "se-plan --as-of 2019-06-30 --since examples/anyshire/2018-19/plan-2019-05.yaml -F @F@ $1"
		echo "se-plan --from -F @F@ $1"
		echo "se-rag -F @F@ $1"
		echo "se-hypothesise -i $I --data $X -F @F@ $1"
		;;
	esac
}

# se-validate reads each directory's files in one run (the diagnostics
# name each file), and once with a catalogue and data.
validate_lines() {
	sed 's|/[^/]*$||' "$t/inputs" | LC_ALL=C sort -u | while read -r dir; do
		# shellcheck disable=SC2046
		echo "se-validate -F @F@ $(grep "^$dir/[^/]*$" "$t/inputs" | tr '\n' ' ')"
	done
	echo "se-validate -i $I --data $X -F @F@ examples"
}

formats() {
	case $1 in
	se-validate) echo json sarif ;;
	se-plan) case $2 in *--from*) echo yaml csv ;; *) echo json csv yaml ;; esac ;;
	se-rag) echo json csv ;;
	se-hypothesise) echo yaml json ;;
	esac
}

: > "$t/results"
{
	validate_lines
	while read -r in; do
		lines "$in"
	done < "$t/inputs"
} | while read -r line; do
		cmd=${line%% *}
		na=
		for f in $(formats "$cmd" "$line"); do
			args=${line%%@F@*}$f${line#*@F@}
			fmt=$f
			[ "$cmd:$f" = se-validate:json ] && fmt=jsonl
			# The lines hold no quoting: split on spaces, no shell.
			# shellcheck disable=SC2086
			$args < /dev/null > "$t/out" 2> /dev/null
			st=$?
			# Refused in the first format: refused in all.
			if [ -n "$na" ] || { [ "$st" != 0 ] && [ ! -s "$t/out" ]; }; then
				na=1
				echo "$cmd -F $f|na" >> "$t/results"
			elif why=$(outfmt_check "$fmt" "$t/out" "$st"); then
				echo "$cmd -F $f|ok" >> "$t/results"
			else
				echo "$cmd -F $f|bad|$args: $why" >> "$t/results"
			fi
		done
done

cut -d'|' -f1 "$t/results" | LC_ALL=C sort -u | while read -r key; do
	ok=$(grep -c -F "$key|ok" "$t/results")
	na=$(grep -c -F "$key|na" "$t/results")
	bad=$(grep -c -F "$key|bad" "$t/results")
	if [ "$bad" -eq 0 ] && [ "$ok" -gt 0 ]; then
		echo "ok - machine $key parses on all $ok runs ($na not applicable)"
	else
		echo "not ok - machine $key: $bad of $((ok + bad)) runs do not parse"
		grep -F "$key|bad|" "$t/results" | cut -d'|' -f3- | head -10 |
		    sed 's/^/# /'
	fi
done
