from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "tests" / "data" / "seeds"


def pytest_configure(config):
    """One fresh cache folder per test session (the command-line runs inherit it): results never
    depend on a developer's ~/.cache, and every run starts cold, as CI on a new machine does."""
    if "HEELLINT_CACHE_DIR" not in os.environ:
        import atexit
        import tempfile

        folder = tempfile.mkdtemp(prefix="heellint-test-cache-")
        os.environ["HEELLINT_CACHE_DIR"] = folder
        # atexit, not config.add_cleanup: the Hunspell verdicts are saved by an exit handler
        # registered later (so run earlier) than this one
        atexit.register(shutil.rmtree, folder, True)


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """Run in an empty folder so no heellint.yaml of the repository applies."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def heellint_command() -> list[str]:
    exe = shutil.which("heellint", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "heellint.cli.main"]


def run_cli(*args: str, cwd: Path | None = None, input: bytes | None = None, env: dict | None = None):
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    if env:
        full_env.update(env)
    return subprocess.run(
        [*heellint_command(), *args], cwd=cwd, input=input, capture_output=True, env=full_env, timeout=300
    )
