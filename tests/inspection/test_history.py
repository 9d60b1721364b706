from fractions import Fraction

import pytest
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import AccessLogEntry
from kinfolio.inspection.models import Inspection, Judgement, Recommendation
from kinfolio.inspection.published import INSPECTIONS
from tests.factories_accounts import UserFactory

pytestmark = pytest.mark.django_db
URL = reverse("inspection:history")


def judgement(year: int, section: str, area: str) -> Judgement:
    return Judgement.objects.get(inspection__year=year, section=section, area=area)


def test_preloaded_history_holds_the_four_inspections_and_every_published_grade():
    assert list(Inspection.objects.values_list("year", flat=True)) == [2006, 2010, 2012, 2018]
    counts = {i.year: i.judgements.count() for i in Inspection.objects.all()}
    assert counts == {2006: 12, 2010: 1, 2012: 22, 2018: 0}
    recommendations = {i.year: i.recommendations.count() for i in Inspection.objects.all()}
    assert recommendations == {2006: 11, 2010: 3, 2012: 17, 2018: 0}
    assert sum(len(spec["judgements"]) for spec in INSPECTIONS) == Judgement.objects.count()


def test_2012_adequate_and_2006_adequate_sit_at_the_same_normalised_level():
    adequate_2012 = judgement(2012, "Safeguarding services", "Overall effectiveness")
    staying_safe_2006 = judgement(2006, "Local services overall", "Staying safe")

    assert (adequate_2012.grade.value, adequate_2012.grade.label) == (3, "Adequate")
    assert (staying_safe_2006.grade.value, staying_safe_2006.grade.label) == (2, "adequate")
    assert adequate_2012.level == staying_safe_2006.level == Fraction(1, 3)


@pytest.mark.parametrize(
    ("year", "section", "area", "level"),
    [
        (2006, "Local services overall", "Being healthy", Fraction(2, 3)),  # 3: good
        (2010, "", "Children's services assessment", Fraction(2, 3)),  # performs well (3)
        (2012, "Safeguarding services", "Capacity for improvement", Fraction(2, 3)),  # 2: good
    ],
)
def test_good_is_one_below_the_best_on_every_scale(year, section, area, level):
    assert judgement(year, section, area).level == level


def test_every_judgement_names_its_source_and_quotes_its_grade():
    assert not Judgement.objects.filter(source="").exists()
    assert not Judgement.objects.filter(as_published="").exists()
    assert not Recommendation.objects.filter(source="").exists()


def test_history_unauthenticated_goes_to_sign_in(client):
    assert client.get(URL)["Location"].startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.PARTNER_REFERRER, Role.ADMINISTRATOR])
def test_history_refused_to_other_roles(client, role):
    client.force_login(UserFactory(role=role))
    assert client.get(URL).status_code == 403


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.TEAM_MANAGER, Role.INSPECTOR])
def test_history_shows_each_grade_in_its_words_and_logs_the_access(client, role):
    user = UserFactory(role=role)
    client.force_login(user)

    response = client.get(URL)

    body = response.content.decode()
    assert response.status_code == 200
    for words in ("Grade 3 (Adequate)", "Performs well (3)", "3 (good)"):
        assert words in body
    assert "paragraph 11" in body
    assert "(the report gives no day)" in body
    assert AccessLogEntry.objects.filter(user=user, object_ref="inspection:history").exists()
