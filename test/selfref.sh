#!/bin/sh
# test/selfref.sh: the product speaks for itself.  No shipped text (man
# pages, formats, examples, READMEs, code and its comments, test names and
# the outputs the golden tests hold) may name the documents it was built
# from by an internal number ("seed 002") or point to the design notes
# ("DESIGN 10.4"), which users do not have: sources are named by their
# titles, as in the STANDARDS section of se(7), and a rule by the manual
# section that states it.  A pseudo-random generator's seed in test code
# is not a reference and is let through.
cd "$(dirname "$0")/.." || exit 2
list=$(mktemp) || exit 2
hits=$(mktemp) || exit 2
trap 'rm -f "$list" "$hits"' EXIT
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git ls-files > "$list"
else
	find . -path ./.git -prune -o -path './build*' -prune -o -type f \
	    -print | sed 's|^\./||' > "$list"
fi
grep -v -x 'test/selfref.sh' "$list" | tr '\n' '\0' |
    xargs -0 grep -n -I -E '\b[Ss]eeds?\b|\bDESIGN\b' -- 2>/dev/null |
    grep -v -E ':[0-9]+:.*(\bseed *([-+*^<>]?=|>>|<<|;)|(unsigned|int|uint64_t) seed\b|\(seed >>)' > "$hits"
grep -E '(^|/)[^/]*(seed|DESIGN)[^/]*$' "$list" | sed 's/$/: file name/' >> "$hits"
for area in man formats examples README lib cmd test; do
	found=$(grep -E "^$area(/|:)" "$hits")
	if [ -n "$found" ]; then
		echo "not ok - selfref $area names seeds or design sections"
		printf '%s\n' "$found" | head -20 | sed 's/^/# /'
	else
		echo "ok - selfref $area names no seeds or design sections"
	fi
done
