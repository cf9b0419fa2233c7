# bash completion for se-report (se, the self-evaluation toolkit)
# Options as `se-report --help` lists them, with getopt_long's long-only ones.
_se_report()
{
	local cur prev
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	# --option=value: complete the value as if it were the next word
	# (bash splits "--color=al" into "--color" "=" "al" by COMP_WORDBREAKS).
	if [[ $cur == --*=* ]]; then
		prev=${cur%%=*}
		cur=${cur#*=}
	elif [[ $cur == = ]]; then
		cur=
	elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
		prev=${COMP_WORDS[COMP_CWORD-2]}
	fi
	case $prev in
	-F|--format)
		COMPREPLY=($(compgen -W "markdown html text" -- "$cur"))
		return ;;
	--color)
		COMPREPLY=($(compgen -W "auto never always" -- "$cur"))
		return ;;
	-t|--type)
		COMPREPLY=($(compgen -W "summary feedback letter dashboard themes calendar incidents evaluation" -- "$cur"))
		return ;;
	--formats)
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	-o|--output|-i|--indicators|--data|--neighbours)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	--authority|--period)
		return ;;
	--where)
		return ;;
	esac
	case $cur in
	--*)
		COMPREPLY=($(compgen -W "--help --format --output --color --formats --version --no-check --type --indicators --data --neighbours --authority --period --where" -- "$cur"))
		return ;;
	-*)
		COMPREPLY=($(compgen -W "-h -F -o -i -t --help --format --output --color --formats --version --no-check --type --indicators --data --neighbours --authority --period --where" -- "$cur"))
		return ;;
	esac
	COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _se_report se-report
