import pytest

from heellint.core.config import discover, load_config
from heellint.core.yamlio import DataError


def test_defaults_without_config(isolated):
    config = load_config()
    assert config.source is None and config.fail_on == "warning" and config.select is None


def test_yaml_config_is_discovered_walking_up(isolated):
    (isolated / "heellint.yaml").write_text("lang: da\nfail-on: error\nignore: [CL]\n", encoding="utf-8")
    sub = isolated / "a" / "b"
    sub.mkdir(parents=True)
    assert discover(sub) == isolated / "heellint.yaml"
    config = load_config(discover_from=sub)
    assert config.lang == "da" and config.fail_on == "error" and config.ignore == ("CL",)


def test_paths_are_relative_to_the_config_file(isolated):
    (isolated / "conf").mkdir()
    (isolated / "conf" / "heellint.yaml").write_text("vocabulary: [words.txt]\nrules: [packs/p.yaml]\n", encoding="utf-8")
    config = load_config(isolated / "conf" / "heellint.yaml")
    assert config.vocabulary == (isolated / "conf" / "words.txt",)
    assert config.rules == (isolated / "conf" / "packs" / "p.yaml",)


def test_pyproject_section(isolated):
    (isolated / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.heellint]\nlang = "sv"\nselect = ["TM"]\n', encoding="utf-8")
    config = load_config()
    assert config.lang == "sv" and config.select == ("TM",)


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("lang: nb\nunknown-key: 1\n", 2, "unknown key 'unknown-key'"),
        ("lang: no\n", 1, "'no' is ambiguous"),
        ("fail-on: sometimes\n", 1, "fail-on"),
        ("overrides:\n  - files: [a/**]\n    colour: red\n", 3, "unknown key 'colour'"),
        ("claims:\n  threshold: high\n", 2, "claims.threshold"),
        ("select: [TM1, 'not a code!']\n", 1, "not a rule code"),
        ("lang: [nb\n", 2, "invalid YAML"),
        ("lang: nb\nfail-on: 2026-13-45\n", 2, "invalid value '2026-13-45'"),
    ],
)
def test_bad_config_names_file_and_line(isolated, text, line, words):
    path = isolated / "heellint.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_config(path)
    assert caught.value.line == line
    assert words in str(caught.value)
    assert str(caught.value).startswith(f"{path}:{line}:")
