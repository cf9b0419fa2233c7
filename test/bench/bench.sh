#!/bin/sh
# test/bench/bench.sh: the se-rag benchmark (not a test; `make check` does
# not run it).  Generates national-shaped long extracts with gen.c (about
# 160 authority and comparator rows x indicators x 12 periods, ~3%
# suppressed, quoted names with commas), then times `se-rag -F csv` against
# the floors (cat, wc -l, a libcsv parse-only loop; and lib/extract.c's
# reader alone, rows dropped, to show where the time goes) and the peers a data
# officer would otherwise use (Miller, sqlite3 with window functions,
# Python's csv module; pandas and DuckDB when installed).  Prints median
# wall time, MB/s, peak RSS, the ratio to the libcsv floor and the CPU
# time of all threads (se-rag uses every core; it is timed on one thread
# too, SE_THREADS=1), then se-rag's ratio to the floor timed in turn with
# it (the one to quote on a shared machine), on every core and on one;
# and checks that the Python peer's ranks and RAG agree with se-rag's on
# a sample.
#
#   sh test/bench/bench.sh [ROWS...]     default: 300000 5000000
#   RUNS=3 (runs per fast tool), PEER_RUNS=1 (0 skips the peers and the
#   sample check), BENCH_DIR=/tmp/se-bench,
#   MLR_MAX_ROWS=1000000 (Miller sorts in memory: about 40x the file),
#   EES_VALUES=5000000 (the EES-shaped file, gen_ees.c: one column per
#   measure, two filter columns, six-digit periods; 0 skips it)
set -u
B=${SE_BUILD:-build}
RUNS=${RUNS:-3}
PEER_RUNS=${PEER_RUNS:-1}
MLR_MAX_ROWS=${MLR_MAX_ROWS:-1000000}
DIR=${BENCH_DIR:-/tmp/se-bench}
SIZES=${*:-300000 5000000}
RAG=$(pwd)/$B/bin/se-rag
[ -x "$RAG" ] || { echo "bench: build first (make)" >&2; exit 2; }
mkdir -p "$DIR"
EES_VALUES=${EES_VALUES:-5000000}
cc -O2 -o "$DIR/gen" test/bench/gen.c || exit 2
cc -O2 -o "$DIR/gen_ees" test/bench/gen_ees.c || exit 2
cc -O2 -o "$DIR/csvparse" test/bench/csvparse.c -lcsv || exit 2
cc -O2 -Ilib -o "$DIR/readonly" test/bench/readonly.c "$B/libse.a" \
    $(pkg-config --libs yaml-0.1 libcmark 2>/dev/null || echo -lyaml -lcmark) \
    -lcsv -lm -pthread || exit 2

# run NAME RUNS CMD...: time CMD RUNS times (output to /dev/null); print
# the median run's wall seconds, the largest peak RSS in KiB, and the
# median run's CPU seconds (user + system, all threads).
run() {
	name=$1 n=$2
	shift 2
	: > "$DIR/times"
	i=0
	while [ $i -lt "$n" ]; do
		/usr/bin/time -f "%e %M %U %S" -o "$DIR/t1" "$@" > /dev/null 2> "$DIR/err" ||
			{ echo "bench: $name failed:" >&2; head -3 "$DIR/err" >&2; }
		tail -1 "$DIR/t1" >> "$DIR/times"
		i=$((i + 1))
	done
	sort -n "$DIR/times" | awk -v n="$n" '
		{ t[NR] = $1; c[NR] = $3 + $4; if ($2 > m) m = $2 }
		END { k = int((n + 1) / 2); printf "%s %s %s\n", t[k], m, c[k] }'
}

header() {
	printf "%-24s %9s %9s %10s %8s %8s\n" tool "wall s" "MB/s" "peak MiB" \
	    "x libcsv" "cpu s"
}

# ratio LABEL FILE CMD...: the ratio that matters, robust to a machine
# whose speed drifts: the libcsv floor on FILE and CMD timed one after
# the other, RUNS rounds; prints the median of the rounds' ratios.
ratio() {
	rl=$1 rf=$2
	shift 2
	: > "$DIR/ratios"
	k=0
	while [ $k -lt "$RUNS" ]; do
		a=$(run libcsv 1 "$DIR/csvparse" "$rf" | cut -d' ' -f1)
		b=$(run se-rag 1 "$@" | cut -d' ' -f1)
		echo "$a $b" | awk '{ printf "%.3f\n", $2 / $1 }' >> "$DIR/ratios"
		k=$((k + 1))
	done
	sort -n "$DIR/ratios" | awk -v n="$RUNS" -v l="$rl" '{ r[NR] = $1 }
	    END { printf "  %s / libcsv floor, timed in turn: median %.2fx " \
		"of %d rounds (%.2f to %.2f)\n", l, r[int((n + 1) / 2)], n, r[1],
		r[n] }'
}

row() { # NAME SECONDS KIB BYTES FLOOR CPU
	awk -v name="$1" -v s="$2" -v k="$3" -v b="$4" -v f="$5" -v c="$6" 'BEGIN {
		mbs = s > 0 ? b / 1048576 / s : 0
		printf "%-24s %9.2f %9.1f %10.1f %8.2f %8.2f\n", name, s, mbs,
		    k / 1024, (f > 0 ? s / f : 0), c }'
}

share() { # BYTES KIB: se-rag's peak RSS against the file's size
	echo "$1 $2" | awk '{ printf "  se-rag peak RSS is 1/%.1f of the file\n", $1 / ($2 * 1024) }'
}

for rows in $SIZES; do
	d=$DIR/$rows
	mkdir -p "$d"
	[ -s "$d/extract.csv" ] || "$DIR/gen" "$rows" "$d" || exit 2
	f=$d/extract.csv
	bytes=$(wc -c < "$f")
	echo
	echo "== $(($(wc -l < "$f") - 1)) rows, $((bytes / 1048576)) MiB"
	header
	set -- $(run libcsv "$RUNS" "$DIR/csvparse" "$f")
	floor=$1
	row "libcsv parse-only" "$1" "$2" "$bytes" "$floor" "$3"
	set -- $(run cat "$RUNS" cat "$f"); row "cat" "$1" "$2" "$bytes" "$floor" "$3"
	set -- $(run wc "$RUNS" wc -l "$f"); row "wc -l" "$1" "$2" "$bytes" "$floor" "$3"
	set -- $(run readonly "$RUNS" "$DIR/readonly" "$f")
	row "se extract reader only" "$1" "$2" "$bytes" "$floor" "$3"
	set -- $(run se-rag "$RUNS" "$RAG" -i "$d/indicators.yaml" \
	    --neighbours "$d/neighbours.csv" -F csv "$f")
	rag_s=$1
	row "se-rag -F csv" "$1" "$2" "$bytes" "$floor" "$3"
	share "$bytes" "$2"
	set -- $(run se-rag1 "$RUNS" env SE_THREADS=1 "$RAG" \
	    -i "$d/indicators.yaml" --neighbours "$d/neighbours.csv" -F csv "$f")
	row "se-rag, one thread" "$1" "$2" "$bytes" "$floor" "$3"
	ratio se-rag "$f" "$RAG" -i "$d/indicators.yaml" \
	    --neighbours "$d/neighbours.csv" -F csv "$f"
	ratio "se-rag, one thread" "$f" env SE_THREADS=1 "$RAG" \
	    -i "$d/indicators.yaml" --neighbours "$d/neighbours.csv" -F csv "$f"
	if [ "$PEER_RUNS" -le 0 ]; then
		printf "%-24s %s\n" peers "skipped: PEER_RUNS=0"
	elif [ "$rows" -gt "$MLR_MAX_ROWS" ]; then
		printf "%-24s %s\n" mlr "skipped above MLR_MAX_ROWS=$MLR_MAX_ROWS"
	elif command -v mlr > /dev/null; then
		set -- $(run mlr "$PEER_RUNS" mlr --icsv --ocsv --from "$f" \
		    filter 'is_numeric($value)' then \
		    sort -f indicator,time_period -nr value then \
		    put 'k = $indicator . "/" . $time_period; @n[k] += 1; $rank = @n[k]')
		row "mlr (sort, rank)" "$1" "$2" "$bytes" "$floor" "$3"
	fi
	if [ "$PEER_RUNS" -gt 0 ] && command -v sqlite3 > /dev/null; then
		cat > "$d/peer.sql" <<SQL
.mode csv
.import $f x
WITH latest AS (SELECT indicator, MAX(time_period) AS p FROM x GROUP BY indicator),
cur AS (SELECT x.* FROM x JOIN latest l ON x.indicator = l.indicator AND x.time_period = l.p
        WHERE x.value GLOB '[0-9]*'),
eng AS (SELECT indicator, CAST(value AS REAL) AS ev FROM cur WHERE la_name = 'England')
SELECT c.la_name, c.indicator, c.value,
       RANK() OVER (PARTITION BY c.indicator ORDER BY CAST(c.value AS REAL) DESC) AS rank,
       e.ev
FROM cur c LEFT JOIN eng e USING (indicator)
WHERE c.region_name <> '';
SQL
		set -- $(run sqlite3 "$PEER_RUNS" sh -c "sqlite3 :memory: < '$d/peer.sql'")
		row "sqlite3 (window fns)" "$1" "$2" "$bytes" "$floor" "$3"
	fi
	if [ "$PEER_RUNS" -gt 0 ] && command -v python3 > /dev/null; then
		set -- $(run python "$PEER_RUNS" python3 test/bench/peer.py "$f" "$d/indicators.yaml")
		row "python csv" "$1" "$2" "$bytes" "$floor" "$3"
		for mod in pandas duckdb; do
			python3 -c "import $mod" 2> /dev/null ||
				printf "%-24s %s\n" "$mod" "not installed: skipped"
		done
		# Agreement on a sample: ranks and RAG of two indicators
		# compared with England (IND-00000 high, IND-00003 low).
		python3 test/bench/peer.py "$f" "$d/indicators.yaml" |
			awk -F, '$2 == "IND-00000" || $2 == "IND-00003"' | sort > "$d/peer.txt"
		"$RAG" -i "$d/indicators.yaml" -F csv "$f" 2> /dev/null |
			awk -F, 'BEGIN { OFS = "," }
			    $2 == "IND-00000" || $2 == "IND-00003" {
				if ($8 != "") print $1, $2, $8, $13 }' | sort > "$d/rag.txt"
		# Names with commas are quoted by se-rag; compare plain ones.
		grep -v '"' "$d/peer.txt" > "$d/peer1.txt"
		grep -v '"' "$d/rag.txt" > "$d/rag1.txt"
		if cmp -s "$d/peer1.txt" "$d/rag1.txt" && [ -s "$d/rag1.txt" ]; then
			echo "  sample agrees: $(wc -l < "$d/rag1.txt") ranks and RAGs equal to python's"
		else
			echo "  sample DISAGREES with python (see $d/peer1.txt, $d/rag1.txt)"
		fi
	fi
	echo "$rows $rag_s" >> "$DIR/scaling"
done
# The EES layout: the floor and se-rag on the same file, in turn.
if [ "$EES_VALUES" -gt 0 ]; then
	d=$DIR/ees-$EES_VALUES
	mkdir -p "$d"
	[ -s "$d/ees.csv" ] || "$DIR/gen_ees" "$EES_VALUES" "$d" || exit 2
	f=$d/ees.csv
	bytes=$(wc -c < "$f")
	echo
	echo "== EES tidy data: $(($(wc -l < "$f") - 1)) rows x 40 measure columns, $((bytes / 1048576)) MiB"
	header
	set -- $(run libcsv "$RUNS" "$DIR/csvparse" "$f")
	floor=$1
	row "libcsv parse-only" "$1" "$2" "$bytes" "$floor" "$3"
	set -- $(run se-rag "$RUNS" "$RAG" -i "$d/ees-indicators.yaml" -F csv "$f")
	row "se-rag -F csv" "$1" "$2" "$bytes" "$floor" "$3"
	share "$bytes" "$2"
	set -- $(run se-rag1 "$RUNS" env SE_THREADS=1 "$RAG" \
	    -i "$d/ees-indicators.yaml" -F csv "$f")
	row "se-rag, one thread" "$1" "$2" "$bytes" "$floor" "$3"
	ratio se-rag "$f" "$RAG" -i "$d/ees-indicators.yaml" -F csv "$f"
	ratio "se-rag, one thread" "$f" env SE_THREADS=1 "$RAG" \
	    -i "$d/ees-indicators.yaml" -F csv "$f"
fi
if [ "$(wc -l < "$DIR/scaling")" -ge 2 ]; then
	tail -2 "$DIR/scaling" | awk 'NR == 1 { r = $1; t = $2 } NR == 2 {
		printf "\nscaling: %d rows took %.1fx the time of %d rows (%.1fx the rows)\n",
		    $1, $2 / t, r, $1 / r }'
fi
rm -f "$DIR/scaling"
