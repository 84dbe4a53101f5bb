"""Timeline chart layout: date order, gaps that grow with time, undated events last."""

from __future__ import annotations

import datetime as dt

import pytest

from storydesk.web.timeline_chart import ROW, TOP, layout, timex_day


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2023-03-12", dt.date(2023, 3, 12)),
        ("2023-03-12T09:01", dt.date(2023, 3, 12)),
        ("2023-W11", dt.date(2023, 3, 13)),
        ("2023-03", dt.date(2023, 3, 1)),
        ("2023", dt.date(2023, 1, 1)),
        ("P3W", None),
        ("PRESENT_REF", None),
        (None, None),
        ("2023-02-30", None),
    ],
)
def test_timex_day(value: str | None, day: dt.date | None) -> None:
    assert timex_day(value) == day


def test_layout_orders_by_date_and_spaces_by_time() -> None:
    chart = layout(
        [
            ("v3", None, "inquest opened", "#v3", 1),
            ("v2", "2025-06-13", "court appearance", "#v2", 2),
            ("v1", "2025-06-10", "stabbing", "#v1", 3),
            ("v4", "2025-07-11", "trial", "#v4", 1),
        ]
    )
    assert [p.id for p in chart.points] == ["v1", "v2", "v4", "v3"]
    ys = [p.y for p in chart.points]
    assert ys[0] == TOP
    assert ys == sorted(ys)
    # Three days apart, then four weeks: the longer wait gets the longer gap.
    assert ROW < ys[1] - ys[0] < ys[2] - ys[1]
    assert chart.points[-1].dated is False and chart.points[-1].date == "undated"
    assert chart.height == ys[-1] + TOP


def test_long_labels_are_cut_and_empty_timelines_have_no_chart() -> None:
    chart = layout([("v1", "2025-01-01", "x" * 200, "#v1", 1)])
    assert len(chart.points[0].label) == 64 and chart.points[0].label.endswith("…")
    assert layout([]).points == [] and layout([]).height == 0


@pytest.mark.parametrize(
    ("value", "qualifier", "shown"),
    [
        (75000.0, "more_than", "more than 75,000"),
        (2, "exact", "2"),
        (200, "at_least", "at least 200"),
        ("arrested", "suspicion of murder", "arrested (suspicion of murder)"),
        ("no_further_action", None, "no further action"),
        (41, None, "41"),
    ],
)
def test_story_values_read_as_words(value: object, qualifier: str | None, shown: str) -> None:
    from storydesk.reconcile.model import ValueSources
    from storydesk.web.story_view import _value_text

    assert _value_text(ValueSources(value=value, qualifier=qualifier, articles=[])) == shown  # type: ignore[arg-type]
