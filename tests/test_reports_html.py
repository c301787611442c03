"""The HTML summary: the same content as the PDF, escaped, nothing remote."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from planner_gui.reports.export import ExportRequest, export_report
from reports_helpers import AS_OF, HIGHLIGHT_TEXT, IMG, LATEST_TEXT, PROBLEM_TEXT, prepare_bundled


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture
def html_summary(bundled_store, tmp_path):
    ids = prepare_bundled(bundled_store)
    plan = bundled_store.load_plan()
    out = tmp_path / "summary.html"
    export_report(plan, ExportRequest(as_of=AS_OF), out)
    html = out.read_text("utf-8")
    parser = _Tags()
    parser.feed(html)
    return plan, ids, html, parser


def test_html_holds_the_summary(html_summary):
    plan, _, html, parser = html_summary
    text = "".join(parser.text)
    for area in plan.areas:
        assert area.name in text
    for phrase in (LATEST_TEXT, PROBLEM_TEXT, HIGHLIGHT_TEXT, "需关注事项", "工作亮点",
                   "统计截至：2024年9月30日", "10个方面42项"):
        assert phrase in text, phrase
    assert "thead" in {tag for tag, _ in parser.tags}  # header rows repeat when printed
    assert "@page" in html and "size: A4" in html


def test_user_markup_is_escaped(html_summary):
    _, _, html, parser = html_summary
    text = "".join(parser.text)
    assert "<b>x</b>" in text and IMG in text  # shown to the reader as typed
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert not [attrs for tag, attrs in parser.tags if tag == "img"]


def test_nothing_remote_is_referenced(html_summary):
    _, _, html, parser = html_summary
    for tag, attrs in parser.tags:
        for name in ("src", "href"):
            assert name not in attrs, (tag, attrs)
    assert not re.search(r"url\(|@import|<link|<script", html)
    # the only http text is the SVG namespace name, which is never fetched
    assert set(re.findall(r"https?://[^\s\"'<]+", html)) <= {"http://www.w3.org/2000/svg"}


def test_html_letter_for_a_leader(bundled_store, tmp_path):
    ids = prepare_bundled(bundled_store)
    plan = bundled_store.load_plan()
    leader = ids["conference_leader"]
    out = tmp_path / "letter.htm"
    export_report(plan, ExportRequest(as_of=AS_OF, leader=leader, letter=True,
                                      summary=False), out)
    html = out.read_text("utf-8")
    assert "目标责任书" in html and "责任领导签字" in html and f"责任领导：{leader}" in html
    mine = {t.title for t in plan.walk_tasks() if t.leader == leader}
    others = {t.title for t in plan.walk_tasks() if t.leader != leader}
    assert all(title in html for title in mine if "<" not in title)
    assert not any(title in html for title in others if "<" not in title)
    assert "工作进展情况汇总" not in html
