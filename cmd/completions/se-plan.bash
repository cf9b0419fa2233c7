# bash completion for se-plan (se, the self-evaluation toolkit)
# Options as `se-plan --help` lists them, with getopt_long's long-only ones.
_se_plan()
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
		COMPREPLY=($(compgen -W "text csv markdown html json yaml" -- "$cur"))
		return ;;
	--color)
		COMPREPLY=($(compgen -W "auto never always" -- "$cur"))
		return ;;
	--status)
		COMPREPLY=($(compgen -W "overdue at-risk on-track complete dropped not-started in-progress" -- "$cur"))
		return ;;
	--group-by)
		COMPREPLY=($(compgen -W "priority owner theme regional recommendation" -- "$cur"))
		return ;;
	--formats)
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	-o|--output|-i|--indicators|--since|--data)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	--as-of|--since-as-of|--owner|--stale)
		return ;;
	--where)
		return ;;
	esac
	case $cur in
	--*)
		COMPREPLY=($(compgen -W "--help --format --output --color --formats --version --no-check --indicators --as-of --owner --status --overdue --check --stale --since --since-as-of --group-by --data --from --programme --draft-programme --authorities --cycle --where" -- "$cur"))
		return ;;
	-*)
		COMPREPLY=($(compgen -W "-h -F -o -i --help --format --output --color --formats --version --no-check --indicators --as-of --owner --status --overdue --check --stale --since --since-as-of --group-by --data --from --programme --draft-programme --authorities --cycle --where" -- "$cur"))
		return ;;
	esac
	COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _se_plan se-plan
