"""Codes the engine itself reports: input problems, suppressions, rule failures."""

from __future__ import annotations

from heellint.core.rule import Examples, RuleDoc, RuleMeta

_INPUT_SOURCES = ("heellint contract: bad input gets a diagnostic, the other files are still linted",)

ENGINE_RULES: tuple[RuleMeta, ...] = (
    RuleMeta(
        code="HL001",
        name="invalid-encoding",
        category="structure",
        severity="error",
        message="file is not valid UTF-8",
        doc=RuleDoc(
            why="heellint reads articles as UTF-8 (with or without a byte-order mark) or UTF-16/32 with a mark. "
            "Bytes that do not decode would give wrong positions and wrong fixes, so the file is not linted.",
            instead="Save the file as UTF-8.",
            fix="None.",
            must_not_flag="UTF-8 files with or without a BOM; UTF-16 files with a BOM.",
            sources=_INPUT_SOURCES,
        ),
    ),
    RuleMeta(
        code="HL002",
        name="binary-file",
        category="structure",
        severity="error",
        message="binary file; not linted",
        doc=RuleDoc(
            why="A file with NUL bytes is not an article (an image or a document saved in a binary format).",
            instead="Lint the text export of the document, or exclude the file in the configuration.",
            must_not_flag="Text files.",
            sources=_INPUT_SOURCES,
        ),
    ),
    RuleMeta(
        code="HL003",
        name="unreadable-file",
        category="structure",
        severity="error",
        message="file cannot be read",
        doc=RuleDoc(
            why="The file could not be opened (permissions, a broken link).",
            instead="Fix the file's permissions or remove it from the paths.",
            must_not_flag="Readable files.",
            sources=_INPUT_SOURCES,
        ),
    ),
    RuleMeta(
        code="HL004",
        name="invalid-front-matter",
        category="metadata",
        severity="warning",
        message="front matter is not valid",
        doc=RuleDoc(
            why="Front matter carries the language, author and dates that other checks read; when it does not "
            "parse, they silently fall back to guesses.",
            instead="Write the front matter as a YAML mapping between two '---' lines; use lang: nb|nn|da|sv|en.",
            must_not_flag="Valid YAML front matter; articles without front matter.",
            sources=("YAML 1.1; Jekyll/Hugo front matter conventions",),
        ),
        examples=Examples(flag=("---\nlang: no\n---\nTekst.\n",), ok=("---\nlang: nb\n---\nTekst.\n",), lang="nb"),
    ),
    RuleMeta(
        code="HL010",
        name="unused-suppression",
        category="structure",
        severity="info",
        message="suppression comment silences nothing",
        doc=RuleDoc(
            why="A suppression that silences nothing hides nothing today but will hide a real finding tomorrow, "
            "and tells the next editor something that is not true.",
            instead="Remove the comment, or name the code it should silence.",
            fix="None (remove the comment by hand).",
            must_not_flag="A suppression that silences at least one finding.",
            sources=("ruff RUF100 (unused-noqa); ESLint --report-unused-disable-directives",),
        ),
    ),
    RuleMeta(
        code="HL011",
        name="rule-timeout",
        category="structure",
        severity="warning",
        message="a rule's pattern took too long and was stopped for this file",
        doc=RuleDoc(
            why="A user-written regular expression can backtrack for ever on some text. heellint stops it after "
            "a second so the run finishes; the rule's other findings for this file may be missing.",
            instead="Rewrite the pattern without nested quantifiers such as (a+)+.",
            must_not_flag="Patterns that finish in time.",
            sources=("OWASP: Regular expression Denial of Service (ReDoS)",),
        ),
    ),
    RuleMeta(
        code="HL012",
        name="rule-failure",
        category="structure",
        severity="error",
        message="a rule failed on this file",
        doc=RuleDoc(
            why="A rule raised an unexpected error. The run goes on without that rule for this file; please "
            "report the file and the message.",
            must_not_flag="Files the rule handles.",
            sources=("heellint",),
        ),
    ),
)
