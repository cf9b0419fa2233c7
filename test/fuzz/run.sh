#!/bin/sh
# test/fuzz/run.sh BUILD SECONDS fuzz_x.c...: build each libFuzzer target
# against BUILD/libse.a and run it from its corpus in test/fuzz/corpus/x/.
B=$1; secs=$2; shift 2
fail=0 pass=0
for src in "$@"; do
	name=$(basename "$src" .c)
	bin=$B/fuzz/$name
	mkdir -p "$B/fuzz" "$B/fuzz/corpus-$name"
	# test/jsoncheck.c: the targets that render check what they render.
	if ! clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -Ilib -Itest \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	    $(pkg-config --cflags yaml-0.1 libcmark) -o "$bin" "$src" \
	    test/jsoncheck.c \
	    "$B/libse.a" $(pkg-config --libs yaml-0.1 libcmark) -lcsv -lm -pthread; then
		echo "not ok - fuzz $name: does not build"; fail=$((fail+1)); continue
	fi
	corpus=test/fuzz/corpus/${name#fuzz_}
	if "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=0 -artifact_prefix="$B/fuzz/$name-" \
	    "$B/fuzz/corpus-$name" "$corpus" \
	    > "$B/fuzz/$name.log" 2>&1; then
		# Coverage and corpus at start (INITED) and at the end: the
		# growth a long run is judged by.
		st=$(grep -E '^#[0-9]+[[:space:]]+INITED' "$B/fuzz/$name.log" | head -n 1)
		en=$(grep -E '^#[0-9]+[[:space:]]+(DONE|NEW|REDUCE|pulse|INITED)' "$B/fuzz/$name.log" | tail -n 1)
		f() { echo "$1" | sed -n 's/.*cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\)\/\([0-9a-zA-Z]*\).*/cov \1, ft \2, corpus \3 (\4)/p'; }
		runs=$(echo "$en" | sed -n 's/^#\([0-9]*\).*/\1/p')
		echo "ok - fuzz $name ran ${secs}s, $runs runs: $(f "$st") -> $(f "$en")"
		pass=$((pass+1))
	else
		echo "not ok - fuzz $name found a crash:"; tail -n 30 "$B/fuzz/$name.log" | sed 's/^/# /'
		fail=$((fail+1))
	fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
