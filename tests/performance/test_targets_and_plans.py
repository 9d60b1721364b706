"""Targets and RAG, dashboards, charts, and the plan tracker."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import ChangeEvent
from kinfolio.performance.indicators.base import Polarity
from kinfolio.performance.indicators.periods import Period
from kinfolio.performance.indicators.targets import Rag, rag, targets_for
from kinfolio.performance.models import Commitment, CommitmentStatus, Plan, Target
from kinfolio.performance.services import plans as plan_services
from kinfolio.workforce.models import Allocation
from tests.factories import CINEpisodeFactory, D, TeamFactory
from tests.factories_accounts import UserFactory

pytestmark = pytest.mark.django_db
PLAN_2015 = "Children and Families Plan 2015/16"


@pytest.mark.parametrize(
    ("value", "polarity", "expected"),
    [
        (90.0, Polarity.HIGH, Rag.GREEN),  # at the target
        (86.0, Polarity.HIGH, Rag.AMBER),  # 4 short, within the tolerance of 5
        (85.0, Polarity.HIGH, Rag.AMBER),  # exactly the tolerance
        (84.9, Polarity.HIGH, Rag.RED),
        (90.0, Polarity.LOW, Rag.GREEN),
        (95.0, Polarity.LOW, Rag.AMBER),
        (95.1, Polarity.LOW, Rag.RED),
        (50.0, Polarity.NEITHER, Rag.NOT_JUDGED),
        (None, Polarity.HIGH, Rag.NO_VALUE),  # a target, but no value to compare
    ],
)
def test_rag_against_a_target_of_90_with_a_tolerance_of_5(value, polarity, expected):
    assert rag(value, 90, 5, polarity) == expected


def test_a_target_stands_until_a_later_years_replaces_it():
    Target.objects.create(indicator_id="referrals", year=2023, value=10)
    Target.objects.create(indicator_id="referrals", year=2025, value=20)
    assert targets_for(Period.parse("2024-25"))["referrals"].value == 10
    assert targets_for(Period.parse("2025-26"))["referrals"].value == 20


def test_the_2015_16_plan_is_loaded_as_published():
    plan = Plan.objects.get(name=PLAN_2015)
    assert plan.indicators.count() == 20
    assert plan.indicators.filter(corporate_dashboard=True).count() == 15
    assert plan.commitments.count() == 26
    headings = list(
        dict.fromkeys(plan.commitments.order_by("number").values_list("heading", flat=True))
    )
    assert headings == [
        "Getting off to a great start",
        "A good school place",
        "Support for parents",
        "Services for young people",
        "Keeping children safe",
        "Children in our care",
    ]
    # "Less than three placements" 88% is the complement of "three or more" 12%.
    assert Target.objects.get(indicator_id="three_or_more_placements", year=2015).value == 12


@pytest.mark.parametrize(
    "name",
    [
        "performance:dashboard",
        "performance:plan",
        "performance:commitment",
        "performance:indicator-chart",
    ],
)
def test_performance_pages_refuse_a_social_worker_and_send_strangers_to_sign_in(client, name):
    plan = Plan.objects.get(name=PLAN_2015)
    kwargs = {
        "performance:dashboard": {},
        "performance:plan": {"performance_plan_id": plan.pk},
        "performance:commitment": {"performance_plan_id": plan.pk, "number": 20},
        "performance:indicator-chart": {"indicator_id": "referrals"},
    }[name]
    url = reverse(name, kwargs=kwargs)
    assert client.get(url)["Location"].startswith(reverse("accounts:sign-in"))
    client.force_login(UserFactory(role=Role.SOCIAL_WORKER))
    assert client.get(url).status_code == 403


def test_the_directors_dashboard_judges_each_headline_against_its_target(client):
    Target.objects.create(indicator_id="referrals", year=2024, value=0)
    CINEpisodeFactory(referral_date=D(2024, 6, 3))
    client.force_login(UserFactory(role=Role.DIRECTOR))
    response = client.get(reverse("performance:dashboard"), {"period": "2024-25"})
    assert response.status_code == 200
    judged = {j.figure.indicator.id: j for j in response.context["judged"]}
    assert judged["referrals"].figure.numerator == 1
    assert judged["referrals"].rag == Rag.NOT_JUDGED  # neither higher nor lower is better
    # A target of 12% (the 2015/16 plan's) and no child looked after: nothing to compare.
    placements = judged["three_or_more_placements"]
    assert (placements.target_display, placements.rag) == ("12%", Rag.NO_VALUE)
    page = response.content.decode()
    assert "No value to compare" in page
    assert "Not judged" in page


def test_a_team_dashboard_counts_only_the_teams_children(client):
    ours, theirs = TeamFactory(), TeamFactory()
    for team in (ours, theirs):
        episode = CINEpisodeFactory(referral_date=D(2024, 6, 3), team=team)
        Allocation.objects.create(
            child=episode.child, role="social_worker", team=team, start_date=D(2024, 6, 3)
        )
    client.force_login(UserFactory(role=Role.TEAM_MANAGER))
    response = client.get(
        reverse("performance:team-dashboard", args=[ours.pk]), {"period": "2024-25"}
    )
    judged = {j.figure.indicator.id: j for j in response.context["judged"]}
    assert judged["referrals"].figure.numerator == 1


def test_the_chart_is_an_svg_without_script_running_in_the_page(client):
    client.force_login(UserFactory(role=Role.PERFORMANCE_ANALYST))
    response = client.get(
        reverse("performance:indicator-chart", args=["referrals"]), {"period": "2024-25"}
    )
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content
    detail = client.get(reverse("performance:indicator", args=["referrals"]), {"period": "2024-25"})
    assert 'data-testid="trend-chart"' in detail.content.decode()
    assert 'data-testid="trend-table"' in detail.content.decode()


def test_the_plan_page_shows_each_kpi_with_its_value_or_that_it_is_collected(client):
    client.force_login(UserFactory(role=Role.DIRECTOR))
    plan = Plan.objects.get(name=PLAN_2015)
    response = client.get(reverse("performance:plan", args=[plan.pk]), {"period": "2024-25"})
    rows = response.context["rows"]
    assert len(rows) == 20
    assert sum(1 for row in rows if row.figure is not None) == 7
    assert "Collected from outside social care records" in response.content.decode()


def test_recording_progress_moves_the_commitment_and_is_in_its_history(client):
    commitment = Commitment.objects.get(plan__name=PLAN_2015, number=20)
    director = UserFactory(role=Role.DIRECTOR)
    client.force_login(director)
    url = reverse("performance:commitment", args=[commitment.plan_id, 20])

    refused = client.post(url, {"note": "MASH review done", "status": "done", "evidence": ""})
    assert "Enter the evidence that the commitment is done" in refused.content.decode()
    response = client.post(url, {"note": "MASH review done", "status": "on_track", "evidence": ""})

    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.ON_TRACK
    assert commitment.updates.get().written_by == director
    assert ChangeEvent.objects.filter(
        model="performance.commitment", object_id=str(commitment.pk)
    ).exists()


def test_only_those_who_answer_for_plans_record_progress(client):
    commitment = Commitment.objects.get(plan__name=PLAN_2015, number=20)
    client.force_login(UserFactory(role=Role.TEAM_MANAGER))
    url = reverse("performance:commitment", args=[commitment.plan_id, 20])
    assert client.get(url).status_code == 200
    assert client.post(url, {"note": "x", "status": "on_track"}).status_code == 403


def test_record_progress_writes_nothing_when_refused():
    commitment = Commitment.objects.get(plan__name=PLAN_2015, number=1)
    with pytest.raises(ValidationError, match="Enter what has been done"):
        plan_services.record_progress(
            commitment=commitment, status="on_track", note=" ", by=UserFactory()
        )
    assert not commitment.updates.exists()
    assert not ChangeEvent.objects.filter(model="performance.commitment").exists()
