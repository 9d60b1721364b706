"""factory-boy factories for looked after children, care leavers, adoption, fostering and
LADO records, with the assertions their model tests share.

Each factory builds a consistent record: an episode starts with its period, a foster
household is approved before the placement, a child is looked after when a review is
held. A test changes only the field it is about. ``.build(...)`` with saved parents
gives an unsaved row to ``full_clean()``; ``.create()`` writes it.
"""

import datetime as dt

import factory
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kinfolio.adoption.models import AdopterHousehold, AdoptionPlan, PreviousPermanence
from kinfolio.care_leavers.models import (
    CareLeaverContact,
    CareLeaverStatus,
    Eligibility,
    HealthHistoryGiven,
    PathwayPlan,
    PathwayPlanReview,
    StayingPut,
)
from kinfolio.children_in_care.models import (
    CareEpisode,
    DentalCheck,
    EducationPlacement,
    HealthAssessment,
    Immunisations,
    LACReview,
    MissingEpisode,
    PeriodOfCare,
    PersonalEducationPlan,
    PlacementProvider,
    ReviewRecommendation,
    School,
    SDQScore,
    UASCStatus,
)
from kinfolio.fostering.models import (
    FosterHousehold,
    FosteringReview,
    HouseholdStatus,
    PrivateFosteringArrangement,
)
from kinfolio.lado.models import Allegation, HarmTest, Sector
from tests import factories

D = dt.date


# --- assertions ---------------------------------------------------------------------


def messages_of(error: ValidationError) -> str:
    return " ".join(error.messages)


def assert_constraint_refuses(instance, message: str) -> None:
    """Both Django's constraint validation (with ``message``) and the database refuse
    the row, so neither a form nor ``bulk_create`` can write it."""
    with pytest.raises(ValidationError) as caught:
        instance.validate_constraints()
    assert message in messages_of(caught.value), messages_of(caught.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        instance.save()


def assert_clean_refuses(instance, message: str) -> None:
    """``full_clean()`` (fields, ``clean()`` and constraints) refuses with ``message``."""
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    assert message in messages_of(caught.value), messages_of(caught.value)


def assert_allowed(instance) -> None:
    """``full_clean()`` accepts the row and the database writes it."""
    instance.full_clean()
    instance.save()


# --- people and workforce: tests.factories' with looked-after defaults ---------------


class ChildFactory(factories.ChildFactory):
    local_id = factory.Sequence(lambda n: f"LAC{n:06d}")
    sex = "F"
    date_of_birth = D(2008, 6, 15)


class ServiceFactory(factories.ServiceFactory):
    name = "Children in care"


class TeamFactory(factories.TeamFactory):
    class Meta:
        django_get_or_create = ("name",)

    name = "Children in care team"
    service = factory.SubFactory(ServiceFactory)
    team_type = "children_in_care"


class WorkerFactory(factories.WorkerFactory):
    job_title = "Independent reviewing officer"
    team = factory.SubFactory(TeamFactory)


# --- fostering ------------------------------------------------------------------------


class FosterHouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FosterHousehold

    reference = factory.Sequence(lambda n: f"FH{n:05d}")
    carers = "Jo and Chris Carer"
    status = HouseholdStatus.APPROVED
    approval_date = D(2015, 1, 1)
    approved_places = 2
    postcode = "MK9 1AA"


class FosteringReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FosteringReview

    household = factory.SubFactory(FosterHouseholdFactory)
    review_date = D(2016, 1, 1)


class PrivateFosteringArrangementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PrivateFosteringArrangement

    child = factory.SubFactory(ChildFactory)
    carer_name = "Pat Friend"
    notified_on = D(2020, 3, 1)
    start_date = D(2020, 3, 1)
    first_visit_due_date = D(2020, 3, 10)


# --- children in care -----------------------------------------------------------------


class PlacementProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlacementProvider

    name = factory.Sequence(lambda n: f"Oak House {n}")
    provider_type = "external_childrens_home"
    urn = factory.Sequence(lambda n: f"SC{n:06d}")
    capacity = 4


class PeriodOfCareFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PeriodOfCare

    child = factory.SubFactory(ChildFactory)
    start_date = D(2020, 1, 1)


class CareEpisodeFactory(factory.django.DjangoModelFactory):
    """The first episode of its period unless told otherwise."""

    class Meta:
        model = CareEpisode

    period = factory.SubFactory(PeriodOfCareFactory)
    start_date = factory.LazyAttribute(lambda e: e.period.start_date)
    legal_status = "C2"
    category_of_need = "N1"
    reason_new_episode = "S"
    placement_type = "U4"
    placement_provider = "PR1"


class UASCStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UASCStatus

    child = factory.SubFactory(ChildFactory)
    start_date = D(2020, 1, 1)


class LACReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LACReview

    period = factory.SubFactory(PeriodOfCareFactory)
    child = factory.LazyAttribute(lambda r: r.period.child)
    due_date = D(2020, 1, 29)
    review_date = D(2020, 1, 28)
    participation = "PN1"
    chair = factory.SubFactory(WorkerFactory)
    childs_views = "I like my foster carers and want to see my brother more."


class HealthAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HealthAssessment

    child = factory.SubFactory(ChildFactory)
    kind = "initial"
    due_date = D(2020, 1, 29)


class DentalCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DentalCheck

    child = factory.SubFactory(ChildFactory)
    check_date = D(2020, 6, 1)


class ImmunisationsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Immunisations

    child = factory.SubFactory(ChildFactory)
    checked_on = D(2020, 6, 1)
    up_to_date = True


class SDQScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SDQScore

    child = factory.SubFactory(ChildFactory)
    completed_date = D(2020, 6, 1)
    score = 14


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    name = factory.Sequence(lambda n: f"Oakgrove School {n}")
    urn = factory.Sequence(lambda n: f"{110000 + n}")


class EducationPlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EducationPlacement

    child = factory.SubFactory(ChildFactory)
    school = factory.SubFactory(SchoolFactory)
    start_date = D(2019, 9, 1)


class PersonalEducationPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonalEducationPlan

    period = factory.SubFactory(PeriodOfCareFactory)
    child = factory.LazyAttribute(lambda p: p.period.child)
    due_date = D(2020, 1, 29)


class MissingEpisodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MissingEpisode

    child = factory.SubFactory(ChildFactory)
    missing_type = "M"
    start_date = D(2020, 5, 1)
    end_date = D(2020, 5, 2)
    return_interview_due_date = D(2020, 5, 5)


# --- care leavers ---------------------------------------------------------------------


class CareLeaverStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareLeaverStatus

    child = factory.SubFactory(ChildFactory)
    eligibility = Eligibility.FORMER_RELEVANT
    start_date = D(2026, 6, 15)


class PathwayPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PathwayPlan

    child = factory.SubFactory(ChildFactory)
    start_date = D(2024, 9, 1)
    personal_adviser = factory.SubFactory(WorkerFactory)


class PathwayPlanReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PathwayPlanReview

    plan = factory.SubFactory(PathwayPlanFactory)
    due_date = D(2025, 3, 1)


class CareLeaverContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareLeaverContact

    child = factory.SubFactory(ChildFactory)
    birthday = D(2026, 6, 15)
    contact_date = D(2026, 6, 20)
    in_touch = "YES"
    activity = "F2"
    accommodation = "Z1"


class StayingPutFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StayingPut

    child = factory.SubFactory(ChildFactory)
    start_date = D(2026, 6, 15)


class HealthHistoryGivenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HealthHistoryGiven

    child = factory.SubFactory(ChildFactory)
    given_on = D(2026, 6, 15)


# --- adoption -------------------------------------------------------------------------


class AdopterHouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdopterHousehold

    reference = factory.Sequence(lambda n: f"AH{n:05d}")
    adopters = "Robin and Sam Adopter"
    approval_date = D(2019, 6, 1)
    number_of_adopters = 2
    sex_of_adopters = "MF"
    legal_status = "L11"


class AdoptionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdoptionPlan

    child = factory.SubFactory(ChildFactory)
    adm_decision_date = D(2020, 3, 1)


class PreviousPermanenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PreviousPermanence

    child = factory.SubFactory(ChildFactory)
    permanence_option = "P2"
    order_date = D(2012, 5, 1)
    local_authority = "826"  # Milton Keynes


# --- LADO -----------------------------------------------------------------------------


class AllegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Allegation

    received_on = D(2021, 2, 1)
    subject_name = "Lee Teacher"
    subject_role = "Class teacher"
    subject_employer = "Oakgrove School"
    sector = Sector.EDUCATION
    category = "PHY"
    harm_test = HarmTest.HARMED


class ReviewRecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewRecommendation

    review = factory.SubFactory(LACReviewFactory)
    child = factory.LazyAttribute(lambda r: r.review.child)
    text = "Arrange weekly contact with her brother."
    owner = factory.SubFactory(WorkerFactory)
    due_date = factory.LazyAttribute(lambda r: r.review.review_date + dt.timedelta(days=28))
