# bash completion for se-validate (se, the self-evaluation toolkit)
# Options as `se-validate --help` lists them, with getopt_long's long-only ones.
_se_validate()
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
		COMPREPLY=($(compgen -W "text json github sarif" -- "$cur"))
		return ;;
	--color)
		COMPREPLY=($(compgen -W "auto never always" -- "$cur"))
		return ;;
	--formats)
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	-o|--output|-i|--indicators|--data)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	--where)
		return ;;
	esac
	case $cur in
	--*)
		COMPREPLY=($(compgen -W "--help --format --output --color --formats --version --strict --final --explain --indicators --data --where" -- "$cur"))
		return ;;
	-*)
		COMPREPLY=($(compgen -W "-h -F -o -i --help --format --output --color --formats --version --strict --final --explain --indicators --data --where" -- "$cur"))
		return ;;
	esac
	COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _se_validate se-validate
