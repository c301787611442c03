"""The summary's timeline pages and its 近期时间节点 / upcoming milestones
section (issue 23), in the PDF (read back with poppler) and the HTML."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest

from planner_gui.reports.export import ExportRequest, export_report
from reports_helpers import needs_poppler, page_count, pdf_text
from timeline_plans import timeline_plan

AS_OF = date(2024, 5, 15)


def _titles(plan):
    return [t.title for t in plan.walk_tasks()]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """The same summary without and with its timeline pages."""
    folder = tmp_path_factory.mktemp("timeline_pdf")
    plan = timeline_plan()
    plain = export_report(plan, ExportRequest(as_of=AS_OF), folder / "plain.pdf")
    timeline = export_report(plan, ExportRequest(as_of=AS_OF, timeline=True), folder / "timeline.pdf")
    return plan, plain, timeline


@needs_poppler
def test_timeline_pages_exist_and_carry_the_task_titles_as_text(pdfs):
    plan, plain, timeline = pdfs
    assert timeline.pages == page_count(timeline.path) == plain.pages + 2  # one page per area
    assert "各方面时间轴" not in pdf_text(plain.path)
    first_area = "".join(pdf_text(timeline.path, timeline.pages - 1, timeline.pages - 1).split())
    second_area = "".join(pdf_text(timeline.path, timeline.pages, timeline.pages).split())
    assert "六、各方面时间轴" in first_area and "（一）城市建设" in first_area
    for title in ("甲：道路改造", "乙：公园建设", "丙：博物馆开工"):
        assert title in first_area
    assert "（二）民生保障" in second_area and "丁：学校扩建" in second_area
    for month in ("1月", "6月", "12月", "三季度"):
        assert month in first_area


@needs_poppler
def test_timeline_pages_are_vectors(pdfs):
    if not shutil.which("pdfimages"):
        pytest.skip("pdfimages not installed")
    _, _, timeline = pdfs
    listing = subprocess.run(["pdfimages", "-list", str(timeline.path)], capture_output=True,
                             text=True, check=True).stdout.splitlines()
    assert listing[2:] == []


@needs_poppler
def test_a_timeline_page_shows_the_lights_and_the_missed_milestone(pdfs, tmp_path):
    from PySide6.QtGui import QColor, QImage

    from planner_gui.domain.progress import STATUS_COLOURS, Status

    _, _, timeline = pdfs
    page = timeline.pages - 1
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-f", str(page), "-l", str(page),
                    str(timeline.path), str(tmp_path / "page")], check=True)
    image = QImage(str(next(tmp_path.glob("page*.png"))))
    assert image.width() < image.height()  # portrait A4, like the rest of the summary

    def near(colour: str) -> bool:
        want = QColor(colour)
        for y in range(0, image.height(), 2):
            for x in range(0, image.width(), 2):
                got = QColor(image.pixel(x, y))
                if max(abs(got.red() - want.red()), abs(got.green() - want.green()),
                       abs(got.blue() - want.blue())) <= 6:
                    return True
        return False

    # 甲 is overdue (red fill and the red missed milestone of 丙), 丙 behind (yellow)
    assert near(STATUS_COLOURS[Status.RED]) and near(STATUS_COLOURS[Status.YELLOW])


@needs_poppler
def test_pdf_lists_upcoming_and_missed_milestones_by_unit(pdfs):
    _, plain, _ = pdfs
    text = "".join(pdf_text(plain.path).split())
    section = text[text.index("四、近期时间节点"):text.index("五、工作亮点")]
    assert section.index("区城管委") < section.index("区文旅局") < section.index("区教委")
    assert "区文旅局（到期0项，已过期1项）" in section  # each unit's own table
    assert "2024年4月30日已过期丙：博物馆开工方案印发" in section
    assert "2024年6月10日到期丁：学校扩建完成时限" in section
    assert "完成招标" not in section  # done on 20 March
    assert "主体开工" not in section  # 36 days ahead: outside the 30-day window


def test_html_has_the_upcoming_section_and_one_timeline_per_area(tmp_path):
    plan = timeline_plan()
    plan.areas[0].tasks[0].title = "甲 <b>x</b>"
    out = tmp_path / "summary.html"
    export_report(plan, ExportRequest(as_of=AS_OF, timeline=True, charts=False), out)
    html = out.read_text("utf-8")
    assert "四、近期时间节点" in html and "五、工作亮点" in html and "六、各方面时间轴" in html
    assert html.count("<svg") == 2  # the two areas' timelines (charts are off)
    assert "甲 &lt;b&gt;x&lt;/b&gt;" in html and "<b>x</b>" not in html
    assert "方案印发" in html and "丁：学校扩建" in html
    english = tmp_path / "summary-en.html"
    export_report(plan, ExportRequest(as_of=AS_OF, lang="en", timeline=False), english)
    text = english.read_text("utf-8")
    assert "4. Upcoming milestones" in text and "Timeline by area" not in text


def test_nothing_due_says_so(tmp_path):
    plan = timeline_plan()
    for task in plan.walk_tasks():
        task.done_on = date(2024, 1, 10)
    out = tmp_path / "done.html"
    export_report(plan, ExportRequest(as_of=AS_OF), out)
    assert "近30天内没有到期的时间节点" in out.read_text("utf-8")


def test_the_export_dialog_offers_the_timeline_pages(qtbot, tmp_path):
    from planner_gui.store import PlanStore
    from planner_gui.ui.dialogs import export_summary
    from ui_window_helpers import make_window

    path = tmp_path / "plan.sqlite"
    PlanStore.create(path, timeline_plan()).close()
    window = make_window(qtbot, path, tmp_path / "settings.ini")
    window.document.set_as_of(AS_OF)
    dialog = export_summary.ExportSummaryDialog(window.document, window)
    qtbot.addWidget(dialog)
    assert not dialog.request().timeline
    dialog.timeline.setChecked(True)
    assert dialog.request().timeline
    out = dialog.save_to(tmp_path / "with-timeline.html")
    assert "各方面时间轴" in out.read_text("utf-8")


@needs_poppler
def test_command_line_timeline_flag(tmp_path):
    import sys

    from planner_gui.store import PlanStore

    db = tmp_path / "plan.sqlite"
    PlanStore.create(db, timeline_plan()).close()
    out = tmp_path / "cli.pdf"
    done = subprocess.run([sys.executable, "-m", "planner_gui.cli.main", "export-pdf", "--db", str(db),
                           "--out", str(out), "--as-of", "2024-05-15", "--timeline"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "各方面时间轴" in "".join(pdf_text(out).split())


@needs_poppler
def test_a_long_area_continues_its_timeline_on_more_pages(tmp_path):
    from reports_helpers import long_plan

    plan = long_plan(80)
    out = export_report(plan, ExportRequest(as_of=AS_OF, timeline=True, update_texts=False),
                        tmp_path / "long.pdf")
    first = "".join(pdf_text(out.path, out.pages - 1, out.pages - 1).split())
    second = "".join(pdf_text(out.path, out.pages, out.pages).split())
    assert "长表任务第1项" in first and "长表任务第80项" not in first
    assert "长表格测试方面（续）" in second and "长表任务第80项" in second
    shown = [i for i in range(1, 81) if f"长表任务第{i}项" in first + second]
    assert shown == list(range(1, 81))  # every task on one of the two pages, none lost


def test_misses_older_than_the_window_are_counted_not_listed(tmp_path):
    plan = timeline_plan()
    out = tmp_path / "july.html"
    export_report(plan, ExportRequest(as_of=date(2024, 7, 15)), out)  # window: 15 June - 14 August
    html = out.read_text("utf-8")
    section = html[html.index("四、近期时间节点"):html.index("五、工作亮点")]
    assert "主体开工" in section  # missed on 20 June: inside the window, listed
    assert "方案印发" not in section  # missed on 30 April: counted only
    assert "区文旅局" in section and "另有更早已过期1项" in section
    assert "区城管委" in section and "甲：道路改造" not in section  # its deadline (30 April) too
