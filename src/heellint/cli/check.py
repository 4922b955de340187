"""``heellint check``: lint, fix or diff articles."""

from __future__ import annotations

import os
import sys

from typing import Iterable

import click

from heellint.core.diagnostic import SEVERITY_RANK
from heellint.core.report import RunReport
from heellint.formatters import FORMATS

LANG_CHOICES = ("nb", "nn", "da", "sv", "en")


def split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    codes = []
    for value in values:
        codes.extend(code.strip().upper() for code in value.split(",") if code.strip())
    return tuple(codes)


def exit_code(report: RunReport, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[d.severity] >= threshold for d in report.diagnostics) else 0


def use_color(choice: str, output_file: str | None) -> bool:
    if choice == "always":
        return True
    if choice == "never" or output_file or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def write_output(pieces: str | Iterable[str], output_file: str | None) -> None:
    """Write a text, or a format's pieces as they come (a streamed report is never whole in memory)."""
    if isinstance(pieces, str):
        pieces = (pieces,)
    if output_file:
        try:
            with open(output_file, "w", encoding="utf-8", newline="") as handle:
                handle.writelines(pieces)
        except OSError as error:
            raise click.ClickException(f"{output_file}: cannot write: {error.strerror or error}") from None
    else:
        sys.stdout.writelines(pieces)
        sys.stdout.flush()


def common_options(function):
    options = [
        click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Configuration file."),
        click.option("--select", multiple=True, help="Codes or prefixes to run (replaces the config's select)."),
        click.option("--extend-select", multiple=True, help="Codes or prefixes to run besides the selection."),
        click.option("--ignore", multiple=True, help="Codes or prefixes to skip."),
        click.option("--lang", type=click.Choice(LANG_CHOICES), help="Language when the file does not say."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def make_linter(config_file, select, extend_select, ignore, lang, fail_on=None):
    from heellint.api import Linter, RunOptions
    from heellint.core.config import load_config

    config = load_config(config_file)
    options = RunOptions(
        select=split_codes(select) if select else None,
        extend_select=split_codes(extend_select),
        ignore=split_codes(ignore),
        lang=lang,
        fail_on=fail_on,
    )
    return Linter(config, options)


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(list(FORMATS)), default="pretty", show_default=True)
@click.option("-o", "--output", "output_file", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@common_options
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), help="Lowest severity that fails (default: warning).")
@click.option("--fix", is_flag=True, help="Apply safe fixes.")
@click.option("--unsafe-fixes", is_flag=True, help="Apply unsafe fixes too (with --fix or --diff).")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--stdin-filename", help="Name for standard input (language, syntax, config globs).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes; 0 chooses (one for a few files, one per core for many).")
def check(paths, output_format, output_file, config_file, select, extend_select, ignore, lang, fail_on, fix,
          unsafe_fixes, diff, stdin_filename, color, jobs):
    """Lint articles. PATHS are files or folders (default: the current directory); '-' reads standard input."""
    from heellint.api import discover_files
    from heellint.formatters import RenderOptions, get_streamer

    linter = make_linter(config_file, select, extend_select, ignore, lang, fail_on)
    paths = list(paths) or ["."]
    applying = fix or diff or (unsafe_fixes and not fix and not diff and False)
    results = []
    diffs: list[str] = []
    changed = 0
    problems: list[str] = []

    if "-" in paths:
        from heellint.api import read_stdin_bytes
        from heellint.core.source import SourceError, decode_bytes

        name = stdin_filename or "-"
        data = read_stdin_bytes()
        try:
            source = decode_bytes(data)
        except SourceError as error:
            results.append(linter.input_problem(name, error))
        else:
            if applying:
                fixed, _ = linter.fix_text(source.text, path=name, unsafe=unsafe_fixes)
                outcome_result = linter.lint_document_text(name, fixed)[0]
                results.append(outcome_result)
                if diff:
                    diffs.append(_unified(name, source.text, fixed))
                    changed += fixed != source.text
                else:
                    sys.stdout.write(fixed)
                    sys.stdout.flush()
                    report = linter.report(results)
                    for diagnostic in report.diagnostics:
                        click.echo(f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}: {diagnostic.rule} {diagnostic.message}", err=True)
                    sys.exit(exit_code(report, linter.fail_on))
            else:
                results.append(linter.lint_document_text(name, source.text)[0])

    files = discover_files([path for path in paths if path != "-"], linter.config)
    if not applying:
        results.extend(linter.lint_files(files, jobs))
        files = []
    for path in files:
        if applying:
            outcome = linter.fix_file(path, unsafe=unsafe_fixes, write=fix and not diff)
            results.append(outcome.result)
            if outcome.fixed != outcome.original:
                changed += 1
                if diff:
                    diffs.append(_unified(path, outcome.original, outcome.fixed))
            if outcome.write_error:
                problems.append(f"{path}: {outcome.write_error}")
            if not outcome.converged:
                problems.append(f"{path}: fixes did not converge; please report this file")
            if fix and not diff and outcome.fixed != outcome.original and not outcome.write_error:
                # Re-lint the written text so positions describe the new file.
                outcome.result.source_text = outcome.fixed

    report = linter.report(results)
    for problem in problems:
        click.echo(f"heellint: {problem}", err=True)
    if diff:
        write_output("".join(diffs), output_file)
        code = 1 if changed else 0
        sys.exit(2 if problems and not changed else code)
    rendered = get_streamer(output_format)(report, RenderOptions(color=use_color(color, output_file)))
    write_output(rendered, output_file)
    if fix and output_format == "pretty":
        total = sum(result.fixed for result in results)
        click.echo(f"Fixed {total} problem{'s' if total != 1 else ''} in {changed} file{'s' if changed != 1 else ''}.", err=True)
    if problems:
        sys.exit(2)
    sys.exit(exit_code(report, linter.fail_on))


def _unified(path: str, before: str, after: str) -> str:
    if before == after:
        return ""
    import difflib  # --diff only

    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    text = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
    return text
