import pytest

from kinfolio.accounts.demo_users import DEMO_REFERRALS, create_demo_users
from kinfolio.accounts.models import Role, User
from kinfolio.front_door.models import Contact
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


def test_create_demo_users_gives_the_partner_referrer_the_first_police_contacts():
    ContactFactory(source="2A")  # a school's contact is never theirs
    police = [ContactFactory(source="6") for _ in range(DEMO_REFERRALS + 2)]

    create_demo_users()
    create_demo_users()  # idempotent: the same contacts, the same one user

    referrer = User.objects.get(role=Role.PARTNER_REFERRER)
    mine = Contact.objects.filter(referred_by=referrer).order_by("pk")
    assert list(mine) == police[:DEMO_REFERRALS]
    assert Contact.objects.filter(referred_by__isnull=False).count() == DEMO_REFERRALS
    assert User.objects.filter(role=Role.PARTNER_REFERRER).count() == 1
