"""Scores of the text intake against the hand-labelled gold files (tests/intake/gold/*.json).

Shared by tests/test_intake_gold.py and by ``python tests/intake_scoring.py``,
which prints the table of docs/intake.md. Each gold file names its document,
its layout and its split: ``tuned`` (the rules were changed while looking at
it), ``new`` (written and labelled before the parser ran on it; its first
score is in tests/intake/first_scores.json, then it was tuned on) or
``heldout`` (never looked at while tuning: the honest expectation).

Measures, each as (precision, recall): areas by name; indicators as a
multiset of (target, unit, comparator); deadlines as one date per task or
milestone; leaders as one name per task; units as the lead and co-units of
each task.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from planner_gui.domain.model import Plan
from planner_gui.exchange.intake.parse import propose_plan

HERE = Path(__file__).parent / "intake"
GOLD = sorted((HERE / "gold").glob("*.json"))
MEASURES = ("areas", "indicators", "deadlines", "leaders", "units")


def load(gold_path: Path) -> tuple[dict, Plan]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (HERE / "docs" / gold["doc"]).read_text(encoding="utf-8")
    return gold, propose_plan(text).plan


def norm(name: str) -> str:
    return re.sub(r"[\s“”\"'‘’，,。、]", "", name)


def area_counts(gold: dict, plan: Plan) -> tuple[int, int, int, int]:
    """(areas of the gold found, gold areas, found areas the gold has, found areas)."""
    wanted = [norm(a) for a in gold["areas"]]
    found = [norm(a.name) for a in plan.areas]

    def same(a: str, b: str) -> bool:
        return a == b or (min(len(a), len(b)) >= 4 and (a in b or b in a))

    return (sum(any(same(w, f) for f in found) for w in wanted), len(wanted),
            sum(any(same(f, w) for w in wanted) for f in found), len(found))


def indicator_keys(plan: Plan) -> Counter:
    return Counter(
        (round(i.target, 4), i.unit, i.comparator)
        for t in plan.walk_tasks() for i in t.indicators if i.target is not None
    )


def deadline_keys(plan: Plan) -> Counter:
    """One date per task and milestone; a date said twice for one task counts once."""
    keys: Counter = Counter()
    for task in plan.walk_tasks():
        dates = {task.due} | {m.due for m in task.milestones}
        keys.update(d.isoformat() for d in dates if d is not None)
    return keys


def leader_keys(plan: Plan) -> Counter:
    return Counter(name for t in plan.walk_tasks() for name in t.leader.split("、") if name)


def unit_keys(plan: Plan) -> Counter:
    return Counter(u for t in plan.walk_tasks() for u in [t.lead_unit, *t.co_units] if u)


def counts(gold: dict, plan: Plan) -> dict[str, tuple[int, int, int, int]]:
    """Per measure: (gold items found, gold items, found items that are right, found items)."""
    wanted = {
        "indicators": Counter((round(float(i["target"]), 4), i["unit"], i["comparator"]) for i in gold["indicators"]),
        "deadlines": Counter(gold["deadlines"]),
        "leaders": Counter(gold.get("leaders", [])),
        "units": Counter(gold.get("units", [])),
    }
    found = {"indicators": indicator_keys(plan), "deadlines": deadline_keys(plan),
             "leaders": leader_keys(plan), "units": unit_keys(plan)}
    result = {"areas": area_counts(gold, plan)}
    for name in wanted:
        hits = sum((wanted[name] & found[name]).values())
        result[name] = (hits, sum(wanted[name].values()), hits, sum(found[name].values()))
    return result


def ratios(c: tuple[int, int, int, int]) -> tuple[float, float]:
    """(precision, recall); a measure with nothing to find and nothing found scores 1."""
    recall = c[0] / c[1] if c[1] else 1.0
    precision = c[2] / c[3] if c[3] else 1.0
    return precision, recall


def score_all(gold_paths: list[Path] = GOLD) -> dict[str, dict]:
    out = {}
    for path in gold_paths:
        gold, plan = load(path)
        c = counts(gold, plan)
        out[path.stem] = {"layout": gold["layout"], "split": gold["split"], "counts": c,
                          "scores": {m: ratios(c[m]) for m in MEASURES}}
    return out


def pooled(rows: list[dict]) -> dict[str, tuple[float, float]]:
    """Precision and recall over several documents (items pooled, not averaged)."""
    total = {}
    for m in MEASURES:
        summed = tuple(sum(r["counts"][m][k] for r in rows) for k in range(4))
        total[m] = ratios(summed)  # type: ignore[arg-type]
    return total


def table(results: dict[str, dict], splits: tuple[str, ...]) -> str:
    """A Markdown table of recall (precision) per layout for the documents of ``splits``."""
    rows = [r for r in results.values() if r["split"] in splits]
    layouts = sorted({r["layout"] for r in rows})
    lines = ["| layout | docs | " + " | ".join(MEASURES) + " |", "|---|---|" + "---|" * len(MEASURES)]
    for layout in [*layouts, "all"]:
        group = [r for r in rows if layout in ("all", r["layout"])]
        s = pooled(group)
        lines.append(f"| {layout} | {len(group)} | " + " | ".join(
            f"{s[m][1]:.2f} ({s[m][0]:.2f})" for m in MEASURES) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    splits = tuple(sys.argv[1:]) or ("tuned", "new")
    results = score_all([p for p in GOLD if json.loads(p.read_text(encoding="utf-8"))["split"] in splits])
    for name, r in results.items():
        print(f"{name:22} {r['layout']:24} " + "  ".join(
            f"{m[:4]} {r['scores'][m][1]:.2f}/{r['scores'][m][0]:.2f}" for m in MEASURES))
    print(table(results, splits))
