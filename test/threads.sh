#!/bin/sh
# test/threads.sh: se-rag on a national-shaped extract big enough for its
# reading and its CSV table to be shared out between threads (lib/pipe.c,
# lib/csvstream.c), with bad rows of every kind put in, gives byte for byte
# the output, diagnostics and status it gives on one thread (SE_THREADS=1),
# in every format, from a file and from standard input.  TAP lines.
B=${SE_BUILD:-build}
RAG=$(pwd)/$B/bin/se-rag
CC=${CC:-cc}
dir=$(mktemp -d) || exit 2
trap 'rm -rf "$dir"' EXIT
export LC_ALL=C

if ! $CC -O2 -o "$dir/gen" test/bench/gen.c 2> "$dir/cc.err" ||
    ! "$dir/gen" 200000 "$dir" > /dev/null; then
	echo "not ok - threads: the generator does not build or run"
	sed 's/^/# /' "$dir/cc.err"
	exit 0
fi
# Bad rows among the good, far apart so that they land in different
# chunks: a value that is not a number, a quote fault, a record whose
# quoted name goes over three lines, a blank line, a CRLF, a row of the
# wrong length, then a byte that is not UTF-8 (the rest is read as
# Windows-1252).
awk 'BEGIN { ORS = "\n" }
NR == 9001  { print "2019-20,E09000001,Any Borough,London,IND-00001,lots"; next }
NR == 30001 { print "2019-20,E09000001,Bad\"Quote,London,IND-00001,1"; next }
NR == 60001 { print "2019-20,E09000099,\"Three\nline\nname\",London,IND-00002,7"; next }
NR == 90001 { print ""; print; next }
NR == 120001 { printf "%s\r\n", $0; next }
NR == 150001 { print "2019-20,E09000001,Short row"; next }
NR == 180001 { print "2019-20,E09000098,Caf\351 Borough,London,IND-00003,5"; next }
{ print }' "$dir/extract.csv" > "$dir/bad.csv"

n=0
same() { # NAME ARGS...: one thread and the default give the same
	name=$1
	shift
	n=$((n + 1))
	SE_THREADS=1 "$RAG" "$@" > "$dir/1.out" 2> "$dir/1.err" < "$dir/bad.csv"
	echo $? > "$dir/1.rc"
	for t in 2 4; do
		SE_THREADS=$t "$RAG" "$@" > "$dir/n.out" 2> "$dir/n.err" \
		    < "$dir/bad.csv"
		echo $? > "$dir/n.rc"
		for f in out err rc; do
			if ! cmp -s "$dir/1.$f" "$dir/n.$f"; then
				echo "not ok - threads: $name, $t threads: std$f differs"
				diff "$dir/1.$f" "$dir/n.$f" | head -5 | sed 's/^/# /'
				return
			fi
		done
	done
	if [ ! -s "$dir/1.out" ] || [ "$(cat "$dir/1.rc")" != 1 ] ||
	    [ "$(grep -c error "$dir/1.err")" -lt 3 ]; then
		echo "not ok - threads: $name: expected output, errors and status 1"
		return
	fi
	echo "ok - threads: $name gives the same on 1, 2 and 4 threads"
}

cat="-i $dir/indicators.yaml --neighbours $dir/neighbours.csv"
same "csv" $cat -F csv "$dir/bad.csv"
same "csv from standard input" $cat -F csv -
same "json" $cat -F json "$dir/bad.csv"
same "text" $cat -F text "$dir/bad.csv"
same "exceptions csv" $cat --exceptions -F csv "$dir/bad.csv"
same "rug by authority, markdown" $cat --by authority -F markdown "$dir/bad.csv"
# The diagnostics name the bad rows at their lines, in order: after the
# three-line record and the blank line, lines are 3 on from the row number.
SE_THREADS=4 "$RAG" $cat -F csv "$dir/bad.csv" 2>&1 > /dev/null |
    grep -E 'error|encoding' | sed "s|$dir/||" > "$dir/diag"
cat > "$dir/want" <<'EOF'
bad.csv:9001:48: error: value 'lots' is not a number [csv-value]
bad.csv:30001:22: error: quote in the middle of a field: put the whole field in quotes and double the quote inside it; row skipped [csv-quote]
bad.csv:150004:1: error: row has 3 fields, the header has 6 [csv-row]
bad.csv:180004:22: warning: file is not UTF-8; read as Windows-1252 [encoding]
EOF
if cmp -s "$dir/want" "$dir/diag"; then
	echo "ok - threads: bad rows are reported at their lines, in order"
else
	echo "not ok - threads: diagnostics of the bad rows"
	diff "$dir/want" "$dir/diag" | head -10 | sed 's/^/# /'
fi
