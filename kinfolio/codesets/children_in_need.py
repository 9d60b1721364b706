"""Code sets of the DfE children in need (CIN) census.

Codes and valid years: the rule files of ``csc-validator-be-cin`` 0.1.13, which holds
rules for the collections 2022/23 to 2026/27 (rules 8650 primary need, 8905/8910
category of abuse, 8866 referral source, 8897Q assessment factors, 8640 reason for
closure). Labels: the enumeration notes of the DfE CIN census XML schema for 2023 to
2024, which repeat the code tables of the DfE *Children in need census* guide.
"""

from kinfolio.codesets.base import Code, CodeSet

CIN_VALIDATOR = "csc-validator-be-cin 0.1.13 (rules for 2022/23 to 2026/27)"
CIN_LABELS = "labels from the DfE CIN census 2023 to 2024 code tables (XML schema)"
CIN_SOURCE = f"{CIN_VALIDATOR}; {CIN_LABELS}"

CATEGORY_OF_NEED = CodeSet(
    name="Category of need (primary need)",
    source=(
        f"{CIN_VALIDATOR}, rule 8650; csc-validator-be-903 0.1.17, rule 145 "
        f"(SSDA903 CIN field: N1 to N8 only); {CIN_LABELS}"
    ),
    codes=(
        Code("N1", "Abuse or neglect"),
        Code("N2", "Child's disability"),
        Code("N3", "Parental illness or disability"),
        Code("N4", "Family in acute stress"),
        Code("N5", "Family dysfunction"),
        Code("N6", "Socially unacceptable behaviour"),
        Code("N7", "Low income"),
        Code("N8", "Absent parenting"),
        Code("N9", "Cases other than children in need"),
        Code("N0", "Not stated"),
    ),
)

# The SSDA903 return's CIN field accepts N1 to N8 only (csc-validator-be-903 rule 145):
# a looked after child's episode cannot be "not stated" or "not a child in need".
CATEGORY_OF_NEED_LOOKED_AFTER = CodeSet(
    name="Category of need (SSDA903 episodes)",
    source=CATEGORY_OF_NEED.source,
    codes=tuple(code for code in CATEGORY_OF_NEED.codes if code.code not in {"N0", "N9"}),
)

CP_CATEGORY_OF_ABUSE = CodeSet(
    name="Child protection plan category of abuse",
    source=f"{CIN_VALIDATOR}, rules 8905 and 8910; {CIN_LABELS}",
    codes=(
        Code("NEG", "Neglect"),
        Code("PHY", "Physical abuse"),
        Code("EMO", "Emotional abuse"),
        Code("SAB", "Sexual abuse"),
        Code("MUL", "Multiple (not recommended)"),
    ),
)

REFERRAL_SOURCE = CodeSet(
    name="Source of referral",
    source=f"{CIN_VALIDATOR}, rule 8866; {CIN_LABELS}",
    codes=(
        Code("1A", "Individual: family member, relative or carer"),
        Code("1B", "Individual: acquaintance (including neighbours and child minders)"),
        Code("1C", "Individual: self"),
        Code("1D", "Individual: other (including strangers)"),
        Code("2A", "Schools"),
        Code("2B", "Education services"),
        Code("3A", "Health services: general practitioner (GP)"),
        Code("3B", "Health services: health visitor"),
        Code("3C", "Health services: school nurse"),
        Code("3D", "Health services: other primary health services"),
        Code("3E", "Health services: A&E (accident and emergency department)"),
        Code("3F", "Health services: other (for example hospice)"),
        Code("4", "Housing: local authority housing or housing association"),
        Code("5A", "LA services: social care, for example adult social care services"),
        Code(
            "5B",
            "LA services: other internal department, for example youth offending "
            "(excluding housing)",
        ),
        Code(
            "5C",
            "LA services: external, for example another local authority's adult social "
            "care services",
        ),
        Code("5D", "LA services: early help"),
        Code("6", "Police"),
        Code(
            "7",
            "Other legal agency, including courts, probation, immigration, Cafcass or prison",
        ),
        Code(
            "8",
            "Other, including children's centres, independent agency providers or "
            "voluntary organisations",
        ),
        Code("9", "Anonymous"),
        Code("10", "Unknown"),
    ),
)

_PRIVATE_FOSTERING = (
    "Privately fostered: services may be required or the child may be at risk as a "
    "privately fostered child"
)
_SIGNIFICANT_HARM = "services may be required or the child may be suffering significant harm"

ASSESSMENT_FACTORS = CodeSet(
    name="Factors identified at the end of assessment",
    source=f"{CIN_VALIDATOR}, rule 8897Q (18A and 19A queried by 8945Q/8950Q); {CIN_LABELS}",
    codes=(
        Code("1A", "Alcohol misuse: concerns about alcohol misuse by the child"),
        Code("1B", "Alcohol misuse: concerns about alcohol misuse by the parent(s)/carer(s)"),
        Code(
            "1C",
            "Alcohol misuse: concerns about alcohol misuse by another person in the household",
        ),
        Code("2A", "Drug misuse: concerns about drug misuse by the child"),
        Code("2B", "Drug misuse: concerns about drug misuse by the parent(s)/carer(s)"),
        Code("2C", "Drug misuse: concerns about drug misuse by another person in the household"),
        Code(
            "3A",
            "Domestic violence: concerns about the child being the subject of domestic violence",
        ),
        Code(
            "3B",
            "Domestic violence: concerns about the child's parent(s)/carer(s) being the subject "
            "of domestic violence",
        ),
        Code(
            "3C",
            "Domestic violence: concerns about another person in the household being the "
            "subject of domestic violence",
        ),
        Code("4A", "Mental health: concerns about the mental health of the child"),
        Code("4B", "Mental health: concerns about the mental health of the parent(s)/carer(s)"),
        Code(
            "4C",
            "Mental health: concerns about the mental health of another person in the "
            "family/household",
        ),
        Code("5A", "Learning disability: concerns about the child's learning disability"),
        Code(
            "5B",
            "Learning disability: concerns about the parent(s)/carer(s) learning disability",
        ),
        Code(
            "5C",
            "Learning disability: concerns about another person in the family/household's learning"
            " disability",
        ),
        Code(
            "6A",
            "Physical disability or illness: concerns about a physical disability or illness of "
            "the child",
        ),
        Code(
            "6B",
            "Physical disability or illness: concerns about a physical disability or illness "
            "of the parent(s)/carer(s)",
        ),
        Code(
            "6C",
            "Physical disability or illness: concerns about a physical disability or illness "
            "of another person in the family/household",
        ),
        Code(
            "7A",
            "Young carer: services may be required or the child's health or development may "
            "be impaired due to their caring responsibilities",
        ),
        Code("8B", f"{_PRIVATE_FOSTERING}: overseas children who intend to return"),
        Code("8C", f"{_PRIVATE_FOSTERING}: overseas children who intend to stay"),
        Code("8D", f"{_PRIVATE_FOSTERING}: UK children in educational placements"),
        Code("8E", f"{_PRIVATE_FOSTERING}: UK children making alternative family arrangements"),
        Code("8F", f"{_PRIVATE_FOSTERING}: other"),
        Code(
            "9A",
            "UASC: services may be required or the child may be at risk of harm as an "
            "unaccompanied asylum-seeking child",
        ),
        Code(
            "10A",
            "Missing: services may be required or the child may be at risk of harm due to "
            "going/being missing",
        ),
        Code(
            "11A",
            "Child sexual exploitation: services may be required or the child may be at risk of "
            "harm due to child sexual exploitation",
        ),
        Code(
            "12A",
            "Trafficking: services may be required or the child may be at risk of harm due to "
            "trafficking",
        ),
        Code(
            "13A",
            "Gangs: services may be required or the child may be at risk of harm because of "
            "involvement in/with gangs",
        ),
        Code(
            "14A",
            "Socially unacceptable behaviour: services may be required or the child may be at risk"
            " due to their socially unacceptable behaviour",
        ),
        Code(
            "15A",
            "Self-harm: services may be required or the child may be at risk of harm due to "
            "suspected/actual self-harming",
        ),
        Code("16A", f"Abuse or neglect, neglect: {_SIGNIFICANT_HARM}"),
        Code("17A", f"Abuse or neglect, emotional abuse: {_SIGNIFICANT_HARM}"),
        Code(
            "18A",
            f"Abuse or neglect, physical abuse (older code: use 18B or 18C): {_SIGNIFICANT_HARM}",
        ),
        Code(
            "18B",
            f"Abuse or neglect, physical abuse (child on child): {_SIGNIFICANT_HARM} by another "
            f"child",
        ),
        Code(
            "18C",
            f"Abuse or neglect, physical abuse (adult on child): {_SIGNIFICANT_HARM} by an adult",
        ),
        Code(
            "19A",
            f"Abuse or neglect, sexual abuse (older code: use 19B or 19C): {_SIGNIFICANT_HARM}",
        ),
        Code(
            "19B",
            f"Abuse or neglect, sexual abuse (child on child): {_SIGNIFICANT_HARM} by another "
            f"child",
        ),
        Code(
            "19C",
            f"Abuse or neglect, sexual abuse (adult on child): {_SIGNIFICANT_HARM} by an adult",
        ),
        Code("20", "Other"),
        Code(
            "21",
            "No factors identified: only if there is no evidence of any other factor and no "
            "further action is being taken",
        ),
        Code(
            "22A",
            "Female genital mutilation (FGM): services may be required or the child may be at risk"
            " due to FGM",
        ),
        Code(
            "23A",
            "Abuse linked to faith or belief: services may be required or the child may be at risk"
            " due to abuse linked to faith or belief",
        ),
        Code(
            "24A",
            "Child criminal exploitation: services may be required or the child may be at risk of "
            "harm due to child criminal exploitation",
        ),
    ),
)

CIN_CLOSURE_REASON = CodeSet(
    name="Reason for closure of a CIN episode",
    source=f"{CIN_VALIDATOR}, rule 8640; {CIN_LABELS}",
    codes=(
        Code("RC1", "Adopted"),
        Code("RC2", "Died"),
        Code("RC3", "Child arrangements order"),
        Code("RC4", "Special guardianship order"),
        Code("RC5", "Transferred to services of another local authority"),
        Code("RC6", "Transferred to adult social care services"),
        Code("RC7", "Services ceased for any other reason, including child no longer in need"),
        Code("RC8", "Case closed after assessment, no further action"),
        Code("RC9", "Case closed after assessment, referred to early help"),
    ),
)
