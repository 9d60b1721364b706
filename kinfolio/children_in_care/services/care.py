"""A child becomes looked after, their legal status or placement changes, they leave care.

The episodes stored for the SSDA903 return come from ``episode_rules``; these services
only read the period's episodes, ask the rules for the new ones, and store them with
their change history, in one transaction. The timescales engine derives the clocks that
follow (reviews, health assessments, visits) from the stored period and episodes.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from kinfolio.accounts.models import User
from kinfolio.audit.models import ChangeEvent
from kinfolio.audit.services.history import changes, record_event, snapshot
from kinfolio.care_leavers.services import status as leaving_care
from kinfolio.children_in_care import episode_rules
from kinfolio.children_in_care.models import CareEpisode, PeriodOfCare, PlacementProvider
from kinfolio.children_in_care.services import reviews
from kinfolio.fostering.models import FosterHousehold
from kinfolio.fostering.services import limits
from kinfolio.people.models import Person


@dataclass(frozen=True)
class PlacementDetails:
    """Where the child is placed: with a foster household, with a provider, or neither
    (with parents, in independent living)."""

    placement_type: str
    placement_provider: str = ""
    foster_household: FosterHousehold | None = None
    provider: PlacementProvider | None = None
    postcode: str = ""

    def check_room(self, *, child: Person, day: date) -> None:
        """Refuse the placement on ``day`` when there is no room for ``child`` there
        (``fostering.services.limits``)."""
        if self.foster_household is not None:
            limits.check_placement(household=self.foster_household, child=child, day=day)
        if self.provider is not None:
            limits.check_capacity(provider=self.provider, child=child, day=day)

    def as_rule(self) -> episode_rules.Placement:
        if self.foster_household and self.provider:
            raise ValidationError("Choose a foster household or a provider, not both.")
        carer, postcode, urn = "", self.postcode, ""
        if self.foster_household is not None:
            carer, postcode = (
                f"household:{self.foster_household.pk}",
                self.foster_household.postcode,
            )
        elif self.provider is not None:
            carer, postcode = f"provider:{self.provider.pk}", self.provider.postcode
            urn = self.provider.urn
        return episode_rules.Placement(
            self.placement_type, carer, postcode.upper(), self.placement_provider, urn
        )


def start_looked_after(
    *,
    child: Person,
    day: date,
    legal_status: str,
    category_of_need: str,
    placement: PlacementDetails,
    by: User,
) -> PeriodOfCare:
    """The child becomes looked after: a period of care and its first episode."""
    with transaction.atomic():
        if PeriodOfCare.objects.select_for_update().filter(child=child, end_date__isnull=True):
            raise ValidationError("This child is already looked after.")
        episodes = _ruled(
            episode_rules.start,
            day=day,
            legal_status=legal_status,
            category_of_need=category_of_need,
            placement=placement.as_rule(),
        )
        placement.check_room(child=child, day=day)
        period = PeriodOfCare(child=child, start_date=day)
        period.full_clean()
        period.save()
        record_event(
            by=by,
            instance=period,
            child=child,
            changes=changes(None, period),
            kind=ChangeEvent.Kind.CREATED,
        )
        _store(period, episodes, by=by)
        reviews.schedule_next_review(period=period, after=day, by=by)
    return period


def record_change(
    *,
    period: PeriodOfCare,
    day: date,
    by: User,
    legal_status: str | None = None,
    category_of_need: str | None = None,
    placement: PlacementDetails | None = None,
    reason_place_change: str = "",
) -> list[CareEpisode]:
    """A change of legal status and/or placement on ``day`` (possibly recorded late)."""
    with transaction.atomic():
        period = PeriodOfCare.objects.select_for_update().get(pk=period.pk)
        if placement is not None:
            placement.check_room(child=period.child, day=day)
        episodes = _ruled(
            episode_rules.change,
            _as_rules(period),
            day=day,
            legal_status=legal_status,
            category_of_need=category_of_need,
            placement=placement.as_rule() if placement else None,
            reason_place_change=reason_place_change,
        )
        return _store(period, episodes, by=by)


def cease_care(*, period: PeriodOfCare, day: date, reason: str, by: User) -> PeriodOfCare:
    """The child stops being looked after on ``day`` for ``reason`` (an REC code); at 16
    or over they become a care leaver (``care_leavers.services.status``)."""
    with transaction.atomic():
        period = PeriodOfCare.objects.select_for_update().get(pk=period.pk)
        episodes = _ruled(episode_rules.cease, _as_rules(period), day=day, reason=reason)
        before = snapshot(period)
        period.end_date = day
        period.save(update_fields=["end_date", "updated_at"])
        record_event(by=by, instance=period, child=period.child, changes=changes(before, period))
        _store(period, episodes, by=by)
        leaving_care.on_leaving_care(child=period.child, day=day, reason=reason, by=by)
    return period


def _ruled(rule, *args, **kwargs) -> list[episode_rules.Episode]:
    try:
        return rule(*args, **kwargs)
    except episode_rules.EpisodeRuleError as refused:
        raise ValidationError(str(refused)) from refused


def _as_rules(period: PeriodOfCare) -> list[episode_rules.Episode]:
    return [
        episode_rules.Episode(
            decom=e.start_date,
            rne=e.reason_new_episode,
            legal_status=e.legal_status,
            category_of_need=e.category_of_need,
            placement=episode_rules.Placement(
                e.placement_type,
                f"household:{e.foster_household_id}"
                if e.foster_household_id
                else f"provider:{e.provider_id}"
                if e.provider_id
                else "",
                e.placement_postcode,
                e.placement_provider,
                e.urn,
            ),
            dec=e.end_date,
            rec=e.reason_ceased,
            reason_place_change=e.reason_place_change,
        )
        for e in period.episodes.order_by("start_date")
    ]


def _store(
    period: PeriodOfCare, episodes: list[episode_rules.Episode], *, by: User
) -> list[CareEpisode]:
    """Make the period's stored episodes ``episodes``: an episode keeps its row while its
    start date stays, so its history reads on; then every row is checked as a whole."""
    old = {e.start_date: e for e in period.episodes.all()}
    wanted = {rule.decom for rule in episodes}
    for day in sorted(set(old) - wanted):
        gone = old.pop(day)
        record_event(
            by=by,
            instance=gone,
            child=period.child,
            changes=changes(gone, None),
            kind=ChangeEvent.Kind.DELETED,
        )
        gone.delete()
    stored = []
    home = _home_postcode(period)
    # Earliest first: the old open episode is closed before the new one opens.
    for rule in episodes:
        episode = old.get(rule.decom) or CareEpisode(period=period)
        before = snapshot(episode) if episode.pk else None
        for name, value in _fields(rule).items():
            setattr(episode, name, value)
        episode.home_postcode = episode.home_postcode or home
        episode.save()
        kind = ChangeEvent.Kind.CHANGED if before else ChangeEvent.Kind.CREATED
        record_event(
            by=by, instance=episode, child=period.child, changes=changes(before, episode), kind=kind
        )
        stored.append(episode)
    for episode in stored:
        episode.full_clean()
    return stored


def _home_postcode(period: PeriodOfCare) -> str:
    """The child's home postcode for new episodes (SSDA903 HOME_POST): the one the period
    already records, else the child's current address (the distance from home to each
    placement is measured from it)."""
    recorded = period.episodes.exclude(home_postcode="").order_by("start_date").first()
    if recorded:
        return recorded.home_postcode
    address = period.child.addresses.filter(end_date__isnull=True).first()
    return address.postcode.upper() if address else ""


def _fields(rule: episode_rules.Episode) -> dict:
    kind, _, pk = rule.placement.carer.partition(":")
    return {
        "start_date": rule.decom,
        "end_date": rule.dec,
        "reason_new_episode": rule.rne,
        "legal_status": rule.legal_status,
        "category_of_need": rule.category_of_need,
        "placement_type": rule.placement.placement_type,
        "placement_provider": rule.placement.provider,
        "placement_postcode": rule.placement.postcode,
        "urn": rule.placement.urn,
        "reason_ceased": rule.rec,
        "reason_place_change": rule.reason_place_change,
        "foster_household_id": int(pk) if kind == "household" else None,
        "provider_id": int(pk) if kind == "provider" else None,
    }
