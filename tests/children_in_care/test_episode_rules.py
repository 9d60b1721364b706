"""Hand-worked sequences of changes in care → the exact SSDA903 episode rows.

Each row: DECOM, RNE, LS, PLACE, PLACE_PROVIDER, REASON_PLACE_CHANGE, DEC, REC.
"""

from datetime import date as D

import pytest

from kinfolio.children_in_care.episode_rules import (
    EpisodeRuleError,
    Placement,
    cease,
    change,
    start,
)

FOSTER_1 = Placement("U6", carer="household:1", postcode="MK9 1AA", provider="PR1")
FOSTER_2 = Placement("U4", carer="household:2", postcode="MK6 2BB", provider="PR1")
FOSTER_1_MOVED_HOUSE = Placement("U6", carer="household:1", postcode="MK4 3CC", provider="PR1")
WITH_PARENTS = Placement("P1", carer="", postcode="MK2 2DD", provider="PR0")
SECURE_HOME = Placement("K1", carer="provider:3", postcode="NN1 1EE", provider="PR3", urn="SC1")
OTHER_SECURE = Placement("K1", carer="provider:4", postcode="LU1 1FF", provider="PR2", urn="SC2")
RESPITE_1 = Placement("U6", carer="household:5", postcode="MK9 5GG", provider="PR1")
RESPITE_2 = Placement("U6", carer="household:6", postcode="MK9 6HH", provider="PR1")


def rows(episodes):
    return [
        (
            e.decom,
            e.rne,
            e.legal_status,
            e.placement.placement_type,
            e.placement.provider,
            e.reason_place_change,
            e.dec,
            e.rec,
        )
        for e in episodes
    ]


def looked_after(placement=FOSTER_1, legal_status="V2", day=D(2025, 3, 1)):
    return start(day=day, legal_status=legal_status, category_of_need="N1", placement=placement)


def test_section_20_then_interim_order_then_move_then_care_order_then_leaving_care():
    episodes = looked_after()
    episodes = change(episodes, day=D(2025, 3, 10), legal_status="C1")
    episodes = change(episodes, day=D(2025, 4, 2), placement=FOSTER_2, reason_place_change="CARPL")
    episodes = change(episodes, day=D(2025, 9, 1), legal_status="C2")
    episodes = cease(episodes, day=D(2026, 2, 14), reason="E17")

    assert rows(episodes) == [
        (D(2025, 3, 1), "S", "V2", "U6", "PR1", "", D(2025, 3, 10), "X1"),
        (D(2025, 3, 10), "L", "C1", "U6", "PR1", "CARPL", D(2025, 4, 2), "X1"),
        (D(2025, 4, 2), "P", "C1", "U4", "PR1", "", D(2025, 9, 1), "X1"),
        (D(2025, 9, 1), "L", "C2", "U4", "PR1", "", D(2026, 2, 14), "E17"),
    ]


def test_a_move_on_the_day_of_a_status_change_is_one_episode_whichever_is_recorded_first():
    expected = [
        (D(2025, 3, 1), "S", "V2", "U6", "PR1", "STAND", D(2025, 3, 10), "X1"),
        (D(2025, 3, 10), "B", "C1", "U4", "PR1", "", None, ""),
    ]
    status_first = change(looked_after(), day=D(2025, 3, 10), legal_status="C1")
    status_first = change(
        status_first, day=D(2025, 3, 10), placement=FOSTER_2, reason_place_change="STAND"
    )
    together = change(
        looked_after(),
        day=D(2025, 3, 10),
        legal_status="C1",
        placement=FOSTER_2,
        reason_place_change="STAND",
    )

    assert rows(status_first) == expected
    assert rows(together) == expected


def test_same_carers_moving_house_is_a_change_of_placement_only_and_with_a_status_change_u():
    moved = change(
        looked_after(),
        day=D(2025, 5, 1),
        placement=FOSTER_1_MOVED_HOUSE,
        reason_place_change="PLACE",
    )
    moved_and_ordered = change(
        looked_after(),
        day=D(2025, 5, 1),
        placement=FOSTER_1_MOVED_HOUSE,
        legal_status="C1",
        reason_place_change="PLACE",
    )

    assert [e.rne for e in moved] == ["S", "T"]
    assert [e.rne for e in moved_and_ordered] == ["S", "U"]


def test_placement_with_parents_under_a_care_order_then_the_order_discharged():
    episodes = looked_after(legal_status="C2", placement=FOSTER_2)
    episodes = change(
        episodes, day=D(2025, 6, 2), placement=WITH_PARENTS, reason_place_change="CARPL"
    )
    episodes = cease(episodes, day=D(2025, 12, 1), reason="E41")

    assert rows(episodes) == [
        (D(2025, 3, 1), "S", "C2", "U4", "PR1", "CARPL", D(2025, 6, 2), "X1"),
        (D(2025, 6, 2), "P", "C2", "P1", "PR0", "", D(2025, 12, 1), "E41"),
    ]


def test_remand_to_a_secure_home_moved_then_remand_ended():
    episodes = looked_after(legal_status="J1", placement=SECURE_HOME, day=D(2025, 1, 7))
    episodes = change(
        episodes, day=D(2025, 1, 20), placement=OTHER_SECURE, reason_place_change="LAREQ"
    )
    episodes = cease(episodes, day=D(2025, 2, 11), reason="E14")

    assert rows(episodes) == [
        (D(2025, 1, 7), "S", "J1", "K1", "PR3", "LAREQ", D(2025, 1, 20), "X1"),
        (D(2025, 1, 20), "P", "J1", "K1", "PR2", "", D(2025, 2, 11), "E14"),
    ]


def test_short_breaks_under_v3_are_each_a_period_and_under_v4_one_agreement():
    first = cease(
        looked_after(legal_status="V3", placement=RESPITE_1, day=D(2025, 4, 4)),
        day=D(2025, 4, 6),
        reason="E8",
    )
    second = cease(
        looked_after(legal_status="V3", placement=RESPITE_2, day=D(2025, 5, 2)),
        day=D(2025, 5, 4),
        reason="E8",
    )
    agreement = looked_after(legal_status="V4", placement=RESPITE_1, day=D(2025, 4, 4))

    assert rows(first) + rows(second) == [
        (D(2025, 4, 4), "S", "V3", "U6", "PR1", "", D(2025, 4, 6), "E8"),
        (D(2025, 5, 2), "S", "V3", "U6", "PR1", "", D(2025, 5, 4), "E8"),
    ]
    with pytest.raises(EpisodeRuleError, match="V4 the agreed series of short breaks is one"):
        change(agreement, day=D(2025, 5, 2), placement=RESPITE_2, reason_place_change="OTHER")


def test_a_status_change_recorded_late_resequences_the_episodes_after_it():
    episodes = change(
        looked_after(), day=D(2025, 5, 1), placement=FOSTER_2, reason_place_change="CARPL"
    )

    late = change(episodes, day=D(2025, 4, 10), legal_status="C1")

    assert rows(late) == [
        (D(2025, 3, 1), "S", "V2", "U6", "PR1", "", D(2025, 4, 10), "X1"),
        (D(2025, 4, 10), "L", "C1", "U6", "PR1", "CARPL", D(2025, 5, 1), "X1"),
        (D(2025, 5, 1), "P", "C1", "U4", "PR1", "", None, ""),
    ]


def test_a_late_status_change_absorbs_a_later_change_to_the_same_status():
    episodes = change(looked_after(), day=D(2025, 5, 1), legal_status="C1")

    late = change(episodes, day=D(2025, 4, 10), legal_status="C1")

    assert rows(late) == [
        (D(2025, 3, 1), "S", "V2", "U6", "PR1", "", D(2025, 4, 10), "X1"),
        (D(2025, 4, 10), "L", "C1", "U6", "PR1", "", None, ""),
    ]


def test_a_late_move_keeps_a_later_move_and_its_reason():
    episodes = change(
        looked_after(), day=D(2025, 6, 1), placement=FOSTER_2, reason_place_change="CHILD"
    )

    late = change(
        episodes, day=D(2025, 4, 1), placement=FOSTER_1_MOVED_HOUSE, reason_place_change="PLACE"
    )

    assert rows(late) == [
        (D(2025, 3, 1), "S", "V2", "U6", "PR1", "PLACE", D(2025, 4, 1), "X1"),
        (D(2025, 4, 1), "T", "V2", "U6", "PR1", "CHILD", D(2025, 6, 1), "X1"),
        (D(2025, 6, 1), "P", "V2", "U4", "PR1", "", None, ""),
    ]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"day": D(2025, 2, 28), "legal_status": "C1"}, "before the child became looked after"),
        ({"day": D(2025, 4, 1)}, "Say what changed"),
        ({"day": D(2025, 4, 1), "legal_status": "V2"}, "nothing has changed"),
        ({"day": D(2025, 4, 1), "legal_status": "Q9"}, "not a legal status"),
        ({"day": D(2025, 4, 1), "placement": FOSTER_2}, "reason for the placement change"),
    ],
)
def test_change_refuses(kwargs, message):
    with pytest.raises(EpisodeRuleError, match=message):
        change(looked_after(), **kwargs)


def test_change_after_the_period_ended_is_refused():
    ended = cease(looked_after(), day=D(2025, 5, 1), reason="E4A")

    with pytest.raises(EpisodeRuleError, match="belongs to a new period of care"):
        change(ended, day=D(2025, 5, 1), legal_status="C1")


@pytest.mark.parametrize(
    ("day", "reason", "message"),
    [
        (D(2025, 5, 1), "X1", "Select the reason"),
        (D(2025, 2, 1), "E4A", "cannot stop being looked after before it"),
    ],
)
def test_cease_refuses(day, reason, message):
    with pytest.raises(EpisodeRuleError, match=message):
        cease(looked_after(), day=day, reason=reason)
