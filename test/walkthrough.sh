#!/bin/sh
# test/walkthrough.sh: the walk-through "Adding a framework in a region's
# repository" of se-formats(5), run as a reader would.  Each literal block
# after a '.\" walk-through: PATH' comment is written to PATH in a scratch
# directory, the commands of the 'run' block are run there (the shipped
# formats beneath the region's own), and what they print must be the
# 'output' block, so the page and the program cannot drift apart.
B=${SE_BUILD:-build}
PATH=$(pwd)/$B/bin:$PATH
export PATH
unset SE_FORMATS NO_COLOR
export LC_ALL=C
page=man/se-formats.5
dir=$(mktemp -d) || exit 2
trap 'rm -rf "$dir"' EXIT
pass=0 fail=0
ok() { echo "ok - walkthrough: $1"; pass=$((pass + 1)); }
notok() { echo "not ok - walkthrough: $1"; fail=$((fail + 1)); }

# Split the page's blocks into files named by their comment.
awk -v dir="$dir" '
/^\.\\" walk-through: / { target = $3; n = 0; next }
target != "" && /^\.Bd -literal/ { inblk = 1; next }
inblk && /^\.Ed/ { inblk = 0; print target; target = ""; next }
inblk {
	f = target; gsub("/", "%", f)
	print > (dir "/.blk-" f)
}' "$page" > "$dir/.targets"
for t in $(cat "$dir/.targets"); do
	f=$(printf '%s' "$t" | tr / %)
	case $t in
	run|output) ;;
	*) mkdir -p "$dir/$(dirname "$t")"; cp "$dir/.blk-$f" "$dir/$t" ;;
	esac
done
if [ -s "$dir/.blk-run" ] && [ -s "$dir/.blk-output" ]; then
	ok "the page has files, commands and their output"
else
	notok "the page has no walk-through blocks"
fi
grep -q '^format: self-assessment' "$dir/formats/ilacs-2023/self-assessment.yaml" 2>/dev/null &&
    [ -f "$dir/formats/ilacs-2023/scales.yaml" ] && ok "the region's framework and its own scale are written" ||
    notok "the region's framework files are missing"

# Run each '$ ' line, as the reader would type it.
( cd "$dir" && sed -n 's/^\$ //p' .blk-run | while read -r line; do
	sh -c "$line" 2>&1
done ) > "$dir/.got"
if cmp -s "$dir/.blk-output" "$dir/.got"; then
	ok "its commands print what the page says"
else
	notok "its commands print what the page says"
	diff -u "$dir/.blk-output" "$dir/.got" | sed 's/^/# /'
fi
# Only the region's layer: no copy of the shipped formats was needed.
[ ! -d "$dir/formats/shared" ] && [ ! -d "$dir/formats/em-2012" ] &&
    ok "the region keeps only its own framework" ||
    notok "the region needed a copy of the shipped formats"
# The same through SE_FORMATS, and a scale defined in two layers is named.
( cd "$dir" && SE_FORMATS=formats se-validate anyshire/ilacs.yaml ) > "$dir/.env" 2>&1
if grep -q "'commentary'" "$dir/.env"; then
	ok "SE_FORMATS lays the region's formats over the shipped ones"
else
	notok "SE_FORMATS lays the region's formats over the shipped ones"
	sed 's/^/# /' "$dir/.env"
fi
mkdir -p "$dir/formats/other"
printf 'scales:\n  - id: ilacs4\n    levels: [{id: a}, {id: b}]\n' > "$dir/formats/other/scales.yaml"
( cd "$dir" && se-validate --formats formats anyshire/ilacs.yaml ) > "$dir/.twice" 2>&1
if grep -q "formats/other/scales.yaml:2:5: error: scale 'ilacs4' is defined twice" "$dir/.twice" ||
    grep -q "formats/ilacs-2023/scales.yaml:.*scale 'ilacs4' is defined twice" "$dir/.twice"; then
	ok "a scale id defined in two places is an error naming one of them"
else
	notok "a scale id defined in two places is an error naming one of them"
	sed 's/^/# /' "$dir/.twice"
fi
: "$pass"
[ "$fail" -eq 0 ]
