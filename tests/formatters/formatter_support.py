"""Helpers and fixtures for the formatter tests: one fixed RunReport built by the real
Linter over the small articles in ``data/project`` (a CRLF file, a file with a
BOM, non-ASCII text, characters outside the BMP, multi-line spans, a clean
file), linted with the test rule pack only.

Snapshots live in ``snapshots/``; ``HEELLINT_UPDATE_SNAPSHOTS=1`` rewrites them.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from heellint.api import Linter
from heellint.core.config import load_config
from heellint.core.report import RunReport

HERE = Path(__file__).parent
DATA = HERE / "data"
PROJECT = DATA / "project"
SNAPSHOTS = HERE / "snapshots"
TEST_VERSION = "0.0.0+test"


def build_report(paths: list[str], fail_on: str | None = None) -> RunReport:
    """Lint ``paths`` (relative to the test project) as the CLI would."""
    previous = os.getcwd()
    os.chdir(PROJECT)
    try:
        linter = Linter(load_config(PROJECT / "heellint.yaml"))
        report = linter.lint_paths(paths)
    finally:
        os.chdir(previous)
    report.version = TEST_VERSION
    if fail_on:
        report.fail_on = fail_on
    return report


@pytest.fixture(scope="session")
def report() -> RunReport:
    return build_report(["articles"])


@pytest.fixture(scope="session")
def clean_report() -> RunReport:
    return build_report(["articles/ren.en.md"])


def check_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("HEELLINT_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    if not path.exists():
        pytest.fail(f"snapshot {name} is missing: run the tests with HEELLINT_UPDATE_SNAPSHOTS=1 to write it")
    expected = path.read_bytes().decode("utf-8")
    if text != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True), text.splitlines(keepends=True), f"snapshots/{name}", "rendered"
            )
        )
        pytest.fail(
            f"{name} differs from its snapshot (HEELLINT_UPDATE_SNAPSHOTS=1 rewrites it if the change is intended):\n"
            + diff[:20000]
        )
