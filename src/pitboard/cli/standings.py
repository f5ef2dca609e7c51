"""``pitboard standings SEASON --class C``."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import click

import pitboard
from pitboard import render
from pitboard.choices import CHAMPIONSHIPS
from pitboard.cli import handle_errors, main, output_options
from pitboard.domain.classes import display_class
from pitboard.lazy import lazy_module

standings = lazy_module("pitboard.standings")


@main.command(name="standings")
@click.argument("season", type=int)
@click.option("--class", "cls", required=True, help="Class: GTP, DPi, LMP2, LMP3, GTLM, 'GTD PRO', GTD.")
@click.option("--championship", type=click.Choice(CHAMPIONSHIPS), default="drivers", show_default=True)
@click.option("--after", "after", default=None, help="Standings after this round ('sebring'), not final.")
@click.option("--detail", is_flag=True, help="Show every scoring line of every entry (table only).")
@output_options
@handle_errors
def standings_command(
    season: int, cls: str, championship: str, after: str | None, detail: bool, fmt: str, db_path: Path | None
) -> None:
    """Championship standings reconstructed from IMSA's points rules (pitboard/data/rules)."""
    with pitboard.open(db_path) as pb:
        table = standings.compute(pb, season, cls, championship, after)
    data = table.to_dict()
    if fmt == "json":
        for row in data["standings"]:
            row.pop("detail")
        click.echo(render.to_json(data))
        return
    if fmt == "csv":
        click.echo(render.to_csv([{k: v for k, v in r.items() if k != "detail"} for r in data["standings"]]), nl=False)
        return
    title = f"{season} {display_class(table.cls)} {championship} standings" + (f" after {after}" if after else "")
    status = "complete" if table.complete else "INCOMPLETE (missing: " + "; ".join(table.missing_events) + ")"
    lines = [title, f"Rounds counted: {len(table.rounds_counted)} · coverage: {status}", ""]
    lines.append(
        render.text_table(
            [(r.position, r.name, r.points, r.behind or "", r.wins, r.seconds, r.thirds, r.starts) for r in table.rows],
            ["Pos", "Name", "Points", "Behind", "Wins", "2nd", "3rd", "Races"],
            "rlrrrrrr",
        )
    )
    if detail:
        for r in table.rows:
            lines.append(f"\n{r.name}: " + "; ".join(f"{d['round']} {d['what']} {d['points']:+d}" for d in r.detail))
    if table.champion:
        lines.append(f"\nChampion: {table.champion}")
    lines.append("")
    if table.verification is not None:
        lines.append(table.verification.line())
    lines += [f"Note: {n}" for n in table.notes]
    click.echo("\n".join(lines))


@main.command(name="reconcile")
@output_options
@handle_errors
def reconcile_command(fmt: str, db_path: Path | None) -> None:
    """Every published standings figure on file against pitboard's standings: reproduced or not, and why."""
    with pitboard.open(db_path) as pb:
        checks = standings.reconcile(pb)
    rows = [{k: v for k, v in asdict(c).items() if k != "cls"} | {"class": display_class(c.cls)} for c in checks]
    if fmt == "json":
        click.echo(
            render.to_json({"figures": rows, "checked": len(rows), "reproduced": sum(c.matches for c in checks)})
        )
        return
    if fmt == "csv":
        click.echo(render.to_csv(rows), nl=False)
        return
    click.echo(summary_table(checks))
    differing = [c for c in checks if not c.matches]
    if differing:
        click.echo("\nNot reproduced:")
        click.echo(
            render.text_table(
                [(c.figure_id, c.subject, c.metric, c.published, "n/a" if c.computed is None else c.computed,
                  c.known_difference or "") for c in differing],
                ["Figure", "Subject", "Metric", "Published", "pitboard", "Why"],
                "lllrrl",
            )
        )  # fmt: skip


def summary_table(checks: list[standings.FigureCheck]) -> str:
    """Figures and reproduced figures per season and class (the README's summary)."""
    groups: dict[tuple[int, str], list[standings.FigureCheck]] = {}
    for c in checks:
        groups.setdefault((c.season, c.cls), []).append(c)
    body = [
        (season, display_class(cls), len(g), sum(c.matches for c in g), len(g) - sum(c.matches for c in g))
        for (season, cls), g in sorted(groups.items())
    ]
    total = (len(checks), sum(c.matches for c in checks))
    body.append(("all", "", total[0], total[1], total[0] - total[1]))
    return render.text_table(body, ["Season", "Class", "Published figures", "Reproduced", "Differ"], "llrrr")
