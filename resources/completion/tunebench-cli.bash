# bash completion for tunebench-cli: the commands, then the chosen command's options (read
# from its own help, so they never fall behind the program), --format's values, files for
# --db, --output and specs, experiment names for --experiment (read from the --db store).
_tunebench_cli()
{
    local prog=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local cmd=${COMP_WORDS[1]} i db
    if (( COMP_CWORD == 1 )); then
        COMPREPLY=($(compgen -W "$("$prog" help 2>/dev/null | awk '/^  [a-z]/ {print $1}') --help --version" -- "$cur"))
        return
    fi
    case $prev in
        --db|--output)
            COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --format)
            COMPREPLY=($(compgen -W "$("$prog" help "$cmd" 2>/dev/null | sed -n 's/.*--format <FORMAT> *//p' \
                | tr -c 'a-z\n' ' ' | tr ' ' '\n' | grep -vxE 'output|default|or|')" -- "$cur"))
            return ;;
        --experiment)
            for ((i = 1; i < COMP_CWORD; i++)); do
                [[ ${COMP_WORDS[i]} == --db ]] && db=${COMP_WORDS[i+1]}
            done
            [[ -n $db ]] && COMPREPLY=($(compgen -W "$("$prog" list --db "$db" --format csv 2>/dev/null | tail -n +2 | cut -d, -f1)" -- "$cur"))
            return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$("$prog" help "$cmd" 2>/dev/null | grep -oE -- '--[a-z][a-z-]*' | sort -u)" -- "$cur"))
    elif [[ $cmd == run || $cmd == create ]]; then
        COMPREPLY=($(compgen -f -X '!*.json' -- "$cur") $(compgen -d -- "$cur"))
    fi
}
complete -o filenames -F _tunebench_cli tunebench-cli
