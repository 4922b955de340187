"""``heellint terms [PATHS]``: site-wide term usage per concept and language."""

from __future__ import annotations

import json
import sys

import click

from heellint.cli.check import LANG_CHOICES, write_output


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("-o", "--output", "output_file", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Configuration file.")
@click.option("--lang", type=click.Choice(LANG_CHOICES), help="Language when the file does not say.")
@click.option("--inconsistent", is_flag=True, help="Only concepts written more than one way.")
def terms(paths, output_format, output_file, config_file, lang, inconsistent):
    """Show, per concept and language, which terms and forms the articles use and in how many articles."""
    from heellint.api import discover_files
    from heellint.cli.check import make_linter
    from heellint.core.source import SourceError, read_source
    from heellint.glossary.rules import build_engine
    from heellint.glossary.terms import collect, render_table

    linter = make_linter(config_file, (), (), (), lang)
    engine = build_engine(linter.config, linter.ruleset.context.shared)
    files = discover_files(list(paths) or ["."], linter.config)

    def documents():
        for path in files:
            try:
                source = read_source(path)
            except SourceError as error:
                click.echo(f"heellint: {path}: {error}", err=True)
                continue
            document, _selection, _extra = linter.prepare(path, source.text)
            yield document

    report = collect(engine, documents())
    if output_format == "json":
        text = json.dumps(report.to_json(inconsistent), ensure_ascii=False, indent=2) + "\n"
    else:
        text = render_table(report, inconsistent)
    write_output(text, output_file)
    sys.exit(0)
