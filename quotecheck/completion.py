"""completion_script(parser, shell) -> str: a bash or zsh completion script for the command line.

The script is generated from the argparse parser itself, so a new command, option or choice is
completed as soon as it exists. It is static: pressing Tab runs a shell function, never Python.
Commands, options and the values of options with choices (``--format``, ``--engine``…) are
completed; file arguments and free values fall back to the shell's own file-name completion.
zsh runs the same function through its bash-completion emulation (``bashcompinit``).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["SHELLS", "completion_script"]

SHELLS = ("bash", "zsh")
"""The shells a script can be printed for."""

_WORD_RE = re.compile(r"[\w.:/+-]+")  # words safe to write unquoted into the script


@dataclass(frozen=True)
class _Command:
    """What completes after one subcommand: its names, options, option values, positionals."""

    names: tuple[str, ...]
    options: tuple[str, ...]
    valued: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (spellings, choices) per option
    positional: tuple[str, ...]  # choices of its positional argument, if it has any


def _words(values: Iterable[object] | None) -> tuple[str, ...]:
    """The string forms of ``values`` (e.g. an option's choices), checked to be plain words."""
    words = tuple(str(v) for v in values) if values else ()
    for word in words:
        if not _WORD_RE.fullmatch(word):
            msg = f"cannot complete {word!r}: only plain words go into a completion script"
            raise ValueError(msg)
    return words


def _command(names: tuple[str, ...], parser: argparse.ArgumentParser) -> _Command:
    """Read one parser's options and choices (argparse keeps them in ``_actions``)."""
    options: list[str] = []
    valued: list[tuple[tuple[str, ...], tuple[str, ...]]] = []  # choices () = a free value
    positional: tuple[str, ...] = ()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            continue
        if not action.option_strings:
            positional = positional or _words(action.choices)
            continue
        spellings = _words(action.option_strings)
        options.extend(spellings)
        if action.nargs != 0:
            valued.append((spellings, _words(action.choices)))
    return _Command(names, tuple(options), tuple(valued), positional)


def _commands(parser: argparse.ArgumentParser) -> list[_Command]:
    """The subcommands of ``parser``, each with all its names (aliases included)."""
    by_parser: dict[int, tuple[list[str], argparse.ArgumentParser]] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                by_parser.setdefault(id(sub), ([], sub))[0].append(name)
    return [_command(tuple(_words(names)), sub) for names, sub in by_parser.values()]


def _case(command: _Command, reply: str) -> str:
    """The bash ``case`` branch completing after ``command``; ``reply`` offers words."""
    lines = [f"        {'|'.join(command.names)})"]
    values = [
        f"                {'|'.join(spellings)}) {reply} '{' '.join(choices)}'; return 0 ;;"
        for spellings, choices in command.valued
        if choices
    ]
    free = [option for spellings, choices in command.valued if not choices for option in spellings]
    if free:  # an empty reply lets the shell complete file names
        values.append(f"                {'|'.join(free)}) return 0 ;;")
    if values:
        lines += ['            case "$prev" in', *values, "            esac"]
    lines.append(f"            options='{' '.join(command.options)}'")
    lines.append(f"            positional='{' '.join(command.positional)}' ;;")
    return "\n".join(lines)


def _bash_function(parser: argparse.ArgumentParser) -> str:
    """The completion function and its registration, in the bash dialect zsh also runs."""
    prog = parser.prog
    commands = _commands(parser)
    top = " ".join(
        [name for c in commands for name in c.names] + list(_command((), parser).options)
    )
    cases = "\n".join(_case(c, f"_{prog}_reply") for c in commands)
    return f"""_{prog}_reply() {{
    COMPREPLY=($(compgen -W "$1" -- "$cur"))
}}

_{prog}() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    local command="" options="" positional="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ "${{COMP_WORDS[i]}}" != -* ]]; then
            command="${{COMP_WORDS[i]}}"
            break
        fi
    done
    case "$command" in
        "") _{prog}_reply '{top}'; return 0 ;;
{cases}
        *) return 0 ;;
    esac
    if [[ "$cur" == -* ]]; then
        _{prog}_reply "$options"
    elif [[ -n "$positional" ]]; then
        _{prog}_reply "$positional"
    fi
    return 0
}}

complete -o bashdefault -o default -F _{prog} {prog}
"""


def completion_script(parser: argparse.ArgumentParser, shell: str) -> str:
    """Return a completion script for ``parser``'s program in ``shell`` (``bash`` or ``zsh``).

    >>> import argparse
    >>> p = argparse.ArgumentParser(prog="tool")
    >>> "complete -o bashdefault -o default -F _tool tool" in completion_script(p, "bash")
    True
    """
    if shell not in SHELLS:
        msg = f"no completion for shell {shell!r}; choose one of {', '.join(SHELLS)}"
        raise ValueError(msg)
    prog = parser.prog
    head = (
        f"# {shell} completion for {prog}, printed by `{prog} completion {shell}`.\n"
        f'# Load it from ~/.{shell}rc: eval "$({prog} completion {shell})"\n'
    )
    if shell == "zsh":
        head += (
            "(( $+functions[compdef] )) || { autoload -U +X compinit && compinit; }\n"
            "autoload -U +X bashcompinit && bashcompinit\n"
        )
    return head + "\n" + _bash_function(parser)
