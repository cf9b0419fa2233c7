# bash completion for se-new (se, the self-evaluation toolkit)
# Options as `se-new --help` lists them, with getopt_long's long-only ones.
_se_new()
{
	local cur prev
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	if [[ $cur == --*=* ]]; then
		prev=${cur%%=*}
		cur=${cur#*=}
	elif [[ $cur == = ]]; then
		cur=
	elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
		prev=${COMP_WORDS[COMP_CWORD-2]}
	fi
	case $prev in
	--framework)
		COMPREPLY=($(compgen -W "em-2012 ns-2009 ria-2018 shared" -- "$cur"))
		return ;;
	--chapter)
		COMPREPLY=($(compgen -W "childrens-social-care education apprenticeships send youth-offending community-health" -- "$cur"))
		return ;;
	--color)
		COMPREPLY=($(compgen -W "auto never always" -- "$cur"))
		return ;;
	--formats)
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	-o|--output)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	region)
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	--authority|--period)
		return ;;
	esac
	case $cur in
	--*)
		COMPREPLY=($(compgen -W "--help --output --color --formats --version --framework --chapter --authority --period" -- "$cur"))
		return ;;
	-*)
		COMPREPLY=($(compgen -W "-h -o --help --output --color --formats --version --framework --chapter --authority --period" -- "$cur"))
		return ;;
	esac
	COMPREPLY=($(compgen -W "self-assessment review quality-standards self-evaluation summary plan indicators region" -- "$cur"))
}
complete -o filenames -F _se_new se-new
