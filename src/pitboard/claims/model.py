"""What the claim checker finds and decides, as frozen answers in the ``pitboard.answers`` style.

* ``Mention``: a name, number, event, class or date found in a sentence, with how it was read;
* ``Claim``: a typed statement (``count``, ``result``, ``qualifying``, ``fastest_lap``,
  ``championship``, ``lineup``, ``streak``) with its exact span in the article and its slots;
* ``ClaimVerdict``: the claim, the verdict (``supported``, ``contradicted``, ``not checkable``
  with a reason), the question asked of the library, the evidence rows (each with its source file
  and line) and one plain sentence that explains the verdict;
* ``CheckAnswer``: every verdict of an article; ``to_dict()`` is ``{"claims": [...]}``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pitboard.answers import Answer, _plain

#: The claim types (the evaluation set uses exactly these strings).
CLAIM_TYPES: tuple[str, ...] = ("count", "result", "qualifying", "fastest_lap", "championship", "lineup", "streak")
SUPPORTED = "supported"
CONTRADICTED = "contradicted"
NOT_CHECKABLE = "not checkable"
VERDICTS: tuple[str, ...] = (SUPPORTED, CONTRADICTED, NOT_CHECKABLE)
#: Why a claim is not checkable (DEFINITIONS.md).
BEFORE_DATA = "before the data"
OUTSIDE = "outside the championship"
MISSING_ROUND = "missing round"
NOT_A_STATISTIC = "not a statistic"
#: The sentence has two readings the data answers differently ("Porsche finished ninth" when
#: four Porsches ran): the checker will not pick one.
AMBIGUOUS = "ambiguous reading"
#: The race is in the data but not the file the claim needs (laps led in a race with no laps file).
NO_LAP_DATA = "no lap data"
REASONS: tuple[str, ...] = (BEFORE_DATA, OUTSIDE, MISSING_ROUND, NOT_A_STATISTIC, AMBIGUOUS, NO_LAP_DATA)


@dataclass(frozen=True)
class Mention:
    """Something named in a sentence: ``kind`` is driver, team, manufacturer, car, event,
    class, pronoun; ``key``/``name`` what it resolved to; ``how``/``confidence`` how it was read."""

    kind: str
    start: int
    end: int
    text: str
    key: str
    name: str
    how: str = "exact"
    confidence: float = 1.0
    extra: Mapping[str, Any] = field(default_factory=dict)

    def matched(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "query": self.text,
            "name": self.name,
            "key": self.key,
            "how": self.how,
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class Claim:
    """A statement the grammar recognised: its span in the article, type and slots."""

    start: int
    end: int
    text: str
    type: str
    slots: Mapping[str, Any]
    mentions: tuple[Mention, ...] = ()
    #: Set when the grammar already knows the claim is not checkable (and why).
    reason: str | None = None


@dataclass(frozen=True)
class ClaimVerdict:
    """One claim and what the record says about it."""

    text: str
    start: int
    end: int
    type: str
    verdict: str
    explanation: str
    reason: str | None = None
    slots: Mapping[str, Any] = field(default_factory=dict)
    matched: tuple[Mapping[str, Any], ...] = ()
    question: str = ""
    evidence: tuple[Mapping[str, Any], ...] = ()
    sources: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "type": self.type,
            "verdict": self.verdict,
            "explanation": self.explanation,
            "evidence": [_json(dict(e)) for e in self.evidence],
            "start": self.start,
            "end": self.end,
            "reason": self.reason,
            "slots": _json(_plain(self.slots)),
            "matched": _json(_plain(list(self.matched))),
            "question": self.question,
            "sources": list(self.sources),
        }


def _json(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


@dataclass(frozen=True)
class CheckAnswer(Answer):
    """Every claim found in an article published on ``date``, in text order, with its verdict."""

    date: dt.date | None = None
    claims: tuple[ClaimVerdict, ...] = ()
    rows_key = "claims"

    def to_dict(self) -> dict[str, Any]:
        return {"claims": [c.to_dict() for c in self.claims]}

    def counts(self) -> dict[str, int]:
        """How many claims got each verdict."""
        return {v: sum(1 for c in self.claims if c.verdict == v) for v in VERDICTS}
