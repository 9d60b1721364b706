"""Kinfolio's own code sets: lists the DfE does not publish but a case record needs.

These are Kinfolio's lists, not statutory ones: a local authority may need to add to
them, and none of them is sent to the DfE as it is. Where a local list has to become a
DfE code in a return, the mapping is written here beside it (see
``CONTACT_SOURCE_TO_REFERRAL_SOURCE``). Codes are lower-case words so that the stored
value reads on its own; never rename one that has been stored.
"""

from kinfolio.codesets.base import Code, CodeSet

LOCAL = "Kinfolio local list"


def _local(name: str, *pairs: tuple[str, str]) -> CodeSet:
    return CodeSet(name=name, source=LOCAL, codes=tuple(Code(c, label) for c, label in pairs))


CONTACT_OUTCOME = _local(
    "Contact outcome",
    ("no_further_action", "No further action"),
    ("advice_information", "Advice and information given"),
    ("early_help", "Early help"),
    ("referral", "Referral to children's social care"),
    ("already_open", "Already open to children's social care"),
    ("strategy_discussion", "Strategy discussion now: immediate risk of significant harm"),
)

CONTACT_SOURCE_AGENCY = _local(
    "Source of contact",
    ("family", "Family member, relative or carer"),
    ("acquaintance", "Acquaintance, neighbour or child minder"),
    ("self", "The child or young person"),
    ("member_of_public", "Other individual or member of the public"),
    ("school", "School"),
    ("education_services", "Education services"),
    ("gp", "GP"),
    ("health_visitor", "Health visitor"),
    ("school_nurse", "School nurse"),
    ("primary_health_other", "Other primary health services"),
    ("emergency_department", "Accident and emergency department"),
    ("health_other", "Other health services"),
    ("housing", "Housing"),
    ("adult_social_care", "Adult social care"),
    ("la_other_internal", "Other local authority department (for example youth justice)"),
    ("other_local_authority", "Another local authority"),
    ("early_help", "Early help"),
    ("police", "Police"),
    ("legal_agency", "Courts, probation, immigration, Cafcass or prison"),
    ("voluntary_sector", "Voluntary or independent organisation, children's centre"),
    ("anonymous", "Anonymous"),
    ("unknown", "Not known"),
)

# Contact source to CIN census source of referral (REFERRAL_SOURCE).
CONTACT_SOURCE_TO_REFERRAL_SOURCE = {
    "family": "1A",
    "acquaintance": "1B",
    "self": "1C",
    "member_of_public": "1D",
    "school": "2A",
    "education_services": "2B",
    "gp": "3A",
    "health_visitor": "3B",
    "school_nurse": "3C",
    "primary_health_other": "3D",
    "emergency_department": "3E",
    "health_other": "3F",
    "housing": "4",
    "adult_social_care": "5A",
    "la_other_internal": "5B",
    "other_local_authority": "5C",
    "early_help": "5D",
    "police": "6",
    "legal_agency": "7",
    "voluntary_sector": "8",
    "anonymous": "9",
    "unknown": "10",
}

EARLY_HELP_CLOSURE_REASON = _local(
    "Reason early help closed",
    ("outcomes_achieved", "Outcomes achieved"),
    ("family_declined", "Family declined or withdrew consent"),
    ("disengaged", "Family disengaged"),
    ("stepped_up", "Stepped up to children's social care"),
    ("moved_away", "Moved out of the area"),
    ("transferred", "Transferred to another service"),
    ("other", "Other"),
)

RELATIONSHIP_TYPE = _local(
    "Relationship to the child",
    ("mother", "Mother"),
    ("father", "Father"),
    ("step_parent", "Step-parent"),
    ("partner_of_parent", "Partner of parent"),
    ("sibling", "Sibling"),
    ("half_sibling", "Half-sibling"),
    ("step_sibling", "Step-sibling"),
    ("grandparent", "Grandparent"),
    ("aunt_uncle", "Aunt or uncle"),
    ("other_relative", "Other relative"),
    ("special_guardian", "Special guardian"),
    ("adoptive_parent", "Adoptive parent"),
    ("foster_carer", "Foster carer"),
    ("family_friend", "Family friend"),
    ("professional", "Professional"),
    ("other", "Other"),
)

ALLOCATION_ROLE = _local(
    "Allocation role",
    ("social_worker", "Allocated social worker"),
    ("personal_adviser", "Personal adviser"),
    ("iro", "Independent reviewing officer"),
    ("early_help_practitioner", "Early help practitioner"),
    ("fostering_social_worker", "Fostering social worker"),
)

VISIT_TYPE = _local(
    "Visit type",
    ("cin", "Child in need visit"),
    ("cp", "Child protection visit"),
    ("looked_after", "Looked after statutory visit"),
    ("private_fostering", "Private fostering visit"),
    ("care_leaver", "Care leaver contact"),
)

TEAM_TYPE = _local(
    "Team type",
    ("front_door", "Referral and assessment / MASH"),
    ("locality_cin", "Locality child in need"),
    ("disabilities", "Children with disabilities"),
    ("early_help", "Family support / early help"),
    ("emergency_duty", "Emergency duty"),
    ("children_in_care", "Children in care"),
    ("leaving_care", "Leaving care (16+)"),
    ("fostering", "Fostering"),
    ("adoption", "Adoption"),
    ("safeguarding", "IRO / safeguarding"),
    ("lado", "LADO"),
    ("business_support", "Business support"),
)

CONFERENCE_TYPE = _local(
    "Child protection conference type",
    ("initial", "Initial child protection conference"),
    ("review", "Review child protection conference"),
    ("transfer_in", "Transfer-in conference"),
)

STRATEGY_DECISION = _local(
    "Strategy discussion decision",
    ("s47", "Section 47 enquiry"),
    ("no_s47_single_agency", "No section 47 enquiry: single agency assessment or support"),
    ("no_s47_cin", "No section 47 enquiry: continue as child in need"),
    ("no_further_action", "No further action"),
)

S47_OUTCOME = _local(
    "Section 47 enquiry outcome",
    ("icpc", "Initial child protection conference"),
    ("no_icpc_cin_plan", "No conference: child in need plan"),
    ("no_further_action", "No further action"),
)

LADO_OUTCOME = _local(
    "LADO allegation outcome",
    ("substantiated", "Substantiated"),
    ("unsubstantiated", "Unsubstantiated"),
    ("unfounded", "Unfounded"),
    ("false", "False"),
    ("malicious", "Malicious"),
)

HEALTH_ASSESSMENT_TYPE = _local(
    "Health assessment type",
    ("initial", "Initial health assessment"),
    ("review", "Review health assessment"),
)

PROVIDER_TYPE = _local(
    "Provider type",
    ("in_house_fostering", "In-house foster care"),
    ("ifa", "Independent fostering agency"),
    ("in_house_childrens_home", "In-house children's home"),
    ("external_childrens_home", "External children's home"),
    ("other_local_authority", "Other local authority"),
    ("supported_accommodation", "Supported accommodation"),
    ("secure_unit", "Secure unit"),
    ("parent_and_child", "Parent and child unit"),
    ("adoption_agency", "Adoption agency"),
)

# What a child needs of a placement, matched in placement search against what a foster
# household is approved to meet.
PLACEMENT_NEED = _local(
    "Placement need",
    ("emergency", "Emergency placement (the same day)"),
    ("short_breaks", "Short breaks"),
    ("disability", "Disabled children"),
    ("sibling_group", "Brothers and sisters together"),
    ("parent_and_child", "Parent and child"),
    ("teenagers", "Teenagers"),
    ("remand", "Remand"),
)

# Why a foster household stopped fostering.
DEREGISTRATION_REASON = _local(
    "Why a foster household was deregistered",
    ("resigned", "The carers resigned"),
    ("retired", "The carers retired"),
    ("transferred", "Transferred to another fostering service"),
    ("approval_ended", "Approval ended after a review"),
    ("adopted_or_sgo", "The child stays under adoption or special guardianship"),
    ("other", "Another reason"),
)

# Why adopters left the adoption process (Ofsted's Annex A list 11 asks for a reason).
ADOPTER_LEAVING_REASON = _local(
    "Why adopters left the adoption process",
    ("adoption_order", "A child's adoption order was made and they are not adopting again"),
    ("withdrew", "The adopters withdrew"),
    ("not_approved", "Not approved"),
    ("approval_ended", "Approval ended after a review"),
    ("transferred", "Transferred to another agency"),
    ("other", "Another reason"),
)

# Why the child's own words are not on a record. The 2012 inspection found the child's
# views too often missing (Ofsted, 2012): a record without them must say why, choosing
# one of these and explaining.
CHILDS_VOICE_NOT_RECORDED = _local(
    "Why the child's views are not recorded",
    ("too_young", "Too young to express views (observations recorded instead)"),
    ("communication_needs", "Communication needs not yet met (for example no interpreter)"),
    ("declined", "The child declined to share their views"),
    ("not_seen", "The child was not seen"),
    ("unborn", "Unborn child"),
    ("other", "Another reason"),
)

MEETING_AGENCY = _local(
    "Agency at a multi-agency meeting",
    ("social_care", "Children's social care"),
    ("police", "Police"),
    ("health", "Health"),
    ("education", "Education"),
    ("probation", "Probation"),
    ("housing", "Housing"),
    ("family", "Parent, carer or family member"),
    ("other", "Other agency"),
)

CIN_PLAN_END_REASON = _local(
    "Why a child in need plan ended",
    ("no_longer_in_need", "No longer a child in need"),
    ("stepped_down_early_help", "Stepped down to early help"),
    ("cp_plan", "Became subject to a child protection plan"),
    ("looked_after", "Became looked after"),
    ("transferred", "Transferred to another local authority"),
    ("other", "Other"),
)
