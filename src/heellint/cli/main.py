"""The ``heellint`` command. Subcommands are imported only when used, so a
one-file ``heellint check`` in a pre-commit hook pays for nothing else.

Exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 usage,
configuration or input error (a message on stderr, never a traceback).
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from heellint import __version__

SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "check": ("heellint.cli.check", "check"),
    "rules": ("heellint.cli.rules", "rules"),
    "explain": ("heellint.cli.rules", "explain"),
    "xcheck": ("heellint.cli.xcheck", "xcheck"),
    "glossary": ("heellint.cli.glossary", "glossary"),
    "terms": ("heellint.cli.terms", "terms"),
    "lsp": ("heellint.cli.lsp", "lsp"),
}
SHORT_HELP = {
    "check": "Lint articles (default: the current directory).",
    "rules": "List every rule.",
    "explain": "Show a rule's documentation and examples.",
    "xcheck": "Check a translation against its source (also XLIFF).",
    "glossary": "Lint, export or import a glossary.",
    "terms": "Show site-wide term usage per concept.",
    "lsp": "Run the language server over stdio.",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in SUBCOMMANDS:
            return None
        module_name, attribute = SUBCOMMANDS[name]
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name and error.name.startswith("heellint"):
                return _unavailable(name)
            raise
        return getattr(module, attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, SHORT_HELP.get(name, "")) for name in SUBCOMMANDS]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _unavailable(name: str) -> click.Command:
    @click.command(name=name, context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
    def command() -> None:
        raise click.UsageError(f"'heellint {name}' is not available in this build")

    return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="heellint")
def cli() -> None:
    """heellint: a content linter for health articles in nb, nn, da, sv and en."""


def main() -> None:
    debug = bool(os.environ.get("HEELLINT_DEBUG"))
    try:
        cli.main(prog_name="heellint", standalone_mode=False)
    except click.exceptions.Exit as exit_:
        sys.exit(exit_.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(2)
    except click.Abort:
        click.echo("heellint: aborted", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("heellint: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    except SystemExit:
        raise
    except Exception as error:  # the last line of defence: no traceback for users
        from heellint.cli.errors import describe

        message, code = describe(error)
        click.echo(f"heellint: {message}", err=True)
        if debug:
            raise
        sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
