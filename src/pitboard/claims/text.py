"""Reading an article as text: sentence spans (pysbd), number words and ordinals (number-parser),
and the number patterns the grammar is written with."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from functools import cache

from number_parser import parse_number, parse_ordinal

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORD_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_ORD_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_ORD_TENS = ["twentieth", "thirtieth", "fortieth", "fiftieth"]

#: A cardinal: digits or words ("5", "five", "twenty-one", "a dozen" is not supported).
NUM = r"(?:\d{{1,3}}|(?:{tens})(?:[- ](?:{units}))?|{teens}|{units}|a pair of|one)".format(
    tens="|".join(_TENS), units="|".join(_UNITS), teens="|".join(_TEENS)
)
#: An ordinal: "5th", "fifth", "twenty-first", "P5".
ORD = r"(?:\d{{1,2}}(?:st|nd|rd|th)|P\d{{1,2}}|(?:{tens})[- ](?:{ounits})|{otens}|{oteens}|{ounits})".format(
    tens="|".join(_TENS),
    ounits="|".join(_ORD_UNITS),
    otens="|".join(_ORD_TENS),
    oteens="|".join(_ORD_TEENS),
)


@functools.lru_cache(maxsize=4096)
def number(word: str) -> int | None:
    """ "5", "five", "Twenty-one", "a" → the integer (None if it is not a number)."""
    text = word.strip().casefold()
    if text.isdigit():
        return int(text)
    if text in ("a", "an"):
        return 1
    if text == "a pair of":
        return 2
    value = parse_number(text)
    return int(value) if isinstance(value, (int, float)) else None


@functools.lru_cache(maxsize=4096)
def ordinal(word: str) -> int | None:
    """ "5th", "fifth", "P5", "runner-up" → the integer (memoised: number-parser is slow)."""
    text = word.strip().casefold()
    if text in ("runner-up", "runner up"):
        return 2
    if text == "maiden":
        return 1
    match = re.fullmatch(r"p?(\d{1,2})(?:st|nd|rd|th)?", text)
    if match:
        return int(match.group(1))
    value = parse_ordinal(text)
    return int(value) if isinstance(value, (int, float)) else None


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    #: The paragraph's index in the article (0 is the headline).
    paragraph: int = 0


@cache
def _segmenter():  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def sentences(text: str) -> list[Sentence]:
    """The article's sentences with their character offsets (paragraph breaks always split)."""
    out: list[Sentence] = []
    for index, para in enumerate(re.finditer(r"[^\n]+", text)):
        base = para.start()
        for span in _segmenter().segment(para.group()):
            raw = span.sent
            stripped = raw.strip()
            if not stripped:
                continue
            lead = len(raw) - len(raw.lstrip())
            start = base + span.start + lead
            if out and out[-1].paragraph == index and re.search(r"\b(?:No|Nos|Mr|Dr|St)\.$", out[-1].text):
                # "behind the No. 22": a car number never ends a sentence
                prev = out.pop()
                out.append(Sentence(prev.start, start + len(stripped), text[prev.start : start + len(stripped)], index))
                continue
            out.append(Sentence(start, start + len(stripped), stripped, index))
    return out
