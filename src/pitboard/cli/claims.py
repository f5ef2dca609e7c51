"""``pitboard check FILE|- --date YYYY-MM-DD``: the claims of an article and their verdicts."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import click

import pitboard
from pitboard import render
from pitboard.cli import db_option, handle_errors, main


@main.command()
@click.argument("article", type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=str))
@click.option("--date", "date", required=True, help="Publication date of the article, YYYY-MM-DD.")
@click.option("--json", "as_json", is_flag=True, help='Print JSON: {"claims": [...]}.')
@db_option
@handle_errors
def check(article: str, date: str, as_json: bool, db_path: Path | None) -> None:
    """Check every statistical claim of ARTICLE (a text file, or - for standard input)
    published on --date against the official record: each claim's text, type, verdict
    (supported, contradicted, not checkable) and one sentence of explanation; --json adds the
    evidence rows with their source files and lines, the parsed slots and how names matched."""
    text = sys.stdin.read() if article == "-" else Path(article).read_text(encoding="utf-8")
    with pitboard.open(db_path) as pb:
        answer = pb.check(text, date)
    if as_json:
        click.echo(render.to_json(answer.to_dict()))
        return
    if not answer.claims:
        click.echo("No checkable claim found.")
        return
    rows = [
        (
            textwrap.shorten(c.text, 70, placeholder="…"),
            c.type,
            c.verdict + (f" ({c.reason})" if c.reason else ""),
            textwrap.shorten(c.explanation, 110, placeholder="…"),
        )
        for c in answer.claims
    ]
    click.echo(render.text_table(rows, ["Claim", "Type", "Verdict", "Explanation"], "llll"))
    counts = answer.counts()
    click.echo(", ".join(f"{n} {v}" for v, n in counts.items()))
