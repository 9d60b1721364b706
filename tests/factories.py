"""Small factory-boy factories for tests: a child, a team and worker, and the records of
the child's journey from the front door to child protection. Each builds a consistent
chain (a plan's conference, enquiry, strategy discussion and episode are all about the
same child, in date order) so a test changes only the one field it is about."""

import datetime as dt
from zoneinfo import ZoneInfo

import factory
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kinfolio.assessments.models import Assessment, AssessmentFactor
from kinfolio.casework.models import CaseNote, Document, Visit
from kinfolio.early_help.models import EarlyHelpEpisode, EarlyHelpReview
from kinfolio.front_door.models import Contact, OnlineReferral, PartnerCheck
from kinfolio.people.models import Person
from kinfolio.postcodes.models import PostcodeLocation
from kinfolio.protection.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    CoreGroupMeeting,
    Section47Enquiry,
    StrategyDiscussion,
)
from kinfolio.referrals.models import CINEpisode, CINPlan, CINPlanReview
from kinfolio.workforce.models import Service, Team, Worker

D = dt.date


def located(postcode: str, latitude: float, longitude: float = -0.75) -> PostcodeLocation:
    """A postcode at a hand-made point (tests' own geography, not the ONS's)."""
    return PostcodeLocation.objects.create(
        postcode=postcode,
        latitude=latitude,
        longitude=longitude,
        source="test geography",
        source_date=D(2025, 1, 1),
    )


LONDON = ZoneInfo("Europe/London")


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    """A UK local date and time."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=LONDON)


def errors_of(instance) -> dict[str, list[str]]:
    """What ``full_clean()`` says about an instance: {} when it is valid."""
    try:
        instance.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def assert_db_refuses(instance) -> None:
    """The database itself refuses the row (so bulk_create cannot write it either)."""
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        return
    raise AssertionError(f"the database accepted {instance!r}")


class ChildFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    local_id = factory.Sequence(lambda n: f"C{n:06d}")
    given_name = "Sam"
    family_name = factory.Sequence(lambda n: f"Child{n}")
    sex = "M"
    date_of_birth = D(2015, 6, 1)
    is_child_subject = True


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        django_get_or_create = ("name",)

    name = "Safeguarding"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Locality team {n}")
    service = factory.SubFactory(ServiceFactory)
    team_type = "locality_cin"


class WorkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Worker

    given_name = "Alex"
    family_name = factory.Sequence(lambda n: f"Worker{n}")
    job_title = "Social worker"
    team = factory.SubFactory(TeamFactory)
    start_date = D(2010, 1, 1)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    child = factory.SubFactory(ChildFactory)
    received_at = at(2024, 3, 1)
    source = "2A"
    referrer_name = "Ms Head"
    referrer_agency = "Hillside Primary School"
    concern_summary = "Bruise seen on the child's arm."


class DecidedContactFactory(ContactFactory):
    decision = "referral"
    decided_at = at(2024, 3, 1, 15)
    decided_by = factory.SubFactory(WorkerFactory)


class PartnerCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerCheck

    contact = factory.SubFactory(ContactFactory)
    agency = "police"
    requested_date = D(2024, 3, 1)


class OnlineReferralFactory(factory.django.DjangoModelFactory):
    """A referral a partner sent online, not yet recorded as a contact."""

    class Meta:
        model = OnlineReferral

    referred_by = factory.SubFactory(
        "tests.factories_accounts.UserFactory", role="partner_referrer"
    )
    submitted_at = at(2024, 3, 1, 9)
    source = "2A"
    referrer_role = "Designated safeguarding lead"
    referrer_phone = "01234 567890"
    child_given_name = "Amara"
    child_family_name = "Okafor"
    child_date_of_birth = D(2016, 3, 31)
    concern_summary = "Bruise seen on the child's arm."
    consent_obtained = True


class CINEpisodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CINEpisode

    child = factory.SubFactory(ChildFactory)
    referral_date = D(2024, 3, 4)
    referral_source = "2A"
    primary_need = "N1"
    team = factory.SubFactory(TeamFactory)


class CINPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CINPlan

    cin_episode = factory.SubFactory(CINEpisodeFactory)
    child = factory.SelfAttribute("cin_episode.child")
    start_date = D(2024, 4, 1)
    team = factory.SelfAttribute("cin_episode.team")


class CINPlanReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CINPlanReview

    plan = factory.SubFactory(CINPlanFactory)
    review_date = D(2024, 6, 1)


class EarlyHelpEpisodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EarlyHelpEpisode

    child = factory.SubFactory(ChildFactory)
    start_date = D(2024, 1, 8)
    team = factory.SubFactory(TeamFactory, team_type="early_help")


class EarlyHelpReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EarlyHelpReview

    episode = factory.SubFactory(EarlyHelpEpisodeFactory)
    review_date = D(2024, 2, 1)


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    cin_episode = factory.SubFactory(CINEpisodeFactory)
    child = factory.SelfAttribute("cin_episode.child")
    start_date = D(2024, 3, 5)
    childs_views = "Sam said he likes school."


class AssessmentFactorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssessmentFactor

    assessment = factory.SubFactory(AssessmentFactory)
    factor = "3A"


class StrategyDiscussionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StrategyDiscussion

    cin_episode = factory.SubFactory(CINEpisodeFactory)
    child = factory.SelfAttribute("cin_episode.child")
    discussion_date = D(2024, 3, 6)
    attendee_agencies = "Police, health, school"
    decision = "s47"


class Section47EnquiryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section47Enquiry

    strategy_discussion = factory.SubFactory(StrategyDiscussionFactory)
    child = factory.SelfAttribute("strategy_discussion.child")
    cin_episode = factory.SelfAttribute("strategy_discussion.cin_episode")
    start_date = D(2024, 3, 6)


class InitialConferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChildProtectionConference

    section47 = factory.SubFactory(Section47EnquiryFactory)
    child = factory.SelfAttribute("section47.child")
    conference_type = "initial"
    conference_date = D(2024, 3, 25)
    plan_required = True
    category_of_abuse = "NEG"
    childs_views = "Sam wants to stay at home."


class ChildProtectionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChildProtectionPlan

    initial_conference = factory.SubFactory(InitialConferenceFactory)
    child = factory.SelfAttribute("initial_conference.child")
    cin_episode = factory.SelfAttribute("initial_conference.section47.cin_episode")
    start_date = factory.SelfAttribute("initial_conference.conference_date")
    initial_category = "NEG"
    latest_category = "NEG"


class ReviewConferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChildProtectionConference

    cp_plan = factory.SubFactory(ChildProtectionPlanFactory)
    child = factory.SelfAttribute("cp_plan.child")
    conference_type = "review"
    conference_date = D(2024, 6, 20)
    plan_required = True
    category_of_abuse = "NEG"


class CoreGroupMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoreGroupMeeting

    plan = factory.SubFactory(ChildProtectionPlanFactory)
    meeting_date = D(2024, 4, 5)


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit

    child = factory.SubFactory(ChildFactory)
    kind = "cin"
    visit_date = D(2024, 4, 10)
    worker = factory.SubFactory(WorkerFactory)
    seen = True


class CaseNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseNote

    child = factory.SubFactory(ChildFactory)
    author = factory.SubFactory(WorkerFactory)
    written_at = at(2024, 4, 10, 16)
    note_type = "case_note"
    body = "Visited Sam at home; he showed me his room."


class DocumentFactory(factory.django.DjangoModelFactory):
    """A small PDF on the child's record (tests keep documents in their own folder)."""

    class Meta:
        model = Document

    child = factory.SubFactory(ChildFactory)
    title = "Core group minutes"
    kind = "minutes"
    uploaded_at = at(2024, 4, 10, 16)
    uploaded_by = factory.SubFactory(WorkerFactory)
    file = factory.django.FileField(filename="minutes.pdf", data=b"%PDF-1.4 synthetic")
