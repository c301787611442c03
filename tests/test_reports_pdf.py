"""The PDF summary: content, embedded Chinese font, paging, scope and escaping."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from planner_gui.domain.errors import NotFoundError
from planner_gui.reports.export import ExportRequest, export_report
from planner_gui.reports.report_data import ReportCancelled, Scope, build_report
from reports_helpers import (
    AS_OF,
    HIGHLIGHT_TEXT,
    LATEST_TEXT,
    PROBLEM_TEXT,
    TAGGED,
    long_plan,
    needs_poppler,
    page_count,
    pdf_text,
    prepare_bundled,
)
from tools import required_tool


@pytest.fixture
def prepared(bundled_store):
    ids = prepare_bundled(bundled_store)
    return bundled_store.load_plan(), ids


@pytest.fixture
def summary_pdf(prepared, tmp_path):
    plan, ids = prepared
    out = tmp_path / "summary.pdf"
    result = export_report(plan, ExportRequest(as_of=AS_OF), out)
    return plan, ids, out, result


@needs_poppler
def test_pdf_text_holds_areas_tasks_and_latest_progress(summary_pdf):
    plan, _, out, result = summary_pdf
    text = pdf_text(out)
    flat = "".join(text.split())
    for area in plan.areas:
        assert "".join(area.name.split()) in flat
    assert "国家自然博物馆开工建设" in flat
    assert LATEST_TEXT in flat
    assert "需关注事项" in text and PROBLEM_TEXT in flat
    assert "工作亮点" in text and HIGHLIGHT_TEXT in flat
    assert "统计截至：2024年9月30日" in text
    assert "10个方面42项" in flat and "8个方面" in flat
    assert result.pages == page_count(out) >= 2
    assert f"第 1 页 / 共 {result.pages} 页" in text
    assert f"第 {result.pages} 页 / 共 {result.pages} 页" in text


@needs_poppler
def test_pdf_embeds_the_bundled_font_only(summary_pdf):
    _, _, out, _ = summary_pdf
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts, "no fonts in the PDF"
    for line in fonts:
        assert line.split()[0].startswith("PlannerSansSC"), line
        # columns: name type encoding emb sub uni object ID
        assert line.split()[-5] == "yes", f"font not embedded: {line}"
        assert line.split()[-3] == "yes", f"font has no ToUnicode map: {line}"


@needs_poppler
def test_user_markup_is_printed_literally(summary_pdf):
    _, _, out, _ = summary_pdf
    text = pdf_text(out)
    assert TAGGED in text
    assert '<img src="file:///etc/passwd">' in "".join(text.split("\n"))


@needs_poppler
def test_long_table_repeats_its_header_on_the_next_page(tmp_path):
    out = tmp_path / "long.pdf"
    # Early in the year: the tasks are on track, so only the table lists them.
    early = date(2024, 2, 1)
    result = export_report(long_plan(80), ExportRequest(as_of=early, charts=False), out)
    assert result.task_rows == 80
    pages_with_rows = [p for p in range(1, result.pages + 1) if "长表任务第" in pdf_text(out, p, p)]
    assert len(pages_with_rows) >= 2
    for page in pages_with_rows:
        page_text = pdf_text(out, page, page)
        assert "序号" in page_text and "牵头单位" in page_text and "最新进展" in page_text, page
    assert "长表任务第80项" in pdf_text(out)


@needs_poppler
def test_leader_scope_holds_only_that_leaders_tasks(prepared, tmp_path):
    plan, ids = prepared
    leader = ids["museum_leader"]
    out = tmp_path / "leader.pdf"
    export_report(plan, ExportRequest(as_of=AS_OF, leader=leader, letter=True), out)
    flat = "".join(pdf_text(out).split())
    mine = [t for t in plan.walk_tasks() if t.leader == leader]
    others = [t for t in plan.walk_tasks() if t.leader != leader]
    for task in mine:
        assert "".join(task.title.split())[:12] in flat
    for task in others:
        assert "".join(task.title.split()) not in flat, task.title
    assert "目标责任书" in flat and "责任领导签字" in flat and f"责任领导：{leader}" in flat


def test_scope_by_unit_and_task_ids(prepared):
    plan, ids = prepared
    by_unit = build_report(plan, AS_OF, Scope(unit="区科委"))
    assert by_unit.leaf_count and all(r.lead_unit == "区科委" for r in by_unit.rows())
    picked = build_report(plan, AS_OF, Scope(task_ids=(ids["late"], ids["done"])))
    assert {r.task_id for r in picked.rows()} == {ids["late"], ids["done"]}
    assert [row.task_id for _, row in picked.attention] == [ids["late"]]
    assert [h.text for h in picked.highlights] == [HIGHLIGHT_TEXT]


def test_unknown_names_are_user_errors(prepared):
    plan, _ = prepared
    with pytest.raises(NotFoundError, match="no leader named '无名氏'"):
        build_report(plan, AS_OF, Scope(leader="无名氏"))
    with pytest.raises(NotFoundError, match="no area named"):
        build_report(plan, AS_OF, Scope(area="没有这个方面"))


@needs_poppler
def test_a_rendered_page_is_not_blank(summary_pdf, tmp_path, qapp):
    from PySide6.QtGui import QImage

    _, _, out, _ = summary_pdf
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(out),
                    str(tmp_path / "page")], check=True)
    image = QImage(str(next(tmp_path.glob("page*.png"))))
    assert not image.isNull()
    dark = coloured = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = image.pixelColor(x, y)
            if colour.lightness() < 200:
                dark += 1
            if colour.saturation() > 120 and colour.lightness() < 230:
                coloured += 1
    assert dark > 500, "page 1 is (nearly) blank"
    assert coloured > 100, "the lights' colours are missing from page 1"


def test_cancel_stops_the_export_and_leaves_no_file(prepared, tmp_path):
    plan, _ = prepared
    out = tmp_path / "cancelled.pdf"
    calls = []

    def cancel_on_first_page(fraction: float, message: str) -> bool:
        calls.append(fraction)
        return fraction < 0.5

    with pytest.raises(ReportCancelled):
        export_report(plan, ExportRequest(as_of=AS_OF), out, cancel_on_first_page)
    assert calls and not out.exists() and not list(tmp_path.glob("*.part"))


def test_report_documents_refuse_to_load_images(tmp_path, qapp):
    """Even if markup reached a report document, an <img> would load nothing."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QTextDocument

    from planner_gui.reports.text_blocks import new_document

    picture = tmp_path / "big.png"
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    assert image.save(str(picture))
    url = QUrl.fromLocalFile(str(picture))
    plain = QTextDocument()
    plain.setHtml(f'<p>a<img src="{url.toString()}"></p>')
    assert plain.documentLayout().documentSize().height() > 300  # Qt alone would load it
    doc = new_document()
    doc.setHtml(f'<p>a<img src="{url.toString()}"></p>')
    assert doc.documentLayout().documentSize().height() < 100
    loaded = doc.resource(QTextDocument.ResourceType.ImageResource.value, url)
    assert loaded.size().width() == 1


@needs_poppler
def test_charts_are_vectors_not_pictures(summary_pdf):
    """Nothing in the summary is a bitmap, so the charts print sharp at any size."""
    _, _, out, _ = summary_pdf
    listing = subprocess.run([required_tool("pdfimages"), "-list", str(out)], capture_output=True, text=True,
                             check=True).stdout.splitlines()
    assert listing[2:] == []  # only the two heading lines: no image anywhere
    assert "各方面任务状态" in pdf_text(out, 1, 1) and "总体进度变化" in pdf_text(out, 1, 1)
