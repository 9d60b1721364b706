"""The sizes of synthetic authority Kinfolio can generate, as data.

``demo`` reproduces the facts Ofsted published about Milton Keynes in 2012 (seed 002,
paragraphs 4, 6, 7 and 8) on the census date, moved to the present so that today's
statutory returns and deadlines apply to it. ``large`` is a big English council
(about 2,000 looked after children and 15,000 children in need a year).

Flow rates are deliberately round approximations of the England-wide picture in the
DfE's "Characteristics of children in need" and "Children looked after in England"
releases (DOMAIN.md, "National scale"); they shape the synthetic history and are not
presented anywhere as published figures.
"""

from dataclasses import dataclass, field
from datetime import date

# The demo's census date: seed 002's facts hold on this day. `make demo` passes today's
# date instead so that the demo's deadlines are live; tests use this fixed date.
DEFAULT_CENSUS_DATE = date(2026, 10, 30)


@dataclass(frozen=True)
class TeamSpec:
    name: str
    service: str
    team_type: str
    workers: int
    job_title: str = "Social worker"
    qualified: bool = True


@dataclass(frozen=True)
class CareStock:
    """Looked after children on the census date, by age band (years, inclusive)."""

    under_5: int
    age_5_to_15: int
    age_16_to_17: int
    # Young people aged 16-17 with care leaver status: the looked after 16-17s
    # ("eligible") plus those who left care at 16 or 17 ("relevant").
    care_leavers_16_17: int
    fostered_share: float  # of looked after children, in foster placements
    in_house_fostered_share: float  # of those fostered, with the council's own carers
    fostered_out_of_area_in_house: int
    fostered_out_of_area_ifa: int

    @property
    def total(self) -> int:
        return self.under_5 + self.age_5_to_15 + self.age_16_to_17


@dataclass(frozen=True)
class ProtectionStock:
    """Children subject to a child protection plan on the census date."""

    female: int
    male: int
    unborn: int
    under_5: int  # born children under five (an unborn child is counted apart)
    age_5_to_11: int
    age_12_plus: int
    by_category: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.female + self.male + self.unborn


@dataclass(frozen=True)
class Flows:
    """Yearly volumes and proportions that shape the history before the census date."""

    referrals_per_year: int
    contacts_per_referral: float
    rereferral_share: float  # of referrals, within 12 months of the previous one
    assessed_share: float  # of referrals
    assessment_in_45_share: float
    s47_per_referral: float
    icpc_per_s47: float
    icpc_in_15_share: float
    plan_per_icpc: float
    care_starts_per_year: int
    early_help_per_year: int
    review_on_time_share: float
    missing_share_of_teenagers: float


@dataclass(frozen=True)
class AuthorityProfile:
    size: str
    name: str
    population_0_19: int
    population_source: str
    teams: tuple[TeamSpec, ...]
    care: CareStock
    protection: ProtectionStock
    flows: Flows
    foster_households: int
    in_house_homes: int
    independent_fostering_agencies: int
    external_residential_providers: int
    history_years: int = 4


MK_TEAMS = (
    TeamSpec("Referral and assessment", "Safeguarding", "front_door", 12),
    TeamSpec("Locality north child in need", "Safeguarding", "locality_cin", 9),
    TeamSpec("Locality central child in need", "Safeguarding", "locality_cin", 9),
    TeamSpec("Locality south child in need", "Safeguarding", "locality_cin", 9),
    TeamSpec("Children with disabilities", "Safeguarding", "disabilities", 7),
    TeamSpec(
        "Family advice and support",
        "Early help",
        "early_help",
        10,
        "Family support worker",
        qualified=False,
    ),
    TeamSpec(
        "CAF co-ordinators", "Early help", "early_help", 4, "CAF co-ordinator", qualified=False
    ),
    TeamSpec("Emergency duty", "Safeguarding", "emergency_duty", 5),
    TeamSpec("Children in care", "Children in care", "children_in_care", 14),
    TeamSpec(
        "16+ and leaving care",
        "Children in care",
        "leaving_care",
        8,
        "Personal adviser",
        qualified=False,
    ),
    TeamSpec("Fostering", "Children in care", "fostering", 8, "Supervising social worker"),
    TeamSpec("Adoption", "Children in care", "adoption", 5),
    TeamSpec(
        "Safeguarding and quality assurance",
        "Quality assurance",
        "safeguarding",
        6,
        "Independent reviewing officer",
    ),
    TeamSpec("MASH", "Safeguarding", "front_door", 6, "MASH social worker"),
    TeamSpec("LADO", "Quality assurance", "lado", 1, "Local authority designated officer"),
)

DEMO = AuthorityProfile(
    size="demo",
    name="Kinfolio demo authority",
    population_0_19=66_900,
    population_source="Ofsted, Inspection of safeguarding and looked after children services, "
    "Milton Keynes, published 24 August 2012, paragraph 4",
    teams=MK_TEAMS,
    care=CareStock(
        under_5=72,
        age_5_to_15=191,
        age_16_to_17=22,
        care_leavers_16_17=48,
        fostered_share=0.77,
        in_house_fostered_share=0.76,
        fostered_out_of_area_in_house=46,
        fostered_out_of_area_ifa=23,
    ),
    # 41 children: 61% under five, 39% aged 5-11 (the unborn child is counted among the
    # under-fives in those percentages: 25/41 = 61.0%, 16/41 = 39.0%); categories
    # neglect 53.6% (22), emotional 36.6% (15), sexual 9.8% (4), physical none.
    protection=ProtectionStock(
        female=23,
        male=17,
        unborn=1,
        under_5=24,
        age_5_to_11=16,
        age_12_plus=0,
        by_category={"NEG": 22, "EMO": 15, "SAB": 4},
    ),
    flows=Flows(
        referrals_per_year=1_900,
        contacts_per_referral=2.6,
        rereferral_share=0.20,
        assessed_share=0.9,
        assessment_in_45_share=0.86,
        s47_per_referral=0.15,
        icpc_per_s47=0.3,
        icpc_in_15_share=0.8,
        plan_per_icpc=0.85,
        care_starts_per_year=115,
        early_help_per_year=700,
        review_on_time_share=0.9,
        missing_share_of_teenagers=0.15,
    ),
    foster_households=153,
    in_house_homes=2,
    independent_fostering_agencies=12,
    external_residential_providers=14,
)


def _scaled_teams(factor: int) -> tuple[TeamSpec, ...]:
    teams = []
    for spec in MK_TEAMS:
        copies = (
            1
            if spec.team_type in {"emergency_duty", "safeguarding", "adoption", "lado"}
            else factor
        )
        for number in range(1, copies + 1):
            name = spec.name if copies == 1 else f"{spec.name} {number}"
            workers = spec.workers * (2 if copies == 1 else 1)
            teams.append(
                TeamSpec(
                    name, spec.service, spec.team_type, workers, spec.job_title, spec.qualified
                )
            )
    return tuple(teams)


LARGE = AuthorityProfile(
    size="large",
    name="Kinfolio large authority",
    population_0_19=330_000,
    population_source="Synthetic: a large English council, sized from DOMAIN.md's national scale",
    teams=_scaled_teams(6),
    care=CareStock(
        under_5=380,
        age_5_to_15=1_300,
        age_16_to_17=320,
        care_leavers_16_17=540,
        fostered_share=0.7,
        in_house_fostered_share=0.55,
        fostered_out_of_area_in_house=200,
        fostered_out_of_area_ifa=300,
    ),
    protection=ProtectionStock(
        female=540,
        male=540,
        unborn=20,
        under_5=420,
        age_5_to_11=430,
        age_12_plus=230,
        by_category={"NEG": 550, "EMO": 420, "PHY": 50, "SAB": 40, "MUL": 40},
    ),
    flows=Flows(
        referrals_per_year=8_600,
        contacts_per_referral=2.4,
        rereferral_share=0.22,
        assessed_share=0.9,
        assessment_in_45_share=0.82,
        s47_per_referral=0.3,
        icpc_per_s47=0.35,
        icpc_in_15_share=0.78,
        plan_per_icpc=0.85,
        care_starts_per_year=800,
        early_help_per_year=4_000,
        review_on_time_share=0.88,
        missing_share_of_teenagers=0.2,
    ),
    foster_households=700,
    in_house_homes=8,
    independent_fostering_agencies=40,
    external_residential_providers=60,
)

PROFILES = {profile.size: profile for profile in (DEMO, LARGE)}
