"""Provider: the shipped rule packs (``rules/*.yaml``) plus the packs a config names."""

from __future__ import annotations

from heellint.kinds.packs import builtin_pack_paths, load_pack
from heellint.resources import rules_dir


def provide_rules(context) -> list:
    rules = []
    for path in builtin_pack_paths(rules_dir()):
        rules.extend(load_pack(path, shipped=True))
    for path in context.config.rules:
        rules.extend(load_pack(path))
    return rules
