# bash completion for luot: subcommands, their options, and values where
# they are few (formats, sort orders) or files (paths, databases).
# Installed to $(datadir)/bash-completion/completions/luot.

_luot()
{
	local cur prev cmd i
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	local commands="import reextract list show search save saved trend bookmark bookmarks queue tags export feed feeds fetch read unread delete stats regroup check tidy help"

	case $prev in
	-d|--db|-c|--config|-p|--patterns|-o|--output)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	-f|--format)
		COMPREPLY=($(compgen -W "md csv json" -- "$cur"))
		return ;;
	-s|--sort)
		COMPREPLY=($(compgen -W "rank date" -- "$cur"))
		return ;;
	esac
	# The command is the first word that is not an option or its value.
	cmd=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-d|--db|-c|--config) ((i++)) ;;
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	if [[ -z $cmd ]]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--db --demo --config --dump-config --help --version" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$commands" -- "$cur"))
		fi
		return
	fi
	case $cmd in
	import)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--db --source --max-size --max-paragraphs --max-text --map --follow --no-stories --patterns --quiet --verbose --help" -- "$cur"))
		else
			COMPREPLY=($(compgen -f -- "$cur"))
		fi ;;
	reextract) COMPREPLY=($(compgen -W "--patterns --quiet --db --help" -- "$cur")) ;;
	list) COMPREPLY=($(compgen -W "--unread --bookmarked --tag --limit --no-group --json --db --help" -- "$cur")) ;;
	show) COMPREPLY=($(compgen -W "--json --db --help" -- "$cur")) ;;
	search) COMPREPLY=($(compgen -W "--limit --sort --no-group --json --db --help" -- "$cur")) ;;
	save) COMPREPLY=($(compgen -W "--rm --db --help" -- "$cur")) ;;
	saved) COMPREPLY=($(compgen -W "--json --db --help" -- "$cur")) ;;
	trend)
		if [[ $prev == --by ]]; then
			COMPREPLY=($(compgen -W "month source" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "--by --json --db --help" -- "$cur"))
		fi ;;
	bookmark)
		if [[ $prev == bookmark ]]; then
			COMPREPLY=($(compgen -W "add rm" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "--note --tag --db --help" -- "$cur"))
		fi ;;
	queue)
		if [[ $prev == queue ]]; then
			COMPREPLY=($(compgen -W "add rm --json --db --help" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "--json --db --help" -- "$cur"))
		fi ;;
	feed)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--tag --no-full-text --db --help" -- "$cur"))
		elif [[ $prev == feed ]]; then
			COMPREPLY=($(compgen -W "add rm import" -- "$cur"))
		else
			COMPREPLY=($(compgen -f -- "$cur"))
		fi ;;
	fetch) COMPREPLY=($(compgen -W "--jobs --timeout --quiet --db --help" -- "$cur")) ;;
	feeds) COMPREPLY=($(compgen -W "--json --opml --db --help" -- "$cur")) ;;
	bookmarks) COMPREPLY=($(compgen -W "--tag --json --db --help" -- "$cur")) ;;
	tags) COMPREPLY=($(compgen -W "--json --db --help" -- "$cur")) ;;
	read) COMPREPLY=($(compgen -W "--all --before --db --help" -- "$cur")) ;;
	export) COMPREPLY=($(compgen -W "--bookmarks --tag --format --output --force --bom --db --help" -- "$cur")) ;;
	stats)
		if [[ $prev == --by ]]; then
			COMPREPLY=($(compgen -W "source month" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "--by --json --db --help" -- "$cur"))
		fi ;;
	regroup) COMPREPLY=($(compgen -W "--likeness --db --help" -- "$cur")) ;;
	tidy) COMPREPLY=($(compgen -W "--quiet --db --help" -- "$cur")) ;;
	unread|delete|check) COMPREPLY=($(compgen -W "--db --help" -- "$cur")) ;;
	help) COMPREPLY=($(compgen -W "$commands" -- "$cur")) ;;
	esac
}
complete -F _luot luot
