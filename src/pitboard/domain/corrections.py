"""The kinds of official decisions IMSA took after the exports (pitboard/data/corrections.csv).

A decision either reorders a session's classification (a race or the grid-setting qualifying),
changes only points, or changes only the grid. DEFINITIONS.md 'Official decisions taken after the
export'; docs/conventions.md says how each kind is applied.
"""

from __future__ import annotations

#: Race decisions that reorder the classification.
RACE_KINDS = frozenset({"set_class_position", "move_to_class_rear", "disqualified"})
#: Qualifying decisions that reorder the grid-setting classification (and so poles, starts and
#: qualifying points).
QUALIFYING_KINDS = frozenset({"qualifying_disallowed", "qualifying_set_class_position"})
#: Every kind that reorders a session's classification.
REORDER_KINDS = RACE_KINDS | QUALIFYING_KINDS
#: Kinds that change points only (applied by the standings).
POINTS_KINDS = frozenset(
    {"points_penalty", "endurance_points_forfeit", "driver_points_forfeit", "manufacturer_points_forfeit"}
)
#: Kinds that change only where a car started (the qualifying result, pole and points stand).
GRID_KINDS = frozenset({"start_from_rear"})
CORRECTION_KINDS = REORDER_KINDS | POINTS_KINDS | GRID_KINDS
#: Kinds whose value is a class position.
POSITION_KINDS = frozenset({"set_class_position", "qualifying_set_class_position"})
