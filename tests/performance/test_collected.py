"""Collected indicators: entering a value (with its source and who entered it), changing
it without losing anyone's change, importing a CSV file all or nothing, and who may."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import ChangeEvent
from kinfolio.core.versions import StaleRecord
from kinfolio.performance.models import CollectedFigure
from kinfolio.performance.services.collected import (
    import_collected_values,
    record_collected_value,
)
from tests.factories_accounts import UserFactory

pytestmark = pytest.mark.django_db
POPULATION = "population_0_17"
LIST = reverse("performance:collected")
DETAIL = reverse("performance:collected-indicator", args=[POPULATION])
ENTER = reverse("performance:enter-collected", args=[POPULATION])
IMPORT = reverse("performance:import-collected")
ONS = "ONS mid-year population estimates, mid-2024, published 2025"


def csv_file(text: str, name: str = "values.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


@pytest.fixture
def analyst():
    return UserFactory(role=Role.PERFORMANCE_ANALYST, first_name="Priya", last_name="Shah")


# Who may use the pages: unauthenticated, unauthorised, success.


@pytest.mark.parametrize("url", [LIST, DETAIL, ENTER, IMPORT])
def test_collected_pages_unauthenticated_go_to_sign_in(client, url):
    assert client.get(url)["Location"].startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize("url", [ENTER, IMPORT])
@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.SERVICE_MANAGER, Role.SOCIAL_WORKER])
def test_only_performance_staff_enter_or_import(client, url, role):
    client.force_login(UserFactory(role=role))
    assert client.get(url).status_code == 403


def test_a_director_reads_the_values_without_the_entry_links(client):
    client.force_login(UserFactory(role=Role.DIRECTOR))
    page = client.get(DETAIL).content.decode()
    assert "ONS mid-year population estimates" in page
    assert ENTER not in page


def test_an_analyst_enters_a_value_seen_with_source_and_who_entered_it(client, analyst):
    client.force_login(analyst)
    response = client.post(ENTER, {"period": "2024-25", "value": "52,310", "source": ONS})
    assert response.status_code == 302
    figure = CollectedFigure.objects.get(indicator_id=POPULATION)
    assert (figure.period, figure.value, figure.source) == ("2024-25", Decimal(52310), ONS)
    assert figure.entered_by == analyst
    page = client.get(LIST).content.decode()
    assert "52,310" in page
    assert ONS in page
    assert "Priya Shah" in page


def test_the_entry_form_refuses_with_govuk_messages_on_the_fields(client, analyst):
    client.force_login(analyst)
    missing = client.post(ENTER, {"period": "2024-25", "value": "", "source": ""})
    assert "Enter the value" in missing.content.decode()
    assert "Enter where the value comes from" in missing.content.decode()
    wrong = client.post(ENTER, {"period": "2024-25-q1", "value": "many", "source": ONS})
    page = wrong.content.decode()
    assert wrong.status_code == 200
    assert "There is a problem" in page
    assert "Enter a financial year, such as 2024-25" in page
    assert "Value must be a number" in page
    assert not CollectedFigure.objects.exists()


# The service's rules.


@pytest.mark.parametrize(
    ("period", "value", "field", "message"),
    [
        ("2024", "1", "period", "'2024' is not a period"),
        ("2024-25-q1", "1", "period", "Enter a financial year, such as 2024-25"),
        ("2024-25", "-3", "value", "Value must be 0 or more"),
        ("2024-25", "52310.5", "value", "Value must be a whole number"),
        ("2024-25", "lots", "value", "Value must be a number"),
    ],
)
def test_values_are_checked_against_their_indicator(analyst, period, value, field, message):
    with pytest.raises(ValidationError) as refused:
        record_collected_value(
            indicator_id=POPULATION, period=period, value=value, source=ONS, by=analyst
        )
    assert any(message in m for m in refused.value.message_dict[field])


def test_a_percentage_is_at_most_100(analyst):
    with pytest.raises(ValidationError, match="100 or less"):
        record_collected_value(
            indicator_id="social_worker_vacancy_rate",
            period="2024-25",
            value="101",
            source="Workforce return",
            by=analyst,
        )


def test_a_change_keeps_the_history_and_refuses_a_stale_version(analyst):
    first = record_collected_value(
        indicator_id=POPULATION, period="2024-25", value="52000", source=ONS, by=analyst
    )
    with pytest.raises(ValidationError, match="already recorded"):
        record_collected_value(
            indicator_id=POPULATION, period="2024-25", value="1", source=ONS, by=analyst
        )
    changed = record_collected_value(
        indicator_id=POPULATION,
        period="2024-25",
        value="52310",
        source=ONS,
        by=analyst,
        opened_version=first.version,
    )
    assert changed.version == first.version + 1
    with pytest.raises(StaleRecord):
        record_collected_value(
            indicator_id=POPULATION,
            period="2024-25",
            value="9",
            source=ONS,
            by=analyst,
            opened_version=first.version,
        )
    values = ChangeEvent.objects.filter(object_id=str(first.pk), field="value")
    assert [(e.old_value, e.new_value) for e in values.order_by("pk")] == [
        ("", "52,000"),
        ("52,000", "52,310"),
    ]
    named = ChangeEvent.objects.get(object_id=str(first.pk), field="indicator")
    assert (named.field_label, named.new_value) == (
        "Indicator",
        "Children aged 0 to 17 living in the authority",
    )


def test_the_change_page_opens_the_value_and_shows_its_history(client, analyst):
    record_collected_value(
        indicator_id=POPULATION, period="2024-25", value="52000", source=ONS, by=analyst
    )
    client.force_login(analyst)
    assert 'value="52000' in client.get(ENTER, {"period": "2024-25"}).content.decode()
    response = client.post(
        f"{ENTER}?period=2024-25",
        {"period": "2024-25", "value": "52310", "source": ONS, "opened_version": 1},
    )
    assert response.status_code == 302
    page = client.get(DETAIL).content.decode()
    assert "52,310" in page
    assert '<td class="govuk-table__cell">52,000</td>' in page  # was, in the history
    assert "52000" not in page
    assert client.get(ENTER, {"period": "2023-24"}).status_code == 404


def test_a_percentage_shows_in_its_unit_in_the_values_and_history(client, analyst):
    record_collected_value(
        indicator_id="social_worker_vacancy_rate",
        period="2024-25",
        value="14.5",
        source="Workforce return",
        by=analyst,
    )
    [event] = ChangeEvent.objects.filter(field="value")
    assert (event.old_value, event.new_value) == ("", "14.5%")
    client.force_login(analyst)
    detail = reverse("performance:collected-indicator", args=["social_worker_vacancy_rate"])
    assert client.get(detail).content.decode().count("14.5%") == 2  # the value and its history


def test_entering_a_value_and_changing_one_keep_separate_drafts(client, analyst):
    record_collected_value(
        indicator_id=POPULATION, period="2024-25", value="52000", source=ONS, by=analyst
    )
    client.force_login(analyst)
    change = f"{ENTER}?period=2024-25"
    # Each form is left with a wrong answer, which is kept as its draft.
    client.post(ENTER, {"period": "2025-26", "value": "53 thousand", "source": ONS})
    client.post(change, {"period": "2024-25", "value": "52 thousand", "source": ONS})

    entering = client.get(ENTER).content.decode()
    changing = client.get(ENTER, {"period": "2024-25"}).content.decode()
    assert 'value="53 thousand"' in entering
    assert "52 thousand" not in entering
    assert 'value="52 thousand"' in changing
    assert "53 thousand" not in changing


# Importing a CSV file: every row or none.


def test_an_import_writes_every_row(analyst):
    imported = import_collected_values(
        file=csv_file(
            "indicator,period,value,source\n"
            f"population_0_17,2023-24,51900,{ONS}\n"
            f'population_0_17,2024-25,"52,310",{ONS}\n'
            "social_worker_vacancy_rate,2024-25,14.5,Workforce return 2024\n"
        ),
        by=analyst,
    )
    assert len(imported) == 3
    assert CollectedFigure.objects.get(period="2024-25", indicator_id=POPULATION).value == 52310


def test_an_import_with_any_wrong_row_writes_nothing_and_names_the_rows(analyst):
    with pytest.raises(ValidationError) as refused:
        import_collected_values(
            file=csv_file(
                "indicator,period,value,source\n"
                f"population_0_17,2023-24,51900,{ONS}\n"
                f"population_0_17,2024,52310,{ONS}\n"
                f"children_born,2024-25,10,{ONS}\n"
                "social_worker_vacancy_rate,2024-25,14.5,\n"
                f"population_0_17,2023-24,51901,{ONS}\n"
            ),
            by=analyst,
        )
    problems = refused.value.message_dict["file"]
    assert problems == [
        "Row 3: '2024' is not a period: use 2024-25, 2024-25-q1 or 2024-05-m",
        "Row 4: There is no collected indicator 'children_born'",
        "Row 5: Enter where the value comes from",
        "Row 6: population_0_17 for 2023-24 is also on row 2",
    ]
    assert not CollectedFigure.objects.exists()


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (csv_file("indicator,period,value,source\n", "values.xlsx"), "must be a CSV"),
        (csv_file(""), "The selected file is empty"),
        (csv_file("indicator,year,value\nx,y,z\n"), "must have the columns"),
        (csv_file("indicator,period,value,source\n"), "no values below its header"),
        (SimpleUploadedFile("v.csv", b"\xff\xfe\x00bad"), "saved as UTF-8"),
    ],
)
def test_an_unreadable_file_is_refused(analyst, file, message):
    with pytest.raises(ValidationError, match=message):
        import_collected_values(file=file, by=analyst)


def test_the_import_page_lists_the_problems_and_imports_a_good_file(client, analyst):
    client.force_login(analyst)
    bad = client.post(IMPORT, {"file": csv_file("indicator,period,value,source\nx,2024-25,1,s\n")})
    assert "Row 2: There is no collected indicator" in bad.content.decode()
    good = client.post(
        IMPORT,
        {"file": csv_file(f"indicator,period,value,source\npopulation_0_17,2024-25,52310,{ONS}\n")},
    )
    assert good.status_code == 302
    assert CollectedFigure.objects.get().entered_by == analyst
