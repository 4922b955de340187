"""The real `pre-commit try-repo` against this repository, on a throwaway git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(work: Path, hook: str, files: list[str], home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never")
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(REPO), hook, "--files", *files, "--verbose"],
        cwd=work, capture_output=True, text=True, env=env, timeout=900,
    )


@pytest.fixture
def work(tmp_path):
    git("init", "-q", cwd=tmp_path)
    git("config", "user.email", "test@example.invalid", cwd=tmp_path)
    git("config", "user.name", "Test", cwd=tmp_path)
    (tmp_path / "heellint.yaml").write_text("select: [GR101]\n", encoding="utf-8")
    (tmp_path / "bad.nb.md").write_text("# Skader\n\nDette er de mest vanligste skadene.\n", encoding="utf-8")
    (tmp_path / "good.nb.md").write_text("# Skader\n\nDette er de vanligste skadene.\n", encoding="utf-8")
    git("add", ".", cwd=tmp_path)
    git("commit", "-q", "-m", "articles", cwd=tmp_path)
    return tmp_path


def test_hook_fails_on_a_bad_article_and_passes_on_a_good_one(work, pre_commit_home):
    assert PRE_COMMIT, "pre-commit is a test dependency (pip install -e '.[test]')"
    bad = try_repo(work, "heellint", ["bad.nb.md"], pre_commit_home)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "GR101" in bad.stdout and "mest vanligste" in bad.stdout
    good = try_repo(work, "heellint", ["good.nb.md"], pre_commit_home)
    assert good.returncode == 0, good.stdout + good.stderr


def test_fix_hook_rewrites_the_article(work, pre_commit_home):
    result = try_repo(work, "heellint-fix", ["bad.nb.md"], pre_commit_home)
    # pre-commit fails a hook that modified files, as with any fixer.
    assert result.returncode == 1, result.stdout + result.stderr
    assert (work / "bad.nb.md").read_text(encoding="utf-8") == "# Skader\n\nDette er de vanligste skadene.\n"
