"""Milton Keynes Council's Children and Families Plan 2015/16, as published: its 20 key
performance indicators with their targets (15 marked for the corporate dashboard) and
its 26 numbered commitments under six headings. Loaded by a migration as a
demonstration of the plan tracker; any plan can be entered the same way.

Seven of the indicators are ones Kinfolio computes (``indicator_id``); the others come
from outside social care records and are collected with their source.
"""

PLAN = {
    "name": "Children and Families Plan 2015/16",
    "first_year": 2015,
    "source": "Milton Keynes Council, Children and Families Plan 2015/16: Together for "
    "Children and Families (Final, update), 2015",
}

# number, name, unit, target, polarity, corporate dashboard, indicator id, complement
INDICATORS = [
    (
        1,
        "Percentage of 2 year olds who take up free early education as a percentage of those eligible",
        "%",
        92,
        "high",
        True,
        "",
        False,
    ),
    (
        2,
        "Percentage of 3 to 4 year olds who take up free early education as a percentage of those eligible",
        "%",
        95,
        "high",
        True,
        "",
        False,
    ),
    (
        3,
        "Percentage of early years providers that are good or outstanding",
        "%",
        82,
        "high",
        True,
        "",
        False,
    ),
    (4, "Percentage of schools that are good or outstanding", "%", 84, "high", True, "", False),
    (
        5,
        "Percentage of pupils achieving Level 4 or better in reading, writing and maths at Key Stage 2",
        "%",
        80,
        "high",
        True,
        "",
        False,
    ),
    (
        6,
        "Percentage of pupils achieving 5 or more GCSEs at grades A*-C, including English and Maths",
        "%",
        56,
        "high",
        True,
        "",
        False,
    ),
    (
        7,
        "Percentage of looked after children attending a good or outstanding school",
        "%",
        84,
        "high",
        True,
        "",
        False,
    ),
    (
        8,
        "Percentage of young people aged 16-19 who are not in education, employment or training",
        "%",
        4,
        "low",
        True,
        "",
        False,
    ),
    (
        9,
        "Align the local percentage of looked after children placed in residential provision with national average",
        "%",
        10,
        "low",
        True,
        "childrens_homes",
        False,
    ),
    (
        10,
        "Percentage of care leavers who are in education, employment or training",
        "%",
        79,
        "high",
        True,
        "care_leavers_eet_19_21",
        False,
    ),
    (
        11,
        "Percentage of child protection family court cases completed within 26 weeks",
        "%",
        75,
        "high",
        False,
        "",
        False,
    ),
    (
        12,
        "Percentage of children in care with less than three or more placements during the year (stability)",
        "%",
        88,
        "high",
        True,
        "three_or_more_placements",
        True,
    ),
    (
        13,
        "Percentage of care leavers in suitable accommodation",
        "%",
        95,
        "high",
        True,
        "care_leavers_accommodation_19_21",
        False,
    ),
    (
        14,
        "Percentage of children started to be looked after with an initial health assessment within 28 working days",
        "%",
        90,
        "high",
        True,
        "initial_health_assessments_28wd",
        False,
    ),
    (
        15,
        "Average time (days) between court authority to place a child and the LA matching an adoptive family",
        "days",
        274,
        "low",
        True,
        "adoption_a2",
        False,
    ),
    (
        16,
        "Percentage of SEN Statements successfully converted to Education Health and Care (EHC) Plans",
        "%",
        40,
        "high",
        False,
        "",
        False,
    ),
    (
        17,
        "Number of first time entrants (per 100,000 of the 10-17 population) to the youth justice system",
        "per 100,000",
        450,
        "low",
        True,
        "",
        False,
    ),
    (
        18,
        "Number of families identified and worked with as part of the local Troubled Families programme",
        "number",
        257,
        "high",
        False,
        "",
        False,
    ),
    (
        19,
        "Percentage of agency front line social workers",
        "%",
        15,
        "low",
        False,
        "agency_social_workers",
        False,
    ),
    (
        20,
        "Sickness target- number of days (Children and Families combined)",
        "days",
        6.83,
        "low",
        False,
        "",
        False,
    ),
]

GREAT_START = "Getting off to a great start"
SCHOOL_PLACE = "A good school place"
PARENTS = "Support for parents"
YOUNG_PEOPLE = "Services for young people"
SAFE = "Keeping children safe"
IN_CARE = "Children in our care"

COMMITMENTS = [
    (
        1,
        GREAT_START,
        "Continue to develop new provision and widen access to high quality early years education and childcare places for 2, 3 and 4 year olds.",
    ),
    (
        2,
        GREAT_START,
        "Refresh our arrangements for providing quality improvement advice and guidance to the early years sector and the support we offer for training and development.",
    ),
    (
        3,
        SCHOOL_PLACE,
        "Deliver an ambitious programme of new school openings and expansions of existing schools, on time and within budget.",
    ),
    (
        4,
        SCHOOL_PLACE,
        "Continue to improve our school place planning to meet demand from existing and new areas of the borough and ensure our admissions service supports parents to secure a school place and tracks those children out of school.",
    ),
    (
        5,
        SCHOOL_PLACE,
        "Challenge and support all our schools to improve, linking improvement partners to all LA maintained schools, using improvement boards where necessary.",
    ),
    (
        6,
        SCHOOL_PLACE,
        "Deliver a comprehensive governor support programme designed to improve the quality and effectiveness of school governance.",
    ),
    (
        7,
        SCHOOL_PLACE,
        "Support the local system, underpinned by our four teaching schools, to move towards a self sustaining model of school improvement.",
    ),
    (
        8,
        SCHOOL_PLACE,
        "Continue our investment in targeted support programmes and activities, including work with some Black and Ethnic Minority groups and white British children from low income families.",
    ),
    (
        9,
        SCHOOL_PLACE,
        "Embed the national interagency special educational needs and disability reforms.",
    ),
    (
        10,
        SCHOOL_PLACE,
        "Ensure that specialist provision in both mainstream and special schools is sufficient and children are in appropriate settings matched to need.",
    ),
    (
        11,
        PARENTS,
        "Reshape and refresh our children's centre services, giving schools a greater role in the running of services and developing a more co-operative approach which will let parents get more involved in designing and delivering activities.",
    ),
    (
        12,
        PARENTS,
        "Ensure specific programmes, like those designed to support breastfeeding and tackle childhood obesity are offered as widely as possible.",
    ),
    (
        13,
        PARENTS,
        "Work with our health colleagues to ensure the effective delivery of the objectives set out in our local Health and Wellbeing Strategy.",
    ),
    (
        14,
        PARENTS,
        "Further develop our early help case work service (Children and Families Practices) by linking it with wider family support teams and ensuring that it is as effective and efficient as possible.",
    ),
    (
        15,
        PARENTS,
        "Design, agree and deliver our local targets for the next phase of the Troubled Families programme.",
    ),
    (
        16,
        PARENTS,
        "Work with our partners on identifying and utilising their contribution to turning around those families in our local programme.",
    ),
    (
        17,
        YOUNG_PEOPLE,
        "Reshape and refresh our youth work offer, retaining a specific targeted information, advice and guidance team and linking these services with our community learning service.",
    ),
    (
        18,
        YOUNG_PEOPLE,
        "Review and improve the way we work to reduce first time youth entrants to criminal justice.",
    ),
    (
        19,
        YOUNG_PEOPLE,
        "Work with our partners to deliver the 2015/16 Milton Keynes Youth Justice Plan.",
    ),
    (
        20,
        SAFE,
        "Ensure the ongoing effective operation of our multi agency safeguarding hub (MASH).",
    ),
    (
        21,
        SAFE,
        "Ensure the effective development, retention and recruitment of managers and front line staff across the service.",
    ),
    (
        22,
        SAFE,
        "Embed and ensure the sustainability of reforms to family court processes (26 week completion of care proceedings and Family Drug and Alcohol Court pilot).",
    ),
    (
        23,
        SAFE,
        "Ensure the development and co-ordination of effective inter agency work to tackle child sexual exploitation.",
    ),
    (
        24,
        IN_CARE,
        "Ensure wherever possible we move young people from 'at a distance' residential placements to placements which are either in or close to Milton Keynes or to the young person's birth family, including intensively supported rehabilitation.",
    ),
    (
        25,
        IN_CARE,
        "Deliver placement stability work to maintain the improvements we achieved in 2014/15.",
    ),
    (
        26,
        IN_CARE,
        "Develop our 'virtual school' for children in care, strengthening our capacity to challenge and support schools to secure the very best educational outcomes possible for this vulnerable group.",
    ),
]


def load(apps) -> None:
    """Create the plan, its indicators and commitments (for a migration: ``apps``)."""
    Plan = apps.get_model("performance", "Plan")
    plan = Plan.objects.create(**PLAN)
    PlanIndicator = apps.get_model("performance", "PlanIndicator")
    PlanIndicator.objects.bulk_create(
        PlanIndicator(
            plan=plan,
            number=number,
            name=name,
            unit=unit,
            target=target,
            polarity=polarity,
            corporate_dashboard=corporate,
            indicator_id=indicator_id,
            complement=complement,
        )
        for number, name, unit, target, polarity, corporate, indicator_id, complement in INDICATORS
    )
    Commitment = apps.get_model("performance", "Commitment")
    Commitment.objects.bulk_create(
        Commitment(plan=plan, number=number, heading=heading, text=text)
        for number, heading, text in COMMITMENTS
    )


def load_targets(apps) -> None:
    """The plan's targets for the indicators Kinfolio computes (it sets no tolerance)."""
    Target = apps.get_model("performance", "Target")
    Target.objects.bulk_create(
        Target(
            indicator_id=indicator_id,
            year=PLAN["first_year"],
            value=100 - target if complement else target,
            source=f"{PLAN['name']}, indicator {number}",
        )
        for number, _, _, target, _, _, indicator_id, complement in INDICATORS
        if indicator_id
    )
