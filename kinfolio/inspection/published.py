# ruff: noqa: E501  (published wording is kept on one line per item, as printed)
"""The council's inspection history as published, loaded by migration 0002.

Wording is copied from the documents; each judgement and recommendation names the
paragraph or section it comes from. Nothing here is inferred: where a document gives
no day (the 2006 joint area review) the date is left empty, and the 2018 annual
engagement letter, which grades nothing, has no judgements.

Sources (Milton Keynes):
- Ofsted and partner inspectorates, Joint area review of children's services, 2006.
- Ofsted, Annual children's services assessment letter, 9 December 2010.
- Ofsted, Inspection of safeguarding and looked after children services, published
  24 August 2012 (inspection 9 to 20 July 2012).
- Ofsted, Annual engagement meeting letter, 27 March 2018 (meeting 12 March 2018).
"""

from datetime import date

SCALES = [
    {
        "key": "jar-2005",
        "name": "Joint area review grades",
        "framework": "Framework for the Inspection of Children's Services (Children Act 2004, section 20)",
        "valid_from": date(2005, 9, 1),
        "valid_to": date(2009, 3, 31),
        "highest_is_best": True,
        "source": "Joint area review, Milton Keynes, 2006: Grades",
        "grades": [
            (4, "outstanding", ""),
            (3, "good", ""),
            (2, "adequate", ""),
            (1, "inadequate", ""),
        ],
    },
    {
        "key": "annual-assessment-2009",
        "name": "Annual children's services assessment",
        "framework": "Annual children's services assessment (Education and Inspections Act 2006, section 138)",
        "valid_from": date(2009, 4, 1),
        "valid_to": None,
        "highest_is_best": True,
        "source": "Ofsted, Annual children's services assessment letter, Milton Keynes, 2010",
        "grades": [
            (
                4,
                "Performs excellently",
                "An organisation that significantly exceeds minimum requirements",
            ),
            (3, "Performs well", "An organisation that exceeds minimum requirements"),
            (2, "Performs adequately", "An organisation that meets only minimum requirements"),
            (1, "Performs poorly", "An organisation that does not meet minimum requirements"),
        ],
    },
    {
        "key": "safeguarding-lac-2009",
        "name": "Inspection of safeguarding and looked after children services",
        "framework": "Inspection of safeguarding and looked after children services (Children Act 2004)",
        "valid_from": date(2009, 6, 1),
        "valid_to": None,
        "highest_is_best": False,
        "source": "Ofsted, Inspection of safeguarding and looked after children services, Milton Keynes, 2012, paragraph 3",
        "grades": [
            (1, "Outstanding", "A service that significantly exceeds minimum requirements"),
            (2, "Good", "A service that exceeds minimum requirements"),
            (3, "Adequate", "A service that only meets minimum requirements"),
            (4, "Inadequate", "A service that does not meet minimum requirements"),
        ],
    },
    {
        "key": "ilacs-2018",
        "name": "Inspecting local authority children's services (ILACS)",
        "framework": "Ofsted, Inspecting local authority children's services (ILACS)",
        "valid_from": date(2018, 1, 1),
        "valid_to": None,
        "highest_is_best": False,
        "source": "Ofsted, Inspecting local authority children's services framework, 2018",
        "grades": [
            (1, "Outstanding", ""),
            (2, "Good", ""),
            (3, "Requires improvement to be good", ""),
            (4, "Inadequate", ""),
        ],
    },
]

JAR_GRADES = "Grades"
JAR_2006 = {
    "kind": "jar",
    "title": "Joint area review: Milton Keynes Children's Services Authority Area",
    "framework": "Framework for the Inspection of Children's Services",
    "inspectorate": "Ofsted, CSCI, Healthcare Commission, Audit Commission, Adult Learning Inspectorate and other inspectorates",
    "year": 2006,
    "started_on": None,
    "ended_on": None,
    "published_on": None,
    "scale": "jar-2005",
    "citation": "Joint area review, 2006",
    "summary": "Outcomes for children and young people in Milton Keynes are at least adequate and in some aspects good.",
    # (section, area, grade, as published, source)
    "judgements": [
        ("Local services overall", "Being healthy", 3, "3", "Grades; paragraphs 16 and 36"),
        ("Local services overall", "Staying safe", 2, "2", "Grades; paragraphs 18 and 43"),
        (
            "Local services overall",
            "Enjoying and achieving",
            2,
            "2",
            "Grades; paragraphs 21 and 53",
        ),
        (
            "Local services overall",
            "Making a positive contribution",
            3,
            "3",
            "Grades; paragraphs 24 and 64",
        ),
        (
            "Local services overall",
            "Achieving economic well-being",
            2,
            "2",
            "Grades; paragraphs 27 and 72",
        ),
        ("Local services overall", "Service management", 3, "3", "Grades; paragraphs 29 and 82"),
        ("Local services overall", "Capacity to improve", 2, "2", "Grades; paragraphs 30 and 93"),
        ("Council services", "Capacity to improve", 2, "2", "Grades; paragraph 94"),
        ("Council services", "Children's services", 2, "2", JAR_GRADES),
        ("Council services", "The education service", 2, "2", JAR_GRADES),
        ("Council services", "The social care services for children", 2, "2", JAR_GRADES),
        ("Health services", "The health service for children", 3, "3", JAR_GRADES),
    ],
    # (kind, section, timescale, timescale as published, text, source)
    "recommendations": [
        (
            "recommendation",
            "",
            "immediately",
            "For immediate action",
            "The council should review and improve the understanding and application of arrangements for delegated decision-making under the Placement of Children with Parents etc Regulations 1991.",
            "Recommendations",
        ),
        (
            "recommendation",
            "",
            "immediately",
            "For immediate action",
            "The LCSB should develop further policy and procedures, and improve practice, to check the quality, consistency and effectiveness of the safeguarding and family support arrangements.",
            "Recommendations",
        ),
        (
            "recommendation",
            "",
            "immediately",
            "For immediate action",
            "The council should strengthen compliance with the arrangements to quality assure the safeguarding and family support arrangements in social care.",
            "Recommendations",
        ),
        (
            "recommendation",
            "",
            "immediately",
            "For immediate action",
            "The council should ensure that pupils permanently excluded from school receive full-time educational provision.",
            "Recommendations",
        ),
        (
            "recommendation",
            "",
            "six_months",
            "For action over the next six months",
            "Partners should review and improve arrangements for partnership working with the acute trust.",
            "Recommendations",
        ),
        (
            "recommendation",
            "",
            "six_months",
            "For action over the next six months",
            "Partners should ensure that arrangements for access to CAMHS for children and young people are well understood and working effectively.",
            "Recommendations",
        ),
        (
            "recommendation",
            "",
            "six_months",
            "For action over the next six months",
            "The LCSB should review the arrangements for the effective communication of thresholds, responsibilities and referral procedures between agencies and especially schools, with particular attention being paid to the support of children who move in and out of Milton Keynes.",
            "Recommendations",
        ),
        (
            "recommendation",
            "",
            "six_months",
            "For action over the next six months",
            "Partners should: incorporate into the 14-19 education and training strategy appropriate plans and actions relating to provision for young people with learning difficulties and/or disabilities, and skills for life for 16-19 learners; improve access to post-16 vocational provision in some schools, particularly at lower levels; and enhance teaching and learning methods to improve GCE/VCE attainment.",
            "Recommendations",
        ),
        (
            "recommendation",
            "",
            "longer_term",
            "For action in the longer term",
            "In collaboration with schools and other partners, the council should develop a clearer vision for the future role of special schools and their links with mainstream schools.",
            "Recommendations",
        ),
        (
            "recommendation",
            "",
            "longer_term",
            "For action in the longer term",
            "The council and its partners should develop a strategy for the participation of children and young people in making decisions which impact upon their lives.",
            "Recommendations",
        ),
        (
            "recommendation",
            "",
            "longer_term",
            "For action in the longer term",
            "The council should monitor and evaluate the outcomes of improvement projects for children and young people.",
            "Recommendations",
        ),
    ],
}

ASSESSMENT_2010 = {
    "kind": "annual_assessment",
    "title": "Annual children's services assessment: Milton Keynes Council",
    "framework": "Annual children's services assessment",
    "inspectorate": "Ofsted",
    "year": 2010,
    "started_on": None,
    "ended_on": None,
    "published_on": date(2010, 12, 9),
    "scale": "annual-assessment-2009",
    "citation": "Ofsted, 2010",
    "summary": "Children's services in Milton Keynes Council perform well. This shows sustained improvement from services that were adequate in 2009.",
    "judgements": [
        (
            "",
            "Children's services assessment",
            3,
            "Performs well (3)",
            "Milton Keynes Council children's services assessment 2010",
        ),
    ],
    "recommendations": [
        (
            "area_for_development",
            "",
            "none",
            "",
            "Improve primary schools, special schools and pupil referral units so that more are good or better.",
            "Key areas for further development",
        ),
        (
            "area_for_development",
            "",
            "none",
            "",
            "Raise standards further for 11- and 16-year-olds and improve qualifications for young people at age 19.",
            "Key areas for further development",
        ),
        (
            "area_for_development",
            "",
            "none",
            "",
            "Continue to close attainment gaps, in particular for 16-year-olds with special educational needs.",
            "Key areas for further development",
        ),
    ],
}

SAFEGUARDING = "Safeguarding services"
LAC = "Services for looked after children"
RECORD = "Record of main findings"
SG_AFI = "Safeguarding services: areas for improvement, paragraph 19"
LAC_AFI = "Services for looked after children: areas for improvement, paragraph 90"
INSPECTION_2012 = {
    "kind": "safeguarding_lac",
    "title": "Inspection of safeguarding and looked after children services: Milton Keynes Council",
    "framework": "Inspection of safeguarding and looked after children services",
    "inspectorate": "Ofsted and the Care Quality Commission",
    "year": 2012,
    "started_on": date(2012, 7, 9),
    "ended_on": date(2012, 7, 20),
    "published_on": date(2012, 8, 24),
    "scale": "safeguarding-lac-2009",
    "citation": "Ofsted, 2012",
    "summary": "The overall effectiveness of safeguarding services is adequate.",
    "judgements": [
        (SAFEGUARDING, "Overall effectiveness", 3, "Grade 3 (Adequate)", "paragraph 11"),
        (SAFEGUARDING, "Capacity for improvement", 2, "Grade 2 (Good)", "paragraph 16"),
        (
            SAFEGUARDING,
            "Children and young people are safe and feel safe",
            3,
            "Grade 3 (Adequate)",
            "paragraph 20",
        ),
        (SAFEGUARDING, "Quality of provision", 3, "Grade 3 (Adequate)", "paragraph 31"),
        (
            SAFEGUARDING,
            "The contribution of health agencies to keeping children and young people safe",
            3,
            "Grade 3 (Adequate)",
            "paragraph 44",
        ),
        (SAFEGUARDING, "Ambition and prioritisation", 2, "Grade 2 (Good)", "paragraph 61"),
        (SAFEGUARDING, "Leadership and management", 2, "Grade 2 (Good)", "paragraph 65"),
        (
            SAFEGUARDING,
            "Performance management and quality assurance",
            2,
            "Grade 2 (Good)",
            "paragraph 70",
        ),
        (SAFEGUARDING, "Partnership working", 2, "Grade 2 (Good)", "paragraph 75"),
        (SAFEGUARDING, "Equality and diversity", 3, "Adequate", RECORD),
        (LAC, "Overall effectiveness", 3, "Grade 3 (Adequate)", "paragraph 81"),
        (LAC, "Capacity for improvement", 2, "Grade 2 (Good)", "paragraph 86"),
        (LAC, "Being healthy", 2, "Grade 2 (Good)", "paragraph 91"),
        (LAC, "Staying safe", 3, "Grade 3 (Adequate)", "paragraph 102"),
        (LAC, "Enjoying and achieving", 3, "Grade 3 (Adequate)", "paragraph 110"),
        (
            LAC,
            "Making a positive contribution, including user engagement",
            2,
            "Grade 2 (Good)",
            "paragraph 119",
        ),
        (LAC, "Economic well-being", 2, "Grade 2 (Good)", "paragraph 125"),
        (LAC, "Quality of provision", 3, "Grade 3 (Adequate)", "paragraph 132"),
        (LAC, "Ambition and prioritisation", 2, "Grade 2 (Good)", "paragraph 138"),
        (LAC, "Leadership and management", 3, "Grade 3 (Adequate)", "paragraph 141"),
        (
            LAC,
            "Performance management and quality assurance",
            3,
            "Grade 3 (adequate)",
            "paragraph 145",
        ),
        (LAC, "Equality and diversity", 3, "Adequate", RECORD),
    ],
    "recommendations": [
        (
            "area_for_improvement",
            SAFEGUARDING,
            "immediately",
            "Immediately",
            "ensure that strategy meetings are routinely held in relation to child protection referrals and following allegations against persons working with children. When a strategy meeting is not held ensure that the reason why it is decided not to hold a strategy meeting is clearly recorded on children's case files",
            SG_AFI,
        ),
        (
            "area_for_improvement",
            SAFEGUARDING,
            "immediately",
            "Immediately",
            "Milton Keynes Hospital Foundation NHS Trust must ensure that all staff within the maternity services, especially on labour wards, follow security policies relating to the admission of visitors to clinical areas to ensure that women and babies remain safe.",
            SG_AFI,
        ),
        (
            "area_for_improvement",
            SAFEGUARDING,
            "three_months",
            "Within three months",
            "ensure that all investigations conducted under the allegations against staff procedures are recorded and monitored",
            SG_AFI,
        ),
        (
            "area_for_improvement",
            SAFEGUARDING,
            "three_months",
            "Within three months",
            "NHS Milton Keynes and Northamptonshire should progress the existing action plan to ensure that there is sufficient capacity within the named nursing and named midwifery functions",
            SG_AFI,
        ),
        (
            "area_for_improvement",
            SAFEGUARDING,
            "three_months",
            "Within three months",
            "Milton Keynes Local Safeguarding Children Board and NHS Milton Keynes and Northamptonshire should ensure that safeguarding training for all primary care staff, including commissioned independent contractors, is compliant with the required standards.",
            SG_AFI,
        ),
        (
            "area_for_improvement",
            SAFEGUARDING,
            "six_months",
            "Within six months",
            "ensure that there is sufficient emergency housing accommodation to meet the needs of young people not assessed as requiring to be accommodated under Section 20 of The Children Act 1989 by the local authority",
            SG_AFI,
        ),
        (
            "area_for_improvement",
            SAFEGUARDING,
            "six_months",
            "Within six months",
            "NHS Milton Keynes and Northampton and Milton Keynes Borough Council must ensure that there is a comprehensive maintenance programme in place for all equipment used by children with disabilities and life limiting conditions and that the supply of this equipment is timely and does not impede discharges from hospital.",
            SG_AFI,
        ),
        (
            "area_for_improvement",
            LAC,
            "immediately",
            "Immediately",
            "review all cases where children are subject to freeing orders or placement orders where the plan for adoption or permanence may have changed",
            LAC_AFI,
        ),
        (
            "area_for_improvement",
            LAC,
            "immediately",
            "Immediately",
            "ensure that local procedures and practice appropriately support looked after children who go missing from care and that provision for return interviews are offered in addition to those provided by the police.",
            LAC_AFI,
        ),
        (
            "area_for_improvement",
            LAC,
            "three_months",
            "Within three months",
            "raise awareness of the complaints procedure and the availability of an independent advocacy service to support children and young people should they wish to make a formal complaint",
            LAC_AFI,
        ),
        (
            "area_for_improvement",
            LAC,
            "three_months",
            "Within three months",
            "ensure there are sufficient placements available to enable children to be matched to carers that best meet their identified needs and support placement stability",
            LAC_AFI,
        ),
        (
            "area_for_improvement",
            LAC,
            "three_months",
            "Within three months",
            "clarify the reviewing process for families in receipt of short term breaks",
            LAC_AFI,
        ),
        (
            "area_for_improvement",
            LAC,
            "three_months",
            "Within three months",
            "review the arrangements for the independent reviewing services to ensure the case loads of the independent reviewing officers (IROs) are manageable",
            LAC_AFI,
        ),
        (
            "area_for_improvement",
            LAC,
            "three_months",
            "Within three months",
            "ensure that the needs of children and young people in relation to their racial and cultural identity, religion and disability are fully incorporated in assessment care planning and recording",
            LAC_AFI,
        ),
        (
            "area_for_improvement",
            LAC,
            "three_months",
            "Within three months",
            "Milton Keynes Borough Council and Milton Keynes Community Health Services NHS Trust must ensure that all initial health assessments are completed within the statutory timeframes",
            LAC_AFI,
        ),
        (
            "area_for_improvement",
            LAC,
            "three_months",
            "Within three months",
            "Milton Keynes Borough Council and Milton Keynes Community Health Services NHS Trust must ensure that all care leavers receive a copy of their health history in line with statutory guidance.",
            LAC_AFI,
        ),
        (
            "area_for_improvement",
            LAC,
            "six_months",
            "Within six months",
            "ensure that all supervised contact meets the standard expected by the council in terms of promptness, consistency of worker and timeliness.",
            LAC_AFI,
        ),
    ],
}

ENGAGEMENT_2018 = {
    "kind": "annual_engagement",
    "title": "Annual Conversation - education and social care",
    "framework": "Inspecting local authority children's services (ILACS): annual engagement meeting",
    "inspectorate": "Ofsted",
    "year": 2018,
    "started_on": date(2018, 3, 12),
    "ended_on": date(2018, 3, 12),
    "published_on": date(2018, 3, 27),
    "scale": None,
    "citation": "Ofsted, 2018",
    "summary": "",
    "judgements": [],
    "recommendations": [],
}

INSPECTIONS = [JAR_2006, ASSESSMENT_2010, INSPECTION_2012, ENGAGEMENT_2018]


def load(apps) -> None:
    """Create the scales and the four inspections (used by the data migration)."""
    scale_model = apps.get_model("inspection", "GradeScale")
    grade_model = apps.get_model("inspection", "Grade")
    inspection_model = apps.get_model("inspection", "Inspection")
    scales = {}
    for spec in SCALES:
        fields = {k: v for k, v in spec.items() if k != "grades"}
        scale = scale_model.objects.create(**fields)
        scales[scale.key] = {
            value: grade_model.objects.create(scale=scale, value=value, label=label, meaning=m)
            for value, label, m in spec["grades"]
        }
        scales[scale.key]["scale"] = scale
    for spec in INSPECTIONS:
        fields = {k: v for k, v in spec.items() if k not in ("judgements", "recommendations")}
        grades = scales[spec["scale"]] if spec["scale"] else {}
        fields["scale"] = grades.get("scale")
        inspection = inspection_model.objects.create(**fields)
        for order, (section, area, value, words, source) in enumerate(spec["judgements"]):
            inspection.judgements.create(
                section=section,
                area=area,
                grade=grades[value],
                as_published=words,
                source=source,
                order=order,
            )
        for order, (kind, section, timescale, printed, text, source) in enumerate(
            spec["recommendations"]
        ):
            inspection.recommendations.create(
                kind=kind,
                section=section,
                timescale=timescale,
                timescale_as_published=printed,
                text=text,
                source=source,
                order=order,
            )
