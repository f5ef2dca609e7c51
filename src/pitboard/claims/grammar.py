"""The claim grammar: patterns over a sentence that produce typed claims with slots.

A sentence is read in three steps:

1. ``lexicon.spot`` finds the names (drivers, cars, teams, manufacturers, events, classes);
2. trigger patterns find what is claimed: a count ("five wins in 19 starts", "his third win of
   the season"), a race result ("won", "co-drove to victory", "finished sixth", "overall"), a
   pole, a fastest lap, a championship ("clinched the title", "second title in three seasons"), a
   line-up ("joins", "teamed with", "replaces", "full-season", "endurance rounds only") or a streak
   ("first win since", "third straight win");
3. each trigger takes its slots from its part of the sentence (up to the next trigger): the
   subject named before it (else a pronoun or demonym at the start of the sentence, which stands
   for the subject named last), the event, class, and the time (``scope.time_scope``).

Sentences about other series (Le Mans, WEC, IndyCar…) and about ages or contracts give claims
the checker marks ``not checkable`` with the reason.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from pitboard.claims.lexicon import DEMONYMS, Lexicon, spot
from pitboard.claims.model import AMBIGUOUS, NOT_A_STATISTIC, OUTSIDE, Claim, Mention
from pitboard.claims.scope import TimeScope, season_started, time_scope
from pitboard.claims.text import NUM, ORD, Sentence, number, ordinal
from pitboard.domain.classes import normalise_class

SUBJECT_KINDS = ("car", "driver", "team", "manufacturer")
_CLASSES = r"(?:GTD\s?PRO|GTP|GTD|LMP2|LMP3|DPi|GTLM)"
#: How many different cars (teams, makes) won a class's races ("Four different cars have now won
#: the nine GTD PRO races of 2023", "five races have now produced five different winners",
#: "three different winners in four LMP2 races"): a count of the class's season, no subject.
_DIFFERENT_WHAT = r"(?P<what>cars|teams|drivers|crews|winners|manufacturers|makes|brands|marques)"
DIFFERENT = [
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\b(?P<k>{NUM})\s+different\s+{_DIFFERENT_WHAT}\s+(?:have\s+)?(?:now\s+)?(?:won|taken|claimed)\s+"
        rf"(?:the\s+)?(?:(?P<n>{NUM})\s+)?(?:(?P<cls>{_CLASSES})\s+)?(?:races|rounds|events)\b",
        rf"\b(?P<n>{NUM})\s+(?:races|rounds)(?:\s+into\s+(?:the\s+season|(?:19|20)\d\d))?,?\s+(?:(?:the\s+)?(?P<cls0>{_CLASSES})\s+class\s+)?"
        rf"(?:(?:have|has)\s+)?(?:now\s+)?(?:produced\s+|yielded\s+|brought\s+|seen\s+|had\s+)?(?P<k>{NUM})\s+different\s+"
        rf"(?:(?P<cls>{_CLASSES})\s+)?{_DIFFERENT_WHAT}",
        rf"\b(?P<k>{NUM})\s+different\s+(?:(?P<cls0>{_CLASSES})\s+)?{_DIFFERENT_WHAT}\s+in\s+(?:the\s+(?:first\s+)?)?"
        rf"(?P<n>{NUM})\s+(?:(?P<cls>{_CLASSES})\s+)?(?:races|rounds)\b",
    )
]
_ADJ = rf"(?:(?:career|class|overall|IMSA|WeatherTech|{_CLASSES}|championship|total|race|series|more|further|major|endurance|Endurance Cup|podium)\s+)*"
_METRIC = (
    r"(?:wins?|victor(?:y|ies)|podiums?|podium finishes|pole(?:s| positions?| awards?)?|starts?|"
    r"fastest (?:race )?laps?|top[- ](?:5|five)(?:s| finishes)?|titles?|championships?|"
    r"(?:runner-up|second[- ]place) finish(?:es)?)"
)
COUNT = re.compile(
    rf"(?<![\w-])(?<!the )(?<!these )(?<!those )(?<!all )(?P<n>{NUM})\s+{_ADJ}(?P<metric>{_METRIC})\b"
    rf"(?:,?\s+(?:in|from|out of)\s+(?:just\s+|only\s+|his\s+|her\s+|their\s+|its\s+)?(?P<m>{NUM})\s+(?:career\s+|IMSA\s+|class\s+|{_CLASSES}\s+)?(?:starts|races|outings|appearances|attempts)\b)?",
    re.IGNORECASE,
)
COUNT_WON = re.compile(
    rf"\b(?:won|claimed|scored|taken|took|collected|earned) (?P<n>{NUM}) (?:(?:{_CLASSES}) )?(?P<metric>races?|times|events?|rounds?)\b"
    rf"(?:,?\s+(?:in|from|out of)\s+(?:just\s+|only\s+|his\s+|her\s+|their\s+|its\s+)?(?P<m>{NUM})\s+(?:career\s+|IMSA\s+|class\s+|{_CLASSES}\s+)?(?:starts|outings|appearances|attempts)\b)?|"
    rf"\b(?P<metric2>won|winning) (?:(?:at|in) (?:the )?[^,.;]{{2,40}}? )?(?:(?P<twice>twice)|(?P<n2>{NUM}) times)\b|"
    rf"\b(?:started|contested|made) (?P<n3>{NUM}) (?:(?:{_CLASSES}|IMSA|WeatherTech|championship|career) )?(?P<metric3>races|starts)\b|"
    # "was on the podium eight times", "took pole twice", "finished in the top five nine times"
    rf"\b(?:was|were|been|finished|stood|took|claimed|started from|started on)\s+(?:on\s+)?(?:the\s+)?(?P<metric4>podium|pole|top (?:five|5))(?:\s+position)?\s+(?:(?P<twice4>twice)|(?P<n4>{NUM}) times)\b(?:,?\s+(?:in|from)\s+(?P<m4>{NUM})\s+(?:races|starts|rounds)\b)?|"
    # "set the fastest LMP2 race lap four times"
    rf"\b(?:set|sets|posted|recorded|clocked)\s+(?:the\s+)?(?:{_CLASSES}\s+)?(?P<metric5>fastest\s+(?:{_CLASSES}\s+)?(?:race\s+)?lap)\s+(?:(?P<twice5>twice)|(?P<n5>{NUM})\s+times)\b",
    re.IGNORECASE,
)
TIMES = re.compile(
    rf"(?<![\w-])(?P<n>{NUM})-time\b(?P<what>[^.;]{{0,60}}?)\b(?P<metric>winner|champion|pole[- ]?sitter)",
    re.IGNORECASE,
)
ORDINAL_COUNT = re.compile(
    rf"(?<![\w-])(?P<ord>{ORD}|maiden)\s+(?P<evadj>(?:(?-i:[A-Z])[\w'’.-]*|24)(?:\s+(?:(?-i:[A-Z])[\w'’.-]*|24)){{0,3}}\s+)?(?P<adj>{_ADJ})(?P<metric>win|victory|podium|pole(?: position)?|title|championship|start|top[- ](?:5|five)(?: finish)?|fastest (?:race )?lap|(?:runner-up|second[- ]place) finish)\b(?P<since>\s+since)?",
    re.IGNORECASE,
)
#: "The win was Acura's fourth of the year": an ordinal count whose metric is the noun before it.
ORDINAL_OF = re.compile(
    rf"\b(?P<metric>win|victory|podium|pole)\s+(?:was|is|marked|became)\s+(?:[\w'’.]+\s+){{0,4}}?(?P<ord>{ORD})\s+(?=(?:of|this|in)\s+(?:the\s+)?(?:year|season|(?:19|20)\d{{2}})\b)",
    re.IGNORECASE,
)
#: "won for the second time this year", "on pole for the third time": an ordinal count of the
#: verb before it (read like "his second win of the year").
ORDINAL_TIME = re.compile(rf"\bfor the (?P<ord>{ORD}) time\b(?!\s+(?:in a row|running|since))", re.IGNORECASE)
_TIME_VERB = re.compile(
    r"\b(?:(?P<win>won|wins|win|winning|victorious)|(?P<pole>pole|poles)|(?P<podium>podium|podiums))\b[^.;]{0,60}$",
    re.IGNORECASE,
)
#: "Taylor led 45 laps", "the No. 10 led 120 of the 380 laps"
LAPS_LED = re.compile(
    rf"\bled\s+(?:for\s+)?(?P<n>{NUM}|\d{{1,4}})\s+(?:of\s+(?:the\s+)?(?:\d{{1,4}}|{NUM})\s+)?laps\b", re.IGNORECASE
)
STARTS_AFTER = re.compile(
    rf"^,?\s*(?:in|from|out of)\s+(?:just\s+|only\s+|his\s+|her\s+|their\s+|its\s+)?(?P<m>{NUM})\s+(?:career\s+|IMSA\s+|class\s+|{_CLASSES}\s+)?(?:starts|races|outings|appearances|attempts)",
    re.IGNORECASE,
)
#: "a podium in every race this year", "in the top five in every race but one", "won every round"
EVERY = re.compile(
    rf"\b(?P<what>on the podium|a podium(?: finish)?|podiums?|in the top[- ](?:five|5)|a top[- ](?:five|5)(?: finish)?|"
    rf"top[- ](?:five|5) finish(?:es)?|won|a win|on pole|pole)\s+(?:in|at)\s+(?:(?:every|each)|all(?:\s+of)?(?:\s+(?:the|its|their|his|her))?(?:\s+(?P<alln>{NUM}))?)\s+(?:(?:{_CLASSES})\s+)?"
    rf"(?:races?|rounds?|starts?|events?)\b(?P<but>\s+(?:but|except(?:\s+for)?)\s+(?P<k>{NUM})\b)?",
    re.IGNORECASE,
)
#: "has yet to win this season", "is still looking for its first win of 2021", "winless": no win
YET_TO = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:not|n't|never)\s+won\s+(?:a\s+race\s+|a\s+round\s+)?(?=(?:all|this|in|so)\b)|"
    r"(?:has|have|is|are)\s+(?:yet|still)\s+to\s+(?:win|score\s+a\s+win|take\s+a\s+win|claim\s+a\s+(?:win|victory))\b(?!\s+since)|"
    # "has yet to stand on the podium", "has yet to take a pole"
    r"(?:has|have|is|are)\s+(?:yet|still)\s+to\s+(?P<zpod>(?:stand|finish)\s+on\s+(?:the\s+|a\s+)?podium|score\s+a\s+podium)\b(?!\s+since)|"
    r"(?:has|have|is|are)\s+(?:yet|still)\s+to\s+(?P<zpole>take\s+(?:a\s+|the\s+)?pole|start\s+from\s+pole)\b(?!\s+since)|"
    # "never once set the fastest lap in a race"
    r"never\s+(?:once\s+)?(?:set|took|posted|recorded)\s+(?P<zfl>(?:the|a)\s+fastest\s+(?:race\s+)?lap)\b(?!\s+since)|"
    r"(?:is|are)(?:,\s+\w+,)?\s+still\s+(?:looking|searching|waiting)\s+for\s+(?:its|his|her|their)\s+first\s+(?:\w+\s+)?"
    r"(?:win|victory|(?P<zpod2>podium)|(?P<zpole2>pole))\b|winless\b)",
    re.IGNORECASE,
)
#: "the No. 6's only win of the year", "Gunn's only win of 2024 came at Watkins Glen"
ONLY = re.compile(
    rf"\b(?:only|sole|lone)\s+(?:{_CLASSES}\s+|class\s+|overall\s+)?(?P<metric>win|victory|podium|pole)\b",
    re.IGNORECASE,
)
INCLUDING = re.compile(rf"\bincluding (?P<n>{NUM})\b(?:\s+(?P<metric>wins?|victories|podiums?|poles?))?", re.IGNORECASE)
COUNT_OF = re.compile(
    rf"\b(?P<what>finished on the podium|on the podium|(?:reached|made) the podium|won|took pole|started from pole|finished in the top five|finished in the top 5) "
    rf"(?:(?:in|at) )?(?P<n>{NUM}) of (?:(?:the|their|his|her|its) (?P<m>{NUM})|(?:the|this) (?:season|year)['’]s) (?:{_CLASSES} )?(?:rounds|races|starts|events)",
    re.IGNORECASE,
)
STREAK = re.compile(
    rf"\bfirst (?:[\w-]+ ){{0,2}}(?:win|victory|triumph|success|podium|pole)\w*(?: (?:at|in) (?:the )?(?:(?!\band\b|\bstarts?\b|\braces?\b|\boutings?\b)[^,.;]){{1,40}}?)? since\b|\bfor the first time since\b|"
    # "has not won since Road America", "has yet to win since the Rolex 24": no win after it
    rf"\b(?P<nosince>(?:has|have|had)\s+(?:not|n't|yet to|still to|failed to)\s+(?:won|win|score a win|take a win|taken a win"
    rf"|(?P<nspole>started from pole|start from pole|taken (?:a |the )?pole|take (?:a |the )?pole|been on pole)"
    rf"|(?P<nspod>stood on the podium|stand on the podium|been on the podium|finished on the podium|finish on the podium|scored a podium)))\s+since\b|"
    rf"(?<![\w-])(?P<n>{NUM}|{ORD})\s+(?:straight|consecutive|successive)\s+(?:\w+\s+)?(?P<metric>wins?|victor(?:y|ies)|podiums?|poles?|titles?|championships?)\b|"
    rf"\b(?P<metric2>wins|victories|podiums|poles|titles) in a row\b|\bback-to-back\b|\brepeat (?:win|victory)\b|"
    rf"\b(?P<metric3>win|victory|podium|pole)\s+(?:was|is|marked|made it)\s+(?:[\w'’.]+\s+){{0,3}}?(?P<n3>{ORD})\s+in\s+a\s+row\b|"
    rf"\b(?:extend(?:ed|s|ing)?|stretch(?:ed|es|ing)?)\s+(?:its|his|her|their|the)\s+(?P<metric4>winning|podium|pole)\s+(?:streak|run)\s+to\s+(?P<n6>{NUM})\b",
    re.IGNORECASE,
)
#: Claims about a run of races (type ``streak``): a set of races, what happened in each and
#: how many. Each pattern is named; the races are those the clause lists ("at Laguna Seca, Long
#: Beach and VIR"), "between A and B", the class's first N rounds of the season, its last N
#: rounds before the publication date, or the last N editions of a race.
SEQUENCE_PATTERNS = {
    # "won the first three races of the year", "won five of the first six", "did not win any of the first six GTD PRO races"
    "seq_first": rf"\b(?:(?P<k>{NUM}|any|each|all|every one)\s+of\s+)?the\s+(?:season['’]s\s+|year['’]s\s+)?(?:opening|first)\s+(?P<n>{NUM})\s+(?:{_CLASSES}\s+)?(?:races|rounds|events)\b",
    # "three wins in the last four races"
    "seq_last": rf"\b(?P<k>{NUM})\s+(?:wins?|victories|podiums?|poles?)\s+in\s+(?:the|their|its|his)\s+(?:last|past|previous)\s+(?P<n>{NUM})\s+(?:races|rounds|starts)\b|"
    rf"\b(?:won|winning|wins)\s+(?P<k2>{NUM})\s+of\s+(?:the|their|its|his|her)\s+(?:last|past|previous)\s+(?P<n3>{NUM})\s+(?:races|rounds|starts)\b|"
    # "who won the previous two GTD PRO races", "winner of the last two races"
    rf"\b(?:won|winners?\s+of|victorious\s+in)\s+(?:the|their|its|his|her)\s+(?:last|past|previous)\s+(?P<n8>{NUM})\s+(?:{_CLASSES}\s+)?(?:races|rounds|events)\b|"
    # "finished second in each of the last three rounds", "on the podium in all of the last seven races of the year"
    rf"\bin\s+(?:each|all|every\s+one)\s+of\s+(?:the|their|its|his|her)\s+(?:last|past|previous|final)\s+(?P<n2>{NUM})\s+(?:{_CLASSES}\s+)?(?:races|rounds|starts|events)\b",
    # "the last three editions of the race"
    "seq_editions": rf"\b(?:the\s+)?(?:last|past|previous)\s+(?P<n>{NUM})\s+(?:editions|runnings)\b|"
    # "have won the Twelve Hours of Sebring in each of the past two years"
    rf"\bin\s+each\s+of\s+the\s+(?:past|last|previous)\s+(?P<n2>{NUM})\s+(?:years|seasons|editions)\b",
    # "for the third straight year", "third consecutive year"
    "seq_years": rf"\b(?:for\s+)?(?:the\s+|a\s+)?(?P<n>{ORD})\s+(?:straight|consecutive|successive)\s+(?:year|season|time)\b|"
    # "three years running", "for three straight years", "two years in a row"
    rf"\b(?:for\s+)?(?P<n2>{NUM})\s+(?:(?:straight|consecutive|successive)\s+(?:years|seasons)|(?:years|seasons)\s+(?:running|in\s+a\s+row))\b",
    # "third in three straight races", "six consecutive second-place finishes", "three straight races", "three in a row"
    "seq_run": rf"\b(?:(?P<pos>{ORD}|second place|runner-up)\s+in\s+)?(?P<n>{NUM})\s+(?:straight|consecutive|successive)\s+(?:(?P<pos2>{ORD})[- ]place\s+finishes|races|rounds|wins|victories|podiums|poles)\b(?=[^.;]{{0,12}}\b(?:at|between|in)\b)|"
    # "finished second in three consecutive races", "on the podium for the third straight race"
    rf"\b(?:(?P<pos3>{ORD}|second place|runner-up)\s+in\s+)(?P<n4>{NUM})\s+(?:straight|consecutive|successive)\s+(?:races|rounds)\b|"
    rf"\bfor\s+(?:the\s+|a\s+)?(?P<n5>{ORD})\s+(?:(?:straight|consecutive|successive)\s+(?:race|round|event)\b|(?:race|round)\s+(?:in\s+a\s+row|running)\b)|"
    # "finished on the podium in five consecutive races", "in the top five for three straight rounds"
    rf"\b(?:on\s+the\s+podium|in\s+the\s+top\s+(?:five|5|three|3))\s+(?:in|for)\s+(?P<n10>{NUM})\s+(?:straight|consecutive|successive)\s+(?:races|rounds|events)\b|"
    rf"\b(?P<n2>{NUM})\s+(?:wins\s+|victories\s+)?in\s+a\s+row\b|"
    # "two Mid-Ohio wins in a row": the last editions of that race
    rf"\b(?P<n7>{NUM})\s+(?=(?-i:[A-Z]))(?:[\w'’.-]+\s+){{1,3}}?(?:wins|victories)\s+in\s+a\s+row\b|"
    # "a second straight Rolex 24 win", "Acura's second Rolex 24 win in a row": editions too
    rf"\b(?P<n9>{ORD})\s+(?:(?:straight|consecutive|successive)\s+(?=(?-i:[A-Z]))(?:[\w'’.-]+\s+){{1,3}}?(?:win|victory|triumph)\b|"
    rf"(?=(?-i:[A-Z]))(?:[\w'’.-]+\s+){{1,3}}?(?:win|victory|triumph)\s+in\s+a\s+row\b)|"
    # "won three straight GTLM races over the summer": a run somewhere in the season
    rf"\b(?<=won\s)(?P<n6>{NUM})\s+(?:straight|consecutive|successive)\s+(?:{_CLASSES}\s+)?(?:races|rounds|events)\b",
    # "back-to-back wins at Road America and VIR", "won at Watkins Glen and Mosport back to back"
    "seq_b2b": r"\bback[- ]to[- ]back\b(?!\s+(?:titles?|championships?|crowns?))",
}
SEQUENCE = {k: re.compile(v, re.IGNORECASE) for k, v in SEQUENCE_PATTERNS.items()}
#: What happened in each race of a run, read from the clause (first match wins).
_PREDICATES = (
    ("pole", re.compile(r"\bpoles?\b", re.I)),
    ("podium", re.compile(r"\bpodiums?\b", re.I)),
    ("top5", re.compile(r"\btop[- ](?:5|five)\b", re.I)),
)
_NEGATION = re.compile(r"\b(?:did not|didn't|never|failed to|without|no(?!\.))\b", re.I)
#: "its worst result of the year was seventh", "to third, its best result of the year"
SUPERLATIVE = re.compile(
    rf"\b(?P<which>best|worst)\s+(?:result|finish)(?:\s+(?:of the (?:year|season)|this (?:year|season)|so far))?\s+(?:was|came|is|has been)\s+(?:a\s+|an\s+)?(?P<pos>{ORD})\b|"
    rf"\b(?:to|finished|in)\s+(?P<pos2>{ORD})(?:\s+place)?,\s+(?:its|his|her|their)\s+(?P<which2>best|worst)\s+(?:result|finish)(?:\s+of the (?:year|season))?",
    re.IGNORECASE,
)
WIN = re.compile(
    r"\b(?:won|wins|winning(?= (?:the|a|at|in|his|her|their|its)\b)|victory in|victory at|victorious|triumphed|took (?:the |a )?(?:\w+ )?(?:win|victory|honou?rs|checkered flag)|"
    r"(?:claimed|scored|secured|earned|collected|took) (?:the |a |an )?(?:[\w-]+ ){0,2}?(?:win|victory|honou?rs|triumph)|"
    r"(?:co-)?drove to (?:\w+ )?(?:victory|the win)|taking the checkered flag|first to the checkered flag|first across the line|crossed the line first|went on to win|win at|win in|winners? of|won at)\b|"
    r"\b(?:was|were|been) awarded (?:the )?(?:[\w'’.-]+ ){0,4}?(?:win|victory)\b|"
    r"\b(?P<onetwo>(?:(?:a|an|the) )?(?:[\w-]+ ){0,2}one-two)\b|"
    r"(?P<ewin3>\b(?:(?:their|his|her|its) (?:[\w'’.-]+ ){1,4}?|(?:a|the) (?:(?-i:[A-Z0-9][\w'’.-]*) ){1,4})(?:victory|win)\b)(?! (?:at|in) )|"
    r"\b(?:taking|took|takes|scored|scoring|claimed|claiming) victories (?:at|in)\b|"
    # "Hardwick and Heylen took GTD for Wright Motorsports": won the class
    rf"\b(?:took|takes|taking)\s+(?={_CLASSES}\b(?!\s+(?:pole|points|standings|title|championship|lead)))|"
    # "Heart of Racing's Lime Rock winners" (between commas), "Pfaff's Sebring winners Klaus Bachler and …"
    r"(?P<ewin6>(?:(?<=, )|^)(?:the\s+)?(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+['’]s\s+(?:[\w'’.-]+\s+){1,3}?(?:race\s+|class\s+)?winners?)(?=,|\s+(?-i:[A-Z])|\s+(?:at|here)\b)|"
    r"(?<=, )(?P<ewin>the (?:[\w'’.-]+ ){1,5}?(?:race |class |GTP |GTD |LMP2 |LMP3 |DPi |GTLM |GTD PRO )?winners?|"
    r"(?:the )?(?:race |class |overall )?winners? (?:at|of) (?:the )?[\w'’. -]{2,40}?)"
    r"(?:(?P<ewhen> last year| last season| in (?:19|20)\d{2}| this year| in (?:January|February|March|April|May|June|July|August|September|October|November|December)))?(?=,)|"
    r"\b(?:victory|the win|honou?rs|class honou?rs|class win|GTD PRO|GT Daytona Pro|GTD|GTP|LMP2|LMP3|DPi|GTLM|GT Daytona|GT Le Mans)(?: class)?(?: honou?rs| win| victory)? went to\b",
    re.IGNORECASE,
)
FINISH = re.compile(
    rf"\bfinish(?:ed|ing)? (?:the race |a |an |(?:just )?off the podium )?(?:in )?(?:a |an )?(?:(?:distant|lonely|solid|strong|fine|creditable|respectable|disappointing|frustrating|quiet|close|comfortable|lowly)\s+)?(?P<a>{ORD}|runner-up)(?:[- ]place)?\b|"
    rf"\bbest of the rest in (?P<v>{ORD})\b|"
    # "failed to finish", "retired (from the race) after 116 laps"
    rf"\b(?P<dnf>failed to finish|did not finish|retire[sd]?(?! from (?:racing|the sport|competition)))\b(?:\s+from\s+the\s+race)?(?:\s+after\s+(?P<dnflaps>\d{{1,4}})\s+laps)?|"
    rf"\b(?P<b>{ORD})[- ]place finish\b|\bcame home (?P<c>{ORD})\b|\bclassified (?P<d>{ORD})\b|\btook (?P<e>{ORD})(?: place)?\b|"
    rf"\b(?:was|were|ended up|placed|crossed the line|(?:had|has) been) (?:a (?:close|distant|strong|solid|fine|lonely|comfortable) )?(?P<f>{ORD})\b(?![- ](?:place finish|straight|consecutive|time|on the grid|in the (?:\w+ )?standings|in (?:the )?(?:points|championship|qualifying)))|"
    rf"\b(?:settle[ds]? for|settling for|(?:could )?(?:only )?manage[ds]?(?: only| just)?|managing(?: only| just)?|with) (?:a |an )?(?P<n>{ORD})(?:[- ]place(?: finish)?)?\b(?!\s+(?:win|victory|title|championship|pole|podium|straight|consecutive|time|on the grid|in the (?:\w+ )?standings))|"
    rf"\b(?:a|an) (?P<r>{ORD})[- ]place(?: finish)? (?=(?:at|in) (?:the )?[A-Z])|\b(?P<g>runner-up)\b|\bon the (?:[\w-]+ ){{0,2}}podium in (?P<x>{ORD})\b|\b(?P<h>on the (?:(?:GTD PRO|GTP|GTD|LMP2|LMP3|DPi|GTLM|class) )?podium|podium finish|a podium)\b|"
    rf"\b(?:salvaged|faded to|dropped to|slipped to|fell to|recovered to|climbed to|struggled to|battled to|fought to|rallied to|limped to|crawled to|slumped to|sank to)\s+(?P<i>{ORD})\b|"
    rf"\b(?P<j>complet(?:ed|ing|es) (?:the|an?) (?:[\w-]+ ){{0,2}}podium)\b(?!\s+in\s+(?:{ORD}))|"
    rf"\bcomplet(?:ed|ing|es) the (?:[\w-]+ ){{0,2}}podium\s+in\s+(?P<u>{ORD})(?:\s+place)?\b|"
    # "with the No. 10 Acura second", "with Racing Team Nederland's No. 29 in third"
    rf"\b(?:with|and)\s+(?P<wwho>(?:the\s+)?(?:(?-i:[A-Z#][\w'’.-]*)|No\.\s?\d+|sister)(?:\s+(?:(?-i:[A-Z#][\w'’.-]*)|No\.\s?\d+|\d+|of|and|the|sister|&))*?)\s+(?:in\s+)?(?P<w>{ORD})(?:\s+place)?\b(?!\s+(?:win|victory|title|championship|pole|podium|straight|consecutive|time|on the grid|in the (?:\w+ )?standings|row))|"
    # "Third place was enough for Sellers and Snow", "ninth place went to the No. 57"
    rf"\b(?P<k>{ORD})\s+place\s+(?:was\s+(?:(?:more\s+than|just|only)\s+)?enough\s+for|went\s+to|fell\s+to)\b|"
    # "on its way to second place", "charged to third", "promoted the No. 85 to third", "moved to tenth"
    rf"\b(?:on (?:its|his|her|their) way|drove|charged|raced|stormed|came through)\s+to\s+(?P<l>{ORD})(?:\s+place)?\b|"
    rf"\b(?:moved|demoted|relegated|promoted|dropped)\b(?:\s+[\w.'’-]+){{0,5}}?\s+to\s+(?P<m>{ORD})\b(?!\s+(?:on the grid|in the standings))|"
    # "crossed the finish line in second place", "ended the race in fifth position", "brought the No. 31 home in third"
    rf"\b(?:crossed the (?:finish(?:ing)? )?line|ended the race|finished the race|took the (?:checkered |chequered )?flag|(?:brought|brings|bringing) [^,;]{{1,40}}? home|came home)"
    rf"\s+in\s+(?P<s>{ORD})(?:\s+(?:place|position|spot))?\b|"
    rf"\bfinish(?:ed|ing)?\s+(?:a|one|two|three|\d+)\s+laps?\s+down\s+in\s+(?P<t>{ORD})\b|"
    rf"\b(?P<rounded>rounded out the (?:[\w-]+ ){{0,2}}podium)\b|"
    # "finished last of the six DPi cars", "was classified last"
    rf"\b(?:finish(?:ed|ing)|classified|was|came home|ended up)\s+(?P<last>last)\b(?!\s+(?:year|season|time|week|month|race|round|weekend))|"
    # "second at A, B and C and third at Sebring": a second place list
    rf"\band\s+(?P<o>{ORD})\s+(?=(?:at|in)\s+(?:the\s+)?[A-Z])|"
    # an appositive: "The Ferrari, second at the Glen in June, …", "…, third across the line, was …"
    rf"(?<=,\s)(?P<p>{ORD})(?=\s+(?:(?:at|in)\s+(?:the\s+)?[A-Z]|across the line|on the road|to the checkered flag))",
    re.IGNORECASE,
)
POLE = re.compile(
    rf"\b(?:took|takes|claimed|claims|secured|secures|earned|earns|won|wins|captured|captures|grabbed|grabs|scored|scores|snatched|snatches|set|sets|started from|starts from|start from|will start from|beat (?:[^,;.]|\.(?=\s?\d)){{1,40}}? to|beats (?:[^,;.]|\.(?=\s?\d)){{1,40}}? to|(?:put|planted|placed|stuck|parked|popped) (?:[^,;.]|\.(?=\s?\d)){{1,60}}? on) (?:the |his |her |their |its |a )?(?:\w+ ){{0,2}}pole(?: position| award)?\b|"
    rf"\bon pole\b|\bpole[- ]?sitters?\b|\bpole[- ]?(?:winning|sitting|winners?)\b|\bconvert(?:ed|s|ing)?\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?pole\b|\b(?:taking|took|taken|had taken) (?:the )?(?:\w+ )?pole\b|\bqualified (?P<q>{ORD}|on pole)\b|\bqualifying (?:in )?(?P<q2>{ORD})\b|\bpole position\b|"
    # the grid: "from sixth on the grid", "No. 32, third on the grid", "started from second", "won from pole"
    rf"\b(?P<q3>{ORD})\s+on\s+the\s+(?:\w+\s+)?grid\b|\b(?:started|starting|starts|start)\s+(?:from\s+)?(?P<q4>{ORD})\b(?![- ]place)|"
    rf"\bpole\s+(?:went|fell|was awarded)\s+to\b|\bfrom pole\b|\bqualified\s+(?:the\s+)?(?:[^,;.]|\.(?=\s?\d)){{1,30}}?\s+on\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}pole\b|\bqualified fastest\b|\btopped (?:the )?(?:[\w-]+ ){{0,2}}qualifying\b|"
    rf"\b(?:fastest|quickest) in (?:the )?(?:[\w-]+ ){{0,2}}qualifying\b|\b(?P<front>(?:on|from)\s+the\s+front\s+row)\b",
    re.IGNORECASE,
)
FASTEST = re.compile(
    rf"\b(?:the\s+)?quickest(?:\s+lap)?\s+of\s+the\s+race\b|"
    # not "the second-fastest lap", "third fastest lap": a rank the checker does not read
    rf"(?<!-)(?<!second )(?<!third )(?<!2nd )(?<!3rd )\bfastest (?:race |overall |class |{_CLASSES} |GT Daytona Pro |GT Daytona |GT Le Mans )?lap\b"
    rf"(?:(?:\s+(?:in|of)\s+(?:the\s+)?(?:race|{_CLASSES}))?\s+(?:went|fell|belonged)\s+to\b)?",
    re.IGNORECASE,
)
TITLE = re.compile(
    r"\b(?:won|wins|clinched|clinches|clinch|claimed|claims|secured|secures|took|takes|sealed|seals|wrapped up|wraps up|captured|captures|defended|defends|retained|retains|claim|win) (?:the |his |her |their |a |its |back-to-back )?[\w'’ -]{0,45}?(?:title|championship|crown|Endurance Cup)s?\b|"
    r"\b(?:swept|sweeps?|sweeping|complet(?:ed|es|ing) a sweep of) (?:the |a |its |their )?[\w'’, -]{0,60}?(?:titles|championships|crowns)\b|"
    r"(?<=, the )(?:19|20)\d{2} (?:[\w'’.-]+ ){4,6}champions?\b|"
    r"\b(?:reigning|defending) (?:[\w'’-]+ ){0,3}champions?\b|\b(?:last|this) (?:year|season)['’]s (?:[\w'’-]+ ){0,3}champions?\b|\b(?:19|20)\d{2} (?:[\w'’-]+ ){0,3}champions?\b|\bchampions? in (?:19|20)\d{2}\b|"
    r"\b(?:became|becomes|crowned|is|was|were|are) (?:the )?(?:[\w'’-]+ ){0,3}champions?\b|"
    r"\b(?:title|championship|crown)s? (?:that |which )?(?:he|she|they|the pair|the trio|the team) (?:had )?(?:won|claimed|took|clinched|shared|sealed)\b|"
    r"\b(?:title|championship|crown) (?:is|was) (?:[\w'’-]+['’]s )?first\b[^.;,]{0,30}?\bsince\b|\bfirst (?:[\w'’-]+ ){0,2}(?:title|championship|crown) since\b|"
    r"\b(?:sharing|shared|shares|share) (?:the|a|his|her|their) [\w'’ -]{0,30}?(?:title|championship|crown)\b|"
    r"\b(?:which|that) (?:he|she|they) (?:also )?shared with\b|"
    r"\badds? (?:a|an|the|this) [\w'’ -]{0,30}?(?:title|championship|crown) to (?:his|her|their|its) [\w'’ -]{0,20}?(?:one|title|crown|championship)\b|"
    r"\b(?:turned|converted|translated|turns|converts) [^.;,]{1,40}? into (?:the|a|an|his|her|their|its) [\w'’ -]{0,30}?(?:title|championship|crown)\b",
    re.IGNORECASE,
)
#: "won, holding off the No. 78", "brought the car home ahead of Riley's No. 74": the cars named
#: finished right behind the subject (type ``result``, about the cars named).
RIVAL = re.compile(
    r"\b(?:(?:brought|bringing|brings|took|taking|takes)\s+(?:the\s+car|it|[^,;]{1,40}?)\s+home\s+)?(?:(?P<mg>\d+\.\d+)\s+(?:seconds?|secs?|s)\s+(?:clear\s+of|ahead\s+of|in\s+front\s+of)|"
    r"ahead\s+of|holding\s+off|held\s+off|holds\s+off|in\s+front\s+of|leading\s+home|led\s+home|leads\s+home|"
    # "beat Pfaff's McLaren by 1.340 seconds", "beating the No. 01 Cadillac … by 0.749 seconds"
    r"beat|beats|beating|defeated|defeating|edged|edging|pipped|pipping|"
    # "by more than 48 seconds from the CrowdStrike by APR entry"
    r"(?:winning\s+|won\s+)?by\s+(?P<cmp>more\s+than|over|just\s+over|less\s+than|under|just\s+under)?\s*(?P<mg2>\d+(?:\.\d+)?)\s+(?:seconds?|secs?|s)\s+from)\s+"
    r"(?=(?:the\s+)?(?:sister\s+)?(?:[A-Z#]|No\.))",
    re.IGNORECASE,
)
#: Capitalised words (and "No. 57", "of", "by"): a name.
_NAMEY = r"[A-Z#][\w'’.-]*(?:\s+(?:[A-Z0-9#][\w'’.-]*|of|by)){0,5}"
#: "which also gave Winward the teams' title", "giving Cadillac the manufacturers' championship"
#: (and an elliptical "… and Cadillac the manufacturers' championship"): the subject is the
#: name the title is given to.
TITLE_TO = re.compile(
    rf"\b(?:gave|giving|gives|give|handed|handing|hands|earned|earning|delivered|delivering)\s+(?P<to>(?:the\s+)?{_NAMEY})\s+"
    r"(?:the|its|their|his|her|a)\s+(?:[\w'’-]+\s+){0,3}?(?:title|championship|crown)s?\b|"
    rf"\band\s+(?P<to2>{_NAMEY})\s+the\s+(?:[\w'’-]+\s+){{0,2}}?(?:title|championship|crown)s?\b"
)
LINEUP = re.compile(
    r"\b(?:joins|joined|joining|rejoins?|stays (?:in|with)|remains with|moves (?:across |over |up |back )?to|switches to|will (?:(?:also|again) )?(?:drive|race|pilot|partner|share|contest|compete|team|join|add)|teamed (?:up )?with|teams? up with|"
    r"alongside(?!\s+(?:the\s+)?pole)|replaces|replaced|replacing|in place of|full[- ]season|endurance (?:rounds|races|events)|Endurance Cup (?:rounds|races|events)|"
    r"co-drivers?|partnered|returns to|returned to|returns? (?:as|for)|(?<!class )(?<!series )(?<!paddock )(?<!field )returns at|returned (?:as|for)|shares? the|shared the|sharing the|"
    r"line-?up|drive for|drove for|racing for|(?:was|is|as|will (?:again |also |once again )?be) the (?:third|fourth|fifth) driver|part of (?:the )?[\w'’ .-]{0,40}?(?:effort|line-?up|squad|entry)|"
    r"(?:will be )?shared by|(?:will be |was |were |is |are )?driven by|partners|partnering|(?:takes|took|taking|will take) over from|"
    r"stay(?:s|ed)? together|remain(?:s|ed)? together|adds|added (?:for|to|at)|brings (?:in|back)|brought (?:in|back)|bringing (?:in|back)|"
    # "Huffaker stays on the No. 52 for Road America"
    r"(?:stays|stayed|remains|remained) (?:on|in|with)(?= (?:the )?(?:No\.|#|(?-i:[A-Z])))|keeps|kept|shares with|shared with|(?:made|makes|complete[sd]?|round(?:s|ed)? out) (?:up )?the (?:[\w-]+ )?line-?up|(?:will )?stay(?:s|ed)? (?:in the car|on) for|(?:is|are|was|were) (?:also )?expected back|dr(?:ove|ives) the (?:car|No\.\s?\d+)(?= (?:at|in|for) (?:every|each|all|the|[A-Z])))\b",
    re.IGNORECASE,
)
#: A points figure ("1,620", "76", "four").
_PTS = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{NUM}|a single|a)"
_TABLE = r"(?:standings|championship|points|table)"
#: Standings claims (type ``championship``), each named; a claim's clause is then read for its
#: figures (``STANDING_FIGURES``): "with 1,620 points", "by 76 points over Ross Gunn", "93 ahead of".
STANDING_PATTERNS = {
    # "finished second in the teams' standings", "third in the GTD PRO manufacturers' standings"
    "standing_position": rf"\b(?P<pos>{ORD}|runner-up)\s+in\s+the\s+(?:[\w'’ -]{{0,40}}?\s)?(?:standings|championship|points|table)\b(?!\s+(?:race|round|fight|battle|chase))",
    # "lead the GTP standings", "led after CTMP by 78 points", "led Nasr and Tandy by 12 points"
    "standing_lead": rf"\b(?:took|take|takes|taking|moved into|moves into|moving into|assumed|inherited|grabbed|seized) (?:over )?the (?:points|championship|standings|title) lead\b|"
    rf"\b(?:leads?|led|leading)\b(?=[^.;]{{0,70}}?\b(?:{_TABLE}|points?)\b)|\b(?:on |at the )?top of the (?:[\w'’ -]{{0,30}}?\s)?standings\b",
    # "an advantage of just 19 points", "their advantage had been just 19 points", "a 227-point lead"
    "standing_gap": rf"\b(?:advantage|lead|margin|gap|cushion)\s+(?:had been|was|is|of|stood at)\s+(?:just\s+|only\s+)?(?P<gap>{_PTS})\s+points?\b|"
    rf"\b(?P<gap2>{_PTS})-point\s+(?:lead|advantage|margin|cushion)\b",
    # "won the title by 86 points over …", "beat Ross Gunn by four points"
    "standing_margin": rf"\bby\s+(?P<gap>{_PTS})\s+points?\s+(?:over|from|ahead of)\b|\bbeat\b(?=[^.;]{{1,50}}?\bby\s+{_PTS}\s+points?\b)",
    # "53 points behind Garcia and Sims", "405 points clear of …", "29 points back",
    # "trailed Garcia and Taylor by 173 points"
    "standing_behind": rf"(?<![\w,.])(?<!with )(?<!on )(?P<gap>{_PTS})\s+points?\s+(?P<dir>behind|adrift|back|off the lead|down on|clear|ahead|in front|up on)\b|"
    # "…, 30 more than Stevan McAleer", "99 clear of De Angelis": a points gap written without "points"
    rf"(?<![\w,.])(?<!with )(?<!on )(?P<gap3>\d{{1,3}})\s+(?P<dir2>more than|clear of|ahead of|behind)\s+(?=(?-i:[A-Z]))|"
    rf"\b(?P<trail>trail(?:ed|s|ing)?)\b(?=[^.;]{{1,60}}?\bby\s+(?P<gap2>{_PTS})\s+points?\b)",
    # "In the Michelin Endurance Cup, they are second": the place follows the table
    "standing_in": rf"\bIn the (?:[\w'’ -]{{0,40}}?\s)?(?:standings|championship|Endurance Cup|points)\s*,\s+"
    rf"(?=(?:[\w'’.-]+\s+){{1,5}}?(?P<verb>are|is|was|were|sits?|sat|lies|lay|remains?|remained|stands?|stood)\s+(?P<pos>{ORD})\b)",
}
STANDING = {k: re.compile(v, re.IGNORECASE) for k, v in STANDING_PATTERNS.items()}
STANDING_FIGURES = {
    "points": re.compile(rf"\b(?:with|on|have|has|had)\s+(?P<v>{_PTS})\s+points\b", re.IGNORECASE),
    "gap": re.compile(
        rf"\bby\s+(?:just\s+|only\s+)?(?P<v>{_PTS})\s+points?\b|(?<![\d,])(?P<v2>{_PTS})\s+(?:points\s+)?(?:ahead of|clear of)\b|"
        rf"\b(?:advantage|lead|margin)\s+(?:had been|was|is|of)\s+(?:just\s+|only\s+)?(?P<v3>{_PTS})\s+points?\b|"
        rf"\b(?P<v4>{_PTS})-point\s+(?:lead|advantage|margin)\b|"
        rf"(?<![\d,])(?P<v5>{_PTS})\s+points?\s+(?:behind|adrift|back\b|off the lead)",
        re.IGNORECASE,
    ),
}
NOT_STAT = re.compile(
    r"\b\d+-year-old\b|\b(?:twenty|thirty|forty|fifty)[\w-]*-year-old\b|\byears? old\b|\bcontract\b|\bmulti-year\b|\b(?:two|three|one|multi)-year (?:deal|agreement)\b|"
    r"\bdeal\b|\bextension\b|\bborn\b|\bbirthday\b|\bspectators\b|\battendance\b|\bcrowd\b|\bmph\b|\bkm/h\b",
    re.IGNORECASE,
)
OUTSIDE_SERIES = re.compile(
    r"\b(?:24 Hours of Le Mans|Le Mans 24|(?<!Petit )(?<!GT )Le Mans|FIA WEC|WEC|World Endurance Championship|IndyCar|Indy 500|Indianapolis 500|"
    r"NASCAR|Formula (?:1|One|E|2|3)|F1|F2|European Le Mans|ELMS|Asian Le Mans|Pilot Challenge|GT World Challenge|N[uü]rburgring|"
    r"Spa(?:-Francorchamps)?|Bathurst|Super GT|DTM|Carrera Cup|Super Trofeo|Prototype Challenge|VP Racing SportsCar Challenge|"
    r"Ferrari Challenge|Supercup|Macau|Daytona 500|Supercars|Blancpain|American Le Mans Series|ALMS|Grand-Am|Rolex Sports Car Series|"
    r"Pirelli World Challenge|Sprint Cup|SRO|GT4|TCR|Trans-Am|Indy NXT|Indy Lights|Eurocup|Formula Renault|Formula Regional|Formula Ford|Formula BMW|Euroformula|Porsche Supercup|"
    # the classes of other series ("won the GTE Am class earlier this month")
    r"LM ?GTE(?: ?(?:Am|Pro))?|GTE[ -]?(?:Am|Pro)|LMGT3|LMP1|Hypercar)\b"
)
PRONOUN = re.compile(
    r"^(?:(?:But|And|Meanwhile|Now|Then|Still|There|Here|However|Earlier|Later|Previously|In total|In all|All told|Overall),?\s+|"
    r"(?-i:(?:At|In)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}),?\s*)?(?P<p>he|she|they|his|her|their|it|its|"
    r"the (?:(?-i:[A-Z][a-z]+(?:-[A-Z][a-z]+)*) (?:pairing|pair|duo|trio|crew)|team|squad|outfit|crew|car|entry|trio|duo|pairing|pair|drivers|(?:(?:19|20)\d{2} )?champions|winners|"
    r"marque|manufacturer|brand|German marque|Italian marque|(?-i:[A-Z][a-z]+(?: [A-Z][a-z]+)?)))\b",
    re.IGNORECASE,
)


@dataclass
class Context:
    """What the article has named so far: the last subject(s), the event, surnames in full."""

    date: dt.date
    subjects: list[Mention] = field(default_factory=list)
    #: Every driver the article has named outside a rival's unit, latest last: "the Swiss" three
    #: paragraphs after "Neel Jani" when a dozen subjects have come since.
    drivers_seen: list[Mention] = field(default_factory=list)
    last_group: list[Mention] = field(default_factory=list)
    event: Mention | None = None
    known: dict[str, str] = field(default_factory=dict)
    #: The article's own event (the first named: headline or dateline) and the paragraph's latest.
    main_event: Mention | None = None
    paragraph: int = -1
    #: Where the current paragraph starts in the article (a race named there is the paragraph's).
    paragraph_start: int = 0
    #: The races the current paragraph has named (one: a confident paragraph race).
    paragraph_races: set[str] = field(default_factory=set)
    #: The drivers, cars and teams the previous sentence named (is a pronoun ambiguous?).
    last_named: list[Mention] = field(default_factory=list)
    #: The sentence's relative clauses (", who also won … in 2021,"), in sentence offsets: a
    #: time stated in one belongs to the claims inside it only.
    asides: list[tuple[int, int]] = field(default_factory=list)
    #: The year the paragraph (else the article's headline or first sentence) named last: the
    #: season of a car number read without a year of its own ("The No. 023 … that season").
    paragraph_year: int | None = None
    article_year: int | None = None
    #: The teams the article has named, and the class it named last ("the team's second win").
    teams_named: set[str] = field(default_factory=set)
    last_class: str | None = None
    upcoming: str | None = None  # the race the paragraph looks ahead to ("heads next to the Glen")
    #: The sentence's relative clauses about another series (claims of their own).
    outside_asides: list[tuple[int, int]] = field(default_factory=list)
    #: The race a sub-heading names ("DragonSpeed: The Win at Mosport"): its section's race.
    section_event: Mention | None = None
    #: The car each make was last named with ("the No. 81 Ferrari"): "the Ferrari" is that car.
    car_makes: dict[str, Mention] = field(default_factory=dict)
    #: A line-up verb right after a relative line-up clause ("Estre, who partnered X at A, joined
    #: him for B"): the relative's subject, and the claim starts at the verb.
    after_relative: bool = False
    #: Where a line-up's own clause starts when it shares the subject of the one before it
    #: ("…, and will be Derani's full-season team-mate").
    clause_at: int | None = None
    #: The paragraph's line-ups: each driver's team and car as last stated ("Vasser Sullivan ran
    #: Kobayashi … in the No. 14"), the seat a later "Kobayashi will return" goes back to.
    seats: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    #: The drivers the sentence in hand names ("Delétraz …, on his way to …": his).
    sentence_drivers: list[Mention] = field(default_factory=list)


def claims_in(lex: Lexicon, sent: Sentence, ctx: Context) -> list[Claim]:
    """The claims of one sentence (and update the article context)."""
    text = sent.text
    if sent.paragraph != ctx.paragraph:
        # a new paragraph goes back to the section's race (a sub-heading's: "DragonSpeed: The Win at
        # Mosport"), else the article's own race, until it names another
        ctx.paragraph = sent.paragraph
        ctx.paragraph_start = sent.start
        ctx.paragraph_races = set()
        ctx.paragraph_year = None
        ctx.event = ctx.section_event or ctx.main_event
        ctx.upcoming = None
        ctx.seats = {}
    mentions = _makes_as_cars(spot(lex, text, sent.start, ctx.known), text, sent.start, ctx)
    ctx.sentence_drivers = [m for m in mentions if m.kind == "driver"]
    outside = [m.span() for m in OUTSIDE_SERIES.finditer(text)]
    mentions = [
        m for m in mentions
        if not (m.kind == "event" and any(a < m.end - sent.start and m.start - sent.start < b for a, b in outside))
    ]  # fmt: skip
    for m in mentions:
        if m.kind == "driver" and m.how == "exact":
            # a surname stands for the driver named in full; two named drivers sharing it make it
            # ambiguous ("" : read as no one)
            words = m.name.casefold().split()
            for i in range(1, len(words)):
                tail = " ".join(words[i:])
                ctx.known[tail] = m.key if ctx.known.get(tail, m.key) == m.key else ""
    # a relative or appositive clause about another series ("who raced in the Indianapolis 500 in
    # May", "a class winner at the 24 Hours of Le Mans in 2018") is a claim of its own, outside
    # the championship, and takes no part in the main claim; other relative clauses keep their
    # own time ("who also won the Rolex 24 with the team in 2021")
    aside_claims: list[Claim] = []
    ctx.asides, ctx.outside_asides = [], []
    outside_descriptions = [(a + 2, b) for a, b in _descriptions(text) if OUTSIDE_SERIES.search(text[a:b])]
    for a, b in sorted({*_asides(text), *outside_descriptions}):
        if not OUTSIDE_SERIES.search(text[a:b]):
            ctx.asides.append((a, b))
            continue
        inside = [m for m in mentions if a <= m.start - sent.start < b]
        clause_type = (
            "championship" if re.search(r"\b(?:champion|title|crown)", text[a:b], re.I)
            else "lineup" if re.search(r"\b(?:rac(?:ed|es|ing)|dr(?:ove|ives|iving)|compet\w+|contest\w+|ran|start(?:ed|s))\b", text[a:b], re.I)
            else "result"
        )  # fmt: skip
        subject = [m for m in mentions if m.end - sent.start <= a and m.kind in SUBJECT_KINDS][-1:]
        aside_claims.append(
            Claim(
                sent.start + a, sent.start + b, text[a:b], clause_type,
                {"subject": [{"kind": m.kind, "name": m.name, "key": m.key} for m in subject], "outside": True},
                _unique(subject + inside), OUTSIDE,
            )
        )  # fmt: skip
        text = text[:a] + " " * (b - a) + text[b:]
        mentions = [m for m in mentions if not (a <= m.start - sent.start < b)]
        ctx.outside_asides.append((a, b))
    ahead = [
        m for m in mentions
        if m.kind == "event"
        and re.search(r"\b(?:heads?|heading|moves?\s+on|moving\s+on|travels?|next\s+(?:round|race|stop)|goes|returns?)\b(?:\s+next)?\s+(?:to|at|is)\s+(?:the\s+)?$", text[: m.start - sent.start], re.I)
    ]  # fmt: skip
    if ahead:
        ctx.upcoming = ahead[-1].name  # "The series heads next to the Six Hours of the Glen"
    for a, b, claim in _different_winners(text, mentions, sent, ctx):
        aside_claims.append(claim)
        text = text[:a] + " " * (b - a) + text[b:]
    names = [(m.start - sent.start, m.end - sent.start) for m in mentions if m.kind in ("event", "car")]
    triggers = _gapped_lineups(_triggers(text, names), text, mentions, sent.start)
    out: list[Claim] = []
    pronoun = _pronoun(text, ctx)
    first = triggers[0][1] if triggers else len(text)
    prefix = [m for m in mentions if m.start - sent.start < first]
    previous: Claim | None = None
    with_names: list[Mention] = []
    rel_claim: Claim | None = None
    for idx, (kind, start, end, match) in enumerate(triggers):
        lo = triggers[idx - 1][2] if idx else 0
        hi = triggers[idx + 1][1] if idx + 1 < len(triggers) else len(text)
        ctx.after_relative = relative = second = False
        ctx.clause_at = None
        if kind == "lineup":
            # "…, Kevin Estre, who also partnered MacNeil at Lime Rock, …": a relative clause is its own
            relative = bool(_RELATIVE_LINEUP.search(text[lo:start]))
            # "…, joined him for VIR": the verb of the relative's subject, after the relative clause
            ctx.after_relative = bool(
                rel_claim is not None
                and previous is rel_claim
                and re.fullmatch(r"\s*,\s*", text[rel_claim.end - sent.start : start])
            )
            own = _own_clause(mentions, text, lo, start, sent.start) or relative or ctx.after_relative
            # "… alongside Derani and Aitken, and will be Derani's full-season team-mate": a second
            # predicate of the same subject
            sm = re.search(r",\s+and\s+(?=(?:will|would|is|was)\b)", text[lo:start])
            second = sm is not None
            ctx.clause_at = lo + sm.end() if sm else None
            bm = re.search(r"\s(?:before|until)\s+(?=(?-i:[A-Z]))", text[lo:start], re.I)
            if bm is not None and own:
                ctx.clause_at = lo + bm.end()  # "… at Indianapolis before Castroneves rejoins them"
            own = own or second
            # ", while Felipe Fraga, absent this weekend, returns at …": a subject with an appositive
            own = own or bool(
                re.search(
                    r"[,;]\s+(?:while|but|and|whereas)\s+(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+,[^,;]{1,40},\s*$",
                    sent.text[lo:start],
                )
            )
            if previous is not None and previous.type == "lineup" and previous.end >= sent.start + lo and not own:
                continue
            # a line-up clause runs to the next claim, or to the next line-up clause with its own subject
            later = [
                t for i, t in enumerate(triggers[idx + 1 :], start=idx + 1)
                if t[0] != "lineup" or _own_clause(mentions, text, triggers[i - 1][2], t[1], sent.start)
                or _RELATIVE_LINEUP.search(text[triggers[i - 1][2] : t[1]])
            ]  # fmt: skip
            hi = _head(mentions, text, later[0][1], sent.start) if later else len(text)
            cut = _RELATIVE_LINEUP.search(text[end:hi])
            if later and cut and end + cut.end() == later[0][1]:
                hi = end + cut.start()  # "…, who will race the car all season" is a line-up of its own
            stop = re.search(
                r";|:\s|,\s(?:and|while|but|as|where|which|who)\s|\sand\s(?:which|who)\s|\s(?:before|until)(?:\s+(?=(?-i:[A-Z]))|\s*$)"
                + (r"|," if relative else ""),
                text[end:hi],
            )
            if stop:
                hi = end + stop.start()
        elif kind not in ("title_to",):
            # "Garcia and Taylor had started third, and Corvette Racing now has its first VIR
            # victory since …": a coordinated clause with a subject of its own ends the claim
            cut_at = _NEW_SUBJECT_CLAUSE.search(text, end, hi) or _NEW_TIME_CLAUSE.search(text, end, hi)
            if cut_at is not None:
                hi = cut_at.start()
        named_next: list[Mention] = []
        if kind == "championship" and pronoun is not None and start < PRONOUN.match(text).end():
            # "The 2024 champions won four races": the phrase refers to the crew named before (no
            # claim); "The 2023 champions Sellers and Snow …": a title of the names that follow
            at_end = PRONOUN.match(text).end()
            for m in sorted(mentions, key=lambda m: m.start):
                if m.kind == "driver" and (
                    0 <= m.start - sent.start - at_end <= 1
                    or (
                        named_next
                        and re.fullmatch(
                            r"\s*(?:,|and|&|, and)\s*", text[named_next[-1].end - sent.start : m.start - sent.start]
                        )
                    )
                ):
                    named_next.append(m)
            if not named_next:
                continue
        # slots: what follows the trigger up to the next one, else what precedes the first trigger
        segment = [m for m in mentions if start <= m.start - sent.start < hi]
        # what precedes the first trigger, but not a race named in a description ("No. 9, winner at
        # Sebring, came home sixth") or as background
        reported = {id(m) for m in _reported([m for m in prefix if m.kind == "event"], text, sent.start)}
        window = segment + [
            m for m in prefix if m.kind not in {s.kind for s in segment} and (m.kind != "event" or id(m) in reported)
        ]
        # "In the Endurance Cup, they are second": the subject is named before the verb
        at = match.start("verb") if kind == "standing_in" else start
        before = [
            m for m in mentions
            if lo <= m.start - sent.start < at and m.kind in SUBJECT_KINDS
            and not (m.kind != "car" and _describing(m, text, sent))
        ]  # fmt: skip
        if kind.startswith("standing"):
            # "… for Corvette, and BMW finished second in the standings": the subject of its own clause
            own_clause = [m for m in before if m.start - sent.start >= _clause_start(text[:at])]
            before = own_clause or before
        coord = re.search(r",\s*and\s+(?:then\s+|also\s+|later\s+)?$", text[:at])
        sub = list(re.finditer(r"\b(?:after|before|when|because|once|as)\b", text[lo:at], re.I)) if coord else []
        if sub:
            # "… after the No. 8 was penalised, and won again": the subordinate clause's names are not
            # the subject of the coordinated verb
            cut = lo + sub[-1].start()
            before = [m for m in before if m.start - sent.start < cut]

        # "Pipo Derani, who won here last September with Felipe Nasr, was fifth": a name inside a
        # relative clause the trigger is outside of is not its subject
        def in_aside(m: Mention, at: int = at) -> bool:
            return any(a <= m.start - sent.start < b and not a <= at < b for a, b in ctx.asides)

        after_aside = next(
            (a for a, b in ctx.asides if b <= at and re.fullmatch(r"\s*,?\s*(?:\w+\s+){0,2}", text[b:at])), None
        )
        if not before and after_aside is not None:
            # "Bamber and Lynn, who won at Sebring last month, had qualified second": the relative
            # clause's antecedent is the subject of the verb after it
            before = [m for m in mentions if m.kind in SUBJECT_KINDS and m.end - sent.start <= after_aside]
            before = _nearest_unit(before, text, sent.start) if before else []
        elif before and all(in_aside(m) for m in before):
            # the names before the relative clause: its antecedent is the subject
            before = [m for m in mentions if m.kind in SUBJECT_KINDS and m.start - sent.start < at and not in_aside(m)]
            before = _nearest_unit(before, text, sent.start) if before else []
        else:
            before = [m for m in before if not in_aside(m)]
        subject = _subject(before, segment, at, sent, pronoun, ctx, text)
        they = re.search(r"\b(?:they|their)\b", text[:at], re.I)
        if (
            they
            and they.start() > 0
            and subject
            and all(m.how.startswith(("pronoun ('they'", "pronoun ('their'")) for m in subject)
        ):
            # "Bamber and Lynn, who won …, had qualified second, and they now lead": the group this
            # sentence named before "they", not the previous sentence's
            named = [
                m for m in mentions
                if m.kind in ("driver", "team", "car") and m.end - sent.start <= they.start()
                and not any(a <= m.start - sent.start < b for a, b in ctx.asides)
                and not _RIVAL.search(text[: m.start - sent.start])
                and not _describing(m, text, sent)
            ]  # fmt: skip
            group = _nearest_unit(named, text, sent.start) if named else []
            if len(group) > 1 or (group and group[0].kind != "driver"):
                subject = [_as_pronoun(m, they.group(), LEAD_PRONOUN) for m in group]
        leaders = _LEADERS.search(text, _clause_start(text[:at]), at) if kind.startswith("standing") else None
        if leaders and not [m for m in before if m.start - sent.start >= leaders.start()]:
            # "the points leaders leave Elkhart Lake 179 points clear of X": whoever led that table
            subject = [
                Mention(
                    "leader",
                    sent.start + leaders.start(),
                    sent.start + leaders.end(),
                    leaders.group(),
                    "leader",
                    leaders.group(),
                )
            ]
        if kind == "title_to":  # "gave Winward the teams' title": Winward
            to = "to" if match.group("to") else "to2"
            subject = [
                m for m in mentions
                if m.kind in SUBJECT_KINDS and match.start(to) <= m.start - sent.start < match.end(to)
            ][:1] or subject  # fmt: skip
        if named_next:
            subject = named_next
        elif kind == "championship" and re.match(r"(?:which|that)\b", match.group(), re.I):
            # "…, which he also shared with Jaminet": Jaminet (the title is the one before)
            subject = [m for m in mentions if m.kind == "driver" and m.start - sent.start == end + 1][:1]
            if not subject or previous is None or previous.type != "championship":
                continue
        elif kind == "championship" and subject:
            subject = _co_champions(subject, mentions, text, sent, end)
        if _SUBJECT_AFTER.search(match.group()):
            subject = _named_after(segment, end, sent, text) or subject
        if kind == "seq_run" and (not subject or all(m.how.startswith("pronoun") for m in subject)):
            tail = re.match(r"\s+for\s+(?:the\s+)?", text[end:hi], re.I)
            if tail and any(m.kind in SUBJECT_KINDS and m.start - sent.start == end + tail.end() for m in segment):
                # "it made it two Mid-Ohio wins in a row for Wayne Taylor Racing": the names after "for"
                subject = _named_after(segment, end + tail.end() - 1, sent, text) or subject
        if kind in ("ordinal", "ordinal_of", "count_only", "ordinal_time") and not before:
            tail = re.match(
                r"\s+(?:of\s+(?:the\s+)?(?:year|season)\s+|of\s+(?:19|20)\d{2}\s+|this\s+(?:year|season)\s+)?for\s+(?:the\s+)?",
                text[end:hi],
                re.I,
            )
            named = [
                m for m in segment if tail and m.kind in SUBJECT_KINDS and m.start - sent.start == end + tail.end()
            ]
            if named:
                # "It was a fourth win of the season for Sellers and Snow": the names after "for"
                subject = _named_after(segment, end + tail.end() - 1, sent, text) or subject
        if (
            kind == "finish"
            and match.groupdict().get("wwho")
            and previous is not None
            and previous.start >= sent.start
            and previous.type == "championship"
        ):
            # "leads the standings by 76 points from Gunn, with Barnicoat and Hawksworth third": a
            # standing, whose names a gap after it ("…, 107 points behind Gunn") is about
            a, b = match.start("wwho"), match.end("wwho")
            with_names = [m for m in mentions if m.kind in SUBJECT_KINDS and a <= m.start - sent.start < b]
            gap_after = re.match(rf",?\s+(?:{_PTS})\s+points?\b", text[end:])
            if with_names and not gap_after:
                # "…, with Albuquerque and Taylor third": their place in the same table
                ps = previous.slots
                slots = {
                    **{k: ps.get(k) for k in ("class", "seasons", "since", "until", "career", "time", "championship", "after", "before", "final")},
                    "subject": [{"kind": m.kind, "name": m.name, "key": m.key} for m in with_names],
                    "standing": True, "position": ordinal(match.group("w")), "points": None, "gap": None,
                    "provenance": {"subject": {"source": "stated", "confidence": 1.0, "value": ", ".join(m.name for m in with_names)}},
                    "alternatives": {"subjects": [], "events": []}, "descriptors": [], "unchecked": [],
                }  # fmt: skip
                out.append(
                    Claim(
                        sent.start + start, sent.start + end, text[start:end], "championship", slots, with_names, None
                    )
                )
                previous = out[-1]
            continue
        if not subject and with_names and kind.startswith("standing") and not text[:start].rstrip().endswith("."):
            subject = with_names
        if kind == "finish" and match.groupdict().get("wwho"):
            # "with the No. 10 Acura second": the names between "with" and the place
            a, b = match.start("wwho"), match.end("wwho")
            inside = [m for m in mentions if m.kind in SUBJECT_KINDS and a <= m.start - sent.start < b]
            cars = [m for m in inside if m.kind == "car"]
            drivers = [m for m in inside if m.kind == "driver"]
            subject = cars[:1] or drivers or [m for m in inside if m.kind == "team"][:1]
            if not subject:
                continue
        if kind == "win" and re.search(
            r"\b(?:not|n't|never|yet to|failed to|unable to)\s+(?:\w+\s+)?$", text[:start], re.I
        ):
            continue  # "have not won": not a win (a count of none is read by YET_TO)
        if kind == "rival" and (
            (previous is not None and (previous.end > sent.start + start or previous.type == "championship"))
            or re.search(r"(?:\d|\bpoints?|\bseconds?|\bs|\blaps?|\bpts)\s*$", text[:start], re.IGNORECASE)
        ):
            continue  # a margin or a standings gap ("93 ahead of"), or part of the claim before it
        if (
            previous is not None
            and previous.start >= sent.start
            and kind in COUNT_KINDS
            and re.search(
                r",\s+(?:making|giving|handing|earning|securing|marking)\s+(?:it\s+|him\s+|her\s+|them\s+)?(?:his|her|their)\s+[^,;]*$",
                text[previous.end - sent.start : start],
            )
        ):
            # "Tandy also won here with Jaminet, making it his second Long Beach victory": the
            # participle's "his" is the main clause's subject, not the partner named after "with"
            names = {x["name"] for x in previous.slots["subject"]}
            subject = [m for m in previous.mentions if m.kind in SUBJECT_KINDS and m.name in names] or subject
        if (
            kind == "standing_margin"
            and previous is not None
            and previous.type == "championship"
            and not [m for m in mentions if m.kind in SUBJECT_KINDS and previous.end <= m.start < sent.start + start]
        ):
            # "won the title in the No. 8, by 126 points over …": the title winner's margin
            names = {x["name"] for x in previous.slots["subject"]}
            subject = [m for m in previous.mentions if m.kind in SUBJECT_KINDS and m.name in names]
        restrictive = re.search(r"\s(?:that|which)\s+[^,;]*$", text[:start]) if not subject and previous else None
        if restrictive and previous is not None and previous.start - sent.start > restrictive.start():
            # "The AO Racing Porsche that Heinrich had put on pole finished second": the verb after
            # a relative clause without commas is its antecedent's, not the clause's subject's
            lead = [m for m in mentions if m.kind in SUBJECT_KINDS and m.end - sent.start <= restrictive.start()]
            subject = _nearest_unit(lead, text, sent.start) if lead else []
        if not subject and previous is not None:
            source = previous
            first = out[0] if out else None
            if (
                first is not None and first is not previous
                and re.search(r",\s*and\s+(?:\w+\s+)?$", text[:start])
                and re.search(r"\b(?:after|before|when|because|once|as)\b", text[first.end - sent.start : previous.start - sent.start + 1], re.I)
            ):  # fmt: skip
                # "No. 22 was awarded the win after the No. 8 … was moved back, and won again at the
                # Glen": the coordinated verb shares the main clause's subject, not the subordinate's
                source = first
            names = {x["name"] for x in source.slots["subject"]}
            subject = [m for m in source.mentions if m.kind in SUBJECT_KINDS and m.name in names]
            ref = (source.slots.get("order") or {}).get("ref") or []
            # (a subordinate clause of the main verb: "… by 0.658 seconds after setting the fastest lap")
            sub = re.search(r"\b(?:after|before|while|when)\s+(?:\w+\s+){0,3}$", text[:start], re.I) or re.match(
                r"(?:after|before|while|when)\b", match.group(), re.I
            )
            # (a team's or make's run over its several cars is another fact than the car's: only
            # a subordinate clause, a car or drivers ahead, or a first of that race reads it so)
            sure = (
                sub
                or kind in ("win", "fastest_lap", "qualifying")
                or all(x.get("kind") in ("car", "driver") for x in ref)
            )
            if ref and sure and all(x.get("name") for x in ref):
                # "Dillmann beating the Riley ORECA … after setting the fastest lap": the car ahead
                # (the rival claim's subject is the rival)
                ref_names = {x["name"] for x in ref}
                subject = [m for m in mentions if m.kind in SUBJECT_KINDS and m.name in ref_names] or subject
        if not subject and previous is None:
            team_said = re.search(
                rf"\bthe (?:[A-Z][\w-]+\s+)?{_TEAM_NOUN}(?:\s+|['’]s\s+(?:\w+\s+){{0,4}})(?:\w+\s+)?$", text[:start]
            )  # "the team finished 18th", "The Canadian team's worst result of the year was seventh"
            if team_said:
                subject = _team_of(mentions, start, sent, ctx)  # "… and the team finished 18th at Petit"
            car_said = re.search(
                r"\b(?:gave|giving|gives|handed|earned|brought)\s+the (?:car|entry)\b", text[:start], re.IGNORECASE
            )
            cars = [s for s in reversed(ctx.subjects) if s.kind == "car"]
            if car_said and cars and not subject:
                # "The result also gave the car a third straight podium": the car named last
                factor = AMBIGUOUS_PRONOUN if _ambiguous(ctx, ("car",)) else INNER_PRONOUN
                subject = [_as_pronoun(cars[0], "the car", factor)]
        if not subject and not text[:start].strip(" ,") and kind in ("qualifying", "finish", "win"):
            # "Starting fifth in class, Hindman and Long …": the main clause's subject, after the comma
            comma = text.find(",", end)
            if comma != -1:
                subject = _named_after([m for m in mentions if m.start - sent.start > comma], comma + 1, sent, text)
        if not subject and idx and not pronoun:
            # "Derani, from sixth on the grid, won …": the sentence's subject, named before its first trigger
            lead = [m for m in prefix if m.kind in SUBJECT_KINDS and not _RIVAL.search(text[: m.start - sent.start])]
            subject = _nearest_unit(lead, text, sent.start) if lead else []
        if kind in COUNT_KINDS and _THE_TEAM.search(text[lo:start]):
            # "second place means the team is still looking for its first win": the team
            subject = _team_of(mentions, start, sent, ctx) or subject
        if kind in COUNT_KINDS and _TEAMS_OWN.search(text[:start]):
            # "the team's second win of the year": the team's wins, whatever car or driver the
            # sentence is about (the team named in the sentence, else the article's)
            subject = _team_of(mentions, start, sent, ctx) or subject
        if relative and (not subject or all(m.how.startswith("pronoun") for m in subject)):
            # "Vesti, the Dane who was signed for …": the name the relative clause follows
            rm = _RELATIVE_LINEUP.search(text[lo:start])
            ante = (
                [m for m in mentions if m.kind in SUBJECT_KINDS and m.end - sent.start <= lo + rm.start()] if rm else []
            )
            subject = ante[-1:] or subject
        that_he = re.search(r"\b(?:that|and)\s+(?P<p>he|she)\s+$", text[lo:start]) if kind == "lineup" else None
        if that_he:
            # "The team confirmed that he will stay in the car": the driver named last, not the team
            subject = _pronoun(text[lo + that_he.start("p") :], ctx) or subject
        reduced = (
            re.search(r"(?<!which )(?<!that )\b(?P<p>he|she)\s+$", text[lo:start])
            if kind == "lineup" and not that_he
            else None
        )
        car_before = (
            [m for m in mentions if m.kind == "car" and 0 <= lo + reduced.start() - (m.end - sent.start) <= 60]
            if reduced else []
        )  # fmt: skip
        if car_before:
            # "fifth in the No. 31 Whelen Engineering Cadillac he shares with Tristan Nunez": "he" is
            # the driver the sentence is about, the car the one just named
            drivers = [
                m for m in mentions
                if m.kind == "driver" and m.end <= car_before[-1].start
                and not any(a <= m.start - sent.start < b for a, b in ctx.asides)
            ]  # fmt: skip
            ref = (
                _nearest_unit(drivers, text, sent.start)[-1:]
                if drivers
                else (_pronoun(text[lo + reduced.start("p") :], ctx) or [])
            )
            subject = [_as_pronoun(d, reduced.group("p"), LEAD_PRONOUN) for d in ref] or subject
            window = [*car_before[-1:], *(m for m in window if m.kind != "car")]
            ctx.clause_at = lo + reduced.start("p")  # the line-up's words start at "he"
        if kind == "lineup" and second and previous is not None and previous.type == "lineup":
            # the subject of the line-up before: the driver(s) named before its verb, else its subject
            verb = max(t[1] for t in triggers[:idx] if t[0] == "lineup")
            named = [m for m in mentions if m.kind == "driver" and m.end - sent.start <= verb]
            group = (
                [
                    m
                    for m in named
                    if _head(mentions, text, named[-1].end - sent.start, sent.start) <= m.start - sent.start
                ]
                if named
                else []
            )
            names = {x["name"] for x in previous.slots["subject"]}
            subject = (group[:1] and [m for m in named if m.start >= group[0].start]) or [
                m for m in previous.mentions if m.kind in SUBJECT_KINDS and m.name in names
            ] or subject  # fmt: skip
        if ctx.after_relative and rel_claim is not None:
            names = {x["name"] for x in rel_claim.slots["subject"]}
            subject = [m for m in rel_claim.mentions if m.kind in SUBJECT_KINDS and m.name in names] or subject
        if kind in ("win", "finish") and subject and all(m.kind == "driver" for m in subject):
            # "after he won here with Keating in 2021": the co-driver shares the result
            tail = re.match(r"\s+(?:here\s+|there\s+)?(?:with|alongside)\s+", text[end:hi], re.I)
            at_p = end + tail.end() if tail else -1
            partners: list[Mention] = []
            while tail:
                nxt = next((m for m in mentions if m.kind == "driver" and m.start - sent.start == at_p), None)
                if nxt is None:
                    break
                partners.append(nxt)
                join = re.match(r"\s*(?:,\s*(?:and\s+)?|and\s+)", text[nxt.end - sent.start :])
                at_p = nxt.end - sent.start + (join.end() if join else 10**6)
            subject = subject + [m for m in partners if m.key not in {x.key for x in subject}]
        claim = _claim(kind, match, text, sent, start, end, lo, hi, window, subject, mentions, ctx, previous)
        if claim is not None:
            out.append(claim)
            previous = claim
            rel_claim = claim if kind == "lineup" and relative else None
    # "the pair's second consecutive victory after their win at Laguna Seca": a run or count that
    # lists a race holds the win named inside it; it is one claim
    out = [
        c for c in out
        if not any(
            o is not c and o.type in ("streak", "count") and c.type == "result"
            and o.start <= c.start and c.end <= o.end
            for o in out
        )
    ]  # fmt: skip
    out = [part for c in out for part in _per_race(c, sent)]
    if aside_claims:
        out = sorted(out + aside_claims, key=lambda c: c.start)
    # update the context: the last subject group named (for "He", "the team", "the Brazilian")
    named = [m for m in mentions if m.kind in ("driver", "car", "team")]
    if named:
        first = named[0]
        # the group "they" will stand for: not a rival named after "ahead of" / "behind"
        rivals = [m for m in named if _RIVAL.search(text[: m.start - sent.start])]
        own = [m for m in named if m not in rivals and not _in_rival_unit(m, rivals, text, sent.start)]
        group = [m for m in own if m.kind == first.kind]
        if group or own or not rivals:
            ctx.last_group = group or [m for m in named if m.kind == first.kind]
        # else "The BMW pair lead De Angelis and Sorensen by 375 points": only rivals named, so
        # "them" in the next sentence is still the pair
        # "It", "the car", "the Briton" stand for a subject, not a rival or its crew ("1.6 seconds
        # clear of the No. 3 Corvette of Garcia and Sims")
        ctx.subjects = (ctx.subjects + own)[-12:]
        keys = {m.key for m in own if m.kind == "driver"}
        ctx.drivers_seen = [m for m in ctx.drivers_seen if m.key not in keys] + [m for m in own if m.kind == "driver"]
    ctx.last_named = named
    ctx.teams_named |= {m.name for m in mentions if m.kind == "team"}
    years = [int(y) for y in re.findall(r"(?<![\w#.-])(20[2-9]\d)(?![\w-])", _outside_asides(text, ctx.asides, -1))]
    if years:
        ctx.paragraph_year = years[-1]
        if ctx.article_year is None and sent.paragraph == 0:
            ctx.article_year = years[-1]
    classes = [m for m in mentions if m.kind == "class"]
    if classes:
        ctx.last_class = classes[-1].key
    events = [m for m in mentions if m.kind == "event"]
    if events and ctx.main_event is None:
        ctx.main_event = events[0]
    # the race in hand: a reader takes the race a sentence reports on; a list of races or one
    # named as a reference point ("since", "after", "before") is background and does not move it
    current = _reported(events, text, sent.start)
    if len({e.name for e in current}) == 1:
        ctx.event = current[-1]
    heading = sent.paragraph > 0 and len(text.split()) <= 12 and not re.search(r"[.!?\"”]\s*$", text)
    if heading:
        # a sub-heading names its section's race however it names it ("The Win at Mosport")
        ctx.section_event = events[-1] if len({e.name for e in events}) == 1 else None
        if ctx.section_event is not None:
            ctx.event = ctx.section_event
    ctx.paragraph_races |= {e.name for e in events}
    return out


_REFERENCE_POINT = re.compile(
    r"\b(?:since|after|before|until|than|from|podiums? at|wins? at|won at|winners? at|winning at)\s+(?:the\s+)?(?:\w+\s+)?$|"
    r"\bafter\s+(?:\w+\s+){1,5}(?:at|in)\s+(?:the\s+)?$|"
    r"\b(?:as|like)\s+(?:it|he|she|they|the\s+\w+)\s+(?:had|did|has|have|was|were)\s+(?:done\s+|\w+\s+)?(?:at|in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: Month names, for a time after a race name.
_MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
#: "the Sebring winner", "the Rolex 24 class winners": a description, not the race reported
_WINNER_OF = re.compile(r"^(?:\s+(?:race\s+|class\s+|overall\s+)?winners?\b|-winning\b)", re.IGNORECASE)


#: A description between commas ("No. 60, runner-up at Sebring, finished last", "No. 60, winner
#: of the Rolex 24 in January, finished fifth"): a race named there is background.
_DESCRIPTION = re.compile(
    rf",\s+(?=(?:the|a|an|winners?|runners?-up|on\s+pole|pole-?sitters?|{ORD}|fresh|after|last|this)\b)"
    r"(?![^,;]*\b(?:had|has|have|was|were|is|are|won|wins|finished|took|takes|scored|claimed|will|would|did)\b)[^,;]{3,60}?(?=,)|"
    r",\s+[^,;]{3,60}?\b(?:winners?|champions?|pole-?sitters?|runners?-up)(?=,)",
    re.IGNORECASE,
)
#: A time after a race name: "at Sebring in March", "at Laguna Seca three weeks earlier", "last year".
_PAST_TIME = re.compile(
    rf"^\s*(?:,\s*)?(?:(?:in|on|back in)\s+(?:{_MONTH_NAMES}|(?:19|20)\d{{2}})|last\s+(?:year|season|month|time)|(?:\w+\s+){{1,2}}(?:earlier|ago|before))\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=256)
def _descriptions(text: str) -> list[tuple[int, int]]:
    """The spans of the sentence's descriptions between commas (``_DESCRIPTION``)."""
    return [m.span() for m in _DESCRIPTION.finditer(text)]


def _reported(events: list[Mention], text: str, base: int) -> list[Mention]:
    """The races a sentence reports on: not those named as a reference point ("since", "after",
    "before"), in a list of past wins ("wins at A and B"), with a time of their own ("at Sebring
    in March"), or inside a description between commas ("the No. 60, runner-up at Sebring,")."""
    out, skipped = [], None
    described = _descriptions(text)
    for e in sorted(events, key=lambda e: e.start):
        listed = skipped is not None and re.fullmatch(
            r"\s*(?:,|and|&|,\s*and)\s*(?:\w+\s+)?(?:(?:at|in)\s+)?(?:the\s+)?",
            text[skipped.end - base : e.start - base],
            re.IGNORECASE,
        )
        if (
            listed
            or _REFERENCE_POINT.search(text[: e.start - base])
            or _WINNER_OF.match(text[e.end - base :])
            or (
                _PAST_TIME.match(text[e.end - base :])
                and not re.match(r"[^,.;]{0,30},?\s*where\b", text[e.end - base :], re.I)
            )
            or any(a <= e.start - base < b for a, b in described)
            or re.search(r"\b(?:will|next|upcoming)\b[^,;.]*$", text[: e.start - base], re.I)  # "will … at the Glen"
            # "the Era ORECA, which had won the class at Daytona": a past-perfect aside is background
            or re.search(r"\b(?:which|who|that)\s+had\s+[^,;.]*$", text[: e.start - base], re.I)
        ):
            skipped = e  # "after podiums at Daytona and Laguna Seca": the whole list
            continue
        skipped = None
        out.append(e)
    return out


def _makes_as_cars(mentions: list[Mention], text: str, base: int, ctx: Context) -> list[Mention]:
    """ "The Ferrari's speed showed early": a make named on its own after the article named one car
    of that make ("the No. 81 Ferrari 296 GT3") stands for that car; and remember which car each
    make was named with."""
    out = []
    for i, m in enumerate(mentions):
        a, b = m.start - base, m.end - base
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        car_after = nxt is not None and nxt.kind == "car" and nxt.start - m.end <= 3
        if (
            m.kind == "manufacturer"
            and m.name in ctx.car_makes
            and not car_after
            and re.search(r"\bthe\s+(?:(?-i:[a-z][\w-]*)\s+)?$", text[max(0, a - 25) : a], re.I)
            and not re.search(r"\bsister\s+$", text[max(0, a - 8) : a], re.I)  # "the sister Corvette": the other one
            and not re.search(r"\b(?:No\.|#)\s?\d", text[b : b + 6])
            # "the Corvette of Antonio Garcia and Jordan Taylor": its drivers say which car; "The
            # Acura pair, who …" as a subject: the drivers named last
            and not re.match(r"\s+of\s+(?-i:[A-Z])", text[b:])
            and not (
                re.match(r"\s+(?:pair|duo|trio|crew|drivers)\b", text[b:])
                and re.search(r"(?:^|[,;]\s*(?:and\s+|but\s+|while\s+)?)the\s+$", text[:a], re.I)
            )
        ):
            car = ctx.car_makes[m.name]
            word = f"the {m.text}"
            out.append(
                Mention(
                    "car",
                    m.start,
                    m.end,
                    m.text,
                    car.key,
                    car.name,
                    f"pronoun ({word!r} → {car.name})",
                    round(car.confidence * INNER_PRONOUN, 2),
                    car.extra,
                )
            )
            continue
        out.append(m)
    for i, m in enumerate(mentions):
        if m.kind == "car":
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            if (
                nxt is not None
                and nxt.kind == "manufacturer"
                and re.fullmatch(r"\s+", text[m.end - base : nxt.start - base])
            ):
                ctx.car_makes[nxt.name] = m
    return out


_ASIDE = re.compile(
    r",\s*(?P<body>(?:who|which)\b[^,;]*?|(?:a|an)\s+[^,;]*?"
    # ", champions last year with Campbell and Jaminet,": an appositive title (between commas)
    r"|(?:the\s+)?(?:reigning\s+|defending\s+)?(?:champions?|winners?|runners?-up)\s+[^,;]*?"
    # ", partnered by Klaus Bachler in place of Seb Priaulx this weekend,": a participle phrase
    r"|(?:partnered|joined|driven|backed|replaced|assisted|put\s+on\s+pole)\s+by\s+[^,;]*?)(?=,|\s*[.;!?]?\s*$)",
    re.IGNORECASE,
)


def _asides(text: str) -> list[tuple[int, int]]:
    """The spans of the sentence's relative clauses (", who …", ", which …") and appositives (", a
    class winner at …,"): an appositive only between commas."""
    out = []
    for m in _ASIDE.finditer(text):
        body = m.group("body")
        closed = text[m.end() : m.end() + 1] == ","
        if not closed and not re.match(r"(?:who|which)\b", body, re.IGNORECASE):
            continue
        out.append((m.start("body"), m.start("body") + len(body.rstrip())))
    return out


def _outside_asides(text: str, asides: list[tuple[int, int]], at: int, offset: int = 0) -> str:
    """``text`` (starting at ``offset`` in the sentence) with the relative clauses that do not hold
    ``at`` blanked out: a time stated in one is not the time of a claim outside it."""
    for a, b in asides:
        if a <= at < b:
            continue
        x, y = max(a - offset, 0), min(b - offset, len(text))
        if x < y:
            text = text[:x] + " " * (y - x) + text[y:]
    return text


def _per_race(claim: Claim, sent: Sentence) -> list[Claim]:
    """A line-up that repeats its preposition for each race ("will partner Heinrich in the No. 77
    at the Battle on the Bricks and at VIR") is one claim per race, each with its own verdict."""
    events = list(claim.slots.get("events") or [])
    if claim.type != "lineup" or len(events) < 2:
        return [claim]
    named = sorted(
        (m for m in claim.mentions if m.kind == "event" and claim.start <= m.start < claim.end), key=lambda m: m.start
    )
    if [m.name for m in named] != events:
        return [claim]
    text, base = sent.text, sent.start
    joined = r"(?:\s*,?\s+and\s+|\s*,\s*)(?:at|for|in)\s+(?:the\s+)?"
    if not all(re.fullmatch(joined, text[a.end - base : b.start - base]) for a, b in pairwise(named)):
        return [claim]
    parts = [(claim.start, named[0].end, named[0].name)]
    for m in named[1:]:
        gap = len(text[parts[-1][1] - base :]) - len(text[parts[-1][1] - base :].lstrip(" ,"))
        parts.append((parts[-1][1] + gap, m.end, m.name))  # "and at VIR"
    return [
        replace(claim, start=a, end=b, text=text[a - base : b - base], slots={**claim.slots, "event": e, "events": [e]})
        for a, b, e in parts
    ]


#: A break between clauses with subjects of their own: a race named across one is not the claim's.
#: ", and Corvette Racing now has …", ", while the No. 3 Corvette was …": a coordinated clause
#: whose capitalised subject is followed by its verb (not a list: "…, Y, and Z in GTD").
_NEW_SUBJECT_CLAUSE = re.compile(
    r",\s+(?:and|but|while|whereas)\s+(?:the\s+)?(?-i:[A-Z#])[\w'’.-]*(?:\s+(?-i:[A-Z0-9#])[\w'’.-]*){0,5}"
    r"\s+(?!(?:in|at|on|of|for|by|from|with|to|and|or|the|a|an)\b)(?-i:[a-z])",
    re.IGNORECASE,
)
#: ", and last year …", ", but in 2022 …": a coordinated clause with a time of its own.
_NEW_TIME_CLAUSE = re.compile(
    r",\s+(?:and|but|while)\s+(?:(?:last|this|next)\s+(?:year|season)\b|in\s+(?:19|20)\d\d\b)", re.IGNORECASE
)
_CLAUSE_BREAK = re.compile(r",\s+(?:while|whereas|but)\b|\s[–—]\s|;", re.IGNORECASE)
#: The narrower break for subjects: ", but the Acura …" after "the No. 60" may still mean the car.
_SUBJECT_BREAK = re.compile(r",\s+(?:while|whereas)\b|;", re.IGNORECASE)


def _describing(m: Mention, text: str, sent: Sentence) -> bool:
    """A name after "a"/"an" describes something ("to complete a Ganassi front-row lockout"): it
    is no subject."""
    return bool(re.search(r"\b(?:a|an)\s+$", text[: m.start - sent.start], re.I))


#: The nouns that make a phrase a team ("the Canadian team", "the squad").
_TEAM_NOUN = r"(?:[Tt]eam|[Ss]quad|[Oo]utfit)\b"
#: "the team" right before a count's trigger ("the team is still looking for its first win").
_THE_TEAM = re.compile(r"\bthe (?:team|squad|outfit)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_LEFT_TEAM = re.compile(r"\b(?:from|leav(?:es|ing)|left|formerly (?:of|with)|ex-)\s+(?:the\s+)?$", re.IGNORECASE)
_TEAMS_OWN = re.compile(r"\bthe (?:team|squad|outfit)['’]s\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _team_of(mentions: list[Mention], start: int, sent: Sentence, ctx: Context) -> list[Mention]:
    """The team "the team's" stands for: one named earlier in the sentence, else the last one
    the article named (a confident reading when the article has named only that team)."""
    here = [m for m in mentions if m.kind == "team" and m.end - sent.start <= start]
    if here:
        return [_as_pronoun(here[-1], "the team's", 1.0)]
    teams = [m for m in reversed(ctx.subjects) if m.kind == "team"]
    if not teams:
        return []
    factor = LEAD_PRONOUN if len(ctx.teams_named) == 1 else INNER_PRONOUN * AMBIGUOUS_PRONOUN
    best = max((m for m in teams if m.name == teams[0].name), key=lambda m: m.confidence)
    return [_as_pronoun(best, "the team's", factor)]


def _clause_start(text: str) -> int:
    """Where the clause that ends ``text`` starts: after the last ", and" / ", while" / "; "."""
    marks = [m.end() for m in re.finditer(r",\s(?:and|while|but|as|with)\s|;\s", text)]
    return marks[-1] if marks else 0


#: "…, who also partnered MacNeil at Lime Rock": a relative clause opening right before a line-up verb
_RELATIVE_LINEUP = re.compile(
    r",\s+(?:the\s+[A-Z][\w-]+\s+)?(?:who|which)\s+(?:(?:also\s+|had\s+|has\s+)?"
    r"|(?:also\s+)?(?:was|were|is|are|has been|had been)\s+(?:[a-z]+\s+){0,3})$"
)
#: ", Campbell at the WeatherTech 240": a second line-up with its verb left out
_GAPPED = re.compile(r",\s+$")


def _gapped_lineups(triggers: list, text: str, mentions: list[Mention], base: int) -> list:  # type: ignore[type-arg]
    """ "Jaminet partnered him at Lime Rock and Long Beach, Campbell at the WeatherTech 240": the
    driver after the comma, followed by "at"/"for" and a race, is a line-up of its own (the verb
    of the line-up before it left out), not more of the first one's crew."""
    out = list(triggers)
    for i, (kind, _start, end, _match) in enumerate(triggers):
        if kind != "lineup":
            continue
        nxt = triggers[i + 1][1] if i + 1 < len(triggers) else len(text)
        ordered = sorted((m for m in mentions if end <= m.start - base < nxt), key=lambda m: m.start)
        if not any(m.kind == "event" for m in ordered):
            continue  # the first line-up names its races
        for j, m in enumerate(ordered[:-1]):
            a, b = m.start - base, m.end - base
            after = ordered[j + 1]
            prep = re.match(r"\s+(?:at|for|in)\s+(?:the\s+)?", text[b : after.start - base])
            if (
                m.kind == "driver"
                and after.kind == "event"
                and _GAPPED.search(text[end:a])
                and prep
                and prep.end() == after.start - base - b
                and not re.search(r"\b(?:and|or|with|alongside)\s*$", text[end:a])
            ):
                at = re.compile(r"\b(?:at|for|in)\b").search(text, b)
                if at is not None:
                    out.append(("lineup", at.start(), at.end(), at))
    return sorted(out, key=lambda t: t[1])


def _where_event(mentions: list[Mention], text: str, lo: int, start: int, base: int) -> list[str]:
    """ "heads to Belle Isle on June 12, where Taylor and Albuquerque will share the No. 10": the race
    named right before ", where" is the line-up's."""
    where = list(re.finditer(r",\s+where\b", text[:start]))
    if not where:
        return []
    at = where[-1].start()
    if re.search(r"[;:]|(?<!\bNo)\.\s", text[at:start]):  # a sentence break, not "No. 11"
        return []
    before = [m for m in mentions if m.kind == "event" and m.end - base <= at]
    if not before or (re.search(r"[,;]", text[before[-1].end - base : at]) and at - (before[-1].end - base) > 25):
        return []
    return [before[-1].name]


def _different_winners(
    text: str, mentions: list[Mention], sent: Sentence, ctx: Context
) -> list[tuple[int, int, Claim]]:
    """ "Four different cars have now won the nine GTD PRO races of 2023": a count of the distinct
    winners (cars, teams or makes) of a class's races of a season, the first N when N is given.
    The class is the one named (else the sentence's, else the paragraph's); the season is the one
    stated, else the article's."""
    out = []
    for pattern in DIFFERENT:
        for m in pattern.finditer(text):
            a, b = m.span()
            if any(x < b and a < y for x, y, _ in out):
                continue
            k = number(m.group("k"))
            n = number(m.group("n")) if m.groupdict().get("n") else None
            named = m.group("cls") or m.groupdict().get("cls0")
            in_sentence = [x for x in mentions if x.kind == "class"]
            cls = (
                normalise_class(named.replace(" ", ""))
                if named
                else (in_sentence[-1].key if in_sentence else ctx.last_class)
            )
            scope = time_scope(text[max(0, a - 40) : min(len(text), b + 25)], ctx.date, default_career=False)
            what = m.group("what").casefold()
            kind = (
                "team"
                if what == "teams"
                else "manufacturer"
                if what in ("manufacturers", "makes", "brands", "marques")
                else "car"
            )
            slots = {
                "subject": [], "distinct": kind, "value": k, "races": n, "class": cls, "metric": "wins",
                "seasons": list(scope.seasons[-1:]), "time": scope.label, "until": ctx.date,
                # a class not named here is a guess: the classes of the cars, teams and drivers the
                # sentence names are the other readings
                "class_named": bool(named or in_sentence),
                "class_hints": [
                    {"kind": x.kind, "name": x.name, "key": x.key}
                    for x in mentions if x.kind in ("driver", "car", "team") and x.confidence >= 0.8
                ][:6],
            }  # fmt: skip
            own = [x for x in mentions if a <= x.start - sent.start < b]
            out.append((a, b, Claim(sent.start + a, sent.start + b, text[a:b], "count", slots, own, None)))
    return out


def _own_clause(mentions: list[Mention], text: str, lo: int, at: int, base: int) -> bool:
    """A trigger starts a clause of its own: a subject right before it, after a clause break
    (", Stoffel Vandoorne was the third driver"), not the object of the trigger before it."""
    head = _head(mentions, text, at, base)
    # ("share the No. 60 at Indianapolis before Castroneves rejoins them for Petit": "before" too)
    return head < at and bool(re.search(r"[,;:]|\band\b|\bwhile\b|\bbefore\b|\buntil\b", text[lo:head]))


def _head(mentions: list[Mention], text: str, at: int, base: int) -> int:
    """Where the subject named right before ``at`` starts ("Stoffel Vandoorne was the third
    driver", "Ricky Taylor and Filipe Albuquerque finished"), else ``at``."""
    starts: list[int] = []  # the names of the subject, nearest first
    gaps: list[str] = []  # what joins each to the one after it
    kind = None
    cut = at
    for m in sorted(mentions, key=lambda m: -m.start):
        a, b = m.start - base, m.end - base
        if b > cut or m.kind not in SUBJECT_KINDS:
            continue
        gap = text[b:cut]
        if not re.fullmatch(r"\s*(?:,|and|&|/|,\s*and)?\s*", gap) or kind not in (None, m.kind):
            break
        if starts:
            gaps.append(gap)
        starts.append(a)
        kind, cut = m.kind, a
    # a list of one kind ends on "and" ("Derani, Sims and Aitken", "Derani/Sims"): a bare comma
    # last ("… Bourdais and van der Zande, Matt Campbell returns") or an "and" before the last
    # ("… Gunn and Riberas, and Brendon Hartley joins") ends a list before: a clause of its own
    if gaps and (re.fullmatch(r"\s*,\s*", gaps[0]) or any(re.search(r"\band\b|&", g) for g in gaps[1:])):
        return starts[0]
    return cut


def _triggers(text: str, names: list[tuple[int, int]] = ()) -> list[tuple[str, int, int, re.Match[str]]]:  # type: ignore[assignment]
    """Every claim trigger in the sentence, in order, without overlaps (earlier patterns win); a
    number inside an event or car name ("Rolex 24", "No. 31") starts no count."""
    found: list[tuple[str, int, int, re.Match[str]]] = []

    def add(kind: str, pattern: re.Pattern[str]) -> None:
        for m in pattern.finditer(text):
            a, b = m.span()
            if kind.startswith("count") and any(x <= a < y for x, y in names):
                continue
            if all(b <= s or a >= e for _, s, e, _ in found):
                found.append((kind, a, b, m))

    for name, pattern in SEQUENCE.items():
        add(name, pattern)
    add("streak", STREAK)
    add("count_times", TIMES)
    add("count_of", COUNT_OF)
    add("count_won", COUNT_WON)
    add("count", COUNT)
    add("count_every", EVERY)
    add("count_only", ONLY)
    add("count_zero", YET_TO)
    add("ordinal", ORDINAL_COUNT)
    add("ordinal_time", ORDINAL_TIME)
    add("ordinal_of", ORDINAL_OF)
    add("laps_led", LAPS_LED)
    add("title_to", TITLE_TO)
    add("championship", TITLE)
    for name, pattern in STANDING.items():
        add(name, pattern)
    add("superlative", SUPERLATIVE)
    add("qualifying", POLE)
    add("fastest_lap", FASTEST)
    add("finish", FINISH)
    add("win", WIN)
    add("rival", RIVAL)
    add("lineup", LINEUP)
    # a run of races absorbs the verb it qualifies ("won GTD at Sebring for the third straight
    # year", "finished third in three straight races", "took back-to-back wins"): one claim
    runs = [t for t in found if t[0].startswith("seq_")]
    absorbed: dict[int, int] = {}
    for run in runs:
        zone = text[: run[1]]
        cut = max(zone.rfind(";"), zone.rfind(". "), zone.rfind(","), run[1] - 70)
        if re.match(r"(?:won|winning|wins|winners?|victorious)\b", run[3].group(), re.I) or (
            run[3].groupdict().get("n7") or run[3].groupdict().get("n9")
        ):
            # "won the last two races", "second straight Mosport victory" say what they count:
            # "started third and …", "the No. 3's second pole and …" are claims of their own
            cut = run[1]
        for t in found:
            if t is run or t[0].startswith(("seq_", "standing")) or t[0] in ("lineup", "championship"):
                continue
            if run[0] == "seq_years" and t[0] == "win" and t[1] < run[1]:
                # "won the Rolex 24 for the third straight year": this year's win is a claim of its own
                continue
            inside = cut <= t[1] < run[1] or (
                run[1] <= t[1] < run[2] + 12
                and not re.search(r"\b(?:before|after|then|but|while)\s+(?:a\s+|an\s+)?$", text[: t[1]], re.I)
                and not (t[1] >= run[2] and "," in text[run[2] : t[1]])  # "…past two years, had to settle for fourth"
            )
            if inside and not (t[0] == "streak" and t[1] < run[1] and "first" in t[3].group().casefold()):
                absorbed[id(t)] = 1
                if t[1] < run[1]:
                    found[found.index(run)] = run = (run[0], t[1], run[2], run[3])
    found = [t for t in found if id(t) not in absorbed]
    # "led after CTMP by 78 points over …": the margin is part of the lead, not a claim of its own
    # (", a 227-point lead over Ben Barnicoat" after a lead is a claim of its own)
    leads = [t for t in found if t[0] in ("standing_lead", "standing_position")]
    found = [
        t for t in found
        if not (
            t[0] in ("standing_margin", "standing_gap", "standing_behind")
            and any(
                0 <= t[1] - e <= 80 and ";" not in text[e : t[1]]
                # "sat second in the standings, 196 points behind the Lexus": a place, then a gap
                and not (k == "standing_position" and re.fullmatch(r"\s*,\s*", text[e : t[1]]))
                # "a 50-point lead over Sellers and Snow, with De Angelis and Gunn 157 points back":
                # another entry's gap
                and not re.search(r",\s+with\s+(?-i:[A-Z])[^,;]*$", text[e : t[1]])
                for k, _, e, _ in leads
            )
            and not re.search(r",\s+an?\s+$", text[: t[1]])
        )
    ]  # fmt: skip
    # "fifth and seventh at A and B" is one claim (places read respectively), not "and seventh at"
    found = [
        t for t in found
        if not (t[0] == "finish" and t[3].group("o") and re.search(rf"\b(?:{ORD})\s*,?\s*$", text[: t[1]], re.IGNORECASE))
    ]  # fmt: skip
    # "including two this season": a count inside the previous count's clause
    for m in INCLUDING.finditer(text):
        a, b = m.span()
        if all(b <= s or a >= e for _, s, e, _ in found):
            found.append(("including", a, b, m))
    if not found:
        m = NOT_STAT.search(text)
        if m:
            found.append(("not_stat", m.start(), m.end(), m))
    return sorted(found, key=lambda t: t[1])


def _pronoun(text: str, ctx: Context) -> list[Mention] | None:
    m = PRONOUN.match(text)
    if not m:
        return None
    word = m.group("p").casefold()
    if word.startswith("the "):
        noun = word[4:]
        if noun in ("team", "squad", "outfit") or (
            noun == "crew" and not (ctx.last_group[:1] and ctx.last_group[0].kind == "driver")
        ):
            teams = [s for s in reversed(ctx.subjects) if s.kind in ("team", "car")]
            return [_as_pronoun(teams[0], m.group("p"), LEAD_PRONOUN)] if teams else None
        if noun in ("car", "entry") and re.match(r"\s+of\s+[A-Z]", text[m.end() :]):
            return None  # "The car of Jaminet and Tandy": a description, the drivers are named
        if noun in ("car", "entry"):
            cars = [s for s in reversed(ctx.subjects) if s.kind == "car"]
            return [_as_pronoun(cars[0], m.group("p"), LEAD_PRONOUN)] if cars else None
        if noun.split()[-1] in ("trio", "duo", "pair", "pairing", "crew", "drivers", "champions", "winners") and (
            noun != "crew" or (ctx.last_group[:1] and ctx.last_group[0].kind == "driver")
        ):
            group = [_as_pronoun(s, m.group("p"), LEAD_PRONOUN) for s in ctx.last_group if s.kind == "driver"]
            size = {"pair": 2, "duo": 2, "pairing": 2, "trio": 3}.get(noun.split()[-1])
            if size and len(group) > size:
                # "Ward and Ellis won with Dontje and Engel. … The pair": the first named, a guess
                group = [_as_pronoun(s, m.group("p"), DEMONYM) for s in ctx.last_group if s.kind == "driver"][:size]
            if not group and noun.split()[-1] in ("pair", "duo"):
                # "The pair won the title" after a sentence about the team: the two drivers named last
                drivers = list(dict.fromkeys(s.key for s in reversed(ctx.subjects) if s.kind == "driver"))[:2]
                named = {s.key: s for s in ctx.subjects if s.kind == "driver"}
                group = [_as_pronoun(named[k], m.group("p"), DEMONYM) for k in drivers] if len(drivers) == 2 else []
            return group or None
        if noun in DEMONYMS and re.match(rf"\s+{_TEAM_NOUN}", text[m.end() :]):
            # "The Canadian team's worst result": the team named last, not a Canadian driver
            teams = [s for s in reversed(ctx.subjects) if s.kind == "team"]
            return [_as_pronoun(teams[0], m.group("p") + " team", LEAD_PRONOUN)] if teams else None
        if noun in DEMONYMS:
            drivers = [s for s in reversed(ctx.subjects) if s.kind == "driver"]
            country = DEMONYMS[noun]
            same = [d for d in drivers if country in d.extra.get("countries", ())]
            pick = (same or drivers)[:1]
            # the one driver of that licence country the article has just named: as sure as "he"
            sure = len({d.key for d in same}) == 1
            factor = (LEAD_PRONOUN if same[0].key == drivers[0].key else INNER_PRONOUN) if sure else DEMONYM
            return [_as_pronoun(p, m.group("p"), factor) for p in pick] or None
        return None
    if word in ("they", "their"):
        return [_as_pronoun(p, m.group("p"), _plural(ctx, LEAD_PRONOUN)) for p in ctx.last_group] or None
    if word in ("it", "its"):
        cars = [s for s in reversed(ctx.subjects) if s.kind in ("car", "team")]
        lead = AMBIGUOUS_PRONOUN if _ambiguous(ctx, ("car",)) else LEAD_PRONOUN
        return [_as_pronoun(cars[0], m.group("p"), lead)] if cars else None
    drivers = [s for s in reversed(ctx.subjects) if s.kind == "driver"]
    lead = AMBIGUOUS_PRONOUN if _ambiguous(ctx, ("driver",)) else LEAD_PRONOUN
    return [_as_pronoun(drivers[0], m.group("p"), lead)] if drivers else None


#: How sure a pronoun's reading is, times its referent's: one that opens the sentence ("He",
#: "They", "The team") stands for the subject named last; one inside the sentence ("his",
#: "their", "the Dane") is a weaker inference.
LEAD_PRONOUN = 0.95
INNER_PRONOUN = 0.9
#: A demonym ("the Dane"): the data holds a licence country, not a nationality.
DEMONYM = 0.85
#: "They" / "their" for the drivers the previous sentence named together ("Ellis and Ward").
PLURAL_GROUP = 1.0
#: A pronoun whose kind the previous sentence named twice ("he" after two drivers): a guess.
AMBIGUOUS_PRONOUN = 0.75


def _plural(ctx: Context, factor: float) -> float:
    """ "They" for a group of one driver is a guess (the crew was never named together); for
    the pair or trio the previous sentence named together it is as sure as their names."""
    group = ctx.last_group
    if len(group) == 1 and group[0].kind == "driver":
        return AMBIGUOUS_PRONOUN
    if len({m.key for m in group if m.kind in ("car", "team")}) > 1:
        return AMBIGUOUS_PRONOUN  # "They" after "the No. 10 won, with the No. 48 second": which?
    if len(group) > 1 and all(m.kind == "driver" for m in group) and all(m in ctx.last_named for m in group):
        return PLURAL_GROUP
    return factor


def _ambiguous(ctx: Context, kinds: tuple[str, ...]) -> bool:
    """The previous sentence named more than one candidate of these kinds."""
    return len({m.key for m in ctx.last_named if m.kind in kinds}) > 1


def _as_pronoun(m: Mention, word: str, factor: float = INNER_PRONOUN) -> Mention:
    return Mention(
        m.kind,
        m.start,
        m.end,
        word,
        m.key,
        m.name,
        f"pronoun ({word!r} → {m.name})",
        round(m.confidence * factor, 2),
        m.extra,
    )


_RIVAL = re.compile(
    r"\b(?:behind|ahead of|over|beat|beating|from|clear of|than|held off|holding off|holds off|in front of|lead|leads|trail|trails)\s+(?:the\s+)?(?:(?:sister|winning|leading|class-winning|pole-winning)\s+)?$",
    re.IGNORECASE,
)
_OBJECT = re.compile(
    r"\b(?:started|drove|steered|piloted|qualified|put|planted|placed|brought)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:sister\s+)?$",
    re.IGNORECASE,
)
_GAVE = re.compile(r"\b(?:gave|gives|handed|hands|offered)\s+(?:the\s+)?$", re.IGNORECASE)
#: "X, which won the finale": a relative pronoun stands for the name right before it.
_RELATIVE = re.compile(r"^\s*,?\s*(?:which|who)\s+(?:(?:also|had|has|then|later)\s+)?$", re.IGNORECASE)


def _subject(before, window, start, sent, pronoun, ctx, text) -> list[Mention]:  # type: ignore[no-untyped-def]
    # "…over CrowdStrike Racing, which won the finale": the name the relative pronoun follows
    for m in sorted([*before, *window], key=lambda m: -m.end):
        if (
            m.kind in SUBJECT_KINDS
            and m.end - sent.start <= start
            and _RELATIVE.match(text[m.end - sent.start : start])
        ):
            return _nearest_unit([x for x in before if x.end <= m.end] or [m], text, sent.start)
    # a name after "behind" / "ahead of" / "beat" is the rival of a claim, never its subject
    # a name after "behind" / "beat" is a rival; one after "started" / "drove" is an object
    # ("Derani started the Whelen Cadillac from last"): neither is the subject
    rivals = [
        m
        for m in [*before, *window]
        if _RIVAL.search(text[: m.start - sent.start])
        or _OBJECT.search(text[: m.start - sent.start])
        # "Farano gave Tower some consolation with the fastest lap": the one given it is not the
        # one who did it (but "gave Cadillac its second win" is Cadillac's count)
        or (
            _GAVE.search(text[: m.start - sent.start])
            and re.search(r"\bwith\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+)?$", text[:start], re.I)
        )
    ]
    rival_ends = {m.start for m in rivals}
    before = [m for m in before if m.start not in rival_ends and not _in_rival_unit(m, rivals, text, sent.start)]
    window = [m for m in window if m.start not in rival_ends and not _in_rival_unit(m, rivals, text, sent.start)]
    last = max((m.end - sent.start for m in before), default=0)
    demonyms = [  # "the Brazilian", but not "the Canadian team"
        m.group(1)
        for m in re.finditer(rf"\bthe ({'|'.join(DEMONYMS)})\b(?!\s+{_TEAM_NOUN})", text[last:], re.IGNORECASE)
        if m.end() <= start - last
    ]
    if before and not demonyms:
        unit = _nearest_unit(before, text, sent.start)
        crew = re.match(r"\s+(?:pair|duo|trio|drivers|crew)\b", text[unit[-1].end - sent.start :], re.I)
        if crew and unit[-1].kind in ("manufacturer", "team"):
            # "The BMW pair now sit 76 points behind": the drivers named last, not the make
            drivers = [m for m in ctx.last_group if m.kind == "driver"] or [
                m for m in reversed(ctx.subjects) if m.kind == "driver"
            ][:2]
            return [_as_pronoun(d, unit[-1].text + crew.group(), DEMONYM) for d in drivers]
        return unit
    dummy = re.match(
        r"\s*(?:But\s+|And\s+)?it(?:\s+was|\s+is|['’]s|\s+had been|\s+has been|\s+marked|\s+became)\b", text, re.I
    )
    if (
        pronoun
        and dummy
        and re.search(r"\b(?:his|her|their|the (?:pair|duo|trio)['’]s)\b", text[dummy.end() : start], re.I)
    ):
        pronoun = None  # "It was his third win": "his", not "it"
    if pronoun and not demonyms:
        return pronoun
    if demonyms:
        # "the Australian and the Frenchman added…": each the latest driver of that licence country
        drivers = [s for s in reversed(ctx.subjects) if s.kind == "driver"]
        picked = []
        for word in demonyms:
            # the latest of the recent subjects of that licence country, else of the whole article
            same = next(
                (
                    found
                    for pool in (drivers, list(reversed(ctx.drivers_seen)))
                    if (
                        found := [
                            d for d in pool
                            if DEMONYMS[word.casefold()] in d.extra.get("countries", ()) and d.key not in {p.key for p in picked}
                        ]
                    )
                ),
                [],
            )  # fmt: skip
            if same:
                # the one driver of that licence country the article has just named: as sure as "he"
                sure = len({d.key for d in same}) == 1 and len(demonyms) == 1
                factor = (
                    (LEAD_PRONOUN if drivers and same[0].key == drivers[0].key else INNER_PRONOUN) if sure else DEMONYM
                )
                picked.append(_as_pronoun(same[0], f"the {word}", factor))
        if picked:
            return picked
        return []  # "the Swiss" with no Swiss driver named: the subject is unknown, not a name after it
    m = re.search(r"\b(?:his|her|he|she)\b", text[:start], re.IGNORECASE)
    if m:
        here = [
            d for d in ctx.sentence_drivers
            if d.end - sent.start <= m.start() and not _RIVAL.search(text[: d.start - sent.start])
            and not _OBJECT.search(text[: d.start - sent.start])
        ]  # fmt: skip
        if here and re.search(r",\s+(?:on|in|as|for|with)\s+(?:\w+\s+){0,3}$", text[: m.start()], re.I):
            # "Delétraz set the fastest lap, on his way to a third victory": the sentence's own
            # driver, not the one the sentence before named
            sure = len({d.key for d in here}) == 1
            return [_as_pronoun(here[0], m.group(), LEAD_PRONOUN if sure else AMBIGUOUS_PRONOUN)]
        drivers = [s for s in reversed(ctx.subjects) if s.kind == "driver"]
        if drivers:
            named = {m.key for m in ctx.last_named if m.kind == "driver"}
            # "Robinson took pole. It was his third win": the one driver just named
            inner = (
                AMBIGUOUS_PRONOUN if len(named) > 1 else LEAD_PRONOUN if named == {drivers[0].key} else INNER_PRONOUN
            )
            return [_as_pronoun(drivers[0], m.group(), inner)]
    m = re.search(r"\b(?:their|they|them|the (?:pair|duo|trio)['’]s)(?!\w)", text[:start], re.IGNORECASE)
    if m and ctx.last_group:
        # a plural pronoun stands for the group named last (a crew, two teams): rarely ambiguous
        return [_as_pronoun(p, m.group(), _plural(ctx, LEAD_PRONOUN)) for p in ctx.last_group]
    return _named_after(window, start, sent, text)


def _named_after(window: list[Mention], start: int, sent: Sentence, text: str) -> list[Mention]:
    """The subject named after a trigger ("GTD PRO went to Vasser Sullivan's No. 14 Lexus"), only
    within the trigger's clause: a car the first name describes, else the names of its kind."""
    brk = re.search(r"[,;]|\b(?:while|whereas)\b", text[start:])
    stop = start + brk.start() if brk else len(text)
    after = [
        m for m in window
        if m.kind in SUBJECT_KINDS and start <= m.start - sent.start < stop
        and not (
            m.kind != "car"
            and re.search(r"\b(?:with|for|alongside|in|behind|ahead of)\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?$", text[max(start, m.start - sent.start - 14) : m.start - sent.start], re.I)
        )
    ]  # fmt: skip
    if not after:
        return []
    first = after[0]
    car = next((m for m in after[1:2] if m.kind == "car"), None)
    if car is not None and re.fullmatch(r"(?:['’]s)?\s+", text[first.end - sent.start : car.start - sent.start]):
        return [car]  # "Vasser Sullivan's No. 14": the car
    return [m for m in after if m.kind == first.kind]


def _clause_from(before: str) -> int:
    """Where the last coordinated clause of ``before`` starts ("Read will join them for the Glen,
    and Kirkwood returns to the No. 14": the second clause's "them" is not Kirkwood's)."""
    cut = list(re.finditer(r",\s+(?:and|while|but|whereas)\s+|;\s+", before, re.I))
    return cut[-1].end() if cut else 0


def _pole_agents(text: str, start: int, end: int, hi: int, sent: Sentence, mentions: list[Mention]) -> list[Mention]:
    """The drivers a passive pole names ("the No. 1 BMW, put on pole by Bryan Sellers and Madison
    Snow, …"): ``start``/``end`` is the trigger "on pole"; empty unless "put" precedes it and "by"
    and driver names (joined by commas or "and") follow."""
    if not re.search(r"\b(?:put|placed)\s+$", text[:start], re.I):
        return []
    by = re.match(r"\s+by\s+", text[end:hi], re.I)
    if not by:
        return []
    at, agents = end + by.end(), []
    for m in sorted((m for m in mentions if m.kind == "driver"), key=lambda m: m.start):
        if m.start - sent.start == at:
            agents.append(m)
            joint = re.match(r",?\s+and\s+|,\s+", text[m.end - sent.start : hi])
            if not joint:
                break
            at = m.end - sent.start + joint.end()
    return agents


#: A trigger whose subject follows it: "the pole went to the No. 4", "Third place was enough for …"
_SUBJECT_AFTER = re.compile(
    r"(?:went|fell|awarded|belonged)\s+to$|enough\s+for$|^(?:reigning|defending)\s+(?:[\w'’-]+\s+){0,3}champions?$|^pole[- ]?winners?$",
    re.IGNORECASE,
)


def _in_rival_unit(m: Mention, rivals: list[Mention], text: str, base: int) -> bool:
    """A name that belongs to a rival's description ("behind the No. 14 Lexus of Barnicoat")."""
    for r in rivals:
        if r.end <= m.start and re.fullmatch(
            r"(?:['’]s)?[\s\w.'’-]{0,40}?(?:\s(?:of|with)\s|\s|,\s|\sand\s)", text[r.end - base : m.start - base]
        ):
            return True
    return False


_DESCRIBES = r"(?:['’]s)?[\s\w.'’-]{0,40}?(?:\s(?:of|with|for|driven by)\s|\s|,\s|\sand\s)?"


def _unit_end(car: Mention, mentions: list[Mention], text: str, base: int) -> int:
    """Where a subject's description ends: a car takes the team, make and drivers right after it."""
    end = car.end - base
    if car.kind != "car":
        return end
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start - base < end:
            continue
        gap = text[end : m.start - base]
        if re.fullmatch(r"\s+and\s+", gap) and end == car.end - base:
            break  # "in the No. 01 and Erik Johansson rejoins …": a second subject, not the car's crew
        if (
            m.kind in ("team", "manufacturer", "driver") and re.fullmatch(_DESCRIBES, gap)
            # "in the No. 79, Kevin Estre joins …", "De Angelis's No. 27, Winward brings in …": a
            # driver or team after a bare comma starts a clause
            and not (m.kind in ("driver", "team") and re.fullmatch(r"\s*,\s*", gap))
            # "the No. 31 he shares with Nunez", "the No. 96 after starting eighth, Foley …": not a description
            and not re.search(r"\b(?:he|she|they|who|which|that|after|before|while|when|having|starting|but)\b", gap, re.I)
        ):  # fmt: skip
            end = m.end - base
        else:
            break
    return end


def _nearest_unit(before: list[Mention], text: str, base: int) -> list[Mention]:
    """The subject named nearest before a trigger. A car absorbs the team, make and drivers
    that describe it ("the No. 25 BMW M Team RLL of Connor De Phillippi and Nick Yelloly"); names
    of one kind joined by "and", "/" or commas are one subject ("Derani and Sims")."""
    units: list[list[Mention]] = []
    for m in before:
        if units:
            last = units[-1]
            gap = text[last[-1].end - base : m.start - base]
            if (
                last[0].kind == "car"
                and m.kind in ("team", "manufacturer", "driver")
                and re.fullmatch(r"(?:['’]s)?[\s\w.'’-]{0,40}?(?:\s(?:of|with|for|driven by)\s|\s|,\s|\sand\s)?", gap)
                # "in the No. 01 and Erik Johansson rejoins …": "and" right after the car starts a new subject
                and not (len(last) == 1 and re.fullmatch(r"\s+and\s+", gap))
                # "in the No. 79, Kevin Estre joins …": so does a driver or team after a bare comma
                and not (m.kind in ("driver", "team") and re.fullmatch(r"\s*,\s*", gap))
            ):
                last.append(m)
                continue
            ended = len(last) > 1 and re.search(r"\band\b|&", text[last[-2].end - base : last[-1].start - base])
            if (
                m.kind == last[-1].kind
                and re.fullmatch(r"\s*(?:,|and|/|&|, and)\s*", gap)
                # "… Bourdais and van der Zande, Matt Campbell returns", "… Gunn and Riberas, and
                # Brendon Hartley joins": the list ended on "and"
                and not (ended and "," in gap)
            ):
                last.append(m)
                continue
            if last[-1].kind == "team" and m.kind == "manufacturer" and re.fullmatch(r"(?:['’]s?)?\s+", gap):
                continue  # "the Era Motorsport ORECA": the team's car, the make describes it
            if last[-1].kind in ("team", "manufacturer") and m.kind == "driver" and re.fullmatch(r"['’]s\s+", gap):
                units[-1] = [m]  # "Porsche Penske Motorsport's Nick Tandy": the driver
                continue
        units.append([m])
    unit = units[-1]
    if unit[0].kind == "car":
        return unit[:1]
    return [m for m in unit if m.kind == unit[0].kind]


def _claim(kind, match, text, sent, start, end, lo, hi, window, subject, mentions, ctx, previous) -> Claim | None:  # type: ignore[no-untyped-def]
    clause = text[lo:hi]
    if (
        kind in ("win", "finish")
        and re.search(r"\bthe first time\s+[^,.;]{0,40}$", text[:start], re.I)
        and re.search(r"\bsince\b", text[end:hi], re.I)
    ):
        return None  # "the first time Acura had won the Twelve Hours since 2018": a streak, not a result
    own_aside = next(((a, b) for a, b in ctx.asides if a <= start < b), None)
    if own_aside is not None:
        hi = min(hi, own_aside[1])  # a claim inside a relative clause ends with it
    timed = _outside_asides(text, [*ctx.asides, *_descriptions(text)], start)
    # "Dillmann's first IMSA win and the first of the year": the second ordinal's time is its own
    second = re.search(
        r",?\s+and\s+(?:the|his|her|its|their)\s+(?:first|second|third|fourth|fifth|\w+th)\b|"
        # "a third career IMSA victory, his first since Laguna Seca in 2022": an appositive ordinal
        r",\s+(?:his|her|its|their)\s+(?:first|second|third|fourth|fifth|\w+th)\b",
        timed[end:hi],
        re.I,
    )
    own_hi = end + second.start() if second and kind in ("ordinal", "ordinal_of", "ordinal_time") else hi
    if kind in ("win", "finish", "qualifying", "fastest_lap"):
        # "set the fastest lap of the race, …, his first since Laguna Seca in 2022": a year in a
        # "since" phrase dates that phrase (a streak of its own), not the race result
        timed = re.sub(r"\bsince\b[^,.;]*", lambda m: " " * len(m.group()), timed)
    scope = time_scope(timed[start:own_hi], ctx.date, default_career=False)
    if kind == "championship":
        # "last year's GTP champions, have been split up this year": the title's own time first
        own_time = time_scope(timed[start:end], ctx.date, default_career=False)
        scope = own_time if own_time.label else scope
    scope_at = start
    if not scope.label:
        # (not across a coordinated clause of its own: "won at Lime Rock in 2021, and its GTD entry …")
        brk = list(
            re.finditer(
                r",\s+(?:and|but|while|whereas)\s+(?:(?:its|his|her|their|the|it|he|she|they)\b|(?-i:[A-Z]))",
                timed[lo:start],
                re.I,
            )
        )
        at = lo + brk[-1].start() + 1 if brk else lo
        scope = time_scope(timed[at:start], ctx.date, default_career=False)
        scope_at = at
    if not scope.label:
        # the rest of the sentence, up to a new clause with a subject of its own ("…, and it made
        # it two Mid-Ohio wins in a row after last year's triumph": not this claim's year)
        rest = timed[start:own_hi] if own_hi < hi else timed[start:]
        breaks = [
            re.search(r",\s+(?:and|but|while|whereas)\s+(?:it|he|she|they|the|his|her|their)\b|;", rest, re.I),
            _NEW_SUBJECT_CLAUSE.search(rest),  # "…, and Corvette Racing now has …"
            re.search(r",\s+(?:[\w'’]+\s+){0,3}?having\b", rest, re.I),  # "…, the pair having also won here in 2022"
            # "won the 2021 race for Whelen, and last year …": a time of its own
            re.search(
                r",\s+(?:and|but|while)\s+(?:last|this|next)\s+(?:year|season)\b|,\s+(?:and|but|while)\s+in\s+(?:19|20)\d\d\b",
                rest,
                re.I,
            ),
        ]
        new_clause = min((b.start() for b in breaks if b), default=len(rest))
        scope = time_scope(rest[:new_clause], ctx.date, default_career=False)
        scope_at = -1
    in_aside = previous is not None and any(
        a < previous.end - sent.start <= b and not a <= start < b for a, b in ctx.asides
    )
    # "The No. 60, runner-up at Sebring, finished last": a race in a description is not inherited
    described = previous is not None and any(
        a < previous.end - sent.start <= b and not a <= start < b for a, b in _descriptions(text)
    )
    # the sentence's time (a standings claim does not take the year of a title: "the 2021 champion, and X trailed him")
    # ("…won at Lime Rock in 2021, and its GTD entry, the No. 27, winner of the Rolex 24, …": an
    # appositive of another subject keeps its own time)
    own_aside = (
        any(a <= start < b and not a <= previous.end - sent.start <= b for a, b in ctx.asides) if previous else False
    )
    if (
        not scope.label and previous is not None and previous.slots.get("time") and not in_aside
        and not described and not previous.slots.get("appositive") and not own_aside
        and not (kind.startswith("standing") and not previous.slots.get("standing"))
    ):  # fmt: skip
        scope = TimeScope(tuple(previous.slots["seasons"]), previous.slots["since"], previous.slots["until"],
                          previous.slots["career"], previous.slots["time"])  # fmt: skip
        scope_at = -1
    events = [
        m for m in window
        if m.kind == "event"
        and not (_WINNER_OF.match(text[m.end - sent.start :]) and not m.start - sent.start <= start <= m.end - sent.start + 12)
        # "was fifth in the No. 31 – matching his result at the Rolex 24": another clause's race
        and not (m.start - sent.start >= end and re.search(r"\s[–—]\s", text[end : m.start - sent.start]))
    ]  # fmt: skip  # "faded to sixth, Sebring winners Pfaff finished seventh": Sebring is an epithet
    if not events and (kind in ("win", "finish", "qualifying", "fastest_lap") or kind.startswith("seq_")) and lo:
        # "…, and at Laguna it also set the fastest race lap": a race named in the trigger's own
        # clause, before it
        cut = lo + _clause_start(text[lo:start])
        events = [m for m in mentions if m.kind == "event" and cut <= m.start - sent.start < start and cut > lo]
    where: list[Mention] = []
    if kind in COUNT_KINDS or kind == "seq_first":
        own_events = _own_event(text, end, events, sent.start) if kind != "seq_first" else []
        if not own_events:
            # "won twice, at Long Beach and the Glen", "the first three races, A, B and C": where
            lead = re.match(
                r"\s*(?:(?:of the (?:year|season)|(?:of|in|during) (?:19|20)\d{2}|(?:this|last) (?:year|season))\s*)?(?:,\s*|\s+(?:came|was|arrived)\s+)(?:(?:at|in|including)\s+)?(?:the\s+)?",
                text[end:hi],
                re.I,
            )
            if lead:
                where = _event_list(
                    text, end, end + lead.end() + 1, [m for m in mentions if m.kind == "event"], sent.start
                )
                where = (
                    _event_list(
                        text,
                        end,
                        hi,
                        where + [m for m in mentions if m.kind == "event" and m.start - sent.start > end + lead.end()],
                        sent.start,
                    )
                    if where
                    else []
                )
        if kind in COUNT_KINDS:
            events = own_events
    if (
        not events
        and previous is not None
        and previous.slots.get("event")
        and kind in ("win", "finish", "qualifying", "fastest_lap")
        and not in_aside  # "No. 18, which won the Rolex 24, finished third": not the Rolex 24
        and not previous.slots.get("appositive")  # "No. 14, the Sebring winner, was second"
        and not described
    ):
        events = [m for m in previous.mentions if m.kind == "event" and m.name == previous.slots["event"]]
    if not events and kind in ("win", "finish", "qualifying", "fastest_lap"):
        # "Derani, from sixth on the grid, won Petit Le Mans": the one race the sentence reports on
        current = [
            e for e in _reported([m for m in mentions if m.kind == "event"], text, sent.start)
            if not any(a <= e.start - sent.start < b and not a <= start < b for a, b in ctx.asides)
            # not a race across a clause of its own ("…, while Derani was fifth – matching his
            # result at the Rolex 24")
            and not _CLAUSE_BREAK.search(
                text[min(end, e.end - sent.start) : max(start, e.start - sent.start)]
            )
        ]  # fmt: skip
        if len({e.name for e in current}) == 1:
            events = current[:1]
    time_from = "stated" if scope.label and scope_at >= 0 else "sentence" if scope.label else None
    classes = [
        m
        for m in window
        if m.kind == "class"
        # "Corvette's No. 3, last year's GTLM winner at Daytona, was second": the aside's class
        and not any(a <= m.start - sent.start < b and not a <= start < b for a, b in ctx.asides)
        # "Porsche breaks its GTP duck as Paul Miller makes it three in a row": another clause's class
        and not (
            m.end - sent.start <= start and re.search(r"\s(?:as|while|whereas)\s", text[m.end - sent.start : start])
        )
        # "With GTP sitting out the weekend, the No. 52 took overall honours": a class not racing
        and not re.match(
            r"\s+(?:class\s+)?(?:sitting|sat|sits|was|were|being)?\s*(?:out|absent|missing|not racing|off)\b",
            text[m.end - sent.start :],
            re.I,
        )
        and not (
            m.start - sent.start > end
            and re.search(r"\b(?:as|while|whereas)\s|[;,]\s*(?:and|but|while)\b|;", text[end : m.start - sent.start])
        )
        and not (
            kind in COUNT_KINDS
            and m.start - sent.start > end
            and re.search(r"\bafter\b", text[end : m.start - sent.start])
        )
    ]  # "Paul Miller BMW converts pole at Road America as Riley's LMP3 run reaches four": not LMP3;
    # "its second win of the year after its GTD PRO triumph at Sebring": the earlier win's class
    if not classes and kind in COUNT_KINDS:
        # "DragonSpeed won in GTD PRO for the first time": the class of the trigger's own clause
        cut = _clause_start(text[:start])
        classes = [m for m in mentions if m.kind == "class" and cut <= m.start - sent.start < start]
    team_count = kind in COUNT_KINDS and bool(_TEAMS_OWN.search(text[:start])) and subject and subject[0].kind == "team"
    listed = (
        _event_list(text, end, hi, window, sent.start) if kind in ("win", "finish", "qualifying", "fastest_lap") else []
    )
    also = [
        e for e in events
        if kind in ("win", "finish") and re.search(r"\b(?:as|like)\s+(?:it|he|she|they)\s+(?:had|did)\s+(?:done\s+)?(?:at|in)\s+(?:the\s+)?$", text[: e.start - sent.start], re.I)
    ]  # fmt: skip
    if also:
        # "finished seventh, just as it had at Daytona": the race reported and that one
        here = ctx.event if ctx.event is not None and ctx.event.name != also[0].name else None
        events = [m for m in events if m not in also]
        if here is not None and not events:
            events = [here]
        listed = [*events[:1], also[0]] if events else []
    teams = [m for m in mentions if m.kind == "team"]
    slots: dict[str, Any] = {
        "subject": [{"kind": s.kind, "name": s.name, "key": s.key} for s in subject],
        "class": classes[0].key if classes else None,
        # "MSR's Acura won overall and the Heart of Racing Aston Martin … won GTD": "overall" before
        # a coordinated subject is the earlier claim's
        "overall": bool(
            re.search(r"\boverall\b", text[start:hi], re.IGNORECASE)
            or re.search(r"\boverall\b(?![^;]*?(?:,|\band\b))", text[lo:start], re.IGNORECASE)
        ),
        "event": events[0].name if events else None,
        "seasons": list(scope.seasons),
        "since": scope.since,
        "until": scope.until,
        "career": scope.career,
        "time": scope.label,
        "relative_time": scope.relative,
    }
    car_stated: Mention | None = None
    if kind in ("win", "finish", "qualifying", "fastest_lap") and subject and all(m.kind == "driver" for m in subject):
        # "Tincknell put the No. 55 Mazda on pole", "won in the No. 96 BMW": the car is checked too
        stated = [
            m for m in mentions
            if m.kind == "car" and subject[-1].end - sent.start <= m.start - sent.start < hi
            and re.search(r"\b(?:in|put|puts|putting|planted|placed|stuck|parked|popped|drove|driving|aboard|with|brought|brings|bringing|steered|piloted|started|qualified)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:sister\s+|(?-i:[a-z])[\w]*(?:-[\w]+)+\s+)?$", text[: m.start - sent.start], re.I)
            # not "…, with the No. 96 Turner BMW finishing second": another car's result
            and not (
                re.search(r"\bwith\s+(?:the\s+)?$", text[: m.start - sent.start], re.I)
                and re.match(r"[^,.;]{0,40}?\b(?:finishing|taking|coming|crossing|ending)\b", text[m.end - sent.start :], re.I)
            )
        ]  # fmt: skip
        if len(stated) == 1:
            slots["car_stated"] = stated[0].key
            car_stated = stated[0]
    if team_count:
        # the team's wins in the class the article is about (its other classes are other cars)
        slots["class"] = (
            slots["class"] or (previous.slots.get("class") if previous is not None else None) or ctx.last_class
        )
        slots["team_count"] = True
    if where:
        slots["where"] = [e.name for e in where]
    if len(listed) > 1:
        # "took pole at A, B and C", "won at A and at B": the claim is about every race listed
        slots["event"] = listed[0].name
        slots["events"] = [e.name for e in listed]
    if (
        subject
        and subject[0].start >= sent.start
        and re.search(
            r"\bpole[- ](?:winning|sitting)\s+(?:No\.\s?\d+\s+)?$",
            text[max(0, subject[0].start - sent.start - 30) : subject[0].start - sent.start],
            re.I,
        )
    ):
        slots["qualifier"] = "pole"  # "the pole-winning Corvette": the make's car that took pole
    if len(subject) == 1 and subject[0].kind == "team":
        make = next(
            (m for m in mentions if m.kind == "manufacturer" and re.fullmatch(r"(?:['’]s)?\s+", text[subject[0].end - sent.start : m.start - sent.start])),
            None,
        )  # fmt: skip
        if make is not None:
            slots["team_make"] = make.name  # "the AO Racing Porsche": the team's car of that make
    if subject and subject[0].kind in ("team", "manufacturer") and not slots.get("class") and ctx.last_class:
        slots["class_context"] = ctx.last_class  # "the Vasser Sullivan Lexus finished eighth" in a GTD PRO paragraph
    if subject and subject[0].kind == "car":
        near = [t for t in teams if 0 <= t.start - subject[0].end <= 40] or [
            t for t in teams if re.fullmatch(r"(?:['’]s)?\s+", text[t.end - sent.start : subject[0].start - sent.start])
        ]  # "TR3 Racing's No. 63", "the No. 63 TR3 Racing Lamborghini"
        slots["car_team"] = near[0].name if near else None
        slots["numbers"] = list(subject[0].extra.get("numbers", (subject[0].key,)))
        # a car is (season, number, team): the article's season, class and teams pick it out
        slots["car_context"] = {
            "season": ctx.paragraph_year or ctx.article_year,
            "class": ctx.last_class,
            "teams": sorted(ctx.teams_named | {t.name for t in teams}),
            "team_exact": bool(near) and near[0].how == "exact",
        }
    claim_type = {
        "count": "count",
        "count_won": "count",
        "count_of": "count",
        "count_times": "count",
        "count_every": "count",
        "count_only": "count",
        "count_zero": "count",
        "ordinal": "count",
        "ordinal_time": "count",
        "ordinal_of": "count",
        "laps_led": "result",
        "including": "count",
        "win": "result",
        "rival": "result",
        "superlative": "result",
        "finish": "result",
        "qualifying": "qualifying",
        "fastest_lap": "fastest_lap",
        "championship": "championship",
        "lineup": "lineup",
        "streak": "streak",
        "seq_first": "streak",
        "seq_last": "streak",
        "seq_editions": "streak",
        "seq_years": "streak",
        "seq_run": "streak",
        "seq_b2b": "streak",
        "not_stat": "lineup",
    }.get(kind, "championship")
    reason = None
    if kind == "not_stat":
        reason = NOT_A_STATISTIC
    elif _outside(text, _after_subject(subject, sent, lo, start), start, end, hi) and not [
        e for e in events if start <= e.start - sent.start
    ]:
        reason = OUTSIDE
    elif (
        NOT_STAT.search(clause) and kind == "lineup" and re.search(r"contract|deal|extension|multi-year", clause, re.I)
    ):
        reason = NOT_A_STATISTIC
    g = match.groupdict()
    if kind == "count_of":
        what = g["what"].casefold()
        metric = "podiums" if "podium" in what else "poles" if "pole" in what else "top5s" if "top" in what else "wins"
        # ("won nine of the season's GTLM races": the wins of the season, its races not counted)
        slots.update(
            value=number(g["n"]),
            metric=metric,
            starts=number(g["m"]) if g.get("m") else None,
            of_races=bool(g.get("m")),
        )
        if not scope.label:
            # "won four of his five starts": the races of the season the article is about
            year = ctx.paragraph_year or ctx.article_year or ctx.date.year
            started = ctx.date >= dt.date(ctx.date.year, 1, 24)
            year = min(year, ctx.date.year if started else ctx.date.year - 1)
            slots.update(seasons=[year], career=False, time=f"{year} season", until=ctx.date)
            slots["season_from_article"] = True
    if kind == "count_zero":
        # "has yet to win this season": no win in the scope (the article's season if none is named)
        slots.update(
            value=0,
            metric="podiums"
            if g.get("zpod") or g.get("zpod2")
            else "poles"
            if g.get("zpole") or g.get("zpole2")
            else "fastest_laps"
            if g.get("zfl")
            else "wins",
        )
        if not scope.label:
            year = ctx.date.year if ctx.date >= dt.date(ctx.date.year, 1, 24) else ctx.date.year - 1
            slots.update(seasons=[year], career=False, time=f"{year} season", until=ctx.date)
    if kind == "count_only":
        kind, g = "count", {"n": "one", "metric": g["metric"]}  # "its only win of the year": one
    if kind == "count_every":
        what = g["what"].casefold()
        metric = "podiums" if "podium" in what else "poles" if "pole" in what else "top5s" if "top" in what else "wins"
        # "a podium in every race (but one)": the count equals the starts (less the exceptions)
        slots.update(value=0, metric=metric, all_but=number(g["k"]) if g.get("k") else 0)
        if g.get("alln"):
            slots["all_of"] = number(g["alln"])  # "in all five races": five starts
        if not scope.label:
            year = ctx.paragraph_year or ctx.article_year or ctx.date.year
            started = ctx.date >= dt.date(ctx.date.year, 1, 24)
            year = min(year, ctx.date.year if started else ctx.date.year - 1)
            slots.update(seasons=[year], career=False, time=f"{year} season", until=ctx.date)
    if kind == "count_won" and (g.get("twice") or g.get("n2")):
        inside = [m for m in mentions if m.kind == "event" and start <= m.start - sent.start < end]
        if inside:
            events = inside[:1]  # "has now won at Sebring three times": at that race
            slots["event"] = inside[0].name
    if kind == "count_won" and g.get("metric4"):
        g = {
            "n": "two" if g.get("twice4") else g.get("n4"),
            "metric": g["metric4"],
            "m": g.get("m4"),
        }  # "on the podium eight times"
    elif kind == "count_won" and g.get("metric5"):
        g = {"n": "two" if g.get("twice5") else g.get("n5"), "metric": "fastest"}  # "set the fastest lap four times"
    elif kind == "count_won" and g.get("n3"):
        g = {"n": g["n3"], "metric": "starts"}  # "has started 30 races"
    elif kind == "count_won" and not g.get("n"):
        g = {"n": "two" if g.get("twice") else g.get("n2"), "metric": "times"}
        events = events or []
    if kind in ("count", "count_won"):
        metric = _metric(g["metric"], clause)
        slots.update(value=number(g["n"]), metric=metric)
        if metric in ("titles",):
            claim_type = "championship"
            slots["count"] = True
        if g.get("m"):
            slots["starts"] = number(g["m"])
            # "four podiums in five races": for a team or make, races (not its cars' starts)
            slots["of_races"] = bool(
                re.search(
                    r"\b(?:races|rounds|events)\b",
                    match.group()[match.start("m4" if match.groupdict().get("m4") else "m") - match.start() :],
                    re.I,
                )
            )

    elif kind == "count_times":
        word = g["metric"].casefold()
        metric = "titles" if word == "champion" else "poles" if word.startswith("pole") else "wins"
        slots.update(value=number(g["n"]), metric=metric)
        # "a two-time Rolex 24 winner": a career figure, whatever time the sentence names, at the
        # race named in it
        slots.update(seasons=[], since=None, until=ctx.date, career=True, time="career")
        inside = [m for m in mentions if m.kind == "event" and start <= m.start - sent.start < end]
        if inside:
            slots["event"] = inside[0].name
        time_from = "stated"
        if metric == "titles":
            claim_type = "championship"
            slots["count"] = True
    elif kind == "including":
        slots.update(
            value=number(g["n"]), metric=_metric(g["metric"] or "", clause) if g["metric"] else None, including=True
        )
        sub = time_scope(text[start:hi], ctx.date, default_career=False)
        slots.update(seasons=list(sub.seasons), since=sub.since, until=sub.until, career=sub.career, time=sub.label)
    if kind == "ordinal_of":
        kind = "ordinal"
        g = {"ord": g["ord"], "metric": g["metric"], "adj": "", "since": None}
    if kind == "ordinal_time":
        verb = _TIME_VERB.search(text[:start])
        if verb is None:
            return None
        kind = "ordinal"
        metric_word = "win" if verb.group("win") else "pole" if verb.group("pole") else "podium"
        g = {"ord": g["ord"], "metric": metric_word, "adj": "", "since": None}
    if kind == "ordinal":
        metric = _metric(g["metric"], clause)
        adj = (g["adj"] or "").casefold()
        slots.update(value=ordinal(g["ord"]), metric=metric, ordinal=True)
        starts = STARTS_AFTER.match(text[end:hi])
        if starts and metric != "starts":
            slots["starts"] = number(starts.group("m"))  # "his third podium in three races"
            slots["of_races"] = bool(re.search(r"\b(?:races|rounds|events)\b", starts.group(), re.I))
            end += starts.end()
        if g.get("since") and ordinal(g["ord"]) == 1:
            # "first win since 2019" (but "MSR's seventh win since 2021" is a count from 2021)
            claim_type = "streak"
            slots.update(streak="first since", metric=metric)
            slots.update(_since_target(text[end:hi], events, ctx))
        elif "straight" in adj or "consecutive" in adj:
            claim_type = "streak"
        elif metric == "titles":
            claim_type = "championship"
            slots["count"] = True
            m = re.match(
                rf"\s*(?:in|from)\s+(?:the\s+)?(?:last\s+|past\s+)?(?P<m>{NUM})\s+(?:seasons|years)", text[end:hi], re.I
            )
            if m:
                n = number(m.group("m")) or 1
                year = scope.seasons[-1] if scope.seasons else ctx.date.year
                slots.update(window=n, seasons=list(range(year - n + 1, year + 1)))
                end += m.end()
        if not scope.label and claim_type == "count":
            # "his fifth win": the count so far (career) unless a time is named
            slots.update(career=True, until=ctx.date, time="career")
        won_at = next(
            (
                e for e in mentions
                if e.kind == "event" and claim_type == "count" and re.match(r"for the\b", text[start:end], re.I)
                and re.fullmatch(r"\s*", text[e.end - sent.start : start])
                and re.search(r"\b(?:won|wins|winning|claimed|took|taken)\s+(?:the\s+)?$", text[: e.start - sent.start], re.I)
            ),
            None,
        )  # fmt: skip
        if g.get("evadj"):
            # "his second Long Beach victory": the wins at that race (no race there: not read)
            a, b = match.span("evadj")
            won_at = next(
                (e for e in mentions if e.kind == "event" and a <= e.start - sent.start and e.end - sent.start <= b),
                None,
            )
            if won_at is None and not re.fullmatch(_ADJ, text[a:b], re.I):
                return None  # "his second Porsche win": a make the count does not read
        if won_at is not None:
            # "won Petit Le Mans for the second time (in three years)": the wins at that race
            slots["event"] = won_at.name
            m = re.match(
                rf"\s*in\s+(?:the\s+)?(?:last\s+|past\s+)?(?P<m>{NUM})\s+(?:seasons|years)\b", text[end:hi], re.I
            )
            if m:
                n = number(m.group("m")) or 1
                year = ctx.date.year if season_started(ctx.date) else ctx.date.year - 1
                slots.update(seasons=list(range(year - n + 1, year + 1)), career=False, since=None)
                slots["time"] = f"{year - n + 1}–{year}"
                end += m.end()
        if claim_type == "count":
            # "his second win of the season, after the Rolex 24": the earlier win is a race listed
            earlier = re.match(
                r"\s*(?:of the (?:year|season)|this (?:year|season)|in (?:19|20)\d{2})?\s*,?\s*after\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?:win\s+(?:at|in)\s+(?:the\s+)?)?"
                # "… after the sister No. 93 triumphed on the streets of Detroit"
                r"(?:[\w.'’ -]{0,40}?\b(?:won|triumphed|scored)\s+(?:at|in|on)\s+)?",
                text[end:],
                re.I,
            )
            after: list[str] = []
            if earlier:
                # "its third win of the season after the Rolex 24 and Sebring": the earlier wins
                # are listed (each checked), and the count is as of the race in hand, not them
                zone = text[end + earlier.start() :]
                stop = re.search(r"[;]|(?<!No)\.\s|,\s+(?:but|while|which|as|and\s+(?:the|it|he|she|they))\b", zone)
                zone_end = end + earlier.start() + (stop.start() if stop else len(zone))
                for e in mentions:
                    if (
                        e.kind == "event"
                        and end + earlier.start() <= e.start - sent.start < zone_end
                        and e.name not in after
                    ):
                        after.append(e.name)
                if after and slots["value"] == len(after) + 1:
                    slots["where"] = after
            # the count as of the race in hand ("the car's first win of the season", in a review
            # written months later, counts the wins up to that race)
            here = [
                e for e in _reported([m for m in mentions if m.kind == "event"], text, sent.start)
                if e.name not in after
            ]  # fmt: skip
            cut = lo + _clause_start(text[lo:start])
            # "…, and the WeatherTech 240 was the No. 31's first victory": the race of the clause
            own_clause = [e for e in here if cut <= e.start - sent.start < start]
            here = own_clause[-1:] or (here if len({e.name for e in here}) == 1 else [])
            if here or ctx.event is not None:
                slots["as_of"] = here[0].name if here else ctx.event.name
                slots["as_of_from_context"] = not here
    elif kind.startswith("seq_"):
        if (
            not events
            and kind == "seq_years"
            and previous is not None
            and previous.slots.get("event")
            and previous.type == "result"
        ):
            slots["event"] = previous.slots["event"]  # "won the Rolex 24 for the third straight year"
            slots["class"] = slots["class"] or previous.slots.get("class")
        elif not events and ctx.event is not None:
            slots["event"] = ctx.event.name  # "the last three editions of the race": the race in hand
            slots["event_from_context"] = True
            if kind == "seq_editions" and re.match(r"\s*of (?:the|this) (?:race|event)\b", text[end:]):
                slots["event_here"] = True  # "of the race" says it is the race in hand
        if kind == "seq_last" and re.search(r"\bprevious\b", match.group(), re.I) and ctx.event is not None:
            # "who won the previous two GTD PRO races", in the report of a race: the rounds before it
            slots.update(before_current=True, event=ctx.event.name)
        if kind == "seq_editions" and g.get("n2") and re.search(r"\bhere\b|\bhad\b|\bwinners?\b", text[lo:end], re.I):
            # "winners here in each of the past two years", "which had won at VIR in each of the past
            # two seasons", "LMP3 winners at the Glen in each of the last three years", in the
            # report of this year's race: the editions before the one reported
            slots["before_current"] = True
        slots.update(_sequence_slots(kind, g, text, start, end, lo, hi, sent, mentions, window, match))
        end = max(end, slots.pop("_end"))
        _run_after(slots, text, end, hi, sent, mentions, ctx)
        named = re.match(
            r"\s+(?P<ev>[\w'’. -]{2,40}?)\s+(?:wins|victories|titles|poles)\b", text[start + len(match.group()) :]
        )
        if kind == "seq_run" and (g.get("n7") or g.get("n9")):
            inside = [m for m in mentions if m.kind == "event" and start <= m.start - sent.start < end]
            if inside:  # "two Mid-Ohio wins in a row": the last editions of the race
                slots.update(races="editions", event=inside[0].name, events=None)
                slots.pop("event_from_context", None)
        mend = start + len(match.group())
        at_one = re.match(r"\s+(?:(?:wins?|victories|podiums|poles)\s+)?(?:at|in)\s+(?:the\s+)?", text[mend:hi], re.I)
        if (
            (kind == "seq_b2b" or (kind == "seq_run" and g.get("n2")))
            and at_one
            and len(slots.get("events") or []) <= 1
        ):
            there = [m for m in mentions if m.kind == "event" and m.start - sent.start == mend + at_one.end()]
            if there and not re.match(r"\s*(?:,|and\b)", text[there[0].end - sent.start :]):
                # "went back-to-back at Monterey", "makes it three in a row at Long Beach": the
                # last editions of that race
                slots.update(
                    races="editions",
                    event=there[0].name,
                    events=None,
                    length=slots.get("length") if kind == "seq_run" else 2,
                )
                slots.pop("event_from_context", None)
                end = max(end, there[0].end - sent.start)
        if kind == "seq_b2b" and named:
            inside = [
                m
                for m in mentions
                if m.kind == "event" and start <= m.start - sent.start <= start + len(match.group()) + named.end()
            ]
            if inside:  # "back-to-back Sebring wins": the last two editions of the race
                slots.update(races="editions", event=inside[0].name, events=None, length=2)
                slots.pop("event_from_context", None)
    elif kind == "streak":
        word = match.group().casefold()
        if g.get("nosince"):
            # "has not won since Road America": no win after it, up to the publication date
            slots.update(
                streak="none since", metric="poles" if g.get("nspole") else "podiums" if g.get("nspod") else "wins"
            )
            slots.update(_since_target(text[end:hi], events, ctx))
        elif word.startswith("for the first"):
            verb = _TIME_VERB.search(text[:start])
            if verb is None:
                return None
            metric_word = "win" if verb.group("win") else "pole" if verb.group("pole") else "podium"
            slots.update(streak="first since", metric=_metric(metric_word, word))
            slots.update(_since_target(text[end:hi], events, ctx))
        elif word.startswith("first"):
            noun = re.search(r"(win|victory|triumph|success|podium|pole)\w*\s+since$", word)
            slots.update(streak="first since", metric=_metric(noun.group(1) if noun else word.split()[1], word))
            slots.update(_since_target(text[end:hi], events, ctx))
            at = [m for m in mentions if m.kind == "event" and match.start() <= m.start - sent.start < match.end()]
            if at:
                slots["at_event"] = at[0].name  # "its first VIR victory since 2021": wins at VIR only
            if re.search(
                r"\b(?:look(?:s|ing)?|seek(?:s|ing)?|chas(?:es|ing)|hunt(?:s|ing)?|search(?:es|ing)?|aim(?:s|ing)?|hop(?:es|ing))\b"
                r"(?:\s+(?:for|at|to\s+(?:end|take|score|claim)))?\s+(?:its|his|her|their|a)\s+$",
                text[:start],
                re.I,
            ):
                # "is looking for its first Rolex 24 win since 2020": none since then, up to now,
                # and one then
                slots.update(streak="none since", won_then=True)
        else:
            metric4 = {"winning": "wins", "podium": "podiums", "pole": "poles"}.get((g.get("metric4") or "").casefold())
            metric = _metric(g.get("metric") or g.get("metric2") or g.get("metric3") or metric4 or "wins", word)
            n = g.get("n") or g.get("n3") or g.get("n6")
            value = (number(n) if n and number(n) else ordinal(n) if n else None) or 2
            slots.update(streak="consecutive", metric=metric, value=value)
            if re.search(
                r"\b(?:ended|ending|ends|snapped|snapping|broke|breaking|halted)\s+(?:a|the|their|his|her|its)\s+(?:\w+\s+)?(?:run|streak)\s+of\s*$",
                text[:start],
                re.I,
            ):
                slots["ended_run"] = True  # "ended a run of four straight podiums": the run before this race
            after = re.match(
                r"\s+(?:win\s+|victory\s+)?after\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:win\s+(?:at|in)\s+(?:the\s+)?)?",
                text[end:],
                re.I,
            )
            if after and metric in ("wins", "podiums", "poles") and value == 2:
                # "a second straight win after Indianapolis": the race before and the race in hand
                claim_type = "streak"
                slots.update(sequence="seq_b2b", length=2, quantity="all", overall=False, races="ending",
                             predicate={"wins": "win", "podiums": "podium", "poles": "pole"}[metric])  # fmt: skip
                first = [m for m in mentions if m.kind == "event" and m.start - sent.start == end + after.end()]
                slots["events"] = [first[0].name] if first else []
                if first:
                    end = first[0].end - sent.start
                _run_after(slots, text, start, hi, sent, mentions, ctx)
    elif kind == "superlative":
        # the season's best or worst class finish (and, when a race is named, that it came there)
        which = (g.get("which") or g.get("which2")).casefold()
        slots.update(superlative=which, position=ordinal(g.get("pos") or g.get("pos2")))
        if not slots["seasons"]:
            started = ctx.date >= dt.date(ctx.date.year, 1, 24)
            slots["seasons"] = [ctx.date.year if started else ctx.date.year - 1]
        own_events = [e for e in events if e.start - sent.start >= start]
        slots["event"] = own_events[0].name if own_events else None
    elif kind == "win" and g.get("ewin3"):
        # "Their Mosport victory", "his Rolex 24 win": a win at the race named in it
        inside = [m for m in mentions if m.kind == "event" and start <= m.start - sent.start < end]
        if not inside:
            return None
        slots.update(position=1, event=inside[0].name, on_road=False)
    elif kind == "win" and g.get("onetwo"):
        # "Corvette Racing scored a one-two", "led a BMW one-two": the team's or make's cars first
        # and second in the class
        inside = [m for m in mentions if m.kind in ("team", "manufacturer") and start <= m.start - sent.start < end]
        if inside:
            subject = inside[:1]
            slots["subject"] = [{"kind": m.kind, "name": m.name, "key": m.key} for m in subject]
        if not subject or subject[0].kind not in ("team", "manufacturer"):
            return None
        slots.update(position=1, one_two=True, on_road=False)
        if not events and ctx.event is not None:
            slots["event"] = ctx.event.name
            slots["event_from_context"] = True
        if not slots["event"]:
            return None
    elif kind == "win" and (g.get("ewin") or g.get("ewin6")):
        # "the No. 14 Lexus, the Sebring winner, was second": the race named in the description
        inside = [m for m in mentions if m.kind == "event" and start <= m.start - sent.start < end]
        at = re.match(r"\s+(?:at|in)\s+(?:the\s+)?", text[end:])
        if not inside and at:
            # "last year's GTLM winner at Daytona": the race right after it
            inside = [m for m in mentions if m.kind == "event" and m.start - sent.start == end + at.end()]
            end = inside[0].end - sent.start if inside else end
        if (
            not inside
            and ctx.event is not None
            and (
                re.match(r"\s+here\b", text[end:])
                or re.search(r"\b(?:last|this)\s+(?:year|season)['’]s\b", match.group(), re.I)
            )
        ):
            # "Pfaff Motorsports, last year's GTD PRO winners, …", "the winners here": the race in hand
            # (without "here" a guess: last year's class champions are "winners" too)
            inside = [ctx.event]
            slots["event_from_context"] = True
            slots["event_guess"] = not re.match(r"\s+here\b", text[end:])
        if not inside:
            return None
        slots.update(position=1, event=inside[0].name, on_road=False, appositive=True)
        if g.get("ewin6"):
            named = _named_after(window, end, sent, text)
            if named and named[0].start - sent.start - end <= 2:
                # "Pfaff's Sebring winners Klaus Bachler and Patrick Pilet …": the names that follow
                subject = named
                slots["subject"] = [{"kind": m.kind, "name": m.name, "key": m.key} for m in subject]
            elif subject and subject[0].start - sent.start >= start:
                subject = []  # the owner ("Pfaff's") describes the winners: not the subject
    elif kind == "win":
        slots.update(
            position=1,
            on_road=bool(
                re.search(
                    r"first to the checkered flag|first across the line|crossed the line first", match.group(), re.I
                )
            ),
        )
        end = max(end, _details(text, end, hi, slots, mentions, sent))
        if re.match(r"\s+only\s+(?:at|in)\b", text[start + len(match.group()) :], re.I) or re.search(
            r"\bonly\s+$", text[lo:start], re.I
        ):
            slots["only"] = True  # "won only at Sebring this year": no other win in that season
        if not events and ctx.event is not None:
            slots["event"] = ctx.event.name
            slots["event_from_context"] = True
        if not slots["event"] and reason is None:
            return None
    elif kind == "finish":
        raw = next(
            (
                v
                for k, v in g.items()
                if v
                and k
                in (
                    "a",
                    "b",
                    "c",
                    "d",
                    "e",
                    "f",
                    "g",
                    "i",
                    "k",
                    "l",
                    "m",
                    "n",
                    "o",
                    "p",
                    "r",
                    "s",
                    "t",
                    "u",
                    "v",
                    "w",
                    "x",
                )
            ),
            None,
        )
        if g.get("dnf"):
            # "failed to finish", "retired after 116 laps": not running at the finish (and its laps)
            slots.update(position=None, dnf=True, dnf_laps=int(g["dnflaps"]) if g.get("dnflaps") else None)
        elif g.get("last"):
            slots.update(position=99, last=True)  # the class's last classified place (verify.py)
            tail = re.match(rf"\s+of\s+the\s+(?P<n>{NUM})\b", text[end:hi], re.I)
            if tail:
                slots["field"] = number(tail.group("n"))
                end += tail.end()
        elif g.get("j") or g.get("rounded"):
            slots.update(position=3)  # "completed the podium", "rounded out the podium": third
        elif g.get("h"):
            slots.update(position=3, at_most=True)
        else:
            slots.update(position=ordinal(raw or ""))
            more = re.match(rf"(?:\s*,\s*(?:{ORD})|\s*,?\s+and\s+(?:{ORD}))+", text[end:hi], re.I)
            if more:
                # "finished fourth and fifth at A and B": one place per race, in order
                slots["positions"] = [slots["position"], *(ordinal(x) for x in re.findall(ORD, more.group(), re.I))]
                end += more.end()
        if re.search(r"\bcrossed the (?:finish(?:ing)? )?line\b", match.group(), re.I):
            slots["on_road"] = True  # "crossed the line first": the order on the road
        road = re.match(r"\s+(?:to the checkered flag|across the line|on the road)", text[end:hi], re.IGNORECASE)
        if road:
            slots["on_road"] = True  # "was first to the checkered flag": the order on the road
            end += road.end()
        end = max(end, _details(text, end, hi, slots, mentions, sent))
        if not slots["position"] and not slots.get("dnf"):
            return None
        if not events and ctx.event is not None:
            slots["event"] = ctx.event.name
            slots["event_from_context"] = True
        if not slots["event"] and reason is None:
            return None
    elif kind == "rival":
        order = _rival_slots(text, start, end, hi, sent, mentions, subject, previous)
        if order is None:
            return None
        subject, descriptors = order.pop("_rivals"), order.pop("_descriptors")
        b_end = order.pop("_end")
        order["strict"] = order["ref_position"] == 1 or bool(re.search(r"\bh(?:o|e)ld", match.group(), re.I))
        brought = [m for m in mentions if m.kind == "car" and start <= m.start - sent.start < end]
        if brought:
            order["ref_car"] = brought[0].key  # "brought the No. 10 home …": the car the subject drove
            if order["ref_position"] is None and not [x for x in order["ref"] if x.get("confidence", 1.0) >= 0.9]:
                # the subject is a guess: measure against the car named
                order["ref"] = [{"kind": "car", "name": brought[0].name, "key": brought[0].key, "confidence": 1.0}]
                slots["numbers"] = (
                    [m.key for m in subject] if subject and subject[0].kind == "car" else slots.get("numbers")
                )
            descriptors = [*descriptors, {"kind": "car", "name": brought[0].key, "key": brought[0].key}]
        if match.groupdict().get("mg"):
            order["margin_s"] = float(match.group("mg"))  # "15.855 seconds clear of the No. 3"
            order["margin_digits"] = len(match.group("mg").split(".")[1])
        elif match.groupdict().get("mg2"):
            # "by more than 48 seconds from the CrowdStrike entry": a bound, or the gap as written
            mg2 = match.group("mg2")
            order["margin_s"] = float(mg2)
            order["margin_digits"] = len(mg2.split(".")[1]) if "." in mg2 else 0
            if match.group("cmp"):
                order["margin_cmp"] = _margin_cmp(match.group("cmp"))
        # (after a word or two of the rival's description: "beat the CORE autosport entry by 2.635 seconds")
        mg = re.match(
            r"(?:\s+(?:entry|car|crew|machine|squad|team|(?-i:[A-Z][\w-]*)|[\w-]+['’]s)){0,3}"
            r"(?:\s+to\s+the\s+(?:line|flag|chequered\s+flag|checkered\s+flag))?"
            r"\s+by\s+(?:just\s+|only\s+)?(?P<s>\d+\.(?P<dec>\d+))\s*(?:seconds?|secs?|s)\b",
            text[b_end:hi],
        )
        if mg and "margin_s" not in order:
            # "holding off the Meyer Shank Racing Acura by 0.965 seconds": the margin after the rival
            order["margin_s"], order["margin_digits"] = float(mg.group("s")), len(mg.group("dec"))
            b_end += mg.end()
        slots.update(order=order, rival_crew=[d["name"] for d in descriptors], car_team=None)
        slots["subject"] = [{"kind": m.kind, "name": m.name, "key": m.key} for m in subject]
        if subject[0].kind == "car":
            slots["numbers"] = [m.key for m in subject]
            slots["car_context"] = {
                "season": ctx.paragraph_year or ctx.article_year,
                "class": ctx.last_class,
                "teams": sorted(ctx.teams_named | {t.name for t in teams}),
                "team_exact": False,
            }
        # a race after the rivals ("…, and again at Road America") is the next claim's
        own_events = [
            m for m in window
            if m.kind == "event" and m.start - sent.start >= start
            and not re.search(r",\s+and\b", text[b_end : max(b_end, m.start - sent.start)])
        ]  # fmt: skip
        if own_events:
            slots["event"] = own_events[0].name
        elif (
            previous is not None
            and previous.slots.get("event")
            and (order["ref_position"] is not None or previous.start >= sent.start)
        ):
            slots["event"] = previous.slots["event"]  # "won at Petit, holding off …": that race
        elif ctx.event is not None:
            slots["event"] = ctx.event.name  # "The Ferrari, second at the Glen in June, held off …"
            slots["event_from_context"] = True
        else:
            slots["event"] = None
        if not slots["event"]:
            return None
        end = max(end, b_end)
    elif kind == "laps_led":
        # "led 45 laps": the car's laps in the lead of its class at the race (the laps file)
        slots.update(laps_led=number(g["n"]) if not g["n"].isdigit() else int(g["n"]), position=None)
        if not events and ctx.event is not None:
            slots["event"] = ctx.event.name
            slots["event_from_context"] = True
        if not slots["event"]:
            return None
    elif kind == "qualifying":
        q = g.get("q") or g.get("q2") or g.get("q3") or g.get("q4")
        if re.match(r"pole[- ]?sitter", match.group(), re.I) and re.search(
            r"\b(?:alongside|beside|next to)\s+(?:the\s+)?$", text[:start], re.I
        ):
            q = "2nd"  # "after starting alongside the polesitter": second on the grid
        if g.get("front"):
            q, slots["grid_at_most"] = "2nd", True  # "qualified on the front row": first or second
        # "put the No. 14 on pole", "set the pole time": the driver who set the time
        slots["pole_set"] = bool(
            re.match(
                r"(?:put|puts|putting|set|sets|setting|planted|placed|stuck|parked|popped|beat|beats)\b",
                match.group(),
                re.I,
            )
            # "that Laurin Heinrich had put on pole", "which Adelson put on pole": the car is the
            # relative clause's antecedent, the driver set the time
            or (
                re.fullmatch(r"on pole", match.group(), re.I)
                and re.search(r"\b(?:put|puts|placed|places)\s+$", text[:start], re.I)
            )
        )
        if slots["pole_set"] and re.match(r"\s+(?:with|alongside|together with)\s+(?-i:[A-Z])", text[end:hi], re.I):
            slots["pole_set"] = False  # "put the No. 27 on pole with Marco Sørensen": the crew's pole
        agents = _pole_agents(text, start, end, hi, sent, mentions)
        if agents:
            # "the No. 1 BMW, put on pole by Bryan Sellers, …": the agent set the time in that car
            cars = [m for m in subject if m.kind == "car"]
            if len(cars) == 1:
                slots["car_stated"] = cars[0].key
            subject = agents
            slots["subject"] = [{"kind": m.kind, "name": m.name, "key": m.key} for m in agents]
            slots["pole_set"] = True
            end = agents[-1].end - sent.start
        slots.update(grid=ordinal(q) if q and q.casefold() != "on pole" else 1)
        tail = re.match(rf"\s+of\s+the\s+(?P<n>{NUM})\b", text[end:hi], re.I)
        if tail and q:
            slots["field"] = number(tail.group("n"))  # "started sixth of the seven DPi cars"
            end += tail.end()
        if not events and ctx.event is not None:
            slots["event"] = ctx.event.name
            slots["event_from_context"] = True
        if not slots["event"] and reason is None:
            return None
    elif kind == "fastest_lap":
        end = max(end, _details(text, end, hi, slots, mentions, sent))
        if not events and ctx.event is not None:
            slots["event"] = ctx.event.name
            slots["event_from_context"] = True
        if not slots["event"] and reason is None:
            return None
    elif kind in ("championship", "title_to"):
        low = text[max(start - 30, 0) : end + 30].casefold()
        if kind == "title_to":
            low = match.group().casefold()  # the title given, not a neighbour's
            # "its fifth teams' title": a count the title check does not read
            slots["_unchecked"] = re.findall(rf"\b(?:{ORD})\b", match.group(), re.I)
        slots["championship"] = (
            "endurance" if "endurance" in low else "manufacturers" if re.search(r"manufacturers?['’]? (?:title|championship|crown)", low)
            else "drivers" if re.search(r"drivers?['’]? (?:title|championship|crown)", low)
            else "teams" if re.search(r"\bteams?['’]? (?:title|championship)", low) else None
        )  # fmt: skip
        # "the GTD drivers' and teams' championships", "a sweep of the drivers', teams' and
        # manufacturers' titles": every title named is claimed
        kinds = [
            {"driver": "drivers", "team": "teams", "manufacturer": "manufacturers"}.get(k.casefold(), "endurance")
            for k in re.findall(r"\b(driver|team|manufacturer|endurance)s?['’]?(?=[\s,])", match.group(), re.I)
        ]  # fmt: skip
        if len(set(kinds)) > 1:
            slots["championships"] = list(dict.fromkeys(kinds))
            slots["championship"] = kinds[0]
        since = (
            re.match(r"\s+(?:(?:his|her|their|its|the)\s+)?((?:19|20)\d{2})\b", text[end:])
            if re.search(r"since$", match.group())
            else None
        )
        if since:
            # "a first drivers' championship since his 2022 GTD PRO crown", "the title is Acura's
            # first in DPi since 2020": this season's title, none in between, one in that year
            year = int(since.group(1))
            then = [m for m in mentions if m.kind == "class" and 0 <= m.start - sent.start - (end + since.end()) <= 2]
            noun = re.match(r"(?:\s+[\w'’-]+){0,3}?\s+(?:title|championship|crown)\b", text[end + since.end() :])
            slots.update(first_since=year, since_class=then[0].key if then else None)
            if (
                then
                and slots["class"] == then[0].key
                and not [m for m in mentions if m.kind == "class" and m.end - sent.start <= end]
            ):
                slots["class"] = None  # the class of the earlier title, not of this one
            end += since.end() + (noun.end() if noun else 0)
            season = ctx.date.year if ctx.date >= dt.date(ctx.date.year, 1, 24) else ctx.date.year - 1
            scope = TimeScope((season,), None, ctx.date, False, f"{season}")
            slots.update(seasons=[season], since=None, until=ctx.date, career=False, time=str(season))
            time_from = None
        elif re.match(r"adds?\b", match.group(), re.I):
            slots["adds_title"] = True  # "adds a GT title to his prototype one": a career total as well
        if re.match(r"(?:which|that)\b", match.group(), re.I) and previous is not None:
            # "…, which he also shared with Jaminet": the title of the claim before
            ps = previous.slots
            slots.update(
                seasons=[ps["first_since"]] if ps.get("first_since") else list(ps.get("seasons") or []),
                **{"class": ps.get("since_class") or ps.get("class"), "championship": ps.get("championship")},
            )
            time_from = "sentence"
        if not slots["class"]:
            # "the GTP title he won": the class right before the title
            near = [m for m in mentions if m.kind == "class" and 0 <= start - (m.end - sent.start) <= 12]
            slots["class"] = near[-1].key if near else None
        if re.search(r"\b(?:reigning|defending)\b", low) and (
            not scope.seasons
            # "For Derani, the reigning GTP champion, it was a second runner-up finish of the
            # season": the title is the last season's, whatever time another claim states
            or (
                re.search(r"\b(?:reigning|defending)\b", match.group(), re.I)
                and not re.search(r"\b(?:19|20)\d\d\b", match.group())
            )
        ):
            slots["seasons"] = [ctx.date.year if ctx.date.month >= 11 else ctx.date.year - 1]
        elif re.match(r"(?:clinch|seal|wrap|swept|sweep|complet)", match.group(), re.I) and not scope.seasons:
            # "clinched the GTD title with a round to spare": the season the article is in
            slots["seasons"] = [ctx.date.year if ctx.date >= dt.date(ctx.date.year, 1, 24) else ctx.date.year - 1]
    elif kind.startswith("standing"):
        slots.update(_standing_slots(kind, match, text, start, end, hi, sent, mentions, ctx))
        if slots.pop("championship_from_rival", False) and subject and all(m.kind == "driver" for m in subject):
            slots["championship"] = "drivers"  # "Garcia and Sims … a 52-point lead over AO Racing": drivers
        if (
            not slots["class"] and previous is not None and previous.slots.get("class")
            and previous.slots.get("seasons") == slots["seasons"]
        ):  # fmt: skip
            slots["class"] = previous.slots["class"]  # "won the GTD PRO title, and BMW finished second in …"
        end = max(end, slots.pop("_end"))
    elif kind == "lineup":
        low = clause.casefold()
        drivers = [m for m in window if m.kind == "driver" and m.start - sent.start >= start]
        # "will share the No. 60 at Sebring without Pagenaud": not in the car
        without = [
            m
            for m in drivers
            if re.search(r"\bwithout\s+$", text[max(0, m.start - sent.start - 10) : m.start - sent.start], re.I)
        ]
        drivers = [m for m in drivers if m not in without]
        if without:
            slots["without"] = [{"name": m.name, "key": m.key} for m in without]
        # "will be Derani's full-season team-mate": the driver whose team-mate the subject is
        drivers += [
            m for m in mentions
            if m.kind == "driver" and lo + _clause_start(text[lo:start]) <= m.start - sent.start < start and m not in subject
            and re.match(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:team-?mate|co-driver|partner)\b", text[m.end - sent.start :], re.I)
        ]  # fmt: skip
        # (not a "where" of an earlier coordinated clause: "…, where he will race …, and Boulle moves to")
        own_from = lo + _clause_from(text[lo:start])
        where_at = [w.start() for w in re.finditer(r",\s+where\b", text[:start]) if w.end() > own_from]
        owner = [
            m for m in mentions
            if where_at and m.kind == "team" and 0 <= where_at[-1] - (m.end - sent.start) <= 40
            and not re.search(r"[,;]", text[m.end - sent.start : where_at[-1]])
        ]  # fmt: skip
        slots.update(
            # "moves from Meyer Shank Racing to the No. 31 Whelen Cadillac": the team left is not the team;
            # "…, leaving the Pfaff Motorsports entry, where Robichon and Vanthoor will be joined by Kern": Pfaff
            team=owner[-1].name
            if owner
            else next(
                # "Meyer Shank confirmed that …, and Action Express has named Conway as the third
                # driver of the No. 31": not a team of an earlier coordinated clause
                (
                    m.name
                    for m in window
                    if m.kind == "team"
                    and not _LEFT_TEAM.search(text[: m.start - sent.start])
                    and m.start - sent.start >= own_from
                ),
                None,
            ),
            car=next((m.key for m in window if m.kind == "car"), None),
            drivers=[{"name": m.name, "key": m.key} for m in drivers],
            full_season=bool(
                re.search(
                    rf"full[- ](?:{_CLASSES}\s+)?season|every (?:remaining )?(?:round|race)|all (?:of the )?(?:remaining )?rounds|all season|(?:rest|remainder) of the (?:[\w ]{{1,12}} )?season",
                    low,
                    re.IGNORECASE,  # "the full LMP2 season"
                )
            ),
            # "for the rest of the season": the rounds after the publication date
            rest=bool(
                re.search(
                    r"(?:rest|remainder) of the (?:[\w ]{1,12} )?season|remaining (?:rounds|races)|every remaining (?:round|race)",
                    low,
                )
            ),
            events=[m.name for m in window if m.kind == "event" and m.start - sent.start >= start]
            or _where_event(mentions, text, lo, start, sent.start)
            # "partnered by Bachler in place of Priaulx this weekend": the race in hand
            or (
                [ctx.event.name]
                if ctx.event is not None and re.search(r"\bthis weekend\b", text[start:hi], re.I)
                else []
            ),
            future=bool(
                re.search(
                    r"\b(?:will|remaining|returns|joins|rejoins|is expected|keeps|adds|brings|stays|remains|moves|switches)\b",
                    low,
                )
            ),
            # a future line-up with no race named: the paragraph's race, if it is still to come (verify)
            next_event=ctx.upcoming,
            endurance_only=bool(
                re.search(r"endurance (?:rounds|races|events)|endurance cup (?:rounds|races|events)", low)
            ),
            replaces=bool(re.search(r"replac|in place of|takes over from|took over from|taking over from", low)),
            # "Sorensen will be replaced by Ian James": the subject is the one replaced
            passive_replaced=bool(re.search(r"\b(?:will be|is|was|were|to be|being|has been)\s+replaced\s+by\b", low)),
        )
        crew = [m.key for m in subject if m.kind == "driver"] + [d["key"] for d in slots["drivers"]]
        if slots["team"] or slots["car"]:
            ctx.seats.update({k: (slots["team"], slots["car"]) for k in crew})
        elif len(crew) == 1 and crew[0] in ctx.seats and re.search(r"\b(?:return|returns|be back)\b", low):
            # "Kobayashi will return for Petit Le Mans" after "Vasser Sullivan ran Kobayashi … in the
            # No. 14": back in the seat the paragraph gave him, not any car at that race
            slots["team"], slots["car"] = ctx.seats[crew[0]]
            slots["seat_from_paragraph"] = True
        # "Morad replacing Auer alongside Ward and Dontje": the one replaced is the driver right after the verb
        rep = re.search(
            r"\b(?:replac(?:es|ed|ing)|in place of|(?:takes|took|taking|will take) over from)\s+(?!by\b)",
            text[start:hi],
            re.I,
        )
        old = [m for m in drivers if rep and m.start - sent.start == start + rep.end()]
        if old:
            slots["replaced"] = {"name": old[0].name, "key": old[0].key}
        if re.search(
            r"\b(?:them|the (?:full-time |regular )?(?:pair|duo|trio))\b",
            text[start:hi].casefold() if ctx.after_relative else low[own_from - lo :],
        ) and not [d for d in drivers if d.start - sent.start >= end]:
            # "Conway joined them": the crew named last (in this sentence: the line-up before it)
            crew = [
                {"name": x["name"], "key": x["key"]}
                for x in [*previous.slots["subject"], *previous.slots.get("drivers", [])]
                if x.get("kind", "driver") == "driver"
            ] if previous is not None and previous.type == "lineup" and re.search(r"\bthem\b", text[start:hi]) else []  # fmt: skip
            crew = [x for i, x in enumerate(crew) if x["key"] not in {y["key"] for y in crew[:i]}]
            slots["drivers"] += crew or [{"name": m.name, "key": m.key} for m in ctx.last_group if m.kind == "driver"]
        if reason is None and re.search(
            r"\b(?:interested in|rumou?red|linked (?:to|with)|in talks|said to be|tipped (?:to|for)|could|might)\b",
            text[lo:hi],
        ):
            reason = NOT_A_STATISTIC  # "McLaren and Porsche said to be interested in the seat alongside …": a rumour
        unread = re.search(
            r"(?:^|[,;:]\s+|\band\s+)(?!(?:He|She|They|The|It|His|Her|Their|Its|This|That|But|And)\b)([A-Z][\w'’-]+)\s+$",
            text[lo:start],
        )
        if unread and subject and all(m.start - sent.start >= start for m in subject) and reason is None:
            reason = AMBIGUOUS  # "Conway joined Derani and Nasr" with "Conway" unread: the crew is not the subject
        if not scope.seasons:
            # a line-up said in the past tense before the Rolex 24 is the season just ended
            started = ctx.date >= dt.date(ctx.date.year, 1, 24)
            past = re.search(r"\b(?:was|were|joined|shared|drove|raced|returned|made up|had|partnered)\b", low)
            slots["seasons"] = [ctx.date.year if started or slots["future"] or not past else ctx.date.year - 1]
        if (
            not (
                slots["team"]
                or slots["car"]
                or slots["events"]
                or slots["endurance_only"]
                or slots["full_season"]
                or len(slots["drivers"]) > (1 if subject and subject[0].kind == "driver" else 0)
                # "Taylor, Albuquerque, Rossi and Castroneves shared the winning car": a crew
                or (len([m for m in subject if m.kind == "driver"]) > 1 and re.search(r"\bshar", match.group(), re.I))
            )
            and reason is None
        ):
            return None
    if not subject and kind not in ("not_stat",) and reason is None:
        return None
    if claim_type == "count" and re.search(r"\b(?:apiece|each)\b", text[end : end + 20], re.I):
        slots["apiece"] = True  # "one win apiece": each subject's own count
    if claim_type == "count" and not slots.get("time") and not slots.get("seasons") and not slots.get("since"):
        # a count with no time at all is a career figure, which reaches before the data
        slots.update(career=True, until=slots.get("until") or ctx.date)
    if claim_type == "count" and not slots.get("metric"):
        return None
    if claim_type == "count" and slots.get("value") is None:
        return None
    if reason is None and scope.only_before_data and claim_type != "lineup":
        from pitboard.claims.model import BEFORE_DATA

        reason = BEFORE_DATA
    # the span: from the subject named in this sentence (else the trigger) to the last slot used
    a = start
    own = [s for s in subject if sent.start <= s.start < sent.start + start and not s.how.startswith("pronoun")]
    covered = previous is not None and own and previous.end >= own[-1].end
    # "… pairing of Bourdais and van der Zande, who will race the car all season": the relative is the line-up
    rel_at = own[-1].end - sent.start if own else 0
    rel = kind == "lineup" and not ctx.after_relative and own and re.search(r",\s*(?:who|which)\b", text[rel_at:start])
    if (kind == "standing_margin" and previous is not None) or (own and own[-1].end - sent.start < lo) or covered:
        own = []  # a subject shared with an earlier claim of the sentence: the span is this claim's words
    rel = rel or (own and re.search(r",\s*(?:who|which)\b", text[rel_at:start]))
    if rel:
        # "the No. 14 …, who started from second": the relative clause is the claim
        a = rel_at + rel.start() + len(rel.group()) - len(rel.group().lstrip(", "))
        own = []
    if (
        own and kind.startswith("standing") and re.search(r",\s*$", text[own[-1].end - sent.start : start])
        and any(m.kind == "driver" and own[-1].end <= m.start and m.end - sent.start <= start for m in mentions)
    ):  # fmt: skip
        own = []  # "the No. 4 of Milner, Tandy and Sims, second in the final standings": the apposition
    if own and start - (own[-1].end - sent.start) <= 60:
        a = min(a, own[0].start - sent.start)
        # an unresolved name joined to the subject ("Marco Vantorre and Tom Blomqvist") is part of it
        while True:
            joined = re.search(
                r"((?:[A-Z][a-z'’]+[- ])+[A-Z][a-z'’]+)\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|/\s*)$", text[:a]
            )
            if not joined:
                break
            words = list(re.finditer(r"[A-Za-z'’]+", joined.group(1)))
            while words and words[0].group().strip("'’").casefold() in _NOT_NAMES:  # "Meanwhile Marco …"
                words = words[1:]
            x = joined.start(1) + (words[0].start() if words else 0)
            if (
                len(words) < 2
                or any(m.start - sent.start < joined.end(1) and x < m.end - sent.start for m in mentions)
                or any(w.group().strip("'’").casefold() in _NOT_NAMES for w in words)
            ):
                break
            a = x
            if x > joined.start(1):
                break  # a stop word before the name ends the subject group
    else:
        pm = re.search(
            r"(?:\b(?:also\s+|then\s+)?(?:set|sets|setting|posted|recorded|clocked|took|taking|claimed)\s+)?"
            r"(?:\b(?:his|her|their|its|the)\s+(?:\w+['’]s\s+)?|\b\w+['’]s\s+)$",
            text[:start],
            re.IGNORECASE,
        )
        if pm:
            a = pm.start()
    said = _THE_TEAM.search(text[lo:start]) if kind in COUNT_KINDS else None
    if said:
        a = lo + said.start()  # "the team is still looking for …": the claim starts at "the team"
    b = end
    named_events = {slots.get("event"), *(slots.get("events") or []), *(slots.get("where") or [])}
    for m in window:
        if (
            (m.kind == "class" or (m.kind == "event" and m.name in named_events))
            and end <= m.start - sent.start < hi
            and m.start - sent.start - b < 40
            and not re.search(r",\s*(?:and|but|while)\b|;", text[b : m.start - sent.start])
        ):
            b = max(b, m.end - sent.start)
    if car_stated is not None and car_stated.start - sent.start >= end and car_stated.start - sent.start - b < 40:
        b = max(b, _unit_end(car_stated, mentions, text, sent.start))  # "won in the No. 96 Turner BMW"
    for m in subject:
        if not m.how.startswith("pronoun") and sent.start + end <= m.start and m.start - sent.start - b < 40:
            # "the pole went to the No. 31", "GTD PRO went to Vasser Sullivan's No. 14 Lexus of …":
            # the subject after the trigger, with the names describing it
            b = max(b, _unit_end(m, mentions, text, sent.start))
    for sa, sb in scope.spans if scope_at >= 0 else ():
        sa, sb = sa + scope_at, sb + scope_at
        if sa >= end and sa - b < 40:
            b = max(b, sb)
    if claim_type == "lineup" or reason:
        # (a title after another claim of the sentence keeps its own words: "…, and now becomes a
        # two-time champion")
        whole = not own and not (claim_type == "championship" and previous is not None)
        whole = whole and not rel and not ctx.after_relative
        a, b = min(a, 0 if whole else a), max(b, hi if claim_type == "lineup" else b)
        if claim_type == "lineup" and ctx.clause_at is not None:
            a = ctx.clause_at
    cut = [y for x, y in ctx.outside_asides if a <= x and y <= start]
    if claim_type == "lineup":
        # "Zilisch, who won the Rolex 24 with the team in January, will again join Merriman": the
        # relative clause is a claim of its own; the line-up is the words after it
        cut += [y for x, y in ctx.asides if a <= x and y <= start and re.match(r"(?:who|which)\b", text[x:y], re.I)]
    if cut:
        # "Tandy, a class winner at Le Mans in 2018, won at Indianapolis": the claim is its own words
        a = min(start, max(cut) + len(text[max(cut) :]) - len(text[max(cut) :].lstrip(" ,")))
    span_text = re.sub(r"(?:[\s,;.]+(?:and|while|but))+$", "", text[a:b].rstrip(" ,;.")).rstrip(" ,;.")
    b = a + len(span_text)
    used = [*subject, *[m for m in window if m.kind in ("event", "class", "car", "team")], *events]
    if claim_type == "result" and len(subject) > 1 and re.search(r"\btogether\b", text[a : max(b, hi)], re.I):
        slots["together"] = True  # "Ward and Ellis, who won the Rolex 24 together": one car
        tog = re.search(r"\btogether\b", text[b : b + 30], re.I)
        if tog and not re.search(r"[,;]", text[b : b + tog.start()]):
            b += tog.end()
    if reason is None:
        spans = [(sa + scope_at, sb + scope_at) for sa, sb in scope.spans] if scope_at >= 0 else []
        slots["descriptors"], slots["unchecked"] = _coverage(
            text, a, b, start, end, sent, mentions, subject, slots, spans
        )
        slots["unchecked"] += slots.pop("_unchecked", [])
        if claim_type in ("result", "qualifying") and not _margin_read(slots):
            # a margin right after the span that no slot read ("beat the CORE autosport entry by
            # 2.635 seconds", the span ending at the rival): the claim is not supported as a whole
            tail = re.split(
                r"[;.]\s|,\s+(?:and|but|while|as|after|before|who|which|where|finishing|taking|crossing|beating|holding|leading)\b",
                text[b:hi],
                maxsplit=1,
            )[0]
            stray = _STRAY_MARGIN.search(tail)
            if stray:
                slots["unchecked"].append(stray.group().strip())
    slots.pop("_unchecked", None)
    if slots.get("event_from_context") and ctx.main_event is not None and slots.get("event") == ctx.main_event.name:
        # "here", "this race" is the article's own race
        slots["event_here"] = slots.get("event_here") or bool(
            re.search(r"\bhere\b|\bthis (?:race|event)\b", text[start:hi], re.I)
        )
    slots["provenance"] = _provenance(slots, claim_type, subject, sent, lo, hi, time_from, ctx)
    slots["alternatives"] = _alternatives(slots, mentions, ctx, (sent.start + a, sent.start + b), sent)
    return Claim(sent.start + a, sent.start + b, span_text, claim_type, slots, _unique(used), reason)


def _alternatives(
    slots: dict[str, Any], mentions: list[Mention], ctx: Context, span: tuple[int, int], sent: Sentence
) -> dict[str, list[Any]]:
    """The other readings a sentence allows where the claim's own words do not settle them: a
    subject not named in the claim (or a make, which may stand for a car) against each other
    name of the sentence; a race not named in the claim against the race in hand. A
    ``contradicted`` verdict must hold under each of them (verify.py: the readings gate): a
    wrong number printed because the sentence was misread is worse than ``not checkable``."""
    subject = slots.get("subject") or []
    names = {x["name"] for x in subject}
    own = [m for m in mentions if span[0] <= m.start and m.end <= span[1]]
    stated = any(m.name in names and m.kind != "manufacturer" for m in own)
    subjects: list[dict[str, Any]] = []
    for m in mentions if not stated else ():
        if _SUBJECT_BREAK.search(sent.text[min(span[1], m.end) - sent.start : max(span[0], m.start) - sent.start]):
            continue  # the subject of another clause ("…, while Derani was fifth")
        if m.kind in SUBJECT_KINDS and m.name not in names and m.confidence >= 0.7:
            names.add(m.name)
            subjects.append({"kind": m.kind, "name": m.name, "key": m.key})
    events: list[str] = []
    said = slots.get("event")
    # (a line-up's race read from ", where …" is as sure as one it names)
    if said and not any(m.kind == "event" and m.name == said for m in own) and said not in (slots.get("events") or []):
        # a race of the sentence across a clause break of its own is another clause's race
        here = [
            m for m in mentions
            if m.kind == "event" and not _CLAUSE_BREAK.search(
                sent.text[min(span[1], m.end) - sent.start : max(span[0], m.start) - sent.start]
            )
        ]  # fmt: skip
        for e in (ctx.event, ctx.main_event, *here):
            if e is not None and e.name != said and e.name not in events:
                events.append(e.name)
    return {"subjects": subjects[:4], "events": events[:2]}


#: How sure a reading is when a slot was not stated in the claim's own clause. A slot read below
#: ``HIGH_CONFIDENCE`` may not carry a ``contradicted`` verdict (verify.py: the provenance gate).
HIGH_CONFIDENCE = 0.9
INFERRED_CONFIDENCE = {
    "sentence": 0.95,  # shared with another claim of the same sentence ("took pole and won")
    "paragraph": 0.9,  # the one race the paragraph has named (0.8 when it named others too)
    "article": 0.7,  # the article's own race (headline, dateline); 0.9 in a race report (verify)
    "publication date": 0.9,  # the season of the race named, from the publication date
    "article season": 0.9,  # a title or line-up with no year: the article's season
    "default": 0.6,  # a count or run with no time at all: read as a career figure
    "ordinal": 0.9,  # "his fifth win", "for the first time": so far in his career, as written
    "context": 0.7,  # a subject taken from an earlier sentence without a pronoun
}


def _provenance(slots, claim_type, subject, sent, lo, hi, time_from, ctx) -> dict[str, dict[str, Any]]:  # type: ignore[no-untyped-def]
    """Where each slot the check reads came from: ``stated`` in the claim's own clause, or
    inferred (``sentence``, ``paragraph``, ``article``, ``publication date``, ``default``,
    ``pronoun``, ``fuzzy``…) with a confidence. verify.py lets only confident slots carry a
    ``contradicted`` verdict."""
    out: dict[str, dict[str, Any]] = {}

    def put(slot: str, source: str, confidence: float | None = None, value: Any = None) -> None:
        conf = 1.0 if source == "stated" else INFERRED_CONFIDENCE[source] if confidence is None else confidence
        out[slot] = {"source": source, "confidence": round(conf, 2), "value": value}

    if subject:
        worst: tuple[float, str] = (1.0, "stated")
        for m in subject:
            at = m.start - sent.start
            if m.how.startswith("pronoun"):
                here = (m.confidence, "pronoun")
            elif m.how == "fuzzy":
                here = (m.confidence, "fuzzy")
            elif 0 <= at < len(sent.text) and lo <= at < hi:
                here = (m.confidence, "stated") if m.confidence < 1 else (1.0, "stated")
            elif 0 <= at < len(sent.text):
                here = (INFERRED_CONFIDENCE["sentence"], "sentence")
            else:
                here = (INFERRED_CONFIDENCE["context"], "context")
            worst = min(worst, here)
        source = worst[1]
        put("subject", source, worst[0], ", ".join(x["name"] for x in slots["subject"]))
    if slots.get("event") and slots.get("races") not in ("first", "last", "between", "listed"):
        if slots.get("event_guess"):
            put("event", "context", 0.8, slots["event"])  # may support, never contradict
        elif slots.get("event_from_context") and slots.get("event_here"):
            put("event", "stated", value=slots["event"])  # "won the class here last year"
        elif slots.get("event_from_context"):
            origin = ctx.event
            own = origin is not None and origin.start >= ctx.paragraph_start
            if origin is not None and origin is ctx.section_event and not ctx.paragraph_races - {origin.name}:
                put("event", "paragraph", value=slots["event"])  # the race its section's sub-heading names
            elif own and ctx.paragraph_races == {origin.name}:
                put("event", "paragraph", value=slots["event"])  # the one race the paragraph named
            elif own:
                put("event", "paragraph", INFERRED_CONFIDENCE["paragraph"] - 0.1, slots["event"])
            else:
                put("event", "article", value=slots["event"])
        else:
            put("event", "stated", value=slots["event"])
    if slots.get("rival_pronoun") is not None:  # "trailed him by 104 points"
        put("rival", "pronoun", slots["rival_pronoun"], slots["rival"][0]["name"])
    if time_from == "stated":
        put("season", "stated", value=slots.get("time"))
    elif time_from == "sentence":
        put("season", "sentence", value=slots.get("time"))
    elif claim_type == "count" and slots.get("season_from_article"):
        put("season", "article season", value=slots.get("seasons"))
    elif claim_type == "count":
        put("season", "ordinal" if slots.get("ordinal") else "default", value="career")
    elif claim_type in ("championship", "lineup"):
        put("season", "article season", value=slots.get("seasons"))
    elif claim_type != "streak":
        put("season", "publication date", value=slots.get("seasons"))
    return out


#: Words that widen what a claim states: a claim using one outside its trigger ("together",
#: "at all five races", "respectively") states more than its slots hold.
_WIDENERS = re.compile(r"\b(?:together|all|every|each|both|respectively|only|sole|apiece)\b", re.IGNORECASE)
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b"
_NUMERIC = re.compile(rf"(?<![\w.:-])(?:{ORD}|{NUM})(?![\w-])", re.IGNORECASE)


def _coverage(text, a, b, start, end, sent, mentions, subject, slots, spans) -> tuple[list[dict[str, Any]], list[str]]:  # type: ignore[no-untyped-def]
    """What the claim's span states that no slot holds (structural partial-reading guard).

    The trigger (with the details read after it), the time expression and every name a slot
    holds are accounted for. A car subject's describing names (team, make, drivers: "the No. 31
    Whelen Cadillac of Derani and Sims") are returned as ``descriptors`` for the verifier to
    check against the race row. Anything else in the span (a second race, a second driver, a
    number, "together", "all", "every") is ``unchecked``: the claim cannot be ``supported``."""
    stop = re.search(r"[;—]|,\s+(?:but|while|as|after|before|giving|who|which|where|with)\b", text[end:b])
    b = end + stop.start() if stop else b
    consumed = [(start, end), *spans]
    names = {(x["kind"], x["name"]) for x in slots.get("subject") or []}
    events = {
        slots.get("event"),
        *(slots.get("events") or []),
        *(slots.get("where") or []),
        slots.get("since_event"),
        slots.get("after"),
        slots.get("before"),
    }
    others = {d["name"] for d in slots.get("drivers") or []} | {r["name"] for r in slots.get("rival") or []}
    others |= {slots.get("team"), slots.get("car_team"), slots.get("margin_rival"), *(slots.get("rival_crew") or [])}
    others |= {d["name"] for d in slots.get("rival_descriptors") or []}
    others |= {d["name"] for d in slots.get("without") or []}
    others |= {slots.get("team_make")}
    cars = {slots.get("car"), slots.get("car_stated"), *(slots.get("numbers") or [])}
    car_subject = next((m for m in subject if m.kind == "car" and m.start >= sent.start), None) or next(
        (m for m in mentions if m.kind == "car" and slots.get("car_stated") and m.key == slots["car_stated"]), None
    )
    descriptors: list[dict[str, Any]] = []
    unchecked: list[str] = []
    base = sent.start
    for m in mentions:
        ma, mb = m.start - base, m.end - base
        if mb <= a or ma >= b:
            continue
        consumed.append((ma, mb))
        if m.kind == "event":
            # ("IMSA SportsCar Weekend at Road America": the venue of the race named)
            ok = m.name in events or any(
                x.kind == "event" and x.name in events and re.fullmatch(r"\s+at\s+", text[x.end - base : ma])
                for x in mentions
            )
        elif m.kind == "class":
            ok = True
        elif m.kind == "car":
            ok = (m.kind, m.name) in names or m.key in cars or m.name in others or m.key in others
        elif m.kind in SUBJECT_KINDS:
            ok = (m.kind, m.name) in names or m.name in others
            if (
                not ok
                and car_subject is not None
                and m.start >= car_subject.end
                and (m.end - base <= start or car_subject.start - base >= start)
            ):
                gap = text[car_subject.end - base : ma]
                if re.fullmatch(r"(?:['’]s)?[\s\w.'’,/&-]{0,80}?", gap) and not re.search(
                    r"[;]|\b(?:and then|while|after|before)\b", gap
                ):
                    descriptors.append({"kind": m.kind, "name": m.name, "key": m.key})
                    ok = True
        else:
            ok = True
        if (
            not ok
            and car_subject is not None
            and m.kind in ("team", "manufacturer")
            and re.fullmatch(r"(?:['’]s?)?\s+", text[mb : car_subject.start - base])
        ):
            # "Vasser Sullivan's No. 14", "Mazda's No. 55"
            descriptors.append({"kind": m.kind, "name": m.name, "key": m.key})
            ok = True
        if (
            not ok
            and m.kind == "team"
            and subject
            and all(x.kind == "driver" for x in subject)
            and (
                re.search(r"\b(?:with|for)\s+(?:the\s+)?$", text[max(0, ma - 12) : ma], re.I)
                or re.match(r"['’]s\s", text[mb : mb + 3])  # "Pfaff's Sebring winners Bachler and Pilet"
                # "Aubry gave Tower some consolation with the fastest lap": the drivers' team
                or _GAVE.search(text[max(0, ma - 12) : ma])
            )
        ):
            descriptors.append({"kind": m.kind, "name": m.name, "key": m.key})  # "won with Conquest Racing"
            ok = True
        if (
            not ok
            and subject
            and all(x.kind == "driver" for x in subject)
            and (
                # "put the Vasser Sullivan Lexus on pole", "won in the AO Racing Porsche", "the
                # Conquest Ferrari of Serra and Franco": the team of the drivers' car
                (m.kind == "team" and re.search(r"\b(?:the|a|an)\s+$", text[max(0, ma - 5) : ma], re.I))
                # "the title he won with Taylor": his team-mate that season
                or (
                    m.kind == "driver"
                    and "championship" in slots
                    and re.search(r"\bwith\s+$", text[max(0, ma - 8) : ma], re.I)
                )
            )
        ):
            descriptors.append({"kind": m.kind, "name": m.name, "key": m.key})  # checked against the car's races
            ok = True
        if (
            not ok
            and m.kind == "manufacturer"
            and any(
                x.end <= m.start and re.fullmatch(r"(?:['’]s)?\s*", text[x.end - base : ma])
                for x in [*subject, *(n for n in mentions if n.kind in ("team", "car"))]
            )
        ):
            ok = True  # "Riley's ORECA", "the Iron Lynx Lamborghini": the make describes its subject
        if not ok and m.kind == "manufacturer" and slots.get("rival") and re.match(r"\s+of\s+", text[mb : mb + 5]):
            ok = True  # "beating the Corvette of Garcia and Taylor": the make of the rival's car
        if not ok:
            unchecked.append(m.text)

    def free(x: int, y: int) -> bool:
        return not any(p < y and x < q for p, q in consumed)

    lineup_ok = {"all", "every", "each"} if slots.get("full_season") else set()
    crew = [x for x in slots.get("subject") or [] if x["kind"] == "driver"]
    if slots.get("apiece"):
        lineup_ok |= {"apiece", "each"}
    if slots.get("drivers") is not None or (len(crew) > 1 and len(crew) == len(slots.get("subject") or [])):
        # a crew named in a line-up shares the car by definition; a count or result of two or
        # more drivers is checked on the races they shared a car in (verify.py)
        lineup_ok.add("together")
    if "championship" in slots and re.search(r"\b(?:together|along) with\b", text[a:b], re.I):
        lineup_ok.add("together")  # "X, together with Rossi, took the title": every one is checked
    if len(slots.get("events") or []) > 1:
        lineup_ok |= {"both", "each", "all"}
    if slots.get("endurance_only"):
        lineup_ok.add("only")  # "only contest the endurance rounds": no other round is checked anyway
    for rx in (_NUMERIC, _WIDENERS):
        for m in rx.finditer(text, a, b):
            x, y = m.span()
            if not free(x, y) or re.fullmatch(r"one|first", m.group(), re.I) or m.group().casefold() in lineup_ok:
                continue
            if m.group().casefold() in ("only", "sole") and re.fullmatch(r"\s*", text[y:start]):
                continue  # "won only twice": the count is exact anyway
            if (
                rx is _NUMERIC
                and (
                    re.search(r"\b[A-Z][\w-]*\s$", text[max(0, x - 20) : x])  # a model name: "Porsche 963", "911 GT3 R"
                    or (re.search(r"\bthe\s$", text[max(0, x - 5) : x]) and re.match(r"\s+hours?\b", text[y:]))
                    or re.match(
                        r"\s+hours\s+(?:of|at|into)\b", text[y:]
                    )  # "after ten hours of Petit": the race's length
                    or re.match(rf"\s+{_MONTH}", text[y:])  # a date: "25 June 2023", "June 25"
                    or re.search(rf"{_MONTH}\s+$", text[max(0, x - 12) : x])
                    # "joins Turner as third driver": a role in a line-up, not a place
                    or (
                        "full_season" in slots
                        and re.match(r"\s+driver\b", text[y:])
                        and re.search(r"\bas\s+(?:a\s+|the\s+|its\s+)?$", text[max(0, x - 8) : x])
                    )
                    or (slots.get("endurance_only") and re.match(r"\s+(?:Michelin\s+)?endurance", text[y:], re.I))
                )
            ):
                continue
            unchecked.append(m.group())
    # a name the lexicon could not resolve ("with Marco Vantorre"): the claim states someone the
    # data cannot place, so it is not fully checked
    for m in _PROPER.finditer(text, a, b):
        if not free(*m.span()):
            continue  # part of a name the lexicon read ("Konica Minolta Acura")
        words = list(re.finditer(r"[A-Za-z'’]+", m.group()))
        stop = [w.group().strip("'’").casefold() in _NOT_NAMES for w in words]
        while words and stop[0]:  # "Meanwhile Marco Vantorre"
            words, stop = words[1:], stop[1:]
        while words and stop[-1]:
            words, stop = words[:-1], stop[:-1]
        if len(words) >= 2 and not any(stop):
            unchecked.append(m.group()[words[0].start() : words[-1].end()])
    return descriptors, unchecked


#: Two or more capitalised words in a row: a proper name (checked against the lexicon's mentions).
_PROPER = re.compile(
    r"(?<![\w'’.-])[A-Z][a-z'’]+(?:[- ](?:(?:de|da|van|von|der|den|di|le|la|dos)\s+)*[A-Z][a-z'’]+)+(?![\w-])"
)
#: Capitalised words that are not part of a person's or team's name.
_NOT_NAMES = {
    "reigning", "defending",
    "the", "a", "an", "he", "she", "they", "his", "her", "their", "it", "its", "and", "but", "after", "before", "in",
    "at", "on", "with", "for", "of", "meanwhile", "however", "then", "still", "now", "there", "here", "earlier",
    "later", "previously", "this", "that", "last", "next", "first", "second", "third", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "endurance", "cup", "championship",
    "championships", "drivers", "driver", "teams", "team", "manufacturers", "manufacturer", "series", "hours", "hour",
    "grand", "prix", "race", "round", "season", "class", "pro", "sportscar", "sports", "car", "weathertech",
    "imsa", "michelin", "north", "american", "pole", "award", "trophy", "finale", "motorsport", "motorsports", "racing",
    "raceway", "speedway", "international", "circuit", "park", "street", "road", "weekend", "classic", "challenge",
    "tequila", "patrón", "patron", "rolex", "mobil", "sahlen", "sahlen's", "six", "twelve", "ten", "petit", "le", "mans",
}  # fmt: skip


#: Trigger kinds that read as a count ("five wins", "won twice", "his third win").
COUNT_KINDS = (
    "count", "count_won", "count_of", "count_times", "count_every", "count_only", "count_zero", "ordinal", "ordinal_time",
    "ordinal_of",
    "including",
)  # fmt: skip
#: An event that scopes a count: right after it ("five wins at Sebring", "won twice in the Rolex 24").
_COUNT_EVENT = re.compile(r"\s*(?:,\s*)?(?:(?:all|both|each)\s+)?(?:at|in|of)\s+(?:the\s+)?$", re.IGNORECASE)
#: "…, at Sebring and in the six-hour race at Watkins Glen": the second race of a list
_ENUMERATION = re.compile(
    r"\s*(?:,|and\b|&)\s*(?:(?:at|in)\s+)?(?:the\s+)?(?:(?:[\w-]+\s+){0,3}(?:race|round|event)\s+(?:at|in)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


def _own_event(text: str, end: int, events: list[Mention], base: int) -> list[Mention]:
    """The event that scopes a count: named right after the trigger ("three wins at Sebring"),
    and not the first of a list ("won twice, at Laguna Seca and at Petit" or "won four races,
    the Rolex 24, Laguna Seca…" name where the wins came, not a scope)."""
    after = sorted((e for e in events if e.start - base >= end), key=lambda e: e.start)
    if not after:
        return []
    first = after[0]
    if not _COUNT_EVENT.fullmatch(text[end : first.start - base]):
        return []
    if len(after) > 1 and _ENUMERATION.fullmatch(text[first.end - base : after[1].start - base]):
        return []
    return [first]


def _event_list(text: str, end: int, hi: int, window: list[Mention], base: int) -> list[Mention]:
    """The races a result claim lists right after its trigger ("at Sebring, Road America and
    Petit", "the Six Hours of the Glen and Petit"): consecutive events joined by commas / "and"."""
    after = sorted((e for e in window if e.kind == "event" and end <= e.start - base < hi), key=lambda e: e.start)
    out: list[Mention] = []
    for e in after:
        if out:
            gap = text[out[-1].end - base : e.start - base]
            # "the Twelve Hours of Sebring in March and the Road America round in August"
            gap = re.sub(
                rf"^\s+(?:round\s+)?(?:in|on)\s+(?:(?:\d{{1,2}}\s+)?{_MONTH}(?:\s+\d{{1,2}})?|(?:19|20)\d{{2}})",
                "",
                gap,
                flags=re.I,
            )
            gap = re.sub(r"^\s+(?:round|race|event)\b", "", gap, flags=re.I)
            if e.name.split()[0].casefold() in {x.name.split()[0].casefold() for x in out} or not re.fullmatch(
                r"\s*(?:,|,?\s*and|&)\s*(?:(?:at|in)\s+)?(?:the\s+)?(?:(?:[\w-]+\s+){0,3}(?:race|round|event)\s+(?:at|in)\s+(?:the\s+)?)?",
                gap,
                re.I,
            ):
                break  # a race named twice starts another clause ("…, and at Laguna it also set …")
        elif not re.fullmatch(
            r"[^,;.]{0,40}|\s*(?:(?:of the (?:year|season)|(?:in|during) (?:19|20)\d{2}|(?:this|last) (?:year|season))\s*)?,\s*(?:(?:at|in|including)\s+)?(?:the\s+)?",
            text[end : e.start - base],
            re.I,
        ):
            break
        out.append(e)
    return out


def _run_after(
    slots: dict[str, Any], text: str, end: int, hi: int, sent: Sentence, mentions: list[Mention], ctx: Context
) -> None:
    """ "back-to-back wins after Lime Rock", "a second straight win after Indianapolis": the run is
    the race named and the race the sentence reports on (they must be consecutive rounds)."""
    if slots.get("races") != "ending" or len(slots.get("events") or []) != 1:
        return
    named = slots["events"][0]
    at = next((m for m in mentions if m.kind == "event" and m.name == named), None)
    if at is None or not re.search(r"\bafter\s+(?:\w+\s+){0,3}$", text[: at.start - sent.start], re.I):
        return
    here = [e for e in _reported([m for m in mentions if m.kind == "event"], text, sent.start) if e.name != named]
    current = here[0].name if len({e.name for e in here}) == 1 else ctx.event.name if ctx.event is not None else None
    if current is None or current == named:
        return
    slots.update(races="listed", events=[named, current], length=2)
    slots["event_from_context"] = not here


def _sequence_slots(kind, g, text, start, end, lo, hi, sent, mentions, window, match) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """The slots of a run of races: which races ("races": listed / "between" / "first" /
    "last" / "editions"), what in each ("predicate": win, position, pole, podium, top5;
    "overall"), and how many ("quantity": all, none, or a number)."""
    clause = text[start:hi]
    stop = re.search(r";|\.\s|,\s(?:and|but|while|as|before|after|giving)\s", text[end:hi])
    tail_end = end + stop.start() if stop else hi
    own = text[start:tail_end]
    out: dict[str, Any] = {"sequence": kind, "_end": end, "quantity": "all", "overall": False}
    n = next((g[k] for k in ("n", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10") if g.get(k)), None)
    out["length"] = (number(n) or ordinal(n)) if n else 2
    if kind == "seq_years":
        out["length"] = ordinal(g["n"]) if g.get("n") else number(g["n2"])
    # what happened in each race
    pos = g.get("pos") or g.get("pos2") or g.get("pos3")
    verb = text[max(lo, _clause_start(text[:start]), start - 40) : end]
    if pos:
        out.update(
            predicate="position",
            position=2 if pos.casefold() in ("runner-up", "second place") else ordinal(pos.split()[0]),
        )
    else:
        m = re.search(
            rf"\b(?:finish(?:ed|ing)?|was|were|came home|took)\s+(?P<p>{ORD})\b(?![- ](?:straight|consecutive|time|race))",
            verb,
        )
        if m:
            out.update(predicate="position", position=ordinal(m.group("p")))
        else:
            out["predicate"] = next((name for name, rx in _PREDICATES if rx.search(verb)), "win")
    # how many
    k = g.get("k") or g.get("k2")
    lead = re.search(
        rf"\b(?P<k>{NUM})\s+(?:{_CLASSES}\s+)?(?P<noun>wins|victories|podiums|poles)\s+(?:from|in|during)\s+$",
        text[lo : match.start()],
        re.I,
    )
    if kind == "seq_first" and not k and lead:
        # "three GTD wins from the first six rounds": three of them
        k = lead.group("k")
        noun = lead.group("noun").casefold()
        out["predicate"] = "podium" if noun == "podiums" else "pole" if noun == "poles" else "win"
    neg = bool(_NEGATION.search(text[max(lo, start - 25) : start + 12]))
    if k and k.casefold() == "any":
        out["quantity"] = 0 if neg else "any"
    elif k and number(k):
        out["quantity"] = number(k)
    elif neg:
        out["quantity"] = 0
    # which races
    clause_lo = max(lo, text[:start].rfind(",") + 1, text[:start].rfind(";") + 1)
    events = [m for m in mentions if m.kind == "event" and clause_lo <= m.start - sent.start < tail_end]
    between = re.search(r"\bbetween\s+", text[end:tail_end])
    if kind == "seq_first":
        out["races"] = "first"
    elif kind == "seq_last":
        out["races"] = "last"
    elif kind in ("seq_editions", "seq_years"):
        out["races"] = "editions"
        out["overall"] = kind == "seq_editions" and bool(re.search(r"\bof the race\b|\boverall\b", clause, re.I))
    elif between and len(events) >= 2:
        out.update(races="between", events=[events[0].name, events[-1].name])
    elif len(events) >= 2:
        out.update(races="listed", events=[e.name for e in events])
    elif events:
        out.update(races="ending", events=[events[-1].name])
    elif kind in ("seq_run", "seq_b2b") and re.search(
        r"(?<!has )(?<!have )(?<!had )\b(?:won|went|took|scored|claimed|collected)\s+(?:(?!has|have|had)\w+\s+){0,2}$",
        text[max(lo, match.start() - 30) : match.start()],
        re.I,
    ):
        out["races"] = (
            "window"  # "won three straight races", "went back-to-back" (not "has won"): any run of the season
        )
    if events:
        out["_end"] = max(out["_end"], max(e.end for e in events) - sent.start)
    if re.search(r"\bof the (?:year|season)\b", own, re.I):
        out["_end"] = max(out["_end"], start + own.casefold().find("of the") + len("of the year"))
    return out


#: Details attached to a result, checked with it (a detail the checker cannot read makes no
#: ``supported``): a margin in seconds, laps down, a lap time.
def _rival_slots(text, match_start, end, hi, sent, mentions, subject, previous) -> dict[str, Any] | None:  # type: ignore[no-untyped-def]
    """The cars named after "ahead of" / "holding off", each with the names describing it, and
    the car they finished behind: the previous result of the sentence (its place), else the
    sentence's subject (its place read from the data)."""
    stop = re.search(
        r"[;]|,\s+(?:and|but|while|as|after|before|giving|who|which|where|with)\b|\s(?:after|before|when|until|that|which|who)\s",
        text[end:hi],
    )
    zone = end + stop.start() if stop else hi
    named = [m for m in mentions if end <= m.start - sent.start < zone and m.kind in SUBJECT_KINDS]
    if not named:
        return None
    cars = [m for m in named if m.kind == "car"]
    rivals = cars or [m for m in named if m.kind == "team"] or [m for m in named if m.kind == "driver"][:3]
    if not rivals:
        return None
    descriptors: list[dict[str, Any]] = []
    if cars:
        # a name belongs to the car it describes: "Forte Racing's No. 78 Lamborghini of Goikhberg"
        for m in named:
            if m.kind == "car":
                continue
            nxt = next((c for c in cars if c.start >= m.end), None)
            if nxt is not None and re.fullmatch(
                r"(?:['’]s)?\s*(?:\w+\s+){0,2}", text[m.end - sent.start : nxt.start - sent.start]
            ):
                owner = nxt
            else:
                owner = next((c for c in reversed(cars) if c.end <= m.start), None)
            if owner is None:
                return None
            descriptors.append({"kind": m.kind, "name": m.name, "key": m.key, "car": owner.key})
    elif rivals[0].kind == "team":
        # "clear of the Whelen Cadillac of Pipo Derani and Jack Aitken": the team's crew describes it
        for m in named:
            owner = next((t for t in reversed(rivals) if t.end <= m.start), None)
            if (
                m.kind == "driver"
                and owner is not None
                and re.search(
                    r"^\s+(?:[\w-]+\s+){0,2}of\s+(?:[\w'’. -]+?(?:,\s*|\s+and\s+))*$",
                    text[owner.end - sent.start : m.start - sent.start],
                )
            ):
                descriptors.append({"kind": m.kind, "name": m.name, "key": m.key, "car": owner.key})
    ref_position = None
    # the car ahead is the sentence's subject, named before "holding off", never the rival's crew
    ref = [m for m in subject if m.start - sent.start < match_start]
    if not ref:
        before = [
            m
            for m in mentions
            if m.kind in SUBJECT_KINDS and sent.start <= m.start and m.end - sent.start <= match_start
        ]
        drivers = [m for m in before if m.kind == "driver"]
        ref = (
            _nearest_unit(drivers, text, sent.start)
            if drivers
            else _nearest_unit(before, text, sent.start)
            if before
            else []
        )
    finite = re.match(r"(?:held|holds|brought|brings|took|takes)\b", text[match_start:], re.IGNORECASE)
    if not finite and previous is not None and previous.type == "result" and previous.slots.get("position"):
        ref_position = previous.slots["position"]
        ref = [
            m
            for m in previous.mentions
            if m.kind in SUBJECT_KINDS and m.name in {x["name"] for x in previous.slots["subject"]}
        ]
    if not ref and ref_position is None:
        return None
    last = max(m.end - sent.start for m in named)
    return {
        "_rivals": rivals,
        "_descriptors": descriptors,
        "_end": last,
        "ref": [{"kind": m.kind, "name": m.name, "key": m.key, "confidence": m.confidence} for m in ref],
        "ref_position": ref_position,
        "descriptors": descriptors,
    }


_MARGIN = re.compile(
    r"^(?:[^;.]|(?<=No)\.){0,60}?\b(?:by\s+(?:just\s+|only\s+|a\s+mere\s+)?)?"
    r"(?:(?P<cmp>more\s+than|over|just\s+over|less\s+than|under|just\s+under|nearly|almost|around|about|some)\s+)?(?P<s>\d+(?:\.(?P<dec>\d+))?)\s*(?:seconds?|secs?|s)\b(?:\s+(?:over|ahead of|clear of|in front of)\s+(?:the\s+)?|\s+(?P<behind>behind|adrift|back|off|from)\b(?:\s+(?:the\s+)?)?)?",
    re.IGNORECASE,
)
_LAPS_DOWN = re.compile(rf"^[^;.]{{0,20}}?\b(?P<n>{NUM}|a)\s+laps?\s+(?:down|behind)\b", re.IGNORECASE)
_LAP_TIME = re.compile(r"^[^;.]{0,40}?\b(?P<m>\d):(?P<s>\d{2})\.(?P<ms>\d{3})\b")


def _margin_cmp(word: str) -> str:
    """How a margin's qualifier bounds it: ">" ("more than 16 seconds", "over"), "<" ("less
    than", "under"), "~" ("nearly", "about": no exact figure to check)."""
    w = word.casefold()
    if "less" in w or "under" in w:
        return "<"
    return ">" if w.endswith(("than", "over")) else "~"


def _details(text: str, end: int, hi: int, slots: dict[str, Any], mentions: list[Mention], sent: Sentence) -> int:
    """Read a margin / laps down / lap time right after a result; returns where it ends."""
    rest = text[end:hi]
    m = _LAP_TIME.match(rest)
    if m:
        slots["lap_time_ms"] = int(m.group("m")) * 60000 + int(m.group("s")) * 1000 + int(m.group("ms"))
        return end + m.end()
    m = _LAPS_DOWN.match(rest)
    if m:
        slots["laps_down"] = 1 if m.group("n").casefold() == "a" else number(m.group("n"))
        return end + m.end()
    m = _MARGIN.match(rest)
    if m:
        slots.update(margin_s=float(m.group("s")), margin_digits=len(m.group("dec") or ""))
        if m.group("cmp"):
            slots["margin_cmp"] = _margin_cmp(m.group("cmp"))
        if m.group("behind"):
            slots["margin_behind"] = True  # "second, 0.646 seconds behind": the gap to the car ahead
        stop = end + m.end()
        after = [x for x in mentions if x.kind in ("car", "team") and 0 <= x.start - sent.start - stop <= 2]
        leader = re.match(
            r"\s*(?:the\s+)?(?:race\s+|class\s+)?(?:winners?|leaders?|winning\s+car|victory|win)\b", text[stop:hi], re.I
        )
        if leader and not after:
            slots["margin_to_winner"] = True  # "1.783 seconds behind the winner"
            return stop + leader.end()
        if after:
            slots["margin_rival"] = after[0].key if after[0].kind == "car" else after[0].name
            stop = after[0].end - sent.start
        return stop
    return end


#: A time or laps margin ("by 2.635 seconds", "a lap clear", "12.5 seconds back").
_STRAY_MARGIN = re.compile(
    r"\b(?:by\s+(?:more\s+than\s+|just\s+|only\s+|nearly\s+|almost\s+)?)?\d+(?:\.\d+)?\s*(?:seconds?|secs?)\b"
    r"(?:\s+(?:clear|ahead|behind|back|adrift|from|over|of))?",
    re.IGNORECASE,
)


def _margin_read(slots: dict[str, Any]) -> bool:
    """Whether a slot holds a margin (the claim's own or its rival's)."""
    order = slots.get("order") or {}
    return any(slots.get(k) is not None for k in ("margin_s", "laps_down", "lap_time_ms")) or (
        order.get("margin_s") is not None
    )


def _points(raw: str | None) -> int | None:
    if not raw:
        return None
    if raw.casefold() in ("a", "a single"):
        return 1  # "by a single point", "a point clear"
    return int(raw.replace(",", "")) if raw.replace(",", "").isdigit() else number(raw)


_ARRIVE = r"\b(?:went|go(?:es|ing)?|head(?:s|ed|ing)?|came|com(?:es|ing)|arriv(?:e|es|ed|ing)|travel(?:s|led|ling|ed|ing)?)\s+(?:in)?(?:to|at)\s+"
_BEFORE_ROUND = re.compile(
    rf"(?:{_ARRIVE}|\bbefore\s+|\bahead of\s+|\bwhen (?:the (?:class|series|field|championship)|they|it) "
    r"(?:returned|resumed|came back|reconvened|went back) (?:to|at|in)\s+)(?:the\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: "went into the summer break 12 points clear": the table after the class's last round before
#: its longest summer gap.
_BEFORE_BREAK = re.compile(rf"{_ARRIVE}(?:the\s+)?(?:summer|mid-?season|midsummer|August)\s+break\b", re.IGNORECASE)
_BEFORE_FINALE = re.compile(
    rf"{_ARRIVE}(?:the\s+)?(?:season[- ]|championship[- ])?(?:finale|final round|last round|final race|season[- ]ender)\b",
    re.IGNORECASE,
)
#: Words after a gap that put the subject behind ("53 points behind", "29 points back").
_BEHIND = ("behind", "adrift", "back", "off the lead", "down on")
_RIVAL_WORD = r"\b(?:over|ahead of|clear of|from|beat|led|leads|lead|behind|adrift of|down on|in front of|trail(?:ed|s|ing)?)\s+(?:the\s+)?"
_BEFORE_HERE = re.compile(
    r"\b(?:went|go(?:es|ing)?|head(?:s|ed|ing)?|came|come|com(?:es|ing)|arriv(?:e|es|ed|ing))\s+(?:in)?(?:to|at)\s+"
    r"(?:the\s+|this\s+)(?:weekend|race|event|round|meeting)\b|\barriv(?:e|es|ed|ing)\s+in\s+[A-Z]|"
    # "which led the standings coming in", "leaders going into the race"
    r"\b(?:coming|going|heading)\s+in(?:to\s+(?:the\s+|this\s+)(?:weekend|race|event|round))?\b",
)
_LEFT_ROUND = re.compile(
    r"\b(?:left|leav(?:e|es|ing)|came (?:away )?out of|emerged from)\s+(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE
)


#: "the points leaders": the subject is the table's leader (its class from the rival named).
_LEADERS = re.compile(r"\bthe (?:points|championship|standings|series|class|title) leaders?\b", re.IGNORECASE)
_TOGETHER = re.compile(r",?\s*(?:together|along)\s+with\s+$", re.IGNORECASE)


def _co_champions(
    subject: list[Mention], mentions: list[Mention], text: str, sent: Sentence, end: int
) -> list[Mention]:
    """The whole subject of a title: "the Wayne Taylor Racing pair, together with Alexander
    Rossi, took the Endurance Cup" (the names before "together with" too), "Pipo Derani, last
    year's GTP champion with Alexander Sims" (the drivers after "champion with")."""
    out = list(subject)
    first = out[0]
    if first.start >= sent.start and not first.how.startswith("pronoun"):
        at = first.start - sent.start
        if _TOGETHER.search(text[:at]):
            cut = _TOGETHER.search(text[:at]).start()
            lead = [m for m in mentions if m.kind in SUBJECT_KINDS and m.end - sent.start <= cut]
            lead = _nearest_unit(lead, text, sent.start) if lead else []
            out = lead + [m for m in out if m not in lead]
    after = re.match(r"\s+with\s+", text[end:])
    if after and re.search(r"(?:champions?|title|crown)$", text[:end], re.IGNORECASE):
        at = end + after.end()
        for m in sorted(mentions, key=lambda m: m.start):
            if m.kind == "driver" and m.start - sent.start == at:
                out.append(m)
                gap = re.match(r"\s*(?:,|and|&|, and)\s*", text[m.end - sent.start :])
                if not gap:
                    break
                at = m.end - sent.start + gap.end()
    return out


def _standing_slots(kind, match, text, start, end, hi, sent, mentions, ctx) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """The figures of a standings claim: the place, points and margin it states, the rival it
    is measured against (and which way: ``trails``), the round it is "after" and whether it is
    the final table."""
    g = match.groupdict()
    rest = text[end:hi]
    # (", who had arrived with a one-point lead": the rival's own figure, not this claim's)
    stop = re.search(r";|,\s(?:but|while|and then|as|who|which)\s|\.\s", rest)
    rest = rest[: stop.start()] if stop else rest
    out: dict[str, Any] = {"standing": True, "position": None, "points": None, "gap": None, "_end": end}
    if kind == "standing_position":
        out["position"] = ordinal(g["pos"]) if g["pos"].casefold() != "runner-up" else 2
    elif kind == "standing_in":
        out["position"] = ordinal(g["pos"])
        out["_end"] = match.end("pos")
    elif kind == "standing_lead":
        out["position"] = 1
    elif kind == "standing_margin":
        out["final"] = True
    if g.get("gap") or g.get("gap2") or g.get("gap3"):
        out["gap"] = _points(g.get("gap") or g.get("gap2") or g.get("gap3"))
        # "53 points behind", "trailed X by": the subject is behind; "clear of", "lead": ahead
        out["trails"] = bool(g.get("trail")) or (g.get("dir") or g.get("dir2") or "").casefold() in _BEHIND
    if kind == "standing_behind" and g.get("trail"):
        out["_end"] = match.end("gap2") + len(re.match(r"\s+points?", text[match.end("gap2") :]).group())
    whole = text[start:end] + rest
    m = STANDING_FIGURES["points"].search(whole)
    if m:
        out["points"] = _points(m.group("v"))
        out["_end"] = max(out["_end"], start + m.end())
    elif kind == "standing_behind":
        # "head for Laguna Seca on 1008 points, 99 clear of …": the points just before the gap
        before = re.search(rf"\b(?:with|on|have|has|had)\s+(?P<v>{_PTS})\s+points\s*,\s*$", text[:start], re.I)
        if before:
            out["points"] = _points(before.group("v"))
    m = STANDING_FIGURES["gap"].search(whole)
    if m and out["gap"] is None:
        out["gap"] = _points(next(v for v in m.groups() if v))
        out["trails"] = bool(m.group("v5"))  # "…, 17 points behind": the subject trails
    if m and kind != "standing_in":
        out["_end"] = max(out["_end"], start + m.end())
    # the rival: named after "over" / "ahead of" / "behind" / "led X by", else the second (or the leader)
    for rival in re.finditer(_RIVAL_WORD, whole, re.IGNORECASE):
        at = start + rival.end()
        if kind == "standing_in":
            break
        pron = re.match(r"(?:him|her)\b", text[at:])
        if pron:
            # "Mantella and Boyd trailed him": the driver named last before the subject
            head = _head(mentions, text, start, sent.start)
            here = [m for m in mentions if m.kind == "driver" and m.end - sent.start <= head]
            earlier = [m for m in reversed(ctx.subjects) if m.kind == "driver"]
            who = here[-1:] or earlier[:1]
            if who:
                out["rival"] = [{"kind": "driver", "name": who[0].name, "key": who[0].key}]
                # the one driver the sentence named before the subject is a sure reading
                sure = len({m.key for m in here}) == 1
                out["rival_pronoun"] = round(who[0].confidence * (1.0 if sure else INNER_PRONOUN), 2)
                out["_end"] = max(out["_end"], at + pron.end())
            break
        names = [
            m
            for m in mentions
            if m.kind in ("driver", "team", "car", "manufacturer") and 0 <= m.start - sent.start - at <= 2
        ]
        if names:
            unit = [names[0]]
            for m in mentions:
                gap = text[unit[-1].end - sent.start : m.start - sent.start]
                if (
                    m.start > unit[-1].start
                    and m.kind == unit[0].kind
                    and re.fullmatch(r"\s*(?:,|and|/|&|, and)\s*", gap)
                ):
                    unit.append(m)
            car = next(
                (
                    m for m in mentions
                    if m.kind == "car" and unit[0].kind == "team" and m.start >= unit[-1].end
                    and re.fullmatch(r"(?:\s+(?:of|[A-Z][\w'’-]*))*\s*", text[unit[-1].end - sent.start : m.start - sent.start])
                ),
                None,
            )  # fmt: skip
            # "the Heart of Racing No. 27": the car
            out["rival"] = [{"kind": u.kind, "name": u.name, "key": u.key} for u in ([car] if car else unit[:1])]
            # the rest of the rival crew shares its points (the figure is the crew's)
            out["rival_crew"] = [u.name for u in unit[1:]] + ([unit[0].name] if car else [])
            last = car or unit[-1]
            # "Dan Goldburg of United Autosports", "Goldburg's No. 22": names describing the rival
            desc = [
                m for m in mentions
                if m.kind in ("team", "car") and 0 <= m.start - last.end <= 5
                and re.fullmatch(r"\s*(?:of|for|with|in)\s+(?:the\s+)?|['’]s\s+", text[last.end - sent.start : m.start - sent.start])
            ]  # fmt: skip
            if desc and unit[0].kind == "driver":
                out["rival_descriptors"] = [{"kind": d.kind, "name": d.name, "key": d.key} for d in desc[:1]]
                last = desc[0]
            out["_end"] = max(out["_end"], last.end - sent.start)
            break
    # "after Long Beach", "After Canadian Tire Motorsport Park": the round (of this claim's clause:
    # "Heinrich arrived at VIR 76 points clear; he now leads by 17" is the table after VIR)
    clause_lo = max(text.rfind(";", 0, start), text.rfind(": ", 0, start)) + 1
    events = [e for e in mentions if e.kind == "event" and e.start - sent.start >= clause_lo]
    named_after = [
        e for e in events
        if re.search(r"\bafter\b(?:(?!season|year|began|start)[^,.;]){0,40}$", text[: e.start - sent.start], re.IGNORECASE)
    ]  # fmt: skip
    if named_after:
        out["after"] = named_after[0].name
    # "went into the finale with …", "arrived at Petit with …", "heading to Indy": the table
    # before that round; "left Indianapolis … ahead": the table after it
    named_before = [
        e for e in events
        if _BEFORE_ROUND.search(text[: e.start - sent.start]) and e not in named_after
    ]  # fmt: skip
    left = [e for e in events if _LEFT_ROUND.search(text[: e.start - sent.start])]
    lead_at = re.match(r"\s+(?:at|in)\s+(?:the\s+)?", text[end:]) if re.search(r"lead$", match.group(), re.I) else None
    took_at = [e for e in events if lead_at and e.start - sent.start == end + lead_at.end()]
    if took_at:
        # "took over the points lead at Watkins Glen": the table after that round
        out["after"] = took_at[0].name
        out["took_lead"] = True  # and did not lead before it
        out["_end"] = max(out["_end"], took_at[0].end - sent.start)
    elif named_before:
        out["before"] = named_before[0].name
    elif _BEFORE_BREAK.search(text, clause_lo, hi):
        out["before"] = "summer break"
    elif _BEFORE_FINALE.search(text, clause_lo, hi):
        out["before"] = "finale"
    elif left and not named_after:
        out["after"] = left[0].name
        named_after = left
    elif _BEFORE_HERE.search(text, clause_lo, hi) and ctx.event is not None and not named_after:
        # "arrived in Georgia with …", "had come into the weekend …": before the race in hand
        out.update(before=ctx.event.name, event=ctx.event.name, event_from_context=True)
    if kind == "standing_margin" and not named_after and not out.get("before"):
        out["final"] = True
    own = text[max(0, start - 60) : out["_end"]]
    if re.search(r"\bteams?['’]?\s+(?:standings|title|championship)", own, re.IGNORECASE):
        out["championship"] = "teams"
    elif re.search(r"\bmanufacturers?['’]?\s+(?:standings|title|championship)", own, re.IGNORECASE):
        out["championship"] = "manufacturers"
    elif re.search(r"\bendurance cup\b", own, re.IGNORECASE):
        out["championship"] = "endurance"
    elif out.get("rival"):
        out["championship"] = {"driver": "drivers", "manufacturer": "manufacturers"}.get(
            out["rival"][0]["kind"], "teams"
        )
        out["championship_from_rival"] = True
    return out


def _after_subject(subject: list[Mention], sent: Sentence, lo: int, start: int) -> int:
    """Where the claim's own words start: after its subject when the subject is named in the
    clause ("Formula 1 race winner Felipe Massa joins…": Formula 1 describes him)."""
    own = [
        m.end - sent.start for m in subject if lo <= m.start - sent.start < start and not m.how.startswith("pronoun")
    ]
    return max(own) if own else lo


def _outside(text: str, lo: int, start: int, end: int, hi: int) -> bool:
    """Another series or Le Mans named in the claim's own clause (up to the next comma)."""
    stop = re.search(r"[,;]|\s(?:and|but|while|as)\s", text[end:hi])
    clause_end = end + stop.start() if stop else hi
    head = text[lo:start]
    cut = max(head.rfind(","), head.rfind(";"))
    return bool(OUTSIDE_SERIES.search(text[lo + cut + 1 if cut >= 0 else lo : clause_end]))


def _metric(word: str, clause: str) -> str | None:
    w = word.casefold()
    if w.startswith(("win", "victor")) or w in ("races", "race", "times", "events", "event", "rounds", "round"):
        return "overall_wins" if re.search(r"\boverall (?:win|victor)", clause, re.I) else "wins"
    if w.startswith("podium"):
        return "podiums"
    if w.startswith("pole"):
        return "poles"
    if w.startswith("start"):
        return "starts"
    if w.startswith("fastest"):
        return "fastest_laps"
    if w.startswith("top"):
        return "top5s"
    if w.startswith(("runner", "second")):
        return "seconds"
    if w.startswith(("title", "championship")):
        return "titles"
    return None


def _since_target(rest: str, events: list[Mention], ctx: Context) -> dict[str, Any]:
    """ "first win since Sebring 2022" / "since 2019" / "since the 2022 Rolex 24"."""
    m = re.search(r"(?:19|20)\d{2}", rest)
    out: dict[str, Any] = {"since_season": int(m.group()) if m else None}
    after = [e for e in events]
    out["since_event"] = after[-1].name if after else None
    return out


def _unique(mentions: list[Mention]) -> tuple[Mention, ...]:
    seen: set[tuple[str, int]] = set()
    out = []
    for m in mentions:
        if (m.kind, m.start) not in seen:
            seen.add((m.kind, m.start))
            out.append(m)
    return tuple(out)
