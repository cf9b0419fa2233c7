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

# ---- every file-taking option, inputs never written, -o never an input ---
# The inputs of each command line, copied here; each line names its
# inputs as @NAME (a file in in/) and one slot @@ that the hostile input
# takes in turn.  Every input is checksummed before and after.
mkdir in
cp "$E/data/indicators.yaml" "$E/data/extract-long.csv" \
    "$E/data/neighbours.csv" in/
cp "$E/anyshire/2018-19/plan.yaml" "$E/anyshire/2018-19/plan-2019-05.yaml" \
    "$E/anyshire/2018-19/self-assessment.yaml" in/
cp "$E/midshires/programme.yaml" in/
mkdir in/reviews
cp "$E/anyshire/2018-19/review.yaml" in/reviews/
cp "$ROOT/test/fixtures/plan/authorities-4.yaml" in/authorities.yaml
mkdir in/summary
cp "$E"/anyshire/2018-19/*.md in/summary/
# The documents' evidence and the extracts their links name, as in
# examples/: the commands check their inputs first, so they must be valid.
for dir in in in/reviews in/summary; do
	cp -R "$E/anyshire/2018-19/evidence" "$dir/"
done
cp "$E/anyshire/2018-19/self-assessment.yaml" in/reviews/
cp "$E/anyshire/2018-19/review.yaml" in/
mkdir data
cp "$E/data/extract-long.csv" "$E/data/extract-wide.csv" data/
# One broken document among files with no kind (a directory walk).
mkdir broken-dir
printf '# Notes\n\nNot a document.\n' > broken-dir/README.md
printf 'kind: plan\nactions:\n  - action: "open\n' > broken-dir/broken.yaml
printf 'indicator,authority,period,value\nCSC-001,"Anyshire,2018-19\n' \
    > broken-dir/broken.csv

sums() { find in -type f -exec cksum {} + | LC_ALL=C sort; }
sums > sums.before

# Each line: the command, with @@ where the hostile input goes.
SLOTS="se-validate @@
se-validate -i @@ in/self-assessment.yaml
se-validate --data @@ in/self-assessment.yaml
se-rag -i in/indicators.yaml @@
se-rag -i @@ in/extract-long.csv
se-rag -i in/indicators.yaml --compare neighbours --neighbours @@ in/extract-long.csv
se-plan --as-of 2019-06-30 @@
se-plan --as-of 2019-06-30 --since @@ in/plan.yaml
se-plan --as-of 2019-06-30 -i @@ --data in/extract-long.csv in/plan.yaml
se-plan --as-of 2019-06-30 -i in/indicators.yaml --data @@ in/plan.yaml
se-plan --from @@
se-plan --programme @@ --as-of 2019-03-01 in/reviews
se-plan --draft-programme --authorities @@ --cycle 2012-2014
se-hypothesise @@
se-hypothesise -i @@ in/self-assessment.yaml
se-hypothesise -i in/indicators.yaml --data @@ in/self-assessment.yaml
se-report -t summary @@
se-report -t summary -i @@ in/summary
se-report -t dashboard --authority Anyshire -i in/indicators.yaml --data @@ in/summary
se-report -t calendar @@"

# slot LABEL INPUT [NAME]: every slot filled with INPUT; INPUT may use
# @@ itself (a FIFO per run).  Status 1 or 2 within 20 s, no sanitizer
# report, the input named.
slot() {
	label=$1 input=$2 name=${3:-$2}
	echo "$SLOTS" | while read -r line; do
		cmd=${line%% *}
		run=$(printf '%s\n' "$line" | sed "s|@@|$input|")
		case $input in
		fifo-w)	rm -f fifo-w; mkfifo fifo-w
			(printf 'kind: [self-\n' > fifo-w) 2>/dev/null &
			wpid=$! ;;
		esac
		# shellcheck disable=SC2086
		timeout 20 "$BIN"/$run > out 2> err < /dev/null
		rc=$?
		if [ -n "$wpid" ]; then
			kill "$wpid" 2>/dev/null
			wait "$wpid" 2>/dev/null
			wpid=
		fi
		cmd="$line"
		check "$label" "$name" $rc
	done
}
slot "FIFO without a writer in every file option" fifo
slot "FIFO with a writer in every file option" fifo-w
slot "/dev/zero in every file option" /dev/zero
slot "a directory with one broken document in every file option" broken-dir broken
sums > sums.after
if cmp -s sums.before sums.after; then
	echo "ok - hostile every input unchanged by the hostile runs"
else
	echo "not ok - hostile an input changed:"
	diff sums.before sums.after | sed 's/^/# /'
fi

# -o aimed at each input of a command line, by its path, a symbolic link
# and a hard link: status 2, output-is-input, the input untouched.
OUTS="se-validate -i in/indicators.yaml --data in/extract-long.csv in/self-assessment.yaml in/plan.yaml
se-rag -i in/indicators.yaml --compare neighbours --neighbours in/neighbours.csv -F csv in/extract-long.csv
se-rag in/summary/summary.md
se-plan --as-of 2019-06-30 -F yaml --since in/plan-2019-05.yaml -i in/indicators.yaml --data in/extract-long.csv in/plan.yaml
se-plan --as-of 2019-06-30 --from in/reviews/review.yaml
se-plan --programme in/programme.yaml --as-of 2019-03-01 in/reviews
se-plan --draft-programme --authorities in/authorities.yaml --cycle 2012-2014
se-hypothesise -i in/indicators.yaml --data in/extract-long.csv in/self-assessment.yaml
se-report -t summary -i in/indicators.yaml in/summary
se-report -t dashboard --authority Anyshire -i in/indicators.yaml --data in/extract-long.csv in/summary"
echo "$OUTS" | while read -r line; do
	# The files this line reads: its in/ paths, a directory's files too
	# (not the evidence the documents link to: only checked to exist).
	for arg in $line; do
		case $arg in in/*) ;; *) continue ;; esac
		if [ -d "$arg" ]; then
			find "$arg" -type f ! -path '*/evidence/*'
		else
			echo "$arg"
		fi
	done | LC_ALL=C sort -u | while read -r input; do
		for how in path symlink hardlink; do
			rm -f out-link
			case $how in
			path) target=$input ;;
			symlink) ln -s "$input" out-link; target=out-link ;;
			hardlink) ln "$input" out-link; target=out-link ;;
			esac
			before=$(cksum < "$input")
			# shellcheck disable=SC2086
			timeout 20 "$BIN"/$line -o "$target" > out 2> err < /dev/null
			rc=$?
			after=$(cksum < "$input")
			label="${line%% *} -o $input by $how"
			if [ "$before" != "$after" ]; then
				echo "not ok - hostile $label: the input was written"
			elif [ $rc -ne 2 ] || ! grep -q 'output-is-input' err; then
				echo "not ok - hostile $label: status $rc, no output-is-input"
				head -n 3 err | sed 's/^/# /'
			elif [ "$how" = symlink ] && [ ! -L out-link ]; then
				echo "not ok - hostile $label: the link was replaced"
			else
				echo "ok - hostile $label"
			fi
			ls -A "$(dirname "$input")" | grep '\.tmp$' | sed 's/^/# left: /'
		done
	done
done
rm -f out-link

# A dangling symbolic link as -o: the link is kept, its target written.
echo "$OUTS" | head -n 4 | while read -r line; do
	rm -rf dl && mkdir dl && ln -s target.out dl/link
	# shellcheck disable=SC2086
	timeout 20 "$BIN"/$line -o dl/link > out 2> err < /dev/null
	rc=$?
	label="${line%% *} -o a dangling symbolic link"
	if [ $rc -gt 1 ]; then
		echo "not ok - hostile $label: status $rc"
		head -n 3 err | sed 's/^/# /'
	elif [ ! -L dl/link ] || [ ! -s dl/target.out ]; then
		echo "not ok - hostile $label: link replaced or target not written"
	else
		echo "ok - hostile $label"
	fi
done

# A write that fails (a file size limit, as on a full disk, even for
# root): status 2, the reason said once as 'unwritable', nothing left.
echo "$OUTS" | while read -r line; do
	rm -rf full && mkdir full
	# shellcheck disable=SC2086
	(trap '' XFSZ; ulimit -f 1; exec timeout 20 "$BIN"/$line -o full/out.txt) \
	    > out 2> err < /dev/null
	rc=$?
	label="${line%% *} -o on a full file system"
	n=$(grep -c 'full/out.txt: error: cannot write: File too large \[unwritable\]' err)
	left=$(ls -A full)
	# se-plan --from and the summary's se-rag write less than the limit.
	if [ $rc -le 1 ] && [ -s full/out.txt ] && [ "$(wc -c < full/out.txt)" -le 1024 ]; then
		echo "ok - hostile $label # SKIP the output fits under the limit"
	elif [ $rc -ne 2 ] || [ "$n" -ne 1 ] || [ -n "$left" ]; then
		echo "not ok - hostile $label: status $rc, $n unwritable, left '$left'"
		head -n 3 err | sed 's/^/# /'
	else
		echo "ok - hostile $label"
	fi
done
