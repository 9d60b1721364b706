from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document

from kinfolio.accounts.models import Role
from kinfolio.inspection.models import Recommendation
from kinfolio.inspection.self_evaluation import AREAS, self_evaluation
from tests.factories_accounts import UserFactory
from tests.inspection.factories import make_action

pytestmark = pytest.mark.django_db
URL = reverse("inspection:self-evaluation")


def safeguarding_recommendation() -> Recommendation:
    return Recommendation.objects.filter(section="Safeguarding services").first()


def test_self_evaluation_counts_actions_under_their_area():
    recommendation = safeguarding_recommendation()
    make_action(recommendation=recommendation, due_on=date(2013, 1, 1))  # overdue
    evaluation = self_evaluation(date(2026, 12, 1))
    help_and_protection = evaluation.areas[1]
    assert help_and_protection.name == AREAS[1][0]
    assert help_and_protection.recommendations == 7  # paragraph 19 of the 2012 report
    assert "0 complete, 1 open, of which 1 overdue" in help_and_protection.summary
    assert help_and_protection.figures  # the catalogue's front door and protection figures


def test_self_evaluation_page_and_word_document(client):
    assert client.get(URL)["Location"].startswith(reverse("accounts:sign-in"))
    client.force_login(UserFactory(role=Role.SOCIAL_WORKER))
    assert client.get(URL).status_code == 403
    client.force_login(UserFactory(role=Role.DIRECTOR))

    page = client.get(URL).content.decode()
    download = client.get(URL, {"format": "docx"})

    for name, _, _ in AREAS:
        assert name in page
    document = Document(BytesIO(download.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:4] == [name for name, _, _ in AREAS]
