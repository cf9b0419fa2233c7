#!/bin/sh
# Every kind the formats define (every chapter of a kind written one at a
# time), started by se-new: se-validate's status on the new draft, with
# --final, and (for a kind with a stage) once it says 'stage: final'.
d=$(mktemp -d) || exit 2
trap 'rm -rf "$d"' EXIT
for k in $(sed -n 's/^format: //p' formats/*/*.yaml | sort -u); do
	chapters=-
	if ! se-new "$k" > /dev/null 2> "$d/err" &&
	    grep -q -- '--chapter (' "$d/err"; then
		chapters=$(sed 's/.*(//; s/)//; s/,//g' "$d/err")
	fi
	for c in $chapters; do
		name=$k
		set --
		if [ "$c" != - ]; then
			name=$k-$c
			set -- --chapter "$c"
		fi
		ext=yaml
		[ "$(se-new "$k" "$@" 2>/dev/null | head -c 3)" = --- ] && ext=md
		f=$d/$name.$ext
		if ! se-new "$k" "$@" --authority Anyshire --period 2018-19 \
		    -o "$f" 2> "$d/err"; then
			echo "$name: not made: $(cat "$d/err")"
			continue
		fi
		se-validate "$f" > /dev/null 2>&1
		a=$?
		se-validate --final "$f" > /dev/null 2>&1
		b=$?
		line="$name.$ext: draft $a, --final $b"
		if grep -q '^stage: "draft"$' "$f"; then
			sed 's/^stage: "draft"$/stage: final/' "$f" > "$d/final.$ext"
			se-validate "$d/final.$ext" > /dev/null 2>&1
			line="$line, stage: final $?"
		fi
		echo "$line"
	done
done
