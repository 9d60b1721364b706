"""How changes in a child's care become SSDA903 episodes: the rules, in one place.

The DfE counts a period of care in *episodes*. A new episode starts whenever the legal
status, the placement or the carer changes, and its reason for new episode (RNE) says
which changed (DfE SSDA903 guide; the validator's rule 143):

    S  started to be looked after
    L  change of legal status only
    P  change of placement and carer(s) only
    T  change of placement (but same carer(s)) only
    B  change of legal status and placement and carer(s) at the same time
    U  change of legal status and change of placement (but same carer(s)) at the same time

The episode that ends because the next begins ceases with X1; one that ends because the
placement changed carries the reason for placement change. Nothing else starts an
episode: a change of category of need alone does not.

Workers record *what happened on a day* (a legal status granted, a move), not episodes,
and sometimes late. So this module keeps the period as a timeline of states and
derives the episodes from it: a change dated in the past applies from its date until
the next change of the same thing, and the episodes after it are re-derived (adjacent
stretches with the same legal status and placement merge; RNEs are worked out again).
Two changes on the same day make one episode (the DfE allows one episode start per
day): a move on the day a care order is made is one "B" or "U" episode.

Pure functions over plain data, no database: ``kinfolio.children_in_care.services``
stores what they return.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from kinfolio import codesets

STARTED = "S"
NEXT_EPISODE_SAME_DAY = "X1"
SHORT_BREAKS_AS_AGREEMENTS = "V4"  # the agreement is the episode, not each break
PLACEMENT_RNE = frozenset({"P", "T", "B", "U"})


class EpisodeRuleError(ValueError):
    """A change the episode rules cannot accept; the message is for the worker."""


@dataclass(frozen=True)
class Placement:
    """Where and with whom the child lives. ``carer`` identifies the carer(s): a foster
    household or provider key, or "" where there is no carer record (with parents)."""

    placement_type: str
    carer: str = ""
    postcode: str = ""
    provider: str = ""  # PLACE_PROVIDER
    urn: str = ""

    def __post_init__(self) -> None:
        if self.placement_type not in codesets.PLACEMENT_TYPE:
            raise EpisodeRuleError(f"{self.placement_type!r} is not a placement type.")
        if self.provider and self.provider not in codesets.PLACEMENT_PROVIDER:
            raise EpisodeRuleError(f"{self.provider!r} is not a placement provider code.")

    def same_location(self, other: Placement) -> bool:
        return (self.placement_type, self.postcode, self.urn) == (
            other.placement_type,
            other.postcode,
            other.urn,
        )


@dataclass(frozen=True)
class Episode:
    """One row of the SSDA903 Episodes table (with the carer, which the DfE does not ask)."""

    decom: date
    rne: str
    legal_status: str
    category_of_need: str
    placement: Placement
    dec: date | None = None
    rec: str = ""
    reason_place_change: str = ""


@dataclass(frozen=True)
class _Stretch:
    """From ``start`` until the next stretch: one legal status and one placement."""

    start: date
    legal_status: str
    category_of_need: str
    placement: Placement
    reason_place_change: str = ""  # why the placement changed at ``start``, if it did


def new_episode_reason(before: Episode | _Stretch, after: _Stretch) -> str | None:
    """The RNE for ``after`` following ``before``; None when nothing that counts changed."""
    status_changed = before.legal_status != after.legal_status
    carer_changed = before.placement.carer != after.placement.carer
    moved = carer_changed or not before.placement.same_location(after.placement)
    if not moved:
        return "L" if status_changed else None
    if status_changed:
        return "B" if carer_changed else "U"
    return "P" if carer_changed else "T"


def start(
    *, day: date, legal_status: str, category_of_need: str, placement: Placement
) -> list[Episode]:
    """The first episode of a period of care."""
    _check_legal_status(legal_status)
    _check_category_of_need(category_of_need)
    return [Episode(day, STARTED, legal_status, category_of_need, placement)]


def change(
    episodes: list[Episode],
    *,
    day: date,
    legal_status: str | None = None,
    category_of_need: str | None = None,
    placement: Placement | None = None,
    reason_place_change: str = "",
) -> list[Episode]:
    """The period's episodes after a change on ``day`` (which may be in the past)."""
    if legal_status is None and placement is None:
        raise EpisodeRuleError(
            "Say what changed: the legal status, the placement or both. (The category of "
            "need is recorded with the episode a change starts.)"
        )
    if legal_status is not None:
        _check_legal_status(legal_status)
    if category_of_need is not None:
        _check_category_of_need(category_of_need)
    first, last = episodes[0], episodes[-1]
    if day < first.decom:
        raise EpisodeRuleError(
            f"The change is dated {day:%d/%m/%Y}, before the child became looked after on "
            f"{first.decom:%d/%m/%Y}."
        )
    if last.dec is not None and day >= last.dec:
        raise EpisodeRuleError(
            f"The child stopped being looked after on {last.dec:%d/%m/%Y}: a change after "
            "that belongs to a new period of care."
        )
    stretches = _split_at(_stretches(episodes), day)
    stretches = _apply(
        stretches,
        day=day,
        legal_status=legal_status,
        category_of_need=category_of_need,
        placement=placement,
        reason_place_change=reason_place_change,
    )
    changed = _episodes(stretches, ended=(last.dec, last.rec))
    if changed == episodes:
        raise EpisodeRuleError(
            f"That was already the child's legal status and placement on {day:%d/%m/%Y}: "
            "nothing has changed."
        )
    return changed


def cease(episodes: list[Episode], *, day: date, reason: str) -> list[Episode]:
    """End the period of care: the open episode ends on ``day`` with the reason."""
    if reason == NEXT_EPISODE_SAME_DAY or reason not in codesets.REASON_EPISODE_CEASED:
        raise EpisodeRuleError("Select the reason the child stopped being looked after.")
    last = episodes[-1]
    if last.dec is not None:
        raise EpisodeRuleError("This period of care has already ended.")
    if day < last.decom:
        raise EpisodeRuleError(
            f"The child's current episode started on {last.decom:%d/%m/%Y}: they cannot "
            "stop being looked after before it."
        )
    return [*episodes[:-1], replace(last, dec=day, rec=reason)]


def _check_legal_status(code: str) -> None:
    if code not in codesets.LEGAL_STATUS:
        raise EpisodeRuleError(f"{code!r} is not a legal status.")


def _check_category_of_need(code: str) -> None:
    if code not in codesets.CATEGORY_OF_NEED_LOOKED_AFTER:
        raise EpisodeRuleError(f"{code!r} is not a category of need.")


def _stretches(episodes: list[Episode]) -> list[_Stretch]:
    """The timeline behind stored episodes; placement-change reasons move to the start
    of the stretch they led to."""
    out = []
    for i, e in enumerate(episodes):
        reason = episodes[i - 1].reason_place_change if i else ""
        out.append(_Stretch(e.decom, e.legal_status, e.category_of_need, e.placement, reason))
    return out


def _split_at(stretches: list[_Stretch], day: date) -> list[_Stretch]:
    """Make ``day`` the start of a stretch (a copy of the one covering it)."""
    if any(s.start == day for s in stretches):
        return stretches
    covering = max(i for i, s in enumerate(stretches) if s.start <= day)
    copy = replace(stretches[covering], start=day, reason_place_change="")
    return [*stretches[: covering + 1], copy, *stretches[covering + 1 :]]


def _apply(stretches: list[_Stretch], *, day: date, **new) -> list[_Stretch]:
    """Apply each changed attribute from ``day`` until the next change of that attribute."""
    out = list(stretches)
    at = next(i for i, s in enumerate(out) if s.start == day)
    for name in ("legal_status", "category_of_need", "placement"):
        value = new[name]
        if value is None:
            continue
        old = getattr(out[at], name)
        i = at
        while i < len(out) and getattr(out[i], name) == old:
            out[i] = replace(out[i], **{name: value})
            i += 1
    if new["placement"] is not None:
        out[at] = replace(out[at], reason_place_change=new["reason_place_change"])
    return out


def _episodes(stretches: list[_Stretch], *, ended: tuple[date | None, str]) -> list[Episode]:
    """Merge stretches where nothing that counts changed, and work out each RNE."""
    merged: list[_Stretch] = [stretches[0]]
    rnes = [STARTED]
    for s in stretches[1:]:
        rne = new_episode_reason(merged[-1], s)
        if rne is None:
            continue
        if rne in PLACEMENT_RNE and merged[-1].legal_status == s.legal_status == (
            SHORT_BREAKS_AS_AGREEMENTS
        ):
            raise EpisodeRuleError(
                "Under legal status V4 the agreed series of short breaks is one episode: "
                "record the agreement, not each break or carer."
            )
        if rne in PLACEMENT_RNE and s.reason_place_change not in codesets.REASON_PLACE_CHANGE:
            raise EpisodeRuleError(
                f"Select the reason for the placement change on {s.start:%d/%m/%Y}."
            )
        merged.append(s)
        rnes.append(rne)
    episodes = []
    for i, (s, rne) in enumerate(zip(merged, rnes, strict=True)):
        following = merged[i + 1] if i + 1 < len(merged) else None
        if following is None:
            dec, rec, why_moved = ended[0], ended[1], ""
        else:
            dec, rec = following.start, NEXT_EPISODE_SAME_DAY
            why_moved = following.reason_place_change if rnes[i + 1] in PLACEMENT_RNE else ""
        episodes.append(
            Episode(
                s.start, rne, s.legal_status, s.category_of_need, s.placement, dec, rec, why_moved
            )
        )
    return episodes
