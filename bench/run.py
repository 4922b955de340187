#!/usr/bin/env python3
"""Time heellint side by side with its peers on the benchmark corpus.

    bash bench/peers.sh                              # once: install the peers
    .venv/bin/python bench/generate_corpus.py        # once: bench/corpus/ (~20 MB)
    .venv/bin/python bench/run.py                    # everything; ~15 minutes on 2 cores
    .venv/bin/python bench/run.py --only main --rounds 5 --slow-rounds 1

Sections (``--only``, comma-separated):

main        the whole corpus, each tool in turn, alternating the order every round:
            heellint (default rules), typos and codespell (configured with the same
            known misspellings), the hunspell CLI (nb_NO, da_DK), cspell (nb + da
            dictionaries, the misspellings as flagWords), textlint + prh (the
            misspellings as prh rules). Wall time (median over rounds), MB/s, peak
            memory (the larger of: the biggest process's maxrss, as GNU time
            reports it, and the sum of the process tree's proportional set sizes,
            sampled every 50 ms, which counts pages forked workers share once),
            CPU time (user + system, GNU time), heellint's wall and CPU time
            divided by each tool's, and the recall of the injected misspellings
            (manifest.json) per tool, read from its output.
precommit   one small file, as a pre-commit hook runs it: process start to exit,
            a loop of 20 runs after 3 warm-ups, median (with python -c pass and
            typos on the same file for reference).
scaling     heellint on 500, 1,000 and 2,000 articles (hard-linked subsets).
glossary    heellint with a synthetic glossary of 100 and of 2,000 concepts
            (contract format, bench/out/glossary-*/), same corpus.
vocabulary  heellint on corpora of the same size with small, default and large
            vocabularies (generated into bench/out/vocabulary-*/).
report      only re-render bench/out/results.md from bench/out/results.json.

Writes bench/out/results.json (every sample) and bench/out/results.md (the tables).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PEERS = HERE / "peers"
NODE_BIN = PEERS / "node" / "node_modules" / ".bin"
NODE_MODULES = PEERS / "node" / "node_modules"
sys.path.insert(0, str(HERE))

import generate_corpus  # noqa: E402

try:
    import psutil
except ImportError:  # pragma: no cover - the peak then comes from wait4 alone
    psutil = None


# --------------------------------------------------------------------------- measuring

GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


@dataclass
class Sample:
    wall: float
    peak_mb: float
    exit_codes: list[int]
    cpu: float = 0.0  # user + system seconds of the command and its children


def _memory(pid: int) -> int:
    """Proportional set size of ``pid`` (shared pages split between the processes
    sharing them, so forked workers are not counted twice), else its RSS."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return psutil.Process(pid).memory_info().rss
    except psutil.Error:
        return 0


def _tree_rss(process) -> int:
    total = 0
    try:
        total += _memory(process.pid)
        for child in process.children(recursive=True):
            total += _memory(child.pid)
    except psutil.Error:
        pass
    return total


def run_measured(commands: list[list[str]], cwd: Path, stdout_path: Path, env: dict | None = None) -> Sample:
    """Run ``commands`` one after another; wall time of all, peak memory of the largest."""
    wall = 0.0
    cpu = 0.0
    peak = 0
    codes = []
    stdout_path.parent.mkdir(parents=True, exist_ok=True)
    with open(stdout_path, "wb") as out, open(stdout_path.with_suffix(".err"), "wb") as err:
        for command in commands:
            # GNU time reports the command's own maxrss; the kernel's figure for a
            # child of this Python process would start at this process's size
            # (fork copies the high-water mark).
            maxrss_file = stdout_path.with_suffix(".maxrss")
            if GNU_TIME:
                command = [GNU_TIME, "-f", "%M %U %S", "-o", str(maxrss_file), *command]
            start = time.perf_counter()
            process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, env=env)
            sampled = [0]
            stop = threading.Event()
            if psutil is not None:
                handle = psutil.Process(process.pid)

                def sample() -> None:
                    while not stop.is_set():
                        sampled[0] = max(sampled[0], _tree_rss(handle))
                        stop.wait(0.05)

                thread = threading.Thread(target=sample, daemon=True)
                thread.start()
            _, status, usage = os.wait4(process.pid, 0)
            wall += time.perf_counter() - start
            stop.set()
            process.returncode = os.waitstatus_to_exitcode(status)
            codes.append(process.returncode)
            maxrss = usage.ru_maxrss * 1024
            used = usage.ru_utime + usage.ru_stime
            if GNU_TIME:
                try:
                    fields = maxrss_file.read_text().split()[-3:]
                    maxrss = int(fields[0]) * 1024
                    used = float(fields[1]) + float(fields[2])
                except (OSError, ValueError, IndexError):
                    pass
            cpu += used
            peak = max(peak, maxrss, sampled[0])
    return Sample(wall, peak / 1e6, codes, cpu)


# --------------------------------------------------------------------------- tools


@dataclass
class Tool:
    name: str
    task: str
    commands: list[list[str]]
    cwd: Path
    slow: bool = False
    output: str = "text"  # how to read findings for recall
    env: dict | None = None
    samples: list[Sample] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)  # 1-minute load average before each run


def which(path: Path | str) -> str | None:
    path = str(path)
    if os.sep in path:
        return path if os.access(path, os.X_OK) else None
    return shutil.which(path)


def heellint_bin() -> str:
    for candidate in (REPO / ".venv" / "bin" / "heellint", Path(sys.executable).parent / "heellint"):
        if candidate.exists():
            return str(candidate)
    return shutil.which("heellint") or "heellint"


def compile_bytecode() -> None:
    """Write heellint's bytecode before timing anything.

    ``pip install heellint`` compiles every module at install time; an editable
    checkout under ``PYTHONDONTWRITEBYTECODE=1`` (as some sandboxes and CI images
    set) would otherwise compile ~100 modules from source in every process and
    charge it to each run (~100 ms for one small file)."""
    import compileall

    package = REPO / "src" / "heellint"
    if package.is_dir():
        compileall.compile_dir(str(package), quiet=1)


def write_peer_configs(manifest: dict, configs: Path) -> dict[str, Path]:
    """Peer configurations from the one list of known misspellings."""
    configs.mkdir(parents=True, exist_ok=True)
    known: dict[str, str] = {}
    for lang in manifest["languages"]:
        for wrong, right in manifest["known_misspellings"][lang].items():
            known.setdefault(wrong, right)
    pairs = sorted(known.items())

    def toml_string(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    typos = configs / "_typos.toml"
    typos.write_text(
        "[default.extend-words]\n" + "".join(f"{toml_string(w)} = {toml_string(r)}\n" for w, r in pairs), encoding="utf-8"
    )
    codespell = configs / "codespell.txt"
    codespell.write_text("".join(f"{w}->{r}\n" for w, r in pairs), encoding="utf-8")
    prh = configs / "prh.yml"
    lines = ["version: 1", "rules:"]
    for wrong, right in pairs:
        capital = wrong[:1].upper() + wrong[1:]
        lines.append(f"  - expected: {json.dumps(right, ensure_ascii=False)}")
        lines.append(f"    pattern: [{json.dumps(wrong, ensure_ascii=False)}, {json.dumps(capital, ensure_ascii=False)}]")
    prh.write_text("\n".join(lines) + "\n", encoding="utf-8")
    textlintrc = configs / "textlintrc.json"
    textlintrc.write_text(json.dumps({"rules": {"prh": {"rulePaths": [str(prh)]}}}, indent=1), encoding="utf-8")
    cspell = configs / "cspell.json"
    cspell.write_text(
        json.dumps(
            {
                "version": "0.2",
                "import": [
                    str(NODE_MODULES / "@cspell" / "dict-nb-no" / "cspell-ext.json"),
                    str(NODE_MODULES / "@cspell" / "dict-da-dk" / "cspell-ext.json"),
                ],
                "overrides": [
                    {"filename": "**/nb/**", "language": "nb"},
                    {"filename": "**/da/**", "language": "da"},
                ],
                "flagWords": [f"{w}->{r}" for w, r in pairs],
            },
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    return {"typos": typos, "codespell": codespell, "prh": textlintrc, "cspell": cspell}


def corpus_files(corpus: Path, lang: str | None = None) -> list[str]:
    langs = [lang] if lang else ["nb", "da"]
    return [f"{l}/{p.name}" for l in langs if (corpus / l).is_dir() for p in sorted((corpus / l).glob("*.md"))]


def heellint_supports_jobs() -> bool:
    try:
        help_text = subprocess.run([heellint_bin(), "check", "--help"], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "--jobs" in help_text


def heellint_command(paths: list[str], output: Path, config: Path | None = None, jobs: str | None = None) -> list[str]:
    command = [heellint_bin(), "check", *paths, "--format", "json", "-o", str(output), "--fail-on", "never"]
    if config:
        command += ["--config", str(config)]
    if jobs:
        command += ["--jobs", jobs]
    return command


def make_tools(corpus: Path, configs: dict[str, Path], out: Path, selected: set[str], jobs: str | None) -> list[Tool]:
    tools: list[Tool] = []
    logs = out / "logs"
    empty_config = out / "configs" / "heellint.yaml"
    empty_config.write_text("# default rules, built-in glossary\n", encoding="utf-8")
    if "heellint" in selected:
        tools.append(Tool("heellint", "default rules", [heellint_command(["nb", "da"], logs / "heellint.json", empty_config, jobs)],
                          corpus, output="heellint"))
    typos = PEERS / "venv" / "bin" / "typos"
    if "typos" in selected and which(typos):
        tools.append(Tool("typos", "known misspellings (exact)",
                          [[str(typos), "--isolated", "--no-ignore", "--config", str(configs["typos"]), "--format", "json", "nb", "da"]],
                          corpus, output="typos"))
    codespell = PEERS / "venv" / "bin" / "codespell"
    if "codespell" in selected and which(codespell):
        tools.append(Tool("codespell", "known misspellings (exact)",
                          [[str(codespell), "-D", str(configs["codespell"]), "nb", "da"]], corpus, output="codespell"))
    if "hunspell" in selected and which("hunspell"):
        tools.append(Tool("hunspell", "spelling (nb_NO, da_DK)",
                          [["hunspell", "-i", "utf-8", "-d", "nb_NO", "-l", *corpus_files(corpus, "nb")],
                           ["hunspell", "-i", "utf-8", "-d", "da_DK", "-l", *corpus_files(corpus, "da")]],
                          corpus, slow=True, output="hunspell"))
    if "cspell" in selected and which(NODE_BIN / "cspell"):
        tools.append(Tool("cspell", "spelling (nb, da) + flagWords",
                          [[str(NODE_BIN / "cspell"), "lint", "--no-progress", "--no-summary", "--no-cache", "--no-color",
                            "--config", str(configs["cspell"]), "nb/**/*.md", "da/**/*.md"]],
                          corpus, slow=True, output="cspell"))
    if "textlint" in selected and which(NODE_BIN / "textlint"):
        tools.append(Tool("textlint+prh", "known misspellings (prh)",
                          [[str(NODE_BIN / "textlint"), "--config", str(configs["prh"]), "--rules-base-directory",
                            str(NODE_MODULES), "--format", "json", "--no-color", "nb/**/*.md", "da/**/*.md"]],
                          corpus, slow=True, output="textlint"))
    return tools


# --------------------------------------------------------------------------- recall

_WORD = re.compile(r"[^\W_](?:[^\W_]|[-'’](?=[^\W_]))*")


def word_at(lines_cache: dict, corpus: Path, path: str, line: int, column: int) -> str:
    lines = lines_cache.get(path)
    if lines is None:
        lines = (corpus / path).read_text(encoding="utf-8").split("\n")
        lines_cache[path] = lines
    if not 1 <= line <= len(lines):
        return ""
    match = _WORD.match(lines[line - 1], max(0, column - 1))
    return match.group() if match else ""


def findings(tool: Tool, corpus: Path, stdout: Path) -> tuple[set[tuple[str, int, str]], set[tuple[str, str]]] | None:
    """(path, line, case-folded word) of every finding, or (set(), {(path, word)}) for
    hunspell, which names no line: an injection counts as found when hunspell lists
    its word for its file."""
    cache: dict = {}
    found: set[tuple[str, int, str]] = set()
    try:
        if tool.output == "heellint":
            data = json.loads((stdout.parent / "heellint.json").read_text(encoding="utf-8"))
            for diagnostic in data["diagnostics"]:
                path = diagnostic["path"]
                word = word_at(cache, corpus, path, diagnostic["line"], diagnostic["column"])
                found.add((path, diagnostic["line"], word.casefold()))
        elif tool.output == "typos":
            for line in stdout.read_text(encoding="utf-8").splitlines():
                if line.startswith("{"):
                    item = json.loads(line)
                    if item.get("type") == "typo" and "line_num" in item:  # (typos in file names have none)
                        found.add((item["path"], item["line_num"], item["typo"].casefold()))
        elif tool.output == "codespell":
            for line in stdout.read_text(encoding="utf-8").splitlines():
                match = re.match(r"(.+?):(\d+): (\S+) ==>", line)
                if match:
                    found.add((match.group(1), int(match.group(2)), match.group(3).casefold()))
        elif tool.output == "cspell":
            for line in stdout.read_text(encoding="utf-8").splitlines():
                match = re.match(r"(.+?):(\d+):(\d+) - \w+ word \((.+?)\)", line)
                if match:
                    found.add((match.group(1), int(match.group(2)), match.group(4).casefold()))
        elif tool.output == "textlint":
            for item in json.loads(stdout.read_text(encoding="utf-8") or "[]"):
                path = os.path.relpath(item["filePath"], corpus)
                for message in item["messages"]:
                    word = word_at(cache, corpus, path, message["line"], message["column"])
                    found.add((path, message["line"], word.casefold()))
        elif tool.output == "hunspell":
            # "path: word" per misspelled word (several files), no line numbers.
            words = set()
            for line in stdout.read_text(encoding="utf-8").splitlines():
                path, separator, word = line.rpartition(": ")
                if separator and word.strip():
                    words.add((path, word.strip().casefold()))
            return set(), words
    except (OSError, ValueError, KeyError) as error:
        print(f"   (could not read {tool.name}'s output for recall: {error})", file=sys.stderr)
        return None
    return found, set()


def recall(manifest: dict, result: tuple[set, set] | None) -> dict[str, float | None]:
    if result is None:
        return {}
    found, words = result
    by_kind: dict[str, list[int]] = {}
    for injection in manifest["injected"]:
        key = (injection["path"], injection["line"], injection["wrong"].casefold())
        hit = ((injection["path"], injection["wrong"].casefold()) in words) if words else (key in found)
        counts = by_kind.setdefault(injection["kind"], [0, 0])
        counts[0] += hit
        counts[1] += 1
    result_by_kind = {kind: round(hits / total, 3) if total else None for kind, (hits, total) in sorted(by_kind.items())}
    result_by_kind["findings"] = len(found) if found else len(words)
    return result_by_kind


# --------------------------------------------------------------------------- sections


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def section_main(args, corpus: Path, manifest: dict, out: Path) -> dict:
    configs = write_peer_configs(manifest, out / "configs")
    selected = set(args.tools.split(","))
    tools = make_tools(corpus, configs, out, selected, args.jobs)
    megabytes = manifest["bytes"] / 1e6
    print(f"== main: {manifest['articles']} articles, {megabytes:.1f} MB, {manifest['distinct_tokens']} distinct tokens; "
          f"{args.rounds} rounds ({args.slow_rounds} for slow tools), order alternating", file=sys.stderr)
    for round_number in range(args.rounds):
        order = tools[round_number % len(tools):] + tools[: round_number % len(tools)]
        if round_number % 2:
            order.reverse()
        for tool in order:
            if tool.slow and round_number >= args.slow_rounds:
                continue
            tool.loads.append(round(os.getloadavg()[0], 2))
            sample = run_measured(tool.commands, tool.cwd, out / "logs" / f"{tool.name}.out", tool.env)
            tool.samples.append(sample)
            print(f"   round {round_number + 1} {tool.name:13s} {sample.wall:8.2f} s  cpu {sample.cpu:8.2f} s  {sample.peak_mb:7.1f} MB  "
                  f"exit {sample.exit_codes}  (load {tool.loads[-1]})",
                  file=sys.stderr)
    rows = []
    heellint_wall = next((median([s.wall for s in t.samples]) for t in tools if t.name == "heellint"), None)
    for tool in tools:
        wall = median([sample.wall for sample in tool.samples])
        peak = max(sample.peak_mb for sample in tool.samples)
        row = {
            "tool": tool.name,
            "task": tool.task,
            "wall_s": round(wall, 3),
            "walls": [round(sample.wall, 3) for sample in tool.samples],
            "cpu_s": round(median([sample.cpu for sample in tool.samples]), 3),
            "load_before": tool.loads,
            "mb_per_s": round(megabytes / wall, 2),
            "peak_mb": round(peak, 1),
            "heellint_ratio": round(heellint_wall / wall, 3) if heellint_wall else None,
            "exit_codes": tool.samples[-1].exit_codes,
            "recall": recall(manifest, findings(tool, corpus, out / "logs" / f"{tool.name}.out")),
            "rule_failures": heellint_counts(out / "logs" / "heellint.json")[1] if tool.name == "heellint" else None,
            "command": [" ".join(command[:12]) + (" ..." if len(command) > 12 else "") for command in tool.commands],
        }
        rows.append(row)
    return {"corpus_mb": round(megabytes, 2), "articles": manifest["articles"], "distinct_tokens": manifest["distinct_tokens"],
            "rounds": args.rounds, "slow_rounds": args.slow_rounds, "rows": rows}


def pick_small_file(corpus: Path) -> Path:
    candidates = sorted(p for p in (corpus / "nb").glob("*.md") if 2000 <= p.stat().st_size <= 4000)
    return candidates[0] if candidates else sorted((corpus / "nb").glob("*.md"))[0]


def section_precommit(args, corpus: Path, out: Path) -> dict:
    small = pick_small_file(corpus)
    relative = small.relative_to(corpus).as_posix()
    config = out / "configs" / "heellint.yaml"
    config.parent.mkdir(parents=True, exist_ok=True)
    if not config.exists():
        config.write_text("# default rules, built-in glossary\n", encoding="utf-8")
    commands = {
        "heellint": [heellint_bin(), "check", relative, "--config", str(config), "--fail-on", "never"],
        "python -c pass": [sys.executable, "-c", "pass"],
    }
    typos = PEERS / "venv" / "bin" / "typos"
    if which(typos):
        commands["typos"] = [str(typos), "--isolated", "--config", str(out / "configs" / "_typos.toml"), relative]
    print(f"== precommit: {relative} ({small.stat().st_size} bytes), {args.precommit_runs} runs", file=sys.stderr)
    results = {}
    for name, command in commands.items():
        walls = []
        peaks = []
        cpus = []
        for _ in range(3):  # warm the page cache
            subprocess.run(command, cwd=corpus, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(args.precommit_runs):
            sample = run_measured([command], corpus, out / "logs" / f"precommit-{name.split()[0]}.out")
            walls.append(sample.wall)
            peaks.append(sample.peak_mb)
            cpus.append(sample.cpu)
        results[name] = {"median_ms": round(median(walls) * 1000, 1), "min_ms": round(min(walls) * 1000, 1),
                         "cpu_median_ms": round(median(cpus) * 1000, 1),
                         "max_ms": round(max(walls) * 1000, 1), "peak_mb": round(max(peaks), 1),
                         "command": " ".join(command)}
        print(f"   {name:15s} median {results[name]['median_ms']:7.1f} ms  min {results[name]['min_ms']:7.1f}  peak {results[name]['peak_mb']:.1f} MB",
              file=sys.stderr)
    # The import cost, as Python reports it, for the profile.
    importtime = subprocess.run([sys.executable, "-X", "importtime", "-c", "import heellint.cli.main"], capture_output=True, text=True)
    results["file"] = relative
    results["bytes"] = small.stat().st_size
    results["runs"] = args.precommit_runs
    results["importtime_tail"] = importtime.stderr.splitlines()[-5:]
    return results


def link_subset(corpus: Path, target: Path, count: int, manifest: dict) -> int:
    if target.exists():
        shutil.rmtree(target)
    size = 0
    for relative in manifest["files"][:count]:
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.link(corpus / relative, destination)
        size += destination.stat().st_size
    return size


def time_heellint(args, cwd: Path, paths: list[str], out: Path, label: str, config: Path | None = None,
                  select: str | None = None) -> dict:
    config = config or out / "configs" / "heellint.yaml"
    walls, peaks, cpus, loads = [], [], [], []
    command = heellint_command(paths, out / "logs" / f"{label}.json", config, args.jobs)
    if select:
        command += ["--select", select]
    for _ in range(args.scale_rounds):
        loads.append(round(os.getloadavg()[0], 2))
        sample = run_measured([command], cwd, out / "logs" / f"{label}.out")
        walls.append(sample.wall)
        peaks.append(sample.peak_mb)
        cpus.append(sample.cpu)
    diagnostics, failures = heellint_counts(out / "logs" / f"{label}.json")
    if failures:
        print(f"   WARNING: {label}: {failures} rule failures (HL011/HL012): the timing is not valid", file=sys.stderr)
    return {"wall_s": round(median(walls), 3), "walls": [round(w, 3) for w in walls], "cpu_s": round(median(cpus), 3),
            "peak_mb": round(max(peaks), 1), "peaks_mb": [round(p, 1) for p in peaks], "diagnostics": diagnostics, "rule_failures": failures, "load_before": loads}


def heellint_counts(path: Path) -> tuple[int | None, int | None]:
    """(diagnostics, rule failures) of a heellint JSON report. A rule that failed
    (HL012) or timed out (HL011) did less work: such a timing is not valid."""
    try:
        diagnostics = json.loads(path.read_text(encoding="utf-8"))["diagnostics"]
    except (OSError, ValueError, KeyError):
        return None, None
    return len(diagnostics), sum(1 for item in diagnostics if item.get("rule") in ("HL011", "HL012"))


def section_scaling(args, corpus: Path, manifest: dict, out: Path) -> dict:
    sizes = [int(size) for size in args.scale_sizes.split(",")]
    print(f"== scaling: {' / '.join(map(str, sizes))} articles", file=sys.stderr)
    results = []
    for count in sizes:
        if count > manifest["articles"]:
            continue
        target = out / "scale" / str(count)
        size = link_subset(corpus, target, count, manifest)
        timing = time_heellint(args, target, ["nb", "da"], out, f"scale-{count}")
        timing.update({"articles": count, "mb": round(size / 1e6, 2), "mb_per_s": round(size / 1e6 / timing["wall_s"], 2)})
        results.append(timing)
        print(f"   {count:5d} articles {size / 1e6:6.1f} MB  {timing['wall_s']:7.2f} s  {timing['mb_per_s']:6.2f} MB/s  {timing['peak_mb']:.0f} MB",
              file=sys.stderr)
    return {"series": results}


def synthetic_glossary(concepts: int, seed: int, path: Path) -> None:
    """A glossary in the contract format, built from the generator's compounds:
    preferred nb and da terms with explicit forms and two misspellings each."""
    import random

    rng = random.Random(f"{seed}-synthetic-glossary")
    lines = ["# Synthetic glossary for bench/run.py (generated; do not edit)", "concepts:"]
    vocabularies = {lang: generate_corpus.build_vocabulary(lang, random.Random(f"{seed}-{lang}-vocabulary"), 6000) for lang in ("nb", "da")}
    lexemes = {lang: [forms for forms in vocabularies[lang].nouns.items if len(forms[0]) >= 7] for lang in ("nb", "da")}

    def misspell(word: str) -> list[str]:
        out = []
        for shift in (2, 4):
            position = min(len(word) - 2, shift + rng.randrange(2))
            out.append(word[:position] + word[position + 1] + word[position] + word[position + 2:])
        return sorted(set(m for m in out if m != word))

    for number in range(concepts):
        lines.append(f"  - id: synthetic-{number:04d}")
        lines.append("    terms:")
        for lang in ("nb", "da"):
            forms = lexemes[lang][number % len(lexemes[lang])]
            term = forms[0]
            lines.append(f"      {lang}:")
            lines.append(f"        - term: {term}")
            lines.append("          status: preferred")
            lines.append(f"          forms: [{', '.join(f for f in dict.fromkeys(forms[1:]) if f != term)}]")
            lines.append(f"          misspellings: [{', '.join(misspell(term))}]")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def section_glossary(args, corpus: Path, manifest: dict, out: Path) -> dict:
    articles = min(args.series_articles, manifest["articles"])
    print(f"== glossary: 100 vs 2,000 concepts (synthetic), first {articles} articles", file=sys.stderr)
    if articles < manifest["articles"]:
        size = link_subset(corpus, out / "scale" / f"glossary-{articles}", articles, manifest)
        corpus = out / "scale" / f"glossary-{articles}"
    else:
        size = manifest["bytes"]
    results = []
    for concepts in (100, 2000):
        folder = out / f"glossary-{concepts}"
        synthetic_glossary(concepts, manifest["seed"], folder / "glossary" / "synthetic.yaml")
        config = folder / "heellint.yaml"
        config.write_text("glossary: [glossary/]\n", encoding="utf-8")
        timing = time_heellint(args, corpus, ["nb", "da"], out, f"glossary-{concepts}", config, args.series_select)
        timing.update({"concepts": concepts, "articles": articles, "mb": round(size / 1e6, 2),
                       "mb_per_s": round(size / 1e6 / timing["wall_s"], 2)})
        results.append(timing)
        print(f"   {concepts:5d} concepts {timing['wall_s']:7.2f} s  {timing['mb_per_s']:6.2f} MB/s  {timing['peak_mb']:.0f} MB  "
              f"{timing['diagnostics']} diagnostics", file=sys.stderr)
    return {"series": results, "select": args.series_select}


def section_vocabulary(args, manifest: dict, out: Path) -> dict:
    articles = min(args.series_articles, manifest["articles"])
    print(f"== vocabulary: {articles} articles each, compounds per language 1,500 / 6,000 / 24,000", file=sys.stderr)
    results = []
    for compounds in (1500, 6000, 24000):
        folder = out / f"vocabulary-{compounds}"
        if folder.exists():
            shutil.rmtree(folder)
        generated = generate_corpus.generate(folder, articles, manifest["seed"], manifest["avg_kb"], compounds,
                                             [REPO / "glossary"])
        timing = time_heellint(args, folder, ["nb", "da"], out, f"vocabulary-{compounds}", select=args.series_select)
        timing.update({"compounds": compounds, "distinct_tokens": generated["distinct_tokens"],
                       "mb": round(generated["bytes"] / 1e6, 2),
                       "mb_per_s": round(generated["bytes"] / 1e6 / timing["wall_s"], 2)})
        results.append(timing)
        print(f"   {generated['distinct_tokens']:6d} distinct tokens {generated['bytes'] / 1e6:5.1f} MB  {timing['wall_s']:7.2f} s  "
              f"{timing['mb_per_s']:6.2f} MB/s", file=sys.stderr)
    return {"series": results, "select": args.series_select}


def recompute_recall(out: Path, corpus: Path, manifest: dict, results: dict) -> None:
    """Recall from the tools' saved outputs (bench/out/logs), without timing again."""
    for row in results.get("main", {}).get("rows", []):
        output = {"textlint+prh": "textlint"}.get(row["tool"], row["tool"])
        tool = Tool(row["tool"], row["task"], [], corpus, output=output)
        logs = out / "logs"
        if row["tool"] == "heellint" and not (logs / "heellint.json").exists():
            continue
        row["recall"] = recall(manifest, findings(tool, corpus, logs / f"{row['tool']}.out"))


def merge_rows(current: dict, previous: dict) -> None:
    """Keep the rows of tools this run did not time (--merge), then redo the ratios."""
    names = {row["tool"] for row in current["rows"]}
    current["rows"] += [row for row in previous["rows"] if row["tool"] not in names]
    order = ["heellint", "typos", "codespell", "hunspell", "cspell", "textlint+prh"]
    current["rows"].sort(key=lambda row: order.index(row["tool"]) if row["tool"] in order else len(order))
    heellint = next((row for row in current["rows"] if row["tool"] == "heellint"), None)
    for row in current["rows"]:
        row["heellint_ratio"] = round(heellint["wall_s"] / row["wall_s"], 3) if heellint else None


# --------------------------------------------------------------------------- report


def versions() -> dict:
    def first_line(command: list[str]) -> str | None:
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            return None
        text = (result.stdout or result.stderr).strip().splitlines()
        return text[0] if text else None

    return {
        "heellint": first_line([heellint_bin(), "--version"]),
        "typos": first_line([str(PEERS / "venv" / "bin" / "typos"), "--version"]),
        "codespell": first_line([str(PEERS / "venv" / "bin" / "codespell"), "--version"]),
        "hunspell": first_line(["hunspell", "-v"]),
        "cspell": first_line([str(NODE_BIN / "cspell"), "--version"]),
        "textlint": first_line([str(NODE_BIN / "textlint"), "--version"]),
    }


def machine() -> dict:
    model = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    if psutil is not None:
        memory = round(psutil.virtual_memory().total / 2**30, 1)
    return {"nproc": os.cpu_count(), "cpu": model, "memory_gib": memory, "python": platform.python_version(),
            "platform": platform.platform()}


def markdown(results: dict) -> str:
    lines = []
    info = results["machine"]
    lines.append(f"Machine: {info['nproc']} cores ({info['cpu']}), {info['memory_gib']} GiB, Python {info['python']}.")
    main = results.get("main")
    if main:
        lines += ["", f"Whole corpus: {main['articles']} articles, {main['corpus_mb']} MB, {main['distinct_tokens']} distinct tokens; "
                  "wall and CPU are medians of the runs (tools alternating within each round).", "",
                  "| tool | task | runs | wall (s) | CPU (s) | MB/s | peak MB | heellint / tool (wall) | heellint / tool (CPU) | recall known | recall inflected | recall unknown | findings |",
                  "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        heellint_cpu = next((row["cpu_s"] for row in main["rows"] if row["tool"] == "heellint"), None)
        for row in main["rows"]:
            r = row["recall"]

            def pct(value):
                return "—" if value is None else f"{value * 100:.0f} %"

            if row.get("rule_failures"):
                lines.append(f"| (invalid: {row['rule_failures']} rule failures in this heellint run) |||||||||||||")
            lines.append(f"| {row['tool']} | {row['task']} | {len(row['walls'])} | {row['wall_s']:.2f} | {row['cpu_s']:.2f} | {row['mb_per_s']:.2f} | {row['peak_mb']:.0f} | "
                         f"{'—' if row['heellint_ratio'] is None else format(row['heellint_ratio'], '.2f')} | "
                         f"{'—' if not heellint_cpu else format(heellint_cpu / row['cpu_s'], '.2f')} | {pct(r.get('known'))} | {pct(r.get('known-inflected'))} | {pct(r.get('unknown'))} | {r.get('findings', '—')} |")
    pre = results.get("precommit")
    if pre:
        lines += ["", f"One small file ({pre['file']}, {pre['bytes']} bytes), process start to exit, {pre['runs']} runs:", "",
                  "| command | median ms | min ms | CPU median ms | peak MB |", "|---|---:|---:|---:|---:|"]
        for name, value in pre.items():
            if isinstance(value, dict):
                lines.append(f"| {name} | {value['median_ms']} | {value['min_ms']} | {value['cpu_median_ms']} | {value['peak_mb']} |")
    for key, title, column in (("scaling", "Corpus size", "articles"), ("glossary", "Glossary size", "concepts"),
                               ("vocabulary", "Vocabulary", "distinct_tokens")):
        section = results.get(key)
        if section:
            selected = f", --select {section['select']}" if section.get("select") else ""
            runs = max(len(row.get("walls", [])) for row in section["series"]) if section["series"] else 0
            lines += ["", f"{title} (heellint{selected}, median of {runs} run{'s' if runs != 1 else ''}):", "",
                      f"| {column} | MB | wall (s) | CPU (s) | MB/s | peak MB | diagnostics |", "|---:|---:|---:|---:|---:|---:|---:|"]
            for row in section["series"]:
                mb = row.get("mb", results["corpus"]["bytes"] / 1e6)
                invalid = f" (invalid: {row['rule_failures']} rule failures)" if row.get("rule_failures") else ""
                lines.append(f"| {row[column]} | {float(mb):.1f} | {row['wall_s']:.2f} | {row['cpu_s']:.2f} | {row['mb_per_s']:.2f} | "
                             f"{row['peak_mb']:.0f} | {row['diagnostics']}{invalid} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--only", default="main,precommit,scaling,glossary,vocabulary")
    parser.add_argument("--tools", default="heellint,typos,codespell,hunspell,cspell,textlint")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--slow-rounds", type=int, default=1, help="rounds for hunspell, cspell and textlint (default: 1)")
    parser.add_argument("--scale-rounds", type=int, default=3)
    parser.add_argument("--precommit-runs", type=int, default=20)
    parser.add_argument("--jobs", default=None, help="pass --jobs to heellint (when it has the option)")
    parser.add_argument("--merge", action="store_true",
                        help="keep the results of bench/out/results.json that this run does not redo (tools, sections)")
    parser.add_argument("--scale-sizes", default="500,1000,2000", help="article counts of the scaling series")
    parser.add_argument("--series-articles", type=int, default=1000,
                        help="articles in the glossary and vocabulary series (default: 1000)")
    parser.add_argument("--series-select", default=None,
                        help="--select for heellint in the glossary and vocabulary series (default: default rules)")
    args = parser.parse_args(argv)
    if args.jobs and not heellint_supports_jobs():
        print("heellint check has no --jobs option; ignoring --jobs", file=sys.stderr)
        args.jobs = None
    corpus: Path = args.corpus.resolve()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    if not (corpus / "manifest.json").exists():
        print(f"{corpus} has no corpus: generating it (bench/generate_corpus.py)", file=sys.stderr)
        generate_corpus.main(["--out", str(corpus)])
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    sections = set(args.only.split(","))
    compile_bytecode()
    results: dict = {"machine": machine(), "versions": versions(), "scale_rounds": args.scale_rounds, "jobs": args.jobs,
                     "series_select": args.series_select, "load_at_start": [round(x, 2) for x in os.getloadavg()],
                     "corpus": {key: manifest[key] for key in ("seed", "articles", "bytes", "distinct_tokens", "glossary_source",
                                                               "injected_counts")}}
    previous = {}
    if args.merge and (out / "results.json").exists():
        previous = json.loads((out / "results.json").read_text(encoding="utf-8"))
        for key, value in previous.items():
            if key not in ("machine", "versions", "load_at_start"):
                results.setdefault(key, value)
    if sections == {"report"}:  # re-render bench/out/results.md from results.json
        results = json.loads((out / "results.json").read_text(encoding="utf-8"))
        table = markdown(results)
        (out / "results.md").write_text(table, encoding="utf-8")
        print(table)
        return 0
    if "main" in sections:
        results["main"] = section_main(args, corpus, manifest, out)
        if previous.get("main"):
            merge_rows(results["main"], previous["main"])
    elif "precommit" in sections:
        write_peer_configs(manifest, out / "configs")
    if "precommit" in sections:
        results["precommit"] = section_precommit(args, corpus, out)
    if "scaling" in sections:
        results["scaling"] = section_scaling(args, corpus, manifest, out)
    if "glossary" in sections:
        results["glossary"] = section_glossary(args, corpus, manifest, out)
    if "vocabulary" in sections:
        results["vocabulary"] = section_vocabulary(args, manifest, out)
    (out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    table = markdown(results)
    (out / "results.md").write_text(table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
