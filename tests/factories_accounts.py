"""Factories for sign-ins: a user in a role, optionally with a worker in a team."""

import factory

from kinfolio.accounts.models import Role, User
from tests.factories import WorkerFactory


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Jo"
    last_name = factory.Sequence(lambda n: f"User{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@council.example")
    role = Role.SOCIAL_WORKER
    password = factory.django.Password("correct-horse-battery-staple")


def staff(role: str = Role.SOCIAL_WORKER, *, team=None, **kwargs) -> User:
    """A user with a current worker record in ``team`` (a new team when none given)."""
    user = UserFactory(role=role, **kwargs)
    if team is None:
        WorkerFactory(user=user)
    else:
        WorkerFactory(user=user, team=team)
    return user
