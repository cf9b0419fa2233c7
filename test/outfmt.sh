# test/outfmt.sh: sourced by test/golden.sh and test/machine.sh.  Which
# machine format a command line writes, and the check that what it wrote
# parses (build/test/parsecheck: the strict JSON checker, libyaml, libcsv).

# outfmt_env: what the scripts that run the commands share: the commands
# of $B first on PATH, the C locale, no colour or formats from the caller,
# PC the parse checker, t a temporary directory removed at exit.  Run
# from the repository root.
outfmt_env() {
	PATH=$(pwd)/${B:-build}/bin:$PATH
	export PATH
	unset NO_COLOR SE_FORMATS
	export LC_ALL=C TZ=UTC
	PC=$(pwd)/${B:-build}/test/parsecheck
	t=$(mktemp -d) || exit 2
	trap 'rm -rf "$t"' EXIT
}

# outfmt_of ARGS: the format the command line ARGS writes on standard
# output, as parsecheck names it: json, jsonl (se-validate -F json, one
# object a line), yaml, csv or sarif; nothing when it writes none of them
# there or when its standard output is not the command's alone (a pipe, a
# list, a redirection, a command substitution, -o, -h).  The format comes
# from -F/--format; with no -F, se-hypothesise writes YAML, and so does
# se-plan --from.
outfmt_of() {
	case $1 in
	*';'* | *'|'* | *'&'* | *'>'* | *'$('* | *'`'*) return 0 ;;
	esac
	set -f
	# shellcheck disable=SC2086
	set -- $1
	set +f
	_cmd=${1##*/} _fmt= _from=
	shift
	while [ $# -gt 0 ]; do
		case $1 in
		-F | --format) _fmt=${2-} ; shift ;;
		-F?*) _fmt=${1#-F} ;;
		--format=*) _fmt=${1#--format=} ;;
		--from) _from=1 ;;
		-o | --output | --output=* | -o?* | -h | --help | --version) return 0 ;;
		esac
		[ $# -gt 0 ] && shift
	done
	case $_cmd in se-*) ;; *) return 0 ;; esac
	if [ -z "$_fmt" ]; then
		case $_cmd in
		se-hypothesise) _fmt=yaml ;;
		se-plan) [ -n "$_from" ] && _fmt=yaml ;;
		esac
	fi
	case $_cmd:$_fmt in
	se-validate:json) echo jsonl ;;
	*:json | *:yaml | *:csv | *:sarif) echo "$_fmt" ;;
	esac
}

# outfmt_check FORMAT FILE STATUS: whether FILE, written by a command that
# exited with STATUS, parses as FORMAT.  A command that could not do the
# job (status 2) and wrote nothing has nothing to parse; any other output,
# an empty one included, must parse (JSON Lines may be empty: no records).
# Prints parsecheck's reason on failure.
outfmt_check() {
	if [ "$3" = 2 ] && [ ! -s "$2" ]; then
		return 0
	fi
	"${SE_BUILD:-build}/test/parsecheck" "$1" "$2" 2>&1 >/dev/null
}
