#!/bin/sh
# test/helpman.sh: what each command's --help promises is documented and
# completed.  Every long option `se-NAME --help` prints must appear in
# man/se-NAME.1 (as "Fl -option") and in cmd/completions/se-NAME.bash,
# and every value the help lists for -F/--format, --by, --compare, -t,
# --group-by must be offered by the bash completion for that option.
# man/libse.3 must name every function lib/se.h declares.
# SE_BUILD names the build tree.
B=${SE_BUILD:-build}
cd "$(dirname "$0")/.." || exit 2
for bin in "$B"/bin/se-*; do
	[ -x "$bin" ] || continue
	cmd=${bin##*/}
	help=$("$bin" --help 2>&1)
	if [ $? -ne 0 ] || [ -z "$help" ]; then
		echo "not ok - helpman $cmd --help exits 0 with a usage"
		continue
	fi
	echo "ok - helpman $cmd --help exits 0 with a usage"
	opts=$(printf '%s\n' "$help" | grep -o -- '--[a-z][a-z-]*' | sort -u)
	man=man/$cmd.1
	comp=cmd/completions/$cmd.bash
	# Man page: every long option of the help.
	if [ ! -f "$man" ]; then
		echo "not ok - helpman $cmd has a man page $man"
	else
		missing=
		for o in $opts; do
			grep -q -- "Fl -${o#--}\\( \\|\$\\|Ns\\)" "$man" ||
				missing="$missing $o"
		done
		if [ -z "$missing" ]; then
			echo "ok - helpman $cmd every --help option is in $man"
		else
			echo "not ok - helpman $cmd options missing from $man:$missing"
		fi
	fi
	# Bash completion: every long option of the help.
	if [ ! -f "$comp" ]; then
		echo "not ok - helpman $cmd has a bash completion $comp"
		continue
	fi
	missing=
	for o in $opts; do
		grep -q -- "[\" ]$o[\" ]" "$comp" || missing="$missing $o"
	done
	if [ -z "$missing" ]; then
		echo "ok - helpman $cmd every --help option is completed by $comp"
	else
		echo "not ok - helpman $cmd options missing from $comp:$missing"
	fi
	# Values: "OPT a|b|c" in the help is offered after OPT.
	vals=$(printf '%s\n' "$help" |
	    grep -o -- '\(-[Ft]\|--by\|--compare\|--group-by\) [a-z-]*\(|[a-z-]*\)\+' |
	    sort -u)
	printf '%s\n' "$vals" | while read -r o v; do
		[ -n "$o" ] || continue
		got=$(bash -c '. "$1"; shift; COMP_WORDS=("$@")
		    COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "$0"
		    echo "${COMPREPLY[*]}"' \
		    "_$(echo "$cmd" | tr - _)" "$comp" "$cmd" "$o" "" 2>&1)
		missing=
		for w in $(echo "$v" | tr '|' ' '); do
			case " $got " in *" $w "*) ;; *) missing="$missing $w" ;; esac
		done
		if [ -z "$missing" ]; then
			echo "ok - helpman $cmd completes the values of $o $v"
		else
			echo "not ok - helpman $cmd $o completion lacks:$missing (offers: $got)"
		fi
	done
	# The zsh completion exists and names the same long options.
	zcomp=cmd/completions/_$cmd
	missing=
	if [ -f "$zcomp" ]; then
		for o in $opts; do
			grep -q -- "$o[=[]" "$zcomp" || missing="$missing $o"
		done
	else
		missing=" (no $zcomp)"
	fi
	if [ -z "$missing" ]; then
		echo "ok - helpman $cmd every --help option is in the zsh completion"
	else
		echo "not ok - helpman $cmd zsh completion lacks:$missing"
	fi
done

# man/libse.3 names every function lib/se.h declares (as "Fn se_x").
missing=
for fn in $(grep -v '^typedef' lib/se.h |
    grep -o '^[A-Za-z][^(]*[ *]se_[a-z0-9_]*(' |
    grep -o 'se_[a-z0-9_]*($' | tr -d '(' | sort -u); do
	grep -q "Fn $fn\\( \\|\$\\)" man/libse.3 || missing="$missing $fn"
done
if [ -z "$missing" ]; then
	echo "ok - helpman man/libse.3 names every function of lib/se.h"
else
	echo "not ok - helpman man/libse.3 does not name:$missing"
fi
# ... and no function lib/se.h no longer declares.
stale=
for fn in $(grep -o 'Fn se_[a-z0-9_]*' man/libse.3 | sed 's/^Fn //' | sort -u); do
	case $fn in se_thing_*) continue ;; esac
	grep -q "[ *]$fn(" lib/se.h || stale="$stale $fn"
done
if [ -z "$stale" ]; then
	echo "ok - helpman man/libse.3 names only functions of lib/se.h"
else
	echo "not ok - helpman man/libse.3 names functions lib/se.h lacks:$stale"
fi
