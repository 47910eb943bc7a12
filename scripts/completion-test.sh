#!/usr/bin/env bash
# Checks the bash completion of tunebench-cli against the real program: commands, a
# command's options, --format values and experiment names. Usage: completion-test.sh CLI
set -u
CLI=$1
source "$(dirname "${BASH_SOURCE[0]}")/../resources/completion/tunebench-cli.bash"
fail=0
complete_words() { # the words typed so far (the last one being completed) -> COMPREPLY
    COMP_WORDS=("$CLI" "$@"); COMP_CWORD=$#; COMPREPLY=(); _tunebench_cli
}
expect() { # description, expected word(s) that must all be offered
    local what=$1; shift
    for w in "$@"; do
        if [[ " ${COMPREPLY[*]} " != *" $w "* ]]; then
            echo "FAIL: $what: '$w' not offered (got: ${COMPREPLY[*]})"; fail=1
        fi
    done
}
complete_words st;                    expect "commands" status stop
complete_words de;                    expect "commands" delete demo
complete_words status --fo;           expect "status options" --format
complete_words export --format "";    expect "export formats" csv json yaml table curves
complete_words status --format "";    expect "status formats" text json yaml csv table
[[ " ${COMPREPLY[*]} " == *" default "* ]] && { echo "FAIL: 'default' offered as a format"; fail=1; }
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
printf '{"name": "alpha", "objective": {"metric": "loss"}, "space": [{"name": "x", "type": "float", "low": 0, "high": 1}]}' > "$dir/a.json"
"$CLI" create "$dir/a.json" --db "$dir/s.db" > /dev/null || { echo "FAIL: create"; exit 1; }
complete_words status --db "$dir/s.db" --experiment al; expect "experiment names" alpha
[[ $fail == 0 ]] && echo "completion: ok"
exit $fail
