from heellint.core.diagnostic import Finding
from heellint.core.linter import Selection, drop_redundant
from heellint.core.rule import RuleMeta


def meta(code, category="spelling", enabled=True):
    return RuleMeta(code=code, name=f"rule-{code.lower()}", category=category, severity="warning", message="m",
                    enabled=enabled)


def test_same_span_same_replacement_keeps_one_with_the_safer_fix():
    source = "En hælspace her."
    a = (meta("SP101"), Finding(3, 11, "a", ("hælspore",), None))
    b = (meta("TM101"), Finding(3, 11, "b", ("hælspore",), "safe"))
    assert drop_redundant(source, [a, b]) == [b]


def test_inner_finding_implied_by_outer_is_dropped():
    source = "Som plantar fascitt her."
    outer = (meta("TM101"), Finding(4, 19, "outer", ("plantar fasciitt",), "unsafe"))
    inner = (meta("SP101"), Finding(12, 19, "inner", ("fasciitt",), "safe"))
    assert drop_redundant(source, [inner, outer]) == [outer]


def test_different_problems_on_overlapping_spans_both_stay():
    source = "Som plantar fascitt her."
    outer = (meta("TM101"), Finding(4, 19, "outer", ("plantarfasciitt",), "unsafe"))
    inner = (meta("SP101"), Finding(12, 19, "inner", ("fasciitis",), "safe"))
    other_category = (meta("TM201", "terminology"), Finding(4, 19, "term", ("plantar fasciitt",), None))
    assert len(drop_redundant(source, [inner, outer, other_category])) == 3


def test_selection_prefixes_exact_codes_and_off_by_default_rules():
    on, off = meta("TM101"), meta("TM202", enabled=False)
    assert Selection().enabled(on) and not Selection().enabled(off)
    assert Selection(select=("TM",)).enabled(on) and not Selection(select=("TM",)).enabled(off)
    assert Selection(select=("TM202",)).enabled(off)
    assert Selection(extend_select=("TM202",)).enabled(off)
    assert not Selection(ignore=("TM",)).enabled(on)
    assert Selection(select=("TM101",), ignore=("TM",)).enabled(on)
    assert not Selection(select=("TM101",), ignore=("TM101",)).enabled(on)
    assert Selection(select=("ALL",)).enabled(off)
