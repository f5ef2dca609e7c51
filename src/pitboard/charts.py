"""Race charts of one session and class, drawn with matplotlib (Agg, no pyplot state).

``render(pb, ref, kind, cls, out_path)`` draws one of ``CHART_KINDS`` and writes it as PNG or
SVG (by the file's suffix):

* ``lap-chart``: class position at every lap, one line per car, labelled at its end;
* ``gaps``: time behind the class leader at every lap (cars far behind run off a capped scale);
* ``stints``: one row per car, a bar per stint over race time, coloured by driver;
* ``pace``: box plot of each car's clean lap times, fastest median first;
* ``drive-time``: each driver's share of the car's race time, stacked per car.

Full-course yellows are shaded on the lap, gap and stint charts. Every chart needs lap-by-lap
data: a session without a laps file (every Rolex 24) raises ``NotAvailableError``. matplotlib
is imported only when a chart is drawn, so ``import pitboard`` stays fast.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from pitboard import analysis
from pitboard.choices import CHART_FORMATS
from pitboard.choices import CHART_KINDS as _CHART_KINDS
from pitboard.domain.classes import display_class
from pitboard.domain.sessions import RACE_LIKE_KINDS
from pitboard.domain.timefmt import format_duration
from pitboard.exceptions import InputError, NotAvailableError
from pitboard.queries import analysis as qa
from pitboard.queries import results as _results
from pitboard.resolve import match_class

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from pitboard.answers import ChartData
    from pitboard.api import Pitboard, SessionRef

CHART_KINDS = _CHART_KINDS
FORMATS = CHART_FORMATS
#: Charts of the running order, which only a race has (practice and qualifying are ranked by
#: best lap, not by who crossed the line first).
RACE_ONLY_CHARTS = ("lap-chart", "gaps")
#: A car with fewer clean laps than this has its pace box marked as a small sample.
SMALL_SAMPLE_LAPS = 10

#: The one look every chart shares: 1600 x 900 pixels at 120 dpi, light background.
STYLE: dict[str, Any] = {
    "size_in": (40 / 3, 7.5),
    "dpi": 120,
    "font": "DejaVu Sans",
    "title_size": 16.5,
    "subtitle_size": 10.5,
    "label_size": 11,
    "tick_size": 10,
    "car_label_size": 9.5,
    "note_size": 8.5,
    "text": "#1d2027",
    "muted": "#5d6470",
    "faint": "#9aa0aa",
    "background": "#ffffff",
    "axes": "#fbfbfc",
    "grid": "#e6e8ec",
    "spine": "#b9bec7",
    "caution": "#f4c20d",
    "caution_alpha": 0.22,
    "line_width": 1.9,
    # figure fractions of the header (title, subtitle) and the footer
    "title_y": 0.945,
    "subtitle_y": 0.905,
    "axes_top": 0.855,
    "axes_bottom": 0.095,
    "axes_left": 0.06,
    "footer_y": 0.018,
}

#: Accent colour per class (title band and badge).
CLASS_COLOURS: dict[str, str] = {
    "GTP": "#1b1b1f",
    "DPI": "#3b3f47",
    "LMP2": "#1f5fbf",
    "LMP3": "#7b3fa0",
    "GTLM": "#c8102e",
    "GTDPRO": "#d1342f",
    "GTD": "#2e8b57",
}

#: Qualitative palette for the cars of a class: well separated hues, no caution yellow.
CAR_PALETTE: tuple[str, ...] = (
    # the first ten are the most distinct: a class of up to ten cars uses only these
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#17becf",
    "#e377c2",
    "#8c564b",
    "#7f7f7f",
    "#a5a619",
    "#0b3c7d",
    "#8b0a1a",
    "#1b5e20",
    "#b35806",
    "#4a1486",
    "#00838f",
    "#c51b7d",
    "#a6761d",
    "#6baed6",
    "#3d3d3d",
)

_CHART_NAMES = {
    "lap-chart": "Lap chart",
    "gaps": "Gap to class leader",
    "stints": "Stints and drivers",
    "pace": "Clean-lap pace",
    "drive-time": "Drive time",
}


@dataclass
class _Chart:
    """What a drawing function needs: the session, the class and the cars' look."""

    pb: Pitboard
    ref: SessionRef
    code: str
    title: str = ""
    order: list[str] = field(default_factory=list)  # the class's cars in finishing order
    retired: set[str] = field(default_factory=set)
    colours: dict[str, str] = field(default_factory=dict)
    #: Only these cars (``--cars``); empty: every car of the class.
    cars: tuple[str, ...] = ()


# -- public API --------------------------------------------------------------------------------


def render(
    pb: Pitboard, ref: SessionRef, kind: str, cls: str | None, out_path: str | Path, cars: Sequence[str] = ()
) -> dict[str, Any]:
    """Draw chart ``kind`` of class ``cls`` (``None``: the session's first class) to ``out_path``
    (``.png`` or ``.svg``). Returns ``{"kind", "series", "title"}``: ``series`` are the labels
    of the plotted series (car numbers), in the order the chart shows them."""
    path = Path(out_path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"cannot write a chart to {path.name!r}: use one of {', '.join(FORMATS)}", list(FORMATS))
    content, drawn = render_bytes(pb, ref, kind, cls, suffix[1:], cars)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return drawn


def render_bytes(
    pb: Pitboard, ref: SessionRef, kind: str, cls: str | None, fmt: str, cars: Sequence[str] = ()
) -> tuple[bytes, dict[str, Any]]:
    """Chart ``kind`` as the bytes of a ``png`` or ``svg`` file (what ``render`` writes; the web
    app serves them), and ``{"kind", "series", "title"}``."""
    if f".{fmt}" not in FORMATS:
        raise InputError(f"no chart format {fmt!r}: use one of {', '.join(FORMATS)}", [f[1:] for f in FORMATS])
    code = _chart_class(pb, ref, kind, cls)

    import io

    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context(_rc()):
        fig, drawn = figure(pb, ref, kind, code, cars)
        metadata = {"Date": None} if fmt == "svg" else None
        fig.savefig(buffer, format=fmt, dpi=STYLE["dpi"], metadata=metadata)
    return buffer.getvalue(), drawn


def _chart_class(pb: Pitboard, ref: SessionRef, kind: str, cls: str | None) -> str:
    """Check that chart ``kind`` can be drawn for ``ref`` and return the class code it draws
    (``cls``, or the session's first class)."""
    if kind not in CHART_KINDS:
        raise InputError(f"no chart {kind!r}: choose one of {', '.join(CHART_KINDS)}", list(CHART_KINDS))
    if not ref.classes:
        raise NotAvailableError(f"{ref.event.event_name} {ref.event.season} {ref.name} has no classes to chart")
    code = match_class(cls, list(ref.classes)) if cls is not None else ref.classes[0]
    analysis._laps_required(pb, ref, f"a {_CHART_NAMES[kind].lower()} chart")
    if kind in RACE_ONLY_CHARTS and ref.kind not in RACE_LIKE_KINDS:
        others = ", ".join(k for k in CHART_KINDS if k not in RACE_ONLY_CHARTS)
        raise NotAvailableError(
            f"a {_CHART_NAMES[kind].lower()} applies to races (order on the road): "
            f"{ref.name} is a {ref.kind} session; its charts are {others}"
        )
    return code


def figure(
    pb: Pitboard, ref: SessionRef, kind: str, code: str, cars: Sequence[str] = ()
) -> tuple[Figure, dict[str, Any]]:
    """The matplotlib figure of chart ``kind`` of class ``code`` (checked by ``render``), and
    ``{"kind", "series", "title"}``. Each car's line carries the gid ``car:<number>``, so what is
    plotted can be read back (the tests compare it with the analysis it comes from)."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    chart = _Chart(pb, ref, code, cars=tuple(str(c) for c in cars))
    chart.title = (
        f"{ref.event.event_name} {ref.event.season} · {ref.name} · {display_class(code)} — {_CHART_NAMES[kind]}"
    )
    _car_order(chart)
    unknown = [c for c in chart.cars if c not in chart.order]
    if unknown:
        raise InputError(f"no car #{', #'.join(unknown)} in {display_class(code)} in {ref.name}", chart.order)
    with matplotlib.rc_context(_rc()):
        fig = Figure(figsize=STYLE["size_in"], dpi=STYLE["dpi"])
        FigureCanvasAgg(fig)
        series = _DRAW[kind](fig, chart)
    return fig, {"kind": kind, "series": series, "title": chart.title}


# -- the five charts -----------------------------------------------------------------------------


def lap_chart(fig: Figure, chart: _Chart) -> list[str]:
    """Class position (1 at the top) at every lap, one line per car, labelled at its end."""
    frame = analysis.positions(chart.pb, chart.ref, chart.code)
    cars = _present(chart, frame)
    n = int(frame["class_position"].max())  # the class's size, also when only some cars are drawn
    ax = _axes(fig, right=0.925)
    leader = _leader_laps(frame)
    _shade_cautions(ax, chart, to_x=lambda ms: _ms_to_lap(ms, leader))
    last_lap = int(frame["lap"].max())
    ends = []
    for number in cars:
        car = frame[frame["number"] == number].sort_values("lap")
        colour = chart.colours[number]
        ax.plot(
            car["lap"],
            car["class_position"],
            color=colour,
            lw=STYLE["line_width"],
            solid_joinstyle="round",
            gid=f"car:{number}",
        )
        end = car.iloc[-1]
        ends.append((number, int(end["lap"]), float(end["class_position"]), None))
    ax.set_ylim(n + 0.6, 0.4)
    ax.set_yticks(range(1, n + 1))
    ax.grid(axis="x", visible=False)
    _lap_ticks(ax, last_lap)
    ax.set_xlabel("Lap")
    ax.set_ylabel("Class position")
    _label_ends(ax, chart, ends, last_lap)
    _header(
        fig,
        chart,
        "Class position at every lap crossing. × marks a retirement; cautions are shaded at the class leader's laps.",
    )
    return cars


def gap_chart(fig: Figure, chart: _Chart) -> list[str]:
    """Seconds behind the class leader at every lap; the scale stops at about one lap so the fight
    on the lead lap stays readable (cars further behind run off the bottom, labelled)."""
    frame = analysis.positions(chart.pb, chart.ref, chart.code)
    cars = _present(chart, frame)
    ax = _axes(fig, right=0.915)
    leader = _leader_laps(frame)
    _shade_cautions(ax, chart, to_x=lambda ms: _ms_to_lap(ms, leader))
    lap_s = _typical_lap_s(frame)
    cap = lap_s
    top = min(cap, max(float(frame["gap_to_leader_ms"].max()) / 1000 * 1.04, 1.0))
    off_scale = []
    last_lap = int(frame["lap"].max())
    ends = []
    width = STYLE["line_width"] * (0.75 if len(cars) <= 12 else 0.6)
    for number in cars:
        car = frame[frame["number"] == number].sort_values("lap")
        gap = car["gap_to_leader_ms"] / 1000
        ax.plot(car["lap"], gap, color=chart.colours[number], lw=width, solid_joinstyle="round", gid=f"car:{number}")
        if float(gap.max()) > top:
            off_scale.append(number)
        end = car.iloc[-1]
        end_gap = float(end["gap_to_leader_ms"]) / 1000
        down = int(end["laps_down"])
        label = None
        if end_gap > top:
            label = f"#{number} {_laps_down(down)}" if down else f"#{number} +{end_gap:.0f} s"
        ends.append((number, int(end["lap"]), min(end_gap, top * 0.985), label))
    ax.set_ylim(top, -top * 0.02)
    ax.yaxis.set_major_formatter(_formatter(lambda v: f"{v:.0f}" if top >= 10 else f"{v:.1f}"))
    _lap_ticks(ax, last_lap)
    ax.set_xlabel("Lap")
    ax.set_ylabel("Gap to class leader (s)")
    _label_ends(ax, chart, ends, last_lap)
    note = "Seconds behind the class leader at each lap: pit stops open the gaps, cautions close them"
    if top >= cap and off_scale:
        note += f"; gaps over {top:.0f} s (about a lap) run off the bottom of the scale"
    _header(fig, chart, note + ".")
    return cars


def stint_chart(fig: Figure, chart: _Chart) -> list[str]:
    """One row per car (winner on top), a bar per stint from its start to its end in race time,
    coloured by driver; a key of the car's drivers at the right of each row."""
    stints = analysis.stints(chart.pb, chart.ref, chart.code)
    drivers = analysis.drive_time(chart.pb, chart.ref, chart.code)
    cars = _present(chart, stints)
    crew = _crews(drivers, stints)
    shades = _driver_shades(chart, crew)
    names = {rec["driver_id"]: rec["name"] for recs in crew.values() for rec in recs}
    renderer = fig.canvas.get_renderer()
    keys, key_px = _driver_keys(fig, renderer, cars, crew, shades)
    right = 1 - 0.012 - (key_px + 12 * fig.dpi / 72) / (fig.get_figwidth() * fig.dpi)
    ax = _axes(fig, right=right, left=0.055)
    _shade_cautions(ax, chart, to_x=lambda ms: ms / 3_600_000)
    end_h = float(stints["end_ms"].max()) / 3_600_000
    ax.set_xlim(0, end_h)
    ax.set_ylim(len(cars) - 0.4, -0.6)
    px_per_h = _axes_px(ax)[0] / end_h
    bars: list[tuple[int, float, float, str]] = []  # row, left, width, colour: drawn in one call
    for row, number in enumerate(cars):
        car = stints[stints["number"] == number].sort_values("stint")
        for stint in car.itertuples():
            start, end = stint.start_ms / 3_600_000, stint.end_ms / 3_600_000
            colour = shades.get((number, stint.driver_id), "#999999")
            bars.append((row, start, end - start, colour))
            name = names.get(stint.driver_id, "")
            _fit_label(
                ax, renderer, (start + end) / 2, row, [_surname(name)], (end - start) * px_per_h - 6, colour, 0.92
            )
        box = keys.get(number)
        if box is not None:
            ax.add_artist(_key_annotation(box, row))
    _bars(ax, bars, height=0.68, linewidth=1.0)
    ax.set_yticks(range(len(cars)), [f"#{c}" for c in cars])
    ax.tick_params(axis="y", length=0, labelsize=STYLE["label_size"], labelcolor=STYLE["text"])
    ax.grid(axis="y", visible=False)
    _hour_ticks(ax, end_h)
    ax.set_xlabel("Race time (h:mm)")
    _header(
        fig,
        chart,
        "One bar per stint (pit exit to pit entry) over race time, coloured by the driver at the wheel; "
        "drivers listed in the order they first drove.",
    )
    return cars


def pace_chart(fig: Figure, chart: _Chart) -> list[str]:
    """Box plot of each car's clean lap times, cars sorted by median (fastest on the left)."""
    laps = _clean_laps(chart)
    medians = laps.groupby("number")["lap_time_ms"].median()
    cars = sorted(medians.index, key=lambda c: (medians[c], _number_key(c)))
    data = [laps.loc[laps["number"] == c, "lap_time_ms"].to_numpy() / 1000 for c in cars]
    ax = _axes(fig, right=0.985, left=0.08)
    boxes = ax.boxplot(
        data,
        positions=range(len(cars)),
        widths=0.6,
        patch_artist=True,
        tick_labels=[f"#{c}" for c in cars],
        medianprops={"color": STYLE["text"], "linewidth": 1.6},
        whiskerprops={"color": STYLE["muted"], "linewidth": 1.0},
        capprops={"color": STYLE["muted"], "linewidth": 1.0},
        flierprops={"marker": "o", "markersize": 2.8, "markeredgewidth": 0, "alpha": 0.6},
    )
    small = {c for c, d in zip(cars, data, strict=True) if len(d) < SMALL_SAMPLE_LAPS}
    for number, patch, flier in zip(cars, boxes["boxes"], boxes["fliers"], strict=True):
        colour = chart.colours[number]
        patch.set_facecolor(_mix(colour, "#ffffff", 0.65))
        patch.set_edgecolor(colour)
        patch.set_linewidth(1.3)
        flier.set_markerfacecolor(colour)
        if number in small:  # too few laps to compare: hatched and dashed, and said under the box
            patch.set_hatch("///")
            patch.set_linestyle("--")
    low = min(float(d.min()) for d in data)
    high = max(float(w.get_ydata().max()) for w in boxes["whiskers"][1::2])
    span = max(high - low, 0.5)
    top = high + span * 0.12
    ax.set_ylim(low - span * 0.15, top)
    hidden = sum(int((d > top).sum()) for d in data)
    for x, (number, values) in enumerate(zip(cars, data, strict=True)):
        ax.annotate(
            format_duration(round(float(medians[number]))),
            (x, low - span * 0.035),
            ha="center",
            va="top",
            fontsize=STYLE["note_size"],
            color=STYLE["text"],
        )
        ax.annotate(
            f"{len(values)} laps" + (" (few)" if number in small else ""),
            (x, low - span * 0.09),
            ha="center",
            va="top",
            fontsize=STYLE["note_size"] * 0.95,
            color=STYLE["muted"],
        )
    # no ticks in the band under the boxes that holds the medians
    ax.set_yticks([t for t in ax.get_yticks() if low - span * 0.02 <= t <= top])
    ax.yaxis.set_major_formatter(_formatter(lambda v: _laptime(v, 1)))
    ax.tick_params(axis="x", length=0, labelsize=STYLE["label_size"], labelcolor=STYLE["text"])
    ax.grid(axis="x", visible=False)
    ax.set_ylabel("Clean lap time (m:ss)")
    ax.set_xlabel("Car, fastest median first (median clean lap and number of clean laps under each box)")
    note = "Clean laps: green flag, no pit in or out lap, not lap 1, all sectors timed. Box: middle 50 %, whiskers 1.5 × IQR"
    if hidden:
        note += f"; {hidden} slower laps are above the scale"
    if small:
        note += f"; hatched: fewer than {SMALL_SAMPLE_LAPS} clean laps, a small sample"
    _header(fig, chart, note + ".")
    return cars


def drive_time_chart(fig: Figure, chart: _Chart) -> list[str]:
    """Each driver's share of the car's race time, stacked per car (winner on top), with names,
    shares and hours; the car's total at the right."""
    drivers = analysis.drive_time(chart.pb, chart.ref, chart.code)
    stints = analysis.stints(chart.pb, chart.ref, chart.code)
    cars = _present(chart, drivers)
    crew = _crews(drivers, stints)
    shades = _driver_shades(chart, crew)
    renderer = fig.canvas.get_renderer()
    ax = _axes(fig, right=0.92, left=0.055)
    ax.set_xlim(0, 100)
    ax.set_ylim(len(cars) - 0.4, -0.6)
    px_per_pct = _axes_px(ax)[0] / 100
    bars: list[tuple[int, float, float, str]] = []
    for row, number in enumerate(cars):
        left = 0.0
        total = 0
        for rec in crew[number]:
            share = float(rec["share"]) * 100
            total += int(rec["drive_ms"])
            colour = shades[(number, rec["driver_id"])]
            bars.append((row, left, share, colour))
            name, surname = rec["name"], _surname(rec["name"])
            pct, hours = f"{share:.1f} %", _hmm(int(rec["drive_ms"]))
            candidates = [
                f"{name}  {pct} · {hours}",
                f"{surname}  {pct} · {hours}",
                f"{surname}  {pct}",
                surname,
                pct,
            ]
            _fit_label(ax, renderer, left + share / 2, row, candidates, share * px_per_pct - 16, colour, 1.0)
            left += share
        ax.annotate(
            _hmm(total) + (" DNF" if number in chart.retired else ""),
            (1.0, row),
            xycoords=("axes fraction", "data"),
            xytext=(8, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=STYLE["car_label_size"],
            color=STYLE["muted"],
        )
    _bars(ax, bars, height=0.72, linewidth=1.2)
    ax.annotate(
        "In car (h:mm)",
        (1.0, 1.0),
        xycoords="axes fraction",
        xytext=(8, 6),
        textcoords="offset points",
        ha="left",
        va="bottom",
        fontsize=STYLE["note_size"],
        color=STYLE["muted"],
    )
    ax.set_yticks(range(len(cars)), [f"#{c}" for c in cars])
    ax.tick_params(axis="y", length=0, labelsize=STYLE["label_size"], labelcolor=STYLE["text"])
    ax.grid(axis="y", visible=False)
    ax.xaxis.set_major_locator(_multiple(10))
    ax.xaxis.set_major_formatter(_formatter(lambda v: f"{v:.0f} %"))
    ax.set_xlabel("Share of the car's race time at the wheel (%)")
    _header(
        fig,
        chart,
        "Each driver's share of the car's race time (pit-lane time included) and h:mm at the wheel, "
        "in the order they first drove.",
    )
    return cars


_DRAW: dict[str, Callable[[Figure, _Chart], list[str]]] = {
    "lap-chart": lap_chart,
    "gaps": gap_chart,
    "stints": stint_chart,
    "pace": pace_chart,
    "drive-time": drive_time_chart,
}


# -- data helpers --------------------------------------------------------------------------------


def _number_key(number: str) -> tuple[int, str]:
    digits = "".join(ch for ch in number if ch.isdigit())
    return (int(digits) if digits else 10**6, number)


def _car_order(chart: _Chart) -> None:
    """The class's cars in official finishing order (results), their retirements and colours."""
    results = _results(chart.pb.db, chart.ref.session_id, chart.code)
    order = [str(n) for n in results["number"]]
    chart.retired = {
        str(n) for n, s in zip(results["number"], results["finish_status"], strict=True) if str(s) == "retired"
    }
    numbers = qa.car_numbers(chart.pb.db, chart.ref.session_id, chart.code)
    extra = sorted(set(numbers) - set(order), key=_number_key)
    chart.order = order + extra
    chart.colours = car_colours(chart.order)


def car_colours(numbers: Sequence[str]) -> dict[str, str]:
    """A distinct palette colour per car, stable for a car number: its hash picks the colour,
    the next free one if a car of the same class already has it."""
    colours: dict[str, str] = {}
    taken: set[int] = set()
    size = 10 if len(numbers) <= 10 else len(CAR_PALETTE)
    for number in sorted(numbers, key=_number_key):
        slot = zlib.crc32(number.encode()) % size
        if len(taken) < size:
            while slot in taken:
                slot = (slot + 1) % size
        taken.add(slot)
        colours[number] = CAR_PALETTE[slot]
    return colours


def _present(chart: _Chart, frame: pd.DataFrame) -> list[str]:
    """The cars of ``frame`` (only the chosen ones, with ``cars``), in finishing order."""
    present = set(frame["number"].astype(str))
    return [c for c in chart.order if c in present and (not chart.cars or c in chart.cars)]


def _leader_laps(frame: pd.DataFrame) -> pd.DataFrame:
    leader = frame[frame["class_position"] == 1].sort_values("lap")
    return leader[["lap", "elapsed_ms"]].drop_duplicates("lap")


def _ms_to_lap(ms: float, leader: pd.DataFrame) -> float:
    """Race time → the class leader's lap count then (fractional), for shading cautions."""
    import numpy as np

    laps = np.concatenate([[0.0], leader["lap"].to_numpy(dtype=float)])
    times = np.concatenate([[0.0], leader["elapsed_ms"].to_numpy(dtype=float)])
    return float(np.interp(ms, times, laps))


def _typical_lap_s(frame: pd.DataFrame) -> float:
    """The class leader's median green lap, in seconds."""
    leader = frame[frame["class_position"] == 1].sort_values("lap")
    laps = leader["elapsed_ms"].diff()[leader["flag"] == "GF"].dropna()
    laps = laps[laps > 0]
    return float(laps.median()) / 1000 if len(laps) else 100.0


def _clean_laps(chart: _Chart) -> pd.DataFrame:
    """The class's clean laps (the rule of ``queries.analysis._CLEAN``): number, lap_time_ms."""
    return qa.clean_laps(chart.pb.db, chart.ref.session_id, chart.code)


def _crews(drivers: pd.DataFrame, stints: pd.DataFrame) -> dict[str, list[dict[str, Any]]]:
    """Each car's drivers (drive-time rows plus a display ``name``) in the order they first drove."""
    first = stints.groupby(["number", "driver_id"])["first_lap"].min().to_dict()
    out: dict[str, list[dict[str, Any]]] = {}
    for rec in drivers.to_dict("records"):
        name = rec.get("driver")
        rec["name"] = name if isinstance(name, str) and name else str(rec["driver_id"])
        out.setdefault(str(rec["number"]), []).append(rec)
    for number, recs in out.items():
        recs.sort(key=lambda r: (first.get((number, r["driver_id"]), 10**9), r["slot"], r["driver_id"]))
    return out


def _driver_shades(chart: _Chart, crew: dict[str, list[dict[str, Any]]]) -> dict[tuple[str, str], str]:
    """A tint of the car's colour per (car, driver), by the order they first drove."""
    return {
        (number, rec["driver_id"]): _shade(chart.colours.get(number, "#777777"), i)
        for number, recs in crew.items()
        for i, rec in enumerate(recs)
    }


def _surname(name: str) -> str:
    parts = name.split()
    return " ".join(parts[1:]) if len(parts) > 1 else name


def _laps_down(n: int) -> str:
    return f"+{n} lap" if n == 1 else f"+{n} laps"


# -- drawing helpers -----------------------------------------------------------------------------


def _rc() -> dict[str, Any]:
    s = STYLE
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [s["font"]],
        "font.size": s["tick_size"],
        "figure.facecolor": s["background"],
        "savefig.facecolor": s["background"],
        "axes.facecolor": s["axes"],
        "axes.edgecolor": s["spine"],
        "axes.linewidth": 0.8,
        "axes.labelcolor": s["text"],
        "axes.labelsize": s["label_size"],
        "axes.labelpad": 8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "axes.axisbelow": True,
        "grid.color": s["grid"],
        "grid.linewidth": 0.8,
        "xtick.color": s["spine"],
        "ytick.color": s["spine"],
        "xtick.labelcolor": s["muted"],
        "ytick.labelcolor": s["muted"],
        "xtick.labelsize": s["tick_size"],
        "ytick.labelsize": s["tick_size"],
        "legend.frameon": False,
        "svg.fonttype": "none",
        "svg.hashsalt": "pitboard",
    }


def _axes(fig: Figure, *, right: float, left: float | None = None) -> Axes:
    ax = fig.add_axes(
        (
            left if left is not None else STYLE["axes_left"],
            STYLE["axes_bottom"],
            right - (left if left is not None else STYLE["axes_left"]),
            STYLE["axes_top"] - STYLE["axes_bottom"],
        )
    )
    return ax


def _header(fig: Figure, chart: _Chart, subtitle: str) -> None:
    """Class-coloured band, title, subtitle, the caution key and the source line."""
    from matplotlib.patches import Rectangle

    accent = CLASS_COLOURS.get(chart.code, STYLE["text"])
    fig.add_artist(Rectangle((0, 0.988), 1, 0.012, transform=fig.transFigure, color=accent, lw=0))
    left = STYLE["axes_left"] - 0.035
    fig.add_artist(
        Rectangle((left, STYLE["title_y"] - 0.008), 0.006, 0.05, transform=fig.transFigure, color=accent, lw=0)
    )
    fig.text(
        left + 0.014,
        STYLE["title_y"],
        chart.title,
        fontsize=STYLE["title_size"],
        fontweight="bold",
        color=STYLE["text"],
        va="baseline",
    )
    sub = fig.text(
        left + 0.014,
        STYLE["subtitle_y"],
        subtitle,
        fontsize=STYLE["subtitle_size"],
        color=STYLE["muted"],
        va="baseline",
    )
    room = (0.985 - left - 0.014) * fig.get_figwidth() * fig.dpi
    width = sub.get_window_extent(fig.canvas.get_renderer()).width
    if width > room:  # a long note: smaller type rather than text off the edge
        sub.set_fontsize(max(STYLE["note_size"], STYLE["subtitle_size"] * room / width))
    fig.text(
        0.985,
        STYLE["footer_y"],
        "IMSA timing & scoring data · pitboard",
        fontsize=STYLE["note_size"],
        color=STYLE["faint"],
        ha="right",
    )


def _shade_cautions(ax: Axes, chart: _Chart, to_x: Callable[[float], float]) -> None:
    """Shade the full-course yellows; a key at the top right of the plot."""
    from matplotlib.patches import Patch

    cautions = analysis.cautions(chart.pb, chart.ref)
    for row in cautions.itertuples():
        ax.axvspan(
            to_x(row.start_ms), to_x(row.end_ms), color=STYLE["caution"], alpha=STYLE["caution_alpha"], lw=0, zorder=0
        )
    if len(cautions):
        key = Patch(color=STYLE["caution"], alpha=STYLE["caution_alpha"] + 0.1, label="Full-course yellow")
        ax.legend(
            handles=[key],
            loc="lower right",
            bbox_to_anchor=(1.0, 1.0),
            fontsize=STYLE["note_size"] + 0.5,
            handlelength=1.4,
            borderaxespad=0.3,
            labelcolor=STYLE["muted"],
        )


def _label_ends(ax: Axes, chart: _Chart, ends: list[tuple], last_lap: int) -> None:
    """Car numbers at the end of each line. Cars still running at the flag: outside the plot at
    the right, spread so they never overlap and joined to the line's end (dotted across the laps
    they did not run); the plot narrows if a label would leave the figure. Retirements: a × and
    the number at their last point, nudged up or down clear of every other label."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    y0, y1 = ax.get_ylim()
    lo, hi = min(y0, y1), max(y0, y1)
    gap = STYLE["car_label_size"] * 1.3 * fig.dpi / 72 * (hi - lo) / _axes_px(ax)[1]
    running = [e for e in ends if e[0] not in chart.retired]
    labels = []
    for (number, lap, value, label), y in zip(running, _spread([e[2] for e in running], gap, lo, hi), strict=True):
        colour = chart.colours[number]
        if lap < last_lap:
            ax.plot([lap, last_lap], [value, value], color=colour, lw=0.9, ls=(0, (1, 2)), alpha=0.8)
        labels.append(
            ax.annotate(
                label or f"#{number}",
                xy=(1.0, value),
                xycoords=("axes fraction", "data"),
                xytext=(1.022, y),
                textcoords=("axes fraction", "data"),
                va="center",
                ha="left",
                fontsize=STYLE["car_label_size"],
                fontweight="bold",
                color=colour,
                annotation_clip=False,
                arrowprops={"arrowstyle": "-", "color": colour, "lw": 0.9, "shrinkA": 1, "shrinkB": 0},
            )
        )
    fig_px = fig.get_figwidth() * fig.dpi
    widest = max((a.get_window_extent(renderer).x1 for a in labels), default=0.0)
    overflow = widest - fig_px * 0.99
    if overflow > 0:  # long labels ("#93 +15 laps"): narrow the plot rather than cut them
        pos = ax.get_position()
        ax.set_position((pos.x0, pos.y0, pos.width - overflow / fig_px / 1.022, pos.height))
    taken = [_text_box(a, renderer) for a in labels]
    step = STYLE["car_label_size"] * 1.5
    for number, lap, value, label in sorted(ends, key=lambda e: e[1]):
        if number not in chart.retired:
            continue
        colour = chart.colours[number]
        ax.plot([lap], [value], marker="X", ms=7, color=colour, mec="white", mew=0.8, zorder=4)
        near_end = lap > 0.85 * last_lap
        note = ax.annotate(
            label or f"#{number}",
            xy=(lap, value),
            xytext=(-6 if near_end else 6, 0),
            textcoords="offset points",
            va="center",
            ha="right" if near_end else "left",
            fontsize=STYLE["car_label_size"],
            fontweight="bold",
            color=colour,
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": colour, "lw": 0.8, "alpha": 0.92},
            arrowprops={"arrowstyle": "-", "color": colour, "lw": 0.7, "shrinkA": 0, "shrinkB": 3},
            zorder=5,
        )
        frame = ax.get_window_extent(renderer)
        x_off = -6 if near_end else 6
        for shift in [0.0] + [k * step * sign for k in range(1, 9) for sign in (1, -1)]:
            note.set_position((x_off, shift))
            box = _text_box(note, renderer)
            inside = box.y0 >= frame.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(other) for other in taken):
                break
        else:
            note.set_position((x_off, 0.0))
        taken.append(_text_box(note, renderer))


def _bars(ax: Axes, bars: list[tuple[int, float, float, str]], *, height: float, linewidth: float) -> None:
    """Horizontal bars (row, left, width, colour), white-edged so neighbours stay apart, behind
    their labels."""
    if bars:
        rows, lefts, widths, colours = zip(*bars, strict=True)
        ax.barh(
            rows,
            widths,
            left=lefts,
            height=height,
            color=colours,
            edgecolor="white",
            linewidth=linewidth,
            zorder=1.5,
        )


def _text_box(text: Any, renderer: Any) -> Any:
    """The pixel box of a label's text and its padding (without an annotation's connector)."""
    from matplotlib.text import Text

    text.update_positions(renderer)  # an annotation's text transform follows its coordinates
    return Text.get_window_extent(text, renderer).padded(3)


def _spread(targets: Sequence[float], gap: float, lo: float, hi: float) -> list[float]:
    """Positions near ``targets``, at least ``gap`` apart, inside [lo, hi] where room allows."""
    if not targets:
        return []
    order = sorted(range(len(targets)), key=lambda i: targets[i])
    if gap * (len(targets) - 1) > hi - lo:
        gap = (hi - lo) / max(len(targets) - 1, 1)
    ys = [float(targets[i]) for i in order]
    ys[0] = max(ys[0], lo)
    for i in range(1, len(ys)):
        ys[i] = max(ys[i], ys[i - 1] + gap)
    ys[-1] = min(ys[-1], hi)
    for i in range(len(ys) - 2, -1, -1):
        ys[i] = min(ys[i], ys[i + 1] - gap)
    out = [0.0] * len(ys)
    for rank, i in enumerate(order):
        out[i] = ys[rank]
    return out


def _driver_keys(
    fig: Figure, renderer: Any, cars: list[str], crew: dict[str, list[dict[str, Any]]], shades: dict
) -> tuple[dict[str, Any], float]:
    """Per car, a key of swatches and driver names (one to three lines, as the rows allow) and
    the widest key in pixels."""
    from matplotlib.offsetbox import DrawingArea, HPacker, TextArea, VPacker
    from matplotlib.patches import Rectangle

    size = STYLE["car_label_size"]
    pt = fig.dpi / 72
    row_px = (STYLE["axes_top"] - STYLE["axes_bottom"]) * fig.get_figheight() * fig.dpi / max(len(cars), 1)
    max_lines = max(1, min(3, int(row_px * 0.92 // (size * 1.5 * pt))))
    budget = 0.2 * fig.get_figwidth() * fig.dpi

    def chips(number: str) -> list[Any]:
        out = []
        for rec in crew.get(number, []):
            swatch = DrawingArea(size, size, 0, 0)
            swatch.add_artist(Rectangle((0, 0), size, size, color=shades[(number, rec["driver_id"])], lw=0))
            label = TextArea(_short_name(rec["name"]), textprops={"fontsize": size, "color": STYLE["text"]})
            out.append(HPacker(children=[swatch, label], pad=0, sep=4, align="center"))
        return out

    def layout(number: str, lines: int) -> Any:
        parts = chips(number)
        per_line = math.ceil(len(parts) / lines)
        rows = [
            HPacker(children=parts[i : i + per_line], pad=0, sep=10, align="center")
            for i in range(0, len(parts), per_line)
        ]
        box = rows[0] if len(rows) == 1 else VPacker(children=rows, pad=0, sep=3, align="left")
        box.set_figure(fig)
        return box

    present = [c for c in cars if crew.get(c)]
    for lines in range(1, max_lines + 1):
        keys = {c: layout(c, lines) for c in present}
        widest = max((k.get_bbox(renderer).width for k in keys.values()), default=0.0)
        if widest <= budget:
            break
    return keys, widest


def _key_annotation(box: Any, row: int) -> Any:
    from matplotlib.offsetbox import AnnotationBbox

    return AnnotationBbox(
        box,
        (1.0, row),
        xycoords=("axes fraction", "data"),
        xybox=(12, 0),
        boxcoords="offset points",
        box_alignment=(0, 0.5),
        frameon=False,
        annotation_clip=False,
    )


def _fit_label(
    ax: Axes,
    renderer: Any,
    x: float,
    y: float,
    candidates: Sequence[str],
    room_px: float,
    colour: str,
    scale: float,
) -> None:
    """Write the first of ``candidates`` that fits in ``room_px`` (centred at x, y), if any."""
    for text in candidates:
        if not text or room_px <= 0:
            continue
        artist = ax.text(
            x,
            y,
            text,
            ha="center",
            va="center",
            fontsize=STYLE["car_label_size"] * scale,
            color=_ink(colour),
        )
        if artist.get_window_extent(renderer).width <= room_px:
            return
        artist.remove()


def _axes_px(ax: Axes) -> tuple[float, float]:
    fig = ax.figure
    pos = ax.get_position()
    return pos.width * fig.get_figwidth() * fig.dpi, pos.height * fig.get_figheight() * fig.dpi


def _hmm(ms: int) -> str:
    """Milliseconds → ``h:mm`` (rounded to the minute)."""
    minutes = round(ms / 60_000)
    return f"{minutes // 60}:{minutes % 60:02d}"


def _short_name(name: str) -> str:
    """``"Renger van der Zande"`` → ``"R. van der Zande"``."""
    parts = name.split()
    if len(parts) < 2:
        return name
    return f"{parts[0][0]}. {' '.join(parts[1:])}"


def _lap_ticks(ax: Axes, last_lap: int) -> None:
    for step in (1, 2, 5, 10, 20, 25, 50, 100):
        if last_lap / step <= 16:
            break
    ax.xaxis.set_major_locator(_multiple(step))
    ax.set_xlim(1, last_lap)


def _hour_ticks(ax: Axes, end_h: float) -> None:
    step = next((s for s in (0.25, 0.5, 1.0, 2.0, 3.0) if end_h / s <= 14), 4.0)
    ax.xaxis.set_major_locator(_multiple(step))
    ax.xaxis.set_major_formatter(_formatter(lambda v: f"{int(v)}:{round((v % 1) * 60):02d}"))


def _multiple(step: float) -> Any:
    from matplotlib.ticker import MultipleLocator

    return MultipleLocator(step)


def _formatter(fn: Callable[[float], str]) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: fn(v))


def _laptime(seconds: float, decimals: int) -> str:
    """``73.353`` → ``"1:13.353"``; under a minute ``"49.8"``."""
    scale = 10**decimals
    total = round(seconds * scale)
    minutes, rest = divmod(total, 60 * scale)
    whole, frac = divmod(rest, scale)
    text = f"{whole:02d}" if minutes else f"{whole}"
    if decimals:
        text += f".{frac:0{decimals}d}"
    return f"{minutes}:{text}" if minutes else text


def _hex(rgb: Sequence[float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def _rgb(colour: str) -> tuple[float, float, float]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _mix(colour: str, other: str, amount: float) -> str:
    a, b = _rgb(colour), _rgb(other)
    return _hex([x + (y - x) * amount for x, y in zip(a, b, strict=True)])


def _shade(colour: str, index: int) -> str:
    """The car's colour for its first driver, then lighter and darker tints of it, so
    co-drivers stay apart and the row still reads as the car."""
    tints = ((None, 0.0), ("#ffffff", 0.45), ("#000000", 0.4), ("#ffffff", 0.72), ("#000000", 0.65))
    other, amount = tints[index % len(tints)]
    return colour if other is None else _mix(colour, other, amount)


def _ink(colour: str) -> str:
    """Black or white text, whichever reads on ``colour``."""
    r, g, b = _rgb(colour)
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return STYLE["text"] if luminance > 0.5 else "#ffffff"


def data(pb: Pitboard, ref: SessionRef, kind: str, cls: str | None = None, cars: Sequence[str] = ()) -> ChartData:
    """What chart ``kind`` plots, as data: one row per car line (x and y values as drawn) with the
    chart's title and series order. For faces that draw their own interactive charts (the web app)
    from exactly what the PNG/SVG shows."""
    from pitboard.answers import ChartData

    code = _chart_class(pb, ref, kind, cls)
    fig, drawn = figure(pb, ref, kind, code, cars)
    rows = []
    y_range = None
    for ax in fig.axes:
        for line in ax.get_lines():
            gid = line.get_gid() or ""
            if gid.startswith("car:"):
                y_range = tuple(float(v) for v in ax.get_ylim())
                rows.append(
                    {
                        "number": gid[4:],
                        "colour": line.get_color(),
                        "x": [float(v) for v in line.get_xdata()],
                        "y": [float(v) for v in line.get_ydata()],
                    }
                )
    return ChartData(
        rows=tuple(rows),
        sources=("laps", "results"),
        session_id=ref.session_id,
        kind=kind,
        cls=code,
        title=drawn["title"],
        series=tuple(drawn["series"]),
        y_range=y_range,
    )
