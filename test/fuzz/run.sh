#!/bin/sh
# test/fuzz/run.sh BUILD SECONDS fuzz_x.c...: build each libFuzzer target
# against BUILD/libse.a and run it from its corpus in test/fuzz/corpus/x/.
B=$1; secs=$2; shift 2
fail=0 pass=0
for src in "$@"; do
	name=$(basename "$src" .c)
	bin=$B/fuzz/$name
	mkdir -p "$B/fuzz" "$B/fuzz/corpus-$name"
	if ! clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -Ilib \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	    $(pkg-config --cflags yaml-0.1 libcmark) -o "$bin" "$src" \
	    "$B/libse.a" $(pkg-config --libs yaml-0.1 libcmark) -lcsv -lm; then
		echo "not ok - fuzz $name: does not build"; fail=$((fail+1)); continue
	fi
	corpus=test/fuzz/corpus/${name#fuzz_}
	if "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=0 -artifact_prefix="$B/fuzz/$name-" \
	    "$B/fuzz/corpus-$name" "$corpus" \
	    > "$B/fuzz/$name.log" 2>&1; then
		echo "ok - fuzz $name ran ${secs}s: $(grep -o 'cov: [0-9]*' "$B/fuzz/$name.log" | tail -n 1)"
		pass=$((pass+1))
	else
		echo "not ok - fuzz $name found a crash:"; tail -n 30 "$B/fuzz/$name.log" | sed 's/^/# /'
		fail=$((fail+1))
	fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
