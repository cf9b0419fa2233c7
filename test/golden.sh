#!/bin/sh
# test/golden.sh: command tests as data.  Each directory test/golden/NAME/
# holds `args` (one shell line run from the repository root with the
# commands on PATH), optionally `stdin`, and the expected `stdout`,
# `stderr` and `status`.  SE_GOLDEN_UPDATE=1 rewrites the expectations.
# A test whose command writes a machine format (test/outfmt.sh decides
# which from `args`) fails when its output does not parse, whatever the
# expected bytes say, and is not updated.
B=${SE_BUILD:-build}
. test/outfmt.sh
# SE_WRAPBIN: wrappers to run the commands through (run.sh, valgrind)
PATH=${SE_WRAPBIN:+$SE_WRAPBIN:}$(pwd)/$B/bin:$PATH
export PATH
unset NO_COLOR SE_FORMATS COLUMNS
export LC_ALL=C TZ=UTC
out=$(mktemp -d) || exit 2
trap 'rm -rf "$out"' EXIT
for d in test/golden/*/; do
	[ -f "$d/args" ] || continue
	name=$(basename "$d")
	in=/dev/null
	[ -f "$d/stdin" ] && in=$d/stdin
	sh -c "$(cat "$d/args")" < "$in" > "$out/stdout" 2> "$out/stderr"
	echo $? > "$out/status"
	fmt=$(outfmt_of "$(cat "$d/args")")
	parse=
	if [ -n "$fmt" ] && ! why=$(outfmt_check "$fmt" "$out/stdout" \
	    "$(cat "$out/status")"); then
		parse=" stdout(not $fmt: $why)"
	fi
	if [ -n "$SE_GOLDEN_UPDATE" ] && [ -n "$parse" ]; then
		echo "not ok - golden $name:$parse"
		continue
	fi
	if [ -n "$SE_GOLDEN_UPDATE" ]; then
		cp "$out/stdout" "$out/stderr" "$out/status" "$d"
		echo "ok - golden $name (updated)"
		continue
	fi
	bad=
	for f in stdout stderr status; do
		if [ ! -f "$d/$f" ]; then
			bad="$bad $f(missing)"
		elif ! cmp -s "$out/$f" "$d/$f"; then
			bad="$bad $f"
			diff -u "$d/$f" "$out/$f" | head -20 | sed 's/^/# /'
		fi
	done
	bad="$bad$parse"
	if [ -z "$bad" ]; then
		echo "ok - golden $name${fmt:+ (parses as $fmt)}"
	else
		echo "not ok - golden $name:$bad differ"
	fi
done
