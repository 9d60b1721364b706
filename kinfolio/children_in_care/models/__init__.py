"""Looked after children: periods of care, SSDA903 episodes and placements, reviews,
health, education, missing episodes and UASC status."""

from kinfolio.children_in_care.models.education import (
    EducationPlacement,
    PersonalEducationPlan,
    School,
    VirtualSchoolContact,
)
from kinfolio.children_in_care.models.health import (
    DentalCheck,
    HealthAssessment,
    Immunisations,
    LACReview,
    SDQScore,
)
from kinfolio.children_in_care.models.missing import MissingEpisode
from kinfolio.children_in_care.models.outcomes import Conviction, DevelopmentCheck, SubstanceMisuse
from kinfolio.children_in_care.models.periods import CareEpisode, PeriodOfCare, UASCStatus
from kinfolio.children_in_care.models.providers import OfstedRating, PlacementProvider
from kinfolio.children_in_care.models.recommendations import ReviewRecommendation

__all__ = [
    "CareEpisode",
    "Conviction",
    "DentalCheck",
    "DevelopmentCheck",
    "EducationPlacement",
    "HealthAssessment",
    "Immunisations",
    "LACReview",
    "MissingEpisode",
    "OfstedRating",
    "PeriodOfCare",
    "PersonalEducationPlan",
    "PlacementProvider",
    "ReviewRecommendation",
    "SDQScore",
    "SubstanceMisuse",
    "School",
    "UASCStatus",
    "VirtualSchoolContact",
]
