"""The ``pitboard`` command: parse the arguments, call the library, print the answer.

No SQL and no data logic here: every command is one call into ``pitboard`` and a rendering.
Errors from the library (``PitboardError``) become one line on stderr: bad input
(``InputError``) exits 2 and names the valid choices; a name that matched nothing or several
things exits 1 and names the candidates.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from pitboard.exceptions import PitboardError


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--json`` / ``--csv`` (default: a readable table) and ``--db``."""

    @click.option("--json", "as_json", is_flag=True, help="Print JSON.")
    @click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
    @db_option
    @wraps(func)
    def wrapper(*args: Any, as_json: bool, as_csv: bool, **kwargs: Any) -> Any:
        if as_json and as_csv:
            raise click.UsageError("choose one of --json and --csv")
        return func(*args, fmt="json" if as_json else "csv" if as_csv else "table", **kwargs)

    return wrapper


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Database file (default: $PITBOARD_DB or ~/.local/share/pitboard/pitboard.duckdb).",
    )(func)


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KeyboardInterrupt:
            # Ctrl-C: one line, no traceback; an interrupted ingest leaves the old database as it was
            click.echo("\ninterrupted: nothing was changed", err=True)
            sys.exit(130)
        except PitboardError as exc:
            raise _one_line(exc) from exc

    return wrapper


#: How many candidates a one-line error names before "…".
MAX_CANDIDATES = 15


class InputUsageError(click.ClickException):
    """Bad input (an unknown class, season, metric…): exit code 2, like any usage error."""

    exit_code = 2


def _one_line(exc: PitboardError) -> click.ClickException:
    """A library error as one line: the message, then what exists (valid choices for bad input,
    the nearest names for a name that matched nothing)."""
    from pitboard.exceptions import InputError

    message = str(exc)
    candidates = [str(c) for c in getattr(exc, "candidates", None) or []]
    if candidates:
        shown = "; ".join(candidates[:MAX_CANDIDATES]) + ("; …" if len(candidates) > MAX_CANDIDATES else "")
        label = "choose one of" if isinstance(exc, InputError) else "candidates"
        message += f" ({label}: {shown})"
    return InputUsageError(message) if isinstance(exc, InputError) else click.ClickException(message)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pitboard")
def main() -> None:
    """pitboard: the official IMSA WeatherTech timing exports as numbers people can print."""


from pitboard.cli import claims, commands, race, standings, stats  # noqa: E402,F401  (registers the commands)

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
