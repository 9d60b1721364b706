"""Every code set Kinfolio uses, defined once, as data.

DfE code sets hold the codes the CIN census and SSDA903 return ask for; those codes are
what Kinfolio stores, and the labels are for people. Each set's ``source`` names the
validator release and guide it was taken from. Kinfolio's own lists are in ``local``.

Use them in models as ``models.CharField(max_length=PLACEMENT_TYPE.max_length,
choices=PLACEMENT_TYPE.choices)``; offer ``PLACEMENT_TYPE.valid_in(year)`` in forms.

How to update a set when the DfE publishes a new guide or validator release:

1. Install the new ``csc-validator-be-903`` / ``csc-validator-be-cin`` into a throwaway
   virtual environment (they pin old pandas/numpy: never into the project's own).
2. Run ``scripts/check_codesets_against_validators.py`` with that interpreter and
   ``PYTHONPATH`` set to the repository: it lists every code a validator accepts, in
   any year, that our sets do not hold, and every code we offer in a year the
   validator rejects.
3. Add new codes with ``valid_from`` = the first collection year (the year the
   collection ends: 2026 for 2025/26). Never delete a retired code: set ``valid_to`` to
   the last year it was accepted, so stored records stay valid.
4. Take labels from the DfE guide's code table for that year; update ``source`` with
   the validator version and guide year; run ``tests/codesets``.
"""

from kinfolio.codesets.adoption import ADOPTER_LEGAL_STATUS, ADOPTER_SEX, REASON_PLACED_CEASED
from kinfolio.codesets.authorities import LOCAL_AUTHORITY
from kinfolio.codesets.base import Code, CodeSet
from kinfolio.codesets.care_leavers import (
    CARE_LEAVER_ACCOMMODATION,
    CARE_LEAVER_ACTIVITY,
    CARE_LEAVER_IN_TOUCH,
    accommodation_is_suitable,
)
from kinfolio.codesets.children_in_need import (
    ASSESSMENT_FACTORS,
    CATEGORY_OF_NEED,
    CATEGORY_OF_NEED_LOOKED_AFTER,
    CIN_CLOSURE_REASON,
    CP_CATEGORY_OF_ABUSE,
    REFERRAL_SOURCE,
)
from kinfolio.codesets.local import (
    ADOPTER_LEAVING_REASON,
    ALLOCATION_ROLE,
    CHILDS_VOICE_NOT_RECORDED,
    CIN_PLAN_END_REASON,
    CONFERENCE_TYPE,
    CONTACT_OUTCOME,
    CONTACT_SOURCE_AGENCY,
    CONTACT_SOURCE_TO_REFERRAL_SOURCE,
    DEREGISTRATION_REASON,
    EARLY_HELP_CLOSURE_REASON,
    HEALTH_ASSESSMENT_TYPE,
    LADO_OUTCOME,
    MEETING_AGENCY,
    PLACEMENT_NEED,
    PROVIDER_TYPE,
    RELATIONSHIP_TYPE,
    S47_OUTCOME,
    STRATEGY_DECISION,
    TEAM_TYPE,
    VISIT_TYPE,
)
from kinfolio.codesets.looked_after import (
    LEGAL_STATUS,
    MISSING_TYPE,
    PREVIOUS_PERMANENCE,
    REASON_EPISODE_CEASED,
    REASON_NEW_EPISODE,
    REASON_PLACE_CHANGE,
    REVIEW_PARTICIPATION,
    SDQ_REASON,
    SOCIAL_WORKER_CHANGE_REASON,
)
from kinfolio.codesets.people import DISABILITY, ETHNICITY, SEX, SEX_FROM_NUMERIC
from kinfolio.codesets.placements import PLACEMENT_PROVIDER, PLACEMENT_TYPE

DFE_CODE_SETS: tuple[CodeSet, ...] = (
    CATEGORY_OF_NEED,
    CATEGORY_OF_NEED_LOOKED_AFTER,
    CP_CATEGORY_OF_ABUSE,
    REFERRAL_SOURCE,
    ASSESSMENT_FACTORS,
    CIN_CLOSURE_REASON,
    ETHNICITY,
    SEX,
    DISABILITY,
    LEGAL_STATUS,
    REASON_NEW_EPISODE,
    PLACEMENT_TYPE,
    PLACEMENT_PROVIDER,
    REASON_EPISODE_CEASED,
    REASON_PLACE_CHANGE,
    REVIEW_PARTICIPATION,
    MISSING_TYPE,
    SDQ_REASON,
    PREVIOUS_PERMANENCE,
    LOCAL_AUTHORITY,
    CARE_LEAVER_IN_TOUCH,
    CARE_LEAVER_ACTIVITY,
    CARE_LEAVER_ACCOMMODATION,
    ADOPTER_SEX,
    ADOPTER_LEGAL_STATUS,
    REASON_PLACED_CEASED,
    SOCIAL_WORKER_CHANGE_REASON,
)

LOCAL_CODE_SETS: tuple[CodeSet, ...] = (
    CONTACT_OUTCOME,
    CONTACT_SOURCE_AGENCY,
    EARLY_HELP_CLOSURE_REASON,
    RELATIONSHIP_TYPE,
    ALLOCATION_ROLE,
    VISIT_TYPE,
    TEAM_TYPE,
    CONFERENCE_TYPE,
    STRATEGY_DECISION,
    S47_OUTCOME,
    LADO_OUTCOME,
    HEALTH_ASSESSMENT_TYPE,
    PROVIDER_TYPE,
    CHILDS_VOICE_NOT_RECORDED,
    MEETING_AGENCY,
    CIN_PLAN_END_REASON,
    PLACEMENT_NEED,
    DEREGISTRATION_REASON,
    ADOPTER_LEAVING_REASON,
)

ALL_CODE_SETS: tuple[CodeSet, ...] = DFE_CODE_SETS + LOCAL_CODE_SETS

__all__ = [
    "ADOPTER_LEAVING_REASON",
    "ADOPTER_LEGAL_STATUS",
    "ADOPTER_SEX",
    "ALLOCATION_ROLE",
    "ALL_CODE_SETS",
    "ASSESSMENT_FACTORS",
    "CARE_LEAVER_ACCOMMODATION",
    "CARE_LEAVER_ACTIVITY",
    "CARE_LEAVER_IN_TOUCH",
    "CATEGORY_OF_NEED",
    "CHILDS_VOICE_NOT_RECORDED",
    "CATEGORY_OF_NEED_LOOKED_AFTER",
    "CIN_CLOSURE_REASON",
    "CIN_PLAN_END_REASON",
    "CONFERENCE_TYPE",
    "CONTACT_OUTCOME",
    "CONTACT_SOURCE_AGENCY",
    "CONTACT_SOURCE_TO_REFERRAL_SOURCE",
    "CP_CATEGORY_OF_ABUSE",
    "Code",
    "CodeSet",
    "DEREGISTRATION_REASON",
    "DFE_CODE_SETS",
    "DISABILITY",
    "EARLY_HELP_CLOSURE_REASON",
    "ETHNICITY",
    "HEALTH_ASSESSMENT_TYPE",
    "LADO_OUTCOME",
    "LEGAL_STATUS",
    "LOCAL_AUTHORITY",
    "LOCAL_CODE_SETS",
    "MEETING_AGENCY",
    "MISSING_TYPE",
    "PLACEMENT_NEED",
    "PLACEMENT_PROVIDER",
    "PLACEMENT_TYPE",
    "PREVIOUS_PERMANENCE",
    "PROVIDER_TYPE",
    "REASON_EPISODE_CEASED",
    "REASON_NEW_EPISODE",
    "REASON_PLACED_CEASED",
    "REASON_PLACE_CHANGE",
    "REFERRAL_SOURCE",
    "RELATIONSHIP_TYPE",
    "REVIEW_PARTICIPATION",
    "S47_OUTCOME",
    "SDQ_REASON",
    "SEX",
    "SEX_FROM_NUMERIC",
    "SOCIAL_WORKER_CHANGE_REASON",
    "STRATEGY_DECISION",
    "TEAM_TYPE",
    "VISIT_TYPE",
    "accommodation_is_suitable",
]
