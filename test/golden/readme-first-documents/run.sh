#!/bin/sh
# The README's "Your first documents" commands, as written, in a new
# directory: each command line with its exit status.
r=$(pwd)
d=$(mktemp -d) || exit 2
trap 'cd "$r"; rm -rf "$d"' EXIT
awk '/^Your first documents$/ { on = 1; next }
    on && /^[A-Z][a-z].*$/ && prev == "" && !/^    / { n++ }
    on && n >= 1 && /^-+$/ { exit }
    { prev = $0 }
    on && /^    / { sub(/^    /, ""); print }' "$r/README" |
    awk '{ line = line $0 } /\\$/ { sub(/\\$/, "", line); next }
    { print line; line = "" }' > "$d/cmds"
cd "$d" || exit 2
# One shell, as a user types them (a cd holds for what follows); each
# command's status after it.
while IFS= read -r cmd; do
	printf '%s > /dev/null 2>&1; echo "$? %s"\n' "${cmd%%#*}" "${cmd%%  *#*}"
done < cmds > script
sh script
