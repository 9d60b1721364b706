"""After an import the children's deadline clocks are stored and their change history
says what was imported, by whom; a dry run leaves neither."""

import pytest

from kinfolio.audit.models import ChangeEvent
from kinfolio.people.models import Person
from kinfolio.returns.cin.importer import import_cin
from kinfolio.returns.ssda903.importer import import_ssda903
from kinfolio.timescales.models import StoredClock
from tests.factories_accounts import UserFactory
from tests.returns.test_ssda903_import import hand_made

CENSUS = """<?xml version="1.0" encoding="utf-8"?>
<Message><Children><Child>
<ChildIdentifiers><LAchildID>C200</LAchildID><UPNunknown>UN1</UPNunknown>
<PersonBirthDate>2015-03-27</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
<ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
<CINdetails><CINreferralDate>2025-10-06</CINreferralDate><ReferralSource>1A</ReferralSource>
<PrimaryNeedCode>N4</PrimaryNeedCode>
<Assessments><AssessmentActualStartDate>2025-10-07</AssessmentActualStartDate></Assessments>
<ReferralNFA>false</ReferralNFA></CINdetails>
</Child></Children></Message>"""


def imported(child: Person) -> list[ChangeEvent]:
    return list(ChangeEvent.objects.filter(child=child, field="import"))


@pytest.fixture
def census(tmp_path):
    path = tmp_path / "census.xml"
    path.write_text(CENSUS)
    return path


def test_a_census_import_stores_clocks_and_history(db, census):
    analyst = UserFactory()
    import_cin(census, by=analyst)
    child = Person.objects.get(local_id="C200")
    clock = StoredClock.objects.get(child=child, rule__key="assessment_45wd")
    assert clock.started_on.isoformat() == "2025-10-06"
    [event] = imported(child)
    assert (event.user, event.new_value) == (analyst, "the CIN census census.xml")


def test_an_ssda903_import_stores_clocks_and_history(db, tmp_path):
    analyst = UserFactory()
    import_ssda903(hand_made(tmp_path / "in"), by=analyst)
    looked_after = Person.objects.get(local_id="A100")  # still looked after
    clock = StoredClock.objects.get(child=looked_after, rule__key="lac_review_first_20wd")
    assert clock.started_on.isoformat() == "2025-06-02"
    for local_id in ("A100", "A101"):
        [event] = imported(Person.objects.get(local_id=local_id))
        assert event.user == analyst
        assert "SSDA903" in event.new_value


def test_a_dry_run_stores_neither(db, census, tmp_path):
    import_cin(census, dry_run=True)
    import_ssda903(hand_made(tmp_path / "in"), dry_run=True)
    assert not StoredClock.objects.exists()
    assert not ChangeEvent.objects.exists()
