#!/bin/sh
# test/hostile.sh: every command on every hostile input (libse(3), limits).
# Each run is bounded by `timeout 20` and must end with status 1 or 2 (never
# 0, never >= 124: a timeout or a signal), with a diagnostic naming the input
# (on standard error, or standard output for se-validate), and no report
# from a sanitizer (ASan and UBSan exit with status 1 too).  With -o to a
# missing directory nothing may be created; with -o beside the input no
# temporary file may be left behind.  Small inputs live in test/hostile/,
# large ones are made here.  Prints TAP lines "ok - hostile CMD INPUT".
# SE_BUILD names the build tree.
B=${SE_BUILD:-build}
cd "$(dirname "$0")/.." || exit 2
ROOT=$(pwd)
BIN=$ROOT/$B/bin
SRC=$(pwd)/test/hostile
unset NO_COLOR SE_FORMATS
export LC_ALL=C TZ=UTC
T=$(mktemp -d) || exit 2
wpid=
cleanup() {
	[ -n "$wpid" ] && kill "$wpid" 2>/dev/null
	chmod -R u+rwx "$T" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 2' HUP INT TERM
chmod 755 "$T"
cd "$T" || exit 2
cp "$SRC"/* .

# ---- the inputs made here -------------------------------------------------
# A 10 MB line: a Markdown heading (no front matter, so not a document),
# and a CSV header of one 10 MB name.
awk 'BEGIN { s = "aaaaaaaaaa"; for (i = 0; i < 20; i++) s = s s;
	printf "# %s\n\nText.\n", substr(s, 1, 10000000) }' > huge-line.md
awk 'BEGIN { s = "aaaaaaaaaa"; for (i = 0; i < 20; i++) s = s s;
	printf "%s\n1\n", substr(s, 1, 10000000) }' > huge-line.csv
# 10^6 columns, a header and one row.
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "%sc%d", i ? "," : "", i;
	print ""; for (i = 0; i < 1000000; i++) printf "%s1", i ? "," : "";
	print "" }' > wide.csv
# Nesting 10 000 deep: flow lists and block maps.
awk 'BEGIN { printf "kind: self-evaluation\nv: ";
	for (i = 0; i < 10000; i++) printf "[";
	for (i = 0; i < 10000; i++) printf "]"; print "" }' > deep.yaml
awk 'BEGIN { print "kind: self-evaluation"; ind = "";
	for (i = 0; i < 10000; i++) { print ind "k:"; ind = ind " " }
	print ind "v" }' > deep-block.yaml
# A directory whose only entries are symbolic links back up the tree.
mkdir -p loop-dir/sub
ln -s . loop-dir/self
ln -s .. loop-dir/sub/up
# A file only root could read; the commands run as nobody for it.
printf 'kind: self-evaluation\n' > unreadable.yaml
chmod 000 unreadable.yaml
mkfifo fifo
mkdir outdir

runas=
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv >/dev/null 2>&1 &&
	    setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
		runas="setpriv --reuid=65534 --regid=65534 --clear-groups"
	else
		runas=skip
	fi
fi

# The commands, as "name args".
CMDS="se-validate
se-rag
se-plan
se-hypothesise
se-report -t summary"

# check LABEL NAME STATUS: status 1 or 2 and NAME in the diagnostics.
check() {
	label=$1 name=$2 rc=$3
	case $cmd in
	se-validate*) diag=$(cat out err) ;;
	*) diag=$(cat err) ;;
	esac
	if [ "$rc" -ne 1 ] && [ "$rc" -ne 2 ]; then
		why="exit status $rc"
		[ "$rc" -eq 124 ] && why="timed out after 20 s"
		[ "$rc" -gt 128 ] && why="killed by signal $((rc - 128))"
		echo "not ok - hostile $cmd $label: $why"
		tail -n 5 err | sed 's/^/# /'
	elif grep -q 'Sanitizer\|runtime error:' err; then
		echo "not ok - hostile $cmd $label: the sanitizer reports an error"
		grep -m 3 'Sanitizer\|runtime error:\|#[0-9] ' err | sed 's/^/# /'
	elif ! printf '%s\n' "$diag" | grep -qF -- "$name"; then
		echo "not ok - hostile $cmd $label: status $rc but no diagnostic names '$name'"
		printf '%s\n' "$diag" | head -n 5 | sed 's/^/# /'
	else
		echo "ok - hostile $cmd $label"
	fi
}

# hostile LABEL OPERAND [NAME]: run every command on OPERAND.
hostile() {
	label=$1 operand=$2 name=${3:-$2}
	echo "$CMDS" | while read -r cmd; do
		# shellcheck disable=SC2086
		timeout 20 "$BIN"/$cmd "$operand" > out 2> err < /dev/null
		check "$label" "$name" $?
	done
}

hostile "empty YAML file" empty.yaml
hostile "empty CSV file" empty.csv
hostile "binary file (YAML name)" binary.yaml
hostile "binary file (CSV name)" binary.csv
hostile "invalid UTF-8 in Markdown" invalid-utf8.md
hostile "invalid UTF-8 in a CSV" invalid-utf8.csv
hostile "directory symlink loop" loop-dir
hostile "10 MB line in Markdown" huge-line.md
hostile "10 MB line in a CSV" huge-line.csv
hostile "10^6 CSV columns" wide.csv
hostile "flow nesting 10 000 deep" deep.yaml
hostile "block nesting 10 000 deep" deep-block.yaml
hostile "alias bomb" alias-bomb.yaml
hostile "/dev/zero as an operand" /dev/zero

# A FIFO with a writer that sends half a document and goes.
echo "$CMDS" | while read -r cmd; do
	(printf 'kind: [self-\n' > fifo) 2>/dev/null &
	wpid=$!
	# shellcheck disable=SC2086
	timeout 20 "$BIN"/$cmd fifo > out 2> err < /dev/null
	rc=$?
	kill "$wpid" 2>/dev/null
	wait "$wpid" 2>/dev/null
	check "FIFO with a writer" fifo $rc
done
# A FIFO nobody writes to: must not wait for ever.
echo "$CMDS" | while read -r cmd; do
	# shellcheck disable=SC2086
	timeout 20 "$BIN"/$cmd fifo > out 2> err < /dev/null
	check "FIFO without a writer" fifo $?
done

# Unreadable: as nobody, since root reads anything.
echo "$CMDS" | while read -r cmd; do
	if [ "$runas" = skip ]; then
		echo "ok - hostile $cmd unreadable file # SKIP running as root without setpriv"
		continue
	fi
	# shellcheck disable=SC2086
	timeout 20 $runas "$BIN"/$cmd unreadable.yaml > out 2> err < /dev/null
	check "unreadable file" unreadable.yaml $?
done

# -o to a missing directory, on good input: status 2, the path named,
# nothing created.
E=$ROOT/examples
echo "se-validate $E/anyshire/2018-19/summary.md
se-rag -i $E/data/indicators.yaml $E/data/extract-long.csv
se-plan $E/anyshire/2018-19/plan.yaml
se-hypothesise $E/anyshire/2018-19/self-assessment.yaml
se-report -t summary $E/anyshire/2018-19" | while read -r cmd; do
	# shellcheck disable=SC2086
	timeout 20 "$BIN"/$cmd -o missing/report.out > out 2> err < /dev/null
	rc=$?
	if [ -e missing ]; then
		echo "not ok - hostile $cmd -o to a missing directory: created 'missing'"
		rm -rf missing
	else
		cmd=${cmd%% *}
		check "-o to a missing directory" missing/report.out $rc
	fi
done

# -o beside the input, on bad input: no temporary file is left, and the
# target exists only when the command wrote something (se-validate writes
# its problems there).
echo "$CMDS" | while read -r cmd; do
	rm -rf outdir && mkdir outdir
	# shellcheck disable=SC2086
	timeout 20 "$BIN"/$cmd -o outdir/target /dev/zero > out 2> err < /dev/null
	rc=$?
	left=$(ls -A outdir | grep -v '^target$')
	if [ -n "$left" ]; then
		echo "not ok - hostile $cmd -o on /dev/zero left: $left"
	elif [ -e outdir/target ] && [ ! -s outdir/target ]; then
		echo "not ok - hostile $cmd -o on /dev/zero left an empty target"
	else
		case $cmd in
		se-validate*) cat outdir/target >> out 2>/dev/null ;;
		esac
		check "-o on /dev/zero leaves no temporary file" /dev/zero $rc
	fi
done

# A file vanishing mid-walk: a race; only the outcome can be asserted
# (the command ends, status 0 to 2, no signal), whichever way it goes.
mkdir vanish
i=0
while [ $i -lt 300 ]; do
	printf 'kind: self-evaluation\ntitle: t%d\n' $i > vanish/f$i.yaml
	i=$((i + 1))
done
(sleep 0.05; rm -rf vanish) &
vpid=$!
timeout 20 "$BIN"/se-validate vanish > out 2> err < /dev/null
rc=$?
wait $vpid
if [ $rc -le 2 ]; then
	echo "ok - hostile se-validate a directory vanishing mid-walk (status $rc)"
else
	echo "not ok - hostile se-validate a directory vanishing mid-walk: status $rc"
	tail -n 5 err | sed 's/^/# /'
fi
