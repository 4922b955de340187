"""``heellint glossary check|export|import``.

Exit codes: ``check`` 0 clean, 1 problems found, 2 unreadable input; ``export``
and ``import`` 0 done, 2 unreadable or invalid input.
"""

from __future__ import annotations

import json
import sys

import click

from heellint.cli.check import write_output


def _glossary_paths(paths: tuple[str, ...], config_file: str | None) -> list:
    """PATHS, else the config's glossary (+ extend-glossary), else the built-in one."""
    if paths:
        return list(paths)
    from heellint.core.config import load_config
    from heellint.resources import glossary_dir

    config = load_config(config_file)
    base = list(config.glossary) if config.glossary is not None else [glossary_dir()]
    return base + list(config.extend_glossary)


@click.group()
def glossary() -> None:
    """Lint, export or import a glossary."""


@glossary.command("check")
@click.argument("paths", nargs=-1)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Configuration file.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def check_command(paths, config_file, output_format):
    """Lint glossary files (default: the configured or built-in glossary).

    Reports duplicate ids, bad language tags, several preferred terms per
    language, terms shared by concepts, colliding forms, non-NFC strings, empty
    concepts and misspellings that are forms of approved terms.
    """
    from heellint.glossary.check import check_paths

    targets = _glossary_paths(paths, config_file)
    glossary_read, problems = check_paths(targets)
    if output_format == "json":
        items = [
            {"path": problem.path, "line": problem.line, "code": problem.code, "message": problem.message}
            for problem in problems
        ]
        sys.stdout.write(json.dumps(
            {"concepts": len(glossary_read.concepts), "files": list(glossary_read.sources), "problems": items},
            ensure_ascii=False, indent=2,
        ) + "\n")
    else:
        for problem in problems:
            click.echo(f"{problem}  [{problem.code}]")
        count = len(problems)
        summary = (f"{len(glossary_read.concepts)} concepts in {len(glossary_read.sources)} "
                   f"file{'s' if len(glossary_read.sources) != 1 else ''}: ")
        summary += "no problems" if not count else f"{count} problem{'s' if count != 1 else ''}"
        click.echo(summary, err=bool(count))
    sys.exit(1 if problems else 0)


@glossary.command("export")
@click.argument("paths", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(["tbx", "csv", "yaml"]), default="tbx", show_default=True)
@click.option("-o", "--output", "output_file", type=click.Path(dir_okay=False), help="Write to FILE.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Configuration file.")
@click.option("--bom", is_flag=True, help="CSV: start with a byte-order mark (for Excel).")
def export_command(paths, output_format, output_file, config_file, bom):
    """Export a glossary as TBX v3 (TBX-Basic), CSV or YAML."""
    from heellint.glossary.loader import dump_yaml, load_glossary

    loaded = load_glossary(_glossary_paths(paths, config_file))
    if output_format == "tbx":
        from heellint.glossary.tbx import export_tbx

        text = export_tbx(loaded)
    elif output_format == "csv":
        from heellint.glossary.csvexport import export_csv

        text = export_csv(loaded, bom=bom)
    else:
        text = dump_yaml(loaded)
    write_output(text, output_file)


@glossary.command("import")
@click.argument("file")
@click.option("-o", "--output", "output_file", type=click.Path(dir_okay=False), help="Write the YAML to FILE.")
@click.option("--map-lang", "map_lang", multiple=True, metavar="TAG=LANG",
              help="Read the TBX language TAG as LANG (e.g. no=nb); repeatable.")
def import_command(file, output_file, map_lang):
    """Read a TBX file (TBX v3 or TBX 2008 'martif') and write the glossary as YAML. FILE may be '-'."""
    from heellint.glossary.loader import dump_yaml
    from heellint.glossary.model import LANGUAGES
    from heellint.glossary.tbx import TbxError, import_tbx

    mapping = {}
    for item in map_lang:
        tag, _, lang = item.partition("=")
        if not tag or lang not in LANGUAGES:
            raise click.UsageError(f"--map-lang {item!r}: write TAG=LANG with LANG one of {', '.join(LANGUAGES)}")
        mapping[tag] = lang
    if file == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            with open(file, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise click.ClickException(f"{file}: cannot read: {error.strerror or error}") from None
    try:
        report = import_tbx(data, mapping)
    except TbxError as error:
        raise click.ClickException(f"{file}: {error}") from None
    for warning in report.warnings:
        click.echo(f"heellint: {file}: {warning}", err=True)
    header = f"# Imported from {file} by heellint glossary import.\n"
    write_output(header + dump_yaml(report.glossary), output_file)
