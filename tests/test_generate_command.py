"""`make demo` runs the generator with --if-empty, so a second run adds nothing."""

import pytest
from django.core.management import CommandError, call_command

from kinfolio.demo_authority.models import GeneratedAuthority
from kinfolio.people.models import Person
from tests.factories import D

pytestmark = pytest.mark.django_db


@pytest.fixture
def already_generated():
    return GeneratedAuthority.objects.create(
        size="demo", seed=2012, census_date=D(2026, 10, 30), seconds=1.0, rows=1
    )


def test_generate_authority_if_empty_does_nothing_the_second_time(already_generated, capsys):
    call_command("generate_authority", "--size", "demo", "--if-empty")
    assert "already generated: nothing to do" in capsys.readouterr().out
    assert GeneratedAuthority.objects.count() == 1
    assert not Person.objects.exists()


def test_generate_authority_refuses_a_database_that_holds_one(already_generated):
    with pytest.raises(CommandError, match="already holds an authority"):
        call_command("generate_authority", "--size", "demo")
