"""The benchmark corpus generator is deterministic and injects what its manifest says."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GENERATOR = REPO / "bench" / "generate_corpus.py"


@pytest.fixture(scope="module")
def generator():
    spec = importlib.util.spec_from_file_location("generate_corpus", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("generate_corpus", module)
    spec.loader.exec_module(module)
    return module


def _generate(generator, out: Path, seed: int = 7, glossary: list[Path] | None = None) -> dict:
    return generator.generate(out, articles=12, seed=seed, avg_kb=2.5, compounds=400,
                              glossary_paths=glossary if glossary is not None else [], injections_per_article=3.0)


def test_same_seed_same_bytes(generator, tmp_path):
    _generate(generator, tmp_path / "a")
    _generate(generator, tmp_path / "b")
    assert generator.corpus_digest(tmp_path / "a") == generator.corpus_digest(tmp_path / "b")
    _generate(generator, tmp_path / "c", seed=8)
    assert generator.corpus_digest(tmp_path / "a") != generator.corpus_digest(tmp_path / "c")


def test_manifest_matches_the_files(generator, tmp_path):
    manifest = _generate(generator, tmp_path)
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md"))
    assert files == sorted(manifest["files"])
    assert manifest["articles"] == 12
    assert manifest["bytes"] == sum((tmp_path / f).stat().st_size for f in files)
    assert {f.split("/")[0] for f in files} == {"nb", "da"}
    assert manifest["injected"], "a 12-article corpus at 3 per article injects something"


def test_every_injection_is_where_the_manifest_says(generator, tmp_path):
    manifest = _generate(generator, tmp_path)
    known = {lang: manifest["known_misspellings"][lang] for lang in manifest["languages"]}
    kinds = set()
    for injection in manifest["injected"]:
        text = (tmp_path / injection["path"]).read_text(encoding="utf-8")
        start = injection["offset"]
        wrong = injection["wrong"]
        assert text[start:start + len(wrong)] == wrong
        # A whole word, in prose.
        assert not re.match(r"\w", text[start - 1:start]) and not re.match(r"\w", text[start + len(wrong):start + len(wrong) + 1])
        line = text.split("\n")[injection["line"] - 1]
        assert line[injection["column"] - 1:injection["end_column"] - 1] == wrong
        assert wrong != injection["correct"]
        kinds.add(injection["kind"])
        lowered = wrong[:1].lower() + wrong[1:]
        if injection["kind"] in ("known", "known-inflected"):
            assert lowered in known[injection["lang"]] or wrong in known[injection["lang"]]
        else:
            assert lowered not in known[injection["lang"]]
    assert manifest["injected_counts"] == {kind: sum(1 for i in manifest["injected"] if i["kind"] == kind)
                                           for kind in ("known", "known-inflected", "unknown")}
    assert {"known", "unknown"} <= kinds


def test_misspellings_tsv_lists_the_known_misspellings(generator, tmp_path):
    manifest = _generate(generator, tmp_path)
    rows = dict(line.split("\t") for line in (tmp_path / "misspellings.tsv").read_text(encoding="utf-8").splitlines())
    for lang in manifest["languages"]:
        for wrong in manifest["known_misspellings"][lang]:
            assert wrong in rows


def test_inflected_misspellings_follow_the_forms(generator):
    assert generator._inflect_like("hælspore", "hælsporen", "hælspace") == "hælspacen"
    assert generator._inflect_like("hælspore", "hælsporene", "hælspace") == "hælspacene"
    assert generator._inflect_like("betennelse", "betennelser", "bettennelse") == "bettennelser"


def test_reads_a_contract_glossary(generator, tmp_path):
    glossary = tmp_path / "glossary.yaml"
    concepts = []
    pairs = [("hælspore", "hælspore"), ("senebetennelse", "senebetændelse"), ("tendinopati", "tendinopati"),
             ("artrose", "slidgigt"), ("migrene", "migræne"), ("astmaanfall", "astmaanfald"),
             ("hodepine", "hovedpine"), ("svimmelhet", "svimmelhed"), ("fysioterapeut", "fysioterapeut"),
             ("lungebetennelse", "lungebetændelse"), ("blodtrykk", "blodtryk"), ("kolesterol", "kolesterol")]
    for number, (nb, da) in enumerate(pairs):
        concepts.append({"id": f"c{number}", "terms": {
            "nb": [{"term": nb, "status": "preferred", "misspellings": [nb[:3] + nb[4] + nb[3] + nb[5:]]}],
            "da": [{"term": da, "status": "preferred", "misspellings": [da[:3] + da[4] + da[3] + da[5:]]}],
        }})
    import yaml

    glossary.write_text(yaml.safe_dump({"concepts": concepts}, allow_unicode=True), encoding="utf-8")
    terms, source = generator.load_glossary([glossary])
    assert source.startswith("glossary")
    assert {term.term for term in terms["nb"]} == {nb for nb, _ in pairs}
    assert all(len(term.generated) == 2 for term in terms["nb"] if len(term.term) >= 8)
    manifest = _generate(generator, tmp_path / "corpus", glossary=[glossary])
    assert manifest["glossary_source"].startswith("glossary")
    assert json.dumps(manifest, ensure_ascii=False)  # serialisable
