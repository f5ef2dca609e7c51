"""What an ingest found and did: ``Issue`` rows and the ``IngestReport`` summary."""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"  # the file (or folder) was skipped: its data is not in the database
WARNING = "warning"  # loaded, but something is doubtful or was dropped
INFO = "info"  # a known gap or quirk, handled; nothing was lost

#: Severities that ``strict`` turns into a failed ingest.
PROBLEM_SEVERITIES = frozenset({ERROR, WARNING})


@dataclass(frozen=True)
class Issue:
    """One problem: where (file, line, column), how bad, what, and what was done about it."""

    path: str
    line: int | None
    column: str | None
    severity: str
    problem: str
    action: str

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        if self.column:
            where += f" [{self.column}]"
        return f"{where}: {self.severity}: {self.problem} ({self.action})"


@dataclass
class IngestReport:
    """Summary of one ingest run."""

    db_path: str
    data_dir: str
    up_to_date: bool = False
    files_seen: int = 0
    files_loaded: int = 0
    files_skipped: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    seconds: float = 0.0
    #: partial databases and staging folders of killed ingests that this run removed
    removed_leftovers: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[Issue]:
        """The errors and warnings (what ``strict`` refuses)."""
        return [i for i in self.issues if i.severity in PROBLEM_SEVERITIES]

    def summary(self) -> str:
        """A few human lines: files, rows per table, problems."""
        if self.up_to_date:
            return f"{self.db_path} is up to date with {self.data_dir} ({self.files_seen} files): nothing to do."
        lines = [
            f"Ingested {self.data_dir} into {self.db_path} in {self.seconds:.1f} s",
            f"  files: {self.files_seen} seen, {self.files_loaded} loaded, {self.files_skipped} skipped",
            "  rows: " + ", ".join(f"{name} {count:,}" for name, count in self.rows.items()),
        ]
        counts = {sev: sum(1 for i in self.issues if i.severity == sev) for sev in (ERROR, WARNING, INFO)}
        lines.append(f"  problems: {counts[ERROR]} errors, {counts[WARNING]} warnings; {counts[INFO]} known gaps noted")
        lines += [f"  {issue}" for issue in self.problems[:50]]
        if self.removed_leftovers:
            lines.append(f"  removed {len(self.removed_leftovers)} leftovers of an interrupted ingest")
        if len(self.problems) > 50:
            lines.append(f"  … and {len(self.problems) - 50} more (see the _ingest_issues table)")
        return "\n".join(lines)
