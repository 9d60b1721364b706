import pytest
from django.utils.crypto import salted_hmac

from kinfolio.audit.services import restrict_record
from kinfolio.people.models import Person
from kinfolio.performance import selectors
from kinfolio.performance.models import OpenChild
from kinfolio.performance.selectors import (
    NO_TEAM,
    TeamCounts,
    age_band,
    caseload_summary,
    looked_after_pseudonymised,
    pseudonym,
    restricted_looked_after_count,
    total_counts,
)
from kinfolio.performance.services import open_children
from kinfolio.workforce.models import Allocation
from kinfolio.workforce.services.allocations import allocate as allocate_by_service
from tests.factories import (
    ChildFactory,
    ChildProtectionPlanFactory,
    CINEpisodeFactory,
    D,
    ServiceFactory,
    TeamFactory,
)
from tests.factories_care import CareEpisodeFactory, CareLeaverStatusFactory

pytestmark = pytest.mark.django_db
TODAY = D(2026, 3, 2)


def allocate(child, team, role="social_worker", end_date=None):
    Allocation.objects.create(
        child=child, team=team, role=role, start_date=D(2025, 1, 6), end_date=end_date
    )


def looked_after(child, **episode):
    CareEpisodeFactory(period__child=child, period__start_date=D(2025, 1, 6), **episode)


def store_every_child():
    """What the services do on commit and the daily job does (``refresh_clocks``)."""
    open_children.store(list(Person.objects.values_list("pk", flat=True)))


@pytest.fixture
def authority():
    """Three teams and children in every status, written out so the counts can be."""
    safeguarding = ServiceFactory(name="Safeguarding")
    in_care = ServiceFactory(name="Children in care")
    locality = TeamFactory(name="Locality north", service=safeguarding)
    cic = TeamFactory(name="Children in care", service=in_care, team_type="children_in_care")
    leaving = TeamFactory(name="16+", service=in_care, team_type="leaving_care")

    cin = ChildFactory()
    CINEpisodeFactory(child=cin, team=locality)
    allocate(cin, locality)
    cp = ChildProtectionPlanFactory().child  # with its open child in need episode
    allocate(cp, locality)
    lac = ChildFactory()
    CINEpisodeFactory(child=lac, team=cic)
    looked_after(lac)
    allocate(lac, cic)
    allocate(lac, locality, role="iro")  # oversight, not the responsible team
    aged_17 = ChildFactory()  # still looked after, and a care leaver with an adviser
    looked_after(aged_17)
    CareLeaverStatusFactory(child=aged_17, start_date=D(2025, 6, 1))
    allocate(aged_17, cic)
    allocate(aged_17, leaving, role="personal_adviser")
    leaver = ChildFactory()
    CareLeaverStatusFactory(child=leaver, start_date=D(2025, 6, 1))
    allocate(leaver, cic, end_date=D(2025, 6, 1))
    allocate(leaver, leaving, role="personal_adviser")
    waiting = ChildFactory()
    CINEpisodeFactory(child=waiting, team=locality)  # no allocation yet
    closed = ChildFactory()
    CINEpisodeFactory(child=closed, team=locality, close_date=D(2025, 2, 1), close_reason="RC8")
    allocate(closed, locality)
    store_every_child()
    return {
        "lac": lac,
        "aged_17": aged_17,
        "cin": cin,
        "cic": cic,
        "closed": closed,
        "waiting": waiting,
        "locality": locality,
    }


def test_caseload_summary_counts_children_by_responsible_team(authority):
    assert caseload_summary() == [
        TeamCounts("16+", "Children in care", 1, 0, 0, 0, 1),
        TeamCounts("Children in care", "Children in care", 2, 1, 0, 2, 1),
        TeamCounts("Locality north", "Safeguarding", 2, 2, 1, 0, 0),
        TeamCounts(NO_TEAM, "", 1, 1, 0, 0, 0),
    ]


def test_total_counts_adds_up_the_teams(authority):
    assert total_counts(caseload_summary()) == TeamCounts("All teams", "", 6, 4, 1, 2, 2)


def test_caseload_summary_is_one_query_however_many_children(authority, django_assert_num_queries):
    for _ in range(5):
        child = ChildFactory()
        CINEpisodeFactory(child=child)
    store_every_child()
    with django_assert_num_queries(1):
        caseload_summary()


def test_store_keeps_a_row_only_for_children_with_something_open(authority):
    assert not OpenChild.objects.filter(child=authority["closed"]).exists()
    row = OpenChild.objects.get(child=authority["lac"])
    assert (row.team, row.looked_after, row.child_in_need, row.care_leaver) == (
        authority["cic"],
        True,
        True,
        False,
    )
    assert (row.legal_status, row.placement_type) == ("C2", "U4")
    authority["cin"].cin_episodes.update(close_date=D(2026, 3, 1), close_reason="RC8")
    open_children.store([authority["cin"].pk])
    assert not OpenChild.objects.filter(child=authority["cin"]).exists()


def test_a_service_changing_a_childs_record_moves_them_in_the_summary(
    authority, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        allocate_by_service(
            child=authority["waiting"], team=authority["locality"], start_date=TODAY, by=None
        )
    summary = caseload_summary()
    assert TeamCounts("Locality north", "Safeguarding", 3, 3, 1, 0, 0) in summary
    assert NO_TEAM not in [row.team for row in summary]


def test_looked_after_pseudonymised_holds_no_identifying_field(authority):
    rows = looked_after_pseudonymised(on=TODAY)
    assert len(rows) == 2
    assert set(vars(rows[0])) == {
        "pseudonym",
        "age_band",
        "sex",
        "legal_status",
        "placement_type",
        "team",
    }
    assert {row.pseudonym for row in rows} == {
        pseudonym(authority["lac"].pk),
        pseudonym(authority["aged_17"].pk),
    }
    assert rows[0] == selectors.PseudonymisedChild(
        pseudonym=rows[0].pseudonym,
        age_band="10 to 15",
        sex="Male",
        legal_status="C2: Full care order",
        placement_type="U4: Foster placement with other foster carer(s): long term fostering",
        team="Children in care",
    )


def test_looked_after_pseudonymised_leaves_out_restricted_records(authority):
    restrict_record(child=authority["lac"], reason="High-profile case", allowed_users=[], by=None)
    rows = looked_after_pseudonymised(on=TODAY)
    assert [row.pseudonym for row in rows] == [pseudonym(authority["aged_17"].pk)]
    assert restricted_looked_after_count() == 1


def test_looked_after_pseudonymised_reads_a_page_in_two_queries(
    authority, django_assert_num_queries
):
    with django_assert_num_queries(2):
        rows = looked_after_pseudonymised(on=TODAY)
        assert len(rows[0:50]) == len(rows) == 2


def test_looked_after_pseudonymised_pages_follow_team_age_band_and_pseudonym():
    """Read a page at a time, the list is in the order of the whole list sorted in
    Python, whatever page a team's or age band's children fall on (born on the days
    each band starts and ends, 29 February included)."""
    teams = [TeamFactory(name="Children in care"), TeamFactory(name="Adolescents"), None]
    born = [D(2025, 3, 3), D(2025, 3, 2), D(2021, 3, 3), D(2021, 3, 2), D(2016, 3, 2)]
    born += [D(2010, 3, 3), D(2010, 3, 2), D(2012, 2, 29), None]
    for i in range(27):
        child = ChildFactory(date_of_birth=born[i // 3], expected_date_of_birth=TODAY)
        looked_after(child)
        if teams[i % 3]:
            allocate(child, teams[i % 3])
    store_every_child()
    listed = looked_after_pseudonymised(on=TODAY)
    bands = [label for _, label in selectors.AGE_BANDS] + [selectors.OLDEST_BAND, "Not known"]
    whole = sorted(
        listed,
        key=lambda c: (c.team == NO_TEAM, c.team, bands.index(c.age_band), c.pseudonym),
    )
    assert len(whole) == 27
    assert [c for start in range(0, 27, 4) for c in listed[start : start + 4]] == whole
    assert listed[26] == listed[-1] == whole[-1]
    # The database's order of bands is that of the labels, on every boundary.
    ordered = OpenChild.objects.annotate(order=selectors._band_order(TODAY))
    for row in ordered.values("date_of_birth", "order"):
        assert bands.index(age_band(row["date_of_birth"], TODAY)) == row["order"]


def test_pseudonym_is_stable_distinct_and_keyed(settings):
    assert pseudonym(1) == pseudonym(1)
    assert len(pseudonym(1)) == 10
    assert pseudonym(1) != pseudonym(2)
    before = pseudonym(1)
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"
    assert pseudonym(1) != before


def test_pseudonyms_are_djangos_salted_hmac_so_those_given_out_before_still_match():
    given = salted_hmac("kinfolio.performance.pseudonym", "4321", algorithm="sha256")
    assert pseudonym(4321) == given.hexdigest()[:10]


@pytest.mark.parametrize(
    ("born", "band"),
    [
        (D(2025, 3, 3), "Under 1"),
        (D(2025, 3, 2), "1 to 4"),
        (D(2021, 3, 3), "1 to 4"),
        (D(2021, 3, 2), "5 to 9"),
        (D(2016, 3, 2), "10 to 15"),
        (D(2010, 3, 3), "10 to 15"),
        (D(2010, 3, 2), "16 and over"),
        (None, "Not known"),
    ],
)
def test_age_band_on_the_day(born, band):
    assert age_band(born, TODAY) == band
