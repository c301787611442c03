"""Hostile values at every importer's boundary: integers of 400 or 5,000 digits, 10**400,
counts over 2**63, control characters, and workbooks whose zip or XML was mutated. Each
importer gives a result or one line (a PlannerError), never a traceback. The default run
takes a few hundred cases per importer; CI's slow run takes 10,000 each."""

from __future__ import annotations

import copy
import json
import random
import re
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner_gui.domain.errors import PlannerError
from planner_gui.exchange import json_format

from factories import full_plan

HUGE = ["1" + "0" * 400, "9" * 5000, str(2**63), str(2**64), "-" + str(2**63 + 1), "1e400", "-1e400",
        "1e-400", "123456789012345678901234567890.5", "0", "-0.0"]
CONTROL = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r") + "\x7f\x85\u2028\u2029\ufeff\u202e"
odd_text = st.text(st.sampled_from(CONTROL + "任务 a"), max_size=12) | st.sampled_from(["\x0b", " lead", "\x1b[31m"])
VALID = json_format.plan_to_dict(full_plan())


def _places(value, prefix=()):
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _places(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _places(child, (*prefix, index))
    return found


PLACES = [p for p in _places(VALID) if p]
MARK = "\x00HUGE{}\x00"


@st.composite
def hostile_plans(draw) -> str:
    """The valid plan as JSON text with a few values replaced by huge numbers or odd text."""
    data = copy.deepcopy(VALID)
    huge: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PLACES))
        parent = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            if draw(st.booleans()):
                huge.append(draw(st.sampled_from(HUGE)))
                parent[path[-1]] = MARK.format(len(huge) - 1)
            else:
                parent[path[-1]] = draw(odd_text)
        except (KeyError, IndexError, TypeError):
            continue
    text = json.dumps(data, ensure_ascii=False)
    for i, number in enumerate(huge):  # raw numbers JSON itself cannot write from Python
        text = text.replace(json.dumps(MARK.format(i)), number)
    return text


def one_line(exc: PlannerError) -> None:
    message = str(exc)
    assert message.strip() and "\n" not in message and len(message) < 600, message


def json_case(text: str) -> None:
    try:
        plan = json_format.loads(text, "hostile.json")
    except PlannerError as exc:
        one_line(exc)
        return
    json_format.dumps(plan)


def intake_case(text: str) -> None:
    from planner_gui.exchange.intake.parse import propose_plan

    try:
        proposal = propose_plan(text, year=None, default_year=2024)
    except PlannerError as exc:
        one_line(exc)
        return
    assert proposal is not None


numerals = st.sampled_from(["9" * 400, "1" * 30, "亿" * 200, "九" * 300, "１" * 50, "十" * 100, "1e400", "五"])
documents = st.builds(lambda n, m, t: f"丰台区2024年度重点工作任务，共{n}个方面{m}项任务。{t}一、{n}项工作\n1.完成{m}个项目，"
                                     f"投资{n}亿元以上，{m}月底前完成。",
                      numerals, numerals, odd_text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_plans())
def test_hostile_json_is_read_or_refused_in_one_line(text):
    json_case(text)


@pytest.mark.slow
@pytest.mark.timeout(1800)  # 10,000 cases: minutes on a busy machine
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_plans())
def test_hostile_json_10000(text):
    json_case(text)


@settings(max_examples=200, deadline=None)
@given(documents)
def test_hostile_plan_text_is_read_or_refused_in_one_line(text):
    intake_case(text)


@pytest.mark.slow
@pytest.mark.timeout(1800)  # 10,000 cases: minutes on a busy machine
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_hostile_plan_text_10000(text):
    intake_case(text)


def test_the_cases_the_adversarial_run_found_are_one_line(tmp_path):
    base = json.dumps(VALID, ensure_ascii=False)
    for number in ("9" * 5000, "1" + "0" * 400):
        with pytest.raises(PlannerError) as caught:
            json_format.loads(base.replace('"weight": 1.0', f'"weight": {number}', 1), "f.json")
        one_line(caught.value)
    data = copy.deepcopy(VALID)
    data["plan"]["declared_areas"] = 2**63
    with pytest.raises(PlannerError, match="declared_areas: 9223372036854775808 is more than 100,000"):
        json_format.loads(json.dumps(data), "f.json")
    from planner_gui.exchange.intake.parse import propose_plan

    proposal = propose_plan(f"丰台区2024年度重点工作任务，共{'9' * 400}个方面42项。", year=2024)
    assert proposal.plan.declared_areas is None  # no 400-digit count is taken


# --- mutated workbooks -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ledger_parts(tmp_path_factory) -> dict[str, bytes]:
    from planner_gui.exchange.ledger_export import export_ledger

    plan = full_plan()
    path = export_ledger(plan, tmp_path_factory.mktemp("l") / "ledger.xlsx", date(2024, 7, 1))
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


_NUMBER = re.compile(rb"<v>[0-9.E+-]+</v>")
_JSON_FIELD = re.compile(rb'(&quot;|")(\w+)(&quot;|"):')


def mutate(parts: dict[str, bytes], rng: random.Random, folder: Path) -> Path:
    """A copy of the ledger with one of seven kinds of damage."""
    parts = dict(parts)
    kind = rng.randrange(7)
    name = rng.choice(sorted(n for n in parts if n.endswith(".xml")))
    data = parts[name]
    if kind == 0:  # numbers no date or float can hold
        data = _NUMBER.sub(lambda m: b"<v>" + rng.choice(HUGE).encode() + b"</v>" if rng.random() < 0.3 else m[0],
                           data)
    elif kind == 1:  # the hidden record's fields change type
        data = _JSON_FIELD.sub(lambda m: m[0] + (rng.choice([b"[],", b"{},", b"1e400,", b"null,"])
                                                  if rng.random() < 0.2 else b""), data)
    elif kind == 2:  # bytes flipped in the XML
        data = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        data = bytes(data)
    elif kind == 3:  # a cell reference far away
        data = data.replace(b'r="A2"', rng.choice([b'r="A1048577"', b'r="XFD2"', b'r="A0"']), 1)
    path = folder / f"mutated{kind}.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in parts.items():
            archive.writestr(member, data if member == name else content)
    if kind in (4, 5, 6):  # damage to the zip itself: the stream, a header's version or size
        raw = bytearray(path.read_bytes())
        if kind == 4:
            start = raw.find(name.encode()) + len(name) + 20
            for i in range(start, min(start + 16, len(raw))):
                raw[i] ^= 0xFF  # zlib.error inside the member
        elif kind == 5:
            at = raw.find(b"PK\x01\x02")
            raw[at + 6:at + 8] = (rng.choice([63, 99, 200])).to_bytes(2, "little")  # version needed
            at = raw.find(b"PK\x03\x04")
            raw[at + 4:at + 6] = (200).to_bytes(2, "little")
            raw[at + 8:at + 10] = rng.choice([b"\x0c\x00", b"\x63\x00", b"\x0e\x00"])  # bzip2, AES, lzma
        else:
            at = raw.find(b"PK\x01\x02")
            raw[at + 24:at + 28] = rng.randrange(2**32).to_bytes(4, "little")  # declared size
        path.write_bytes(bytes(raw))
    return path


RECORD_VALUES = [None, 1, 1e400, [], {}, "x", "2024-13-45", True, {"id": []}]


def mutate_record(form: Path, rng: random.Random, folder: Path) -> Path:
    """A report form whose hidden record has one value of another type (a TypeError in
    merge_form once)."""
    wb = openpyxl.load_workbook(form)
    ws = wb["_planner"]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("{")]
    cell = rng.choice(cells)
    record = json.loads(cell.value)
    if record:
        record[rng.choice(sorted(record))] = rng.choice(RECORD_VALUES)
    cell.value = json.dumps(record) if rng.random() < 0.9 else json.dumps(rng.choice(RECORD_VALUES))
    path = folder / "mutated-form.xlsx"
    wb.save(path)
    return path


def xlsx_case(parts: dict[str, bytes], seed: int, folder: Path, store) -> None:
    from planner_gui.services import import_ledger

    path = mutate(parts, random.Random(seed), folder)
    try:
        preview = import_ledger.prepare(path, store, today=date(2024, 7, 1))
    except PlannerError as exc:
        one_line(exc)
        return
    preview.describe()


@pytest.fixture(scope="module")
def open_plan(tmp_path_factory):
    from planner_gui.services.plan_files import init_file

    store = init_file(tmp_path_factory.mktemp("plan") / "plan.sqlite")
    yield store
    store.close()


def test_mutated_workbooks_are_read_or_refused_in_one_line(ledger_parts, tmp_path, open_plan):
    before = open_plan.counts()
    for seed in range(150):
        xlsx_case(ledger_parts, seed, tmp_path, open_plan)
    assert open_plan.counts() == before


def test_report_forms_with_a_mutated_hidden_record_are_read_or_refused_in_one_line(tmp_path):
    from planner_gui.exchange.report_forms import export_forms
    from planner_gui.services import import_ledger
    from planner_gui.store import PlanStore

    plan = full_plan()
    store = PlanStore.create(tmp_path / "plan.sqlite", plan)
    form = export_forms(plan, "unit", tmp_path / "forms", date(2024, 7, 1))[0]
    rng = random.Random(24)
    for _ in range(40):
        path = mutate_record(form, rng, tmp_path)
        try:
            import_ledger.prepare(path, store, today=date(2024, 7, 1)).describe()
        except PlannerError as exc:
            one_line(exc)
    store.close()


@pytest.mark.slow
@pytest.mark.timeout(1800)  # 10,000 cases: minutes on a busy machine
def test_mutated_workbooks_10000(ledger_parts, tmp_path, open_plan):
    for seed in range(10_000):
        xlsx_case(ledger_parts, seed, tmp_path, open_plan)
