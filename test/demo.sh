#!/bin/sh
# test/demo.sh: run the pipeline on examples/ so a newcomer sees it work.
# Text goes to the terminal; the HTML documents to BUILD/demo/.
B=${1:-build}
PATH=$(pwd)/$B/bin:$PATH
out=$B/demo
mkdir -p "$out"
E=examples
A=$E/anyshire/2018-19
I=$E/data/indicators.yaml
run() { printf '\n$ %s\n' "$*"; "$@"; }
run se-validate -i $I $E/
run se-rag -i $I --authority Anyshire $E/data/extract-long.csv
run se-rag -i $I --by authority -F html -o $out/tartan-rug.html $E/data/
run se-hypothesise -i $I --data $E/data/extract-long.csv -F text $A/self-assessment.yaml
run se-report -t summary -F html -o $out/summary.html $A/
run se-report -t dashboard -F html -o $out/dashboard.html -i $I --data $E/data/extract-long.csv --authority Anyshire
run se-report -t letter $A/review.yaml
run se-plan --as-of 2019-06-30 --since $A/plan-2019-05.yaml $A/plan.yaml
run se-plan --as-of 2019-06-30 -F html -o $out/plan.html $A/plan.yaml
printf '\nHTML documents to open in a browser: %s\n' "$(ls $out/*.html | tr '\n' ' ')"
exit 0
