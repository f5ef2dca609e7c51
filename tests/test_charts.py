"""Race charts: every kind renders 2023 Petit Le Mans GTP as PNG and SVG, plots the class's
cars, and refuses what it cannot draw (bad suffix, unknown kind, a race without a laps file)."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest

import pitboard
from pitboard import analysis, charts
from pitboard.exceptions import NotAvailableError, NotFoundError

CLS = "GTP"


@pytest.fixture(scope="module")
def ref(pb: pitboard.Pitboard) -> pitboard.SessionRef:
    return pb.session(2023, "petit le mans")


def expected_series(pb: pitboard.Pitboard, ref: pitboard.SessionRef, kind: str) -> list[str]:
    """The cars each chart must plot, in the order it shows them, from the analysis frames."""
    if kind == "pace":
        frame = analysis.pace(pb, ref, CLS)
        return list(frame.loc[frame["median_clean_ms"].notna(), "number"])  # fastest median first
    frame = {
        "lap-chart": analysis.positions,
        "gaps": analysis.positions,
        "stints": analysis.stints,
        "drive-time": analysis.drive_time,
    }[kind](pb, ref, CLS)
    present = set(frame["number"])
    finishing = list(pb.results(2023, "petit le mans", cls=CLS)["number"])  # winner first
    return [n for n in finishing if n in present]


@pytest.fixture(scope="module")
def rendered(
    pb: pitboard.Pitboard, ref: pitboard.SessionRef, tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], tuple[Path, dict]]:
    """Every kind, as PNG and SVG (drawn once for the module)."""
    out = tmp_path_factory.mktemp("charts")
    done = {}
    for kind in charts.CHART_KINDS:
        for suffix in (".png", ".svg"):
            path = out / f"{kind}{suffix}"
            done[(kind, suffix)] = (path, charts.render(pb, ref, kind, CLS, path))
    return done


@pytest.mark.parametrize("kind", charts.CHART_KINDS)
def test_png(rendered: dict, pb: pitboard.Pitboard, ref: pitboard.SessionRef, kind: str) -> None:
    path, info = rendered[(kind, ".png")]
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 30_000  # a real chart, not an empty canvas
    assert struct.unpack(">II", data[16:24]) == (1600, 900)
    assert info["kind"] == kind
    assert info["series"] == expected_series(pb, ref, kind)
    assert len(info["series"]) == 10  # the ten GTP cars of the 2023 Petit Le Mans
    assert info["title"].startswith("Motul Petit Le Mans 2023 · Race · GTP — ")


@pytest.mark.parametrize("kind", charts.CHART_KINDS)
def test_svg(rendered: dict, kind: str) -> None:
    path, info = rendered[(kind, ".svg")]
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<?xml")
    assert len(text) > 15_000
    assert info["title"] in text  # text stays text (searchable), not glyph outlines
    assert info["series"] == rendered[(kind, ".png")][1]["series"]
    for number in info["series"]:
        assert f"#{number}" in text


def test_titles_are_distinct(rendered: dict) -> None:
    titles = {info["title"] for (_kind, suffix), (_path, info) in rendered.items() if suffix == ".png"}
    assert len(titles) == len(charts.CHART_KINDS)


def test_default_class_is_the_sessions_first(pb: pitboard.Pitboard, ref: pitboard.SessionRef, tmp_path: Path) -> None:
    assert ref.classes[0] == "GTP"
    info = charts.render(pb, ref, "pace", None, tmp_path / "first.svg")
    assert " · GTP — " in info["title"]
    assert info["series"] == expected_series(pb, ref, "pace")


def test_bad_suffix(pb: pitboard.Pitboard, ref: pitboard.SessionRef, tmp_path: Path) -> None:
    for name in ("chart.pdf", "chart.jpg", "chart"):
        with pytest.raises(pitboard.InputError, match=r"\.png, \.svg"):
            charts.render(pb, ref, "pace", CLS, tmp_path / name)
    assert not list(tmp_path.iterdir())


def test_bad_kind_and_class(pb: pitboard.Pitboard, ref: pitboard.SessionRef, tmp_path: Path) -> None:
    with pytest.raises(pitboard.InputError, match="lap-chart"):
        charts.render(pb, ref, "pie", CLS, tmp_path / "x.png")
    with pytest.raises(NotFoundError):
        charts.render(pb, ref, "pace", "GTLM", tmp_path / "x.png")  # no GTLM in 2023


@pytest.mark.parametrize("kind", charts.CHART_KINDS)
def test_rolex_24_has_no_laps(pb: pitboard.Pitboard, tmp_path: Path, kind: str) -> None:
    rolex = pb.session(2023, "rolex 24")
    with pytest.raises(NotAvailableError, match="no laps file"):
        charts.render(pb, rolex, kind, "GTP", tmp_path / "rolex.png")
    assert not (tmp_path / "rolex.png").exists()


def test_car_colours_are_distinct_and_stable() -> None:
    numbers = ["01", "10", "24", "25", "31", "5", "59", "6", "60", "7"]
    colours = charts.car_colours(numbers)
    assert len(set(colours.values())) == len(numbers)
    assert charts.car_colours(list(reversed(numbers))) == colours
    big = [str(n) for n in range(1, 21)]
    assert len(set(charts.car_colours(big).values())) == 20


def test_import_stays_light() -> None:
    code = "import sys, pitboard, pitboard.charts; sys.exit('matplotlib' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
