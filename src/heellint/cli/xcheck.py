"""``heellint xcheck SOURCE [TARGET]``: translation QA against the glossary.

Two articles (Markdown or text) are compared segment by segment; one XLIFF
file (1.2 or 2.x; or two, each checked on its own) is checked unit by unit.
Output and exit codes are those of ``heellint check``.
"""

from __future__ import annotations

import sys

import click

from heellint.cli.check import LANG_CHOICES, exit_code, split_codes, use_color, write_output
from heellint.formatters import FORMATS


@click.command()
@click.argument("source")
@click.argument("target", required=False)
@click.option("--format", "output_format", type=click.Choice(list(FORMATS)), default="pretty", show_default=True)
@click.option("-o", "--output", "output_file", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Configuration file.")
@click.option("--select", multiple=True, help="XL codes or prefixes to run (replaces the config's select).")
@click.option("--extend-select", multiple=True, help="Codes or prefixes to run besides the selection.")
@click.option("--ignore", multiple=True, help="Codes or prefixes to skip.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Lowest severity that fails (default: warning).")
@click.option("--source-lang", type=click.Choice(LANG_CHOICES), help="Language of SOURCE (overrides the file).")
@click.option("--target-lang", type=click.Choice(LANG_CHOICES), help="Language of TARGET (overrides the file).")
@click.option("--key-subjects", metavar="SUBJECTS",
              help="Glossary subjects whose terms XL101 requires, comma-separated, or 'all' "
                   "(default: condition,drug,examination,treatment; concepts without a subject always count).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
def xcheck(source, target, output_format, output_file, config_file, select, extend_select, ignore, fail_on,
           source_lang, target_lang, key_subjects, color):
    """Check that a translation uses the approved glossary terms, numbers and citations of its source.

    SOURCE and TARGET are two articles; or give one XLIFF file (its units hold
    source and target). '-' reads one of them from standard input.
    """
    from heellint.core.config import load_config
    from heellint.formatters import RenderOptions, get_renderer
    from heellint.xcheck.checks import DEFAULT_KEY_SUBJECTS
    from heellint.xcheck.run import XcheckError, XcheckOptions, Xchecker

    config = load_config(config_file)
    options = XcheckOptions(
        select=split_codes(select) if select else None,
        extend_select=split_codes(extend_select),
        ignore=split_codes(ignore),
        fail_on=fail_on,
        source_lang=source_lang,
        target_lang=target_lang,
        key_subjects=_subjects(key_subjects, DEFAULT_KEY_SUBJECTS),
    )
    checker = Xchecker(config, options)
    stdin = sys.stdin.buffer.read() if "-" in (source, target) and (source, target).count("-") == 1 else None
    try:
        report = checker.check_paths(source, target, stdin=stdin)
    except XcheckError as error:
        click.echo(f"heellint: {error}", err=True)
        sys.exit(2)
    rendered = get_renderer(output_format)(report, RenderOptions(color=use_color(color, output_file)))
    write_output(rendered, output_file)
    sys.exit(exit_code(report, checker.fail_on))


def _subjects(value: str | None, default: frozenset[str]) -> frozenset[str] | None:
    if value is None:
        return default
    items = frozenset(item.strip() for item in value.split(",") if item.strip())
    if "all" in items:
        return None
    return items
