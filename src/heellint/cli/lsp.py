"""``heellint lsp``: the language server over stdio (pygls is imported only here)."""

from __future__ import annotations

import logging

import click


@click.command()
@click.option("--log-file", type=click.Path(dir_okay=False), help="Write the server's log to FILE (stdout is the protocol).")
@click.option("-v", "--verbose", is_flag=True, help="Log debug messages (with --log-file).")
def lsp(log_file: str | None, verbose: bool) -> None:
    """Run the language server over stdio (diagnostics, quick fixes, hover)."""
    try:
        from heellint.lsp.server import create_server
    except ModuleNotFoundError as error:
        if error.name and error.name.split(".")[0] in ("pygls", "lsprotocol", "cattrs"):
            raise click.ClickException(
                "the language server needs pygls: pip install 'heellint[lsp]'"
            ) from None
        raise
    if log_file:
        logging.basicConfig(
            filename=log_file,
            level=logging.DEBUG if verbose else logging.INFO,
            format="%(asctime)s %(name)s %(levelname)s %(message)s",
        )
    create_server().start_io()
