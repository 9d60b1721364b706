"""SSDA903 placement type and placement provider.

Valid years follow ``csc-validator-be-903`` 0.1.17, rule 146 in each year's rule set:

* 2022/23 and 2023/24: A3-A6, H5, K1, K2, P1-P3, R1-R3, R5, S1, T0-T4, U1-U6, Z1.
  (Rule 217t, 2023/24 only, also rejects P2 for episodes open after 28 October 2023.)
* 2024/25: K3 added (registered supported accommodation, replacing H5); H5 and P2 still
  accepted. (The validator's list spells it "k3"; the DfE code is K3.)
* 2025/26 and 2026/27: H5, P2 and Z1 removed; Z11, Z12, Z13 and Z14 added.

Labels: the DfE SSDA903 guide code tables (via Data to Insight's SSDA903 code tables).
The guide's wording for Z11 to Z14 was not available when this list was made, so their
labels are neutral placeholders: replace them from the SSDA903 guide 2025 to 2026.
"""

from kinfolio.codesets.base import Code, CodeSet
from kinfolio.codesets.looked_after import lac_source

_ADOPTION_ACT_1976_CONSENT = (
    "or a freeing order where consent was given (Adoption Act 1976 s18(1)(a))"
)
_ADOPTION_ACT_1976_DISPENSED = (
    "or a freeing order where consent was dispensed with (Adoption Act 1976 s18(1)(b))"
)

PLACEMENT_TYPE = CodeSet(
    name="Placement type",
    source=lac_source("rule 146 (2022/23, 2024/25 and 2025/26 versions), 217t, 371"),
    codes=(
        Code(
            "A3",
            "Placed for adoption with parental/guardian consent with current foster carer(s) "
            f"(Adoption and Children Act 2002 s19) {_ADOPTION_ACT_1976_CONSENT}",
        ),
        Code(
            "A4",
            "Placed for adoption with parental/guardian consent not with current foster "
            f"carer(s) (Adoption and Children Act 2002 s19) {_ADOPTION_ACT_1976_CONSENT}",
        ),
        Code(
            "A5",
            "Placed for adoption with placement order with current foster carer(s) "
            f"(Adoption and Children Act 2002 s21) {_ADOPTION_ACT_1976_DISPENSED}",
        ),
        Code(
            "A6",
            "Placed for adoption with placement order not with current foster carer(s) "
            f"(Adoption and Children Act 2002 s21) {_ADOPTION_ACT_1976_DISPENSED}",
        ),
        Code(
            "H5",
            "Semi-independent living accommodation not subject to children's homes regulations",
            valid_to=2025,
        ),
        Code("K1", "Secure children's homes"),
        Code("K2", "Children's homes subject to Children's Homes Regulations"),
        Code("K3", "Registered supported accommodation", valid_from=2025),
        Code("P1", "Placed with own parent(s) or other person(s) with parental responsibility"),
        Code(
            "P2",
            "Independent living, for example in a flat, lodgings, bedsit, bed and breakfast "
            "or with friends, with or without formal support (not after 28 October 2023)",
            valid_to=2025,
        ),
        Code("P3", "Residential employment"),
        Code("R1", "Residential care home"),
        Code(
            "R2",
            "NHS/health trust or other establishment providing medical or nursing care",
        ),
        Code("R3", "Family centre or mother and baby unit"),
        Code("R5", "Young offender institution (YOI)"),
        Code(
            "S1",
            "All residential schools, except where dual-registered as a school and children's home",
        ),
        Code("T0", "All types of temporary move"),
        Code("T1", "Temporary periods in hospital"),
        Code("T2", "Temporary absences of the child on holiday"),
        Code("T3", "Temporary accommodation whilst normal foster carer(s) is/are on holiday"),
        Code(
            "T4",
            "Temporary accommodation of seven days or less, for any reason, not covered by "
            "codes T1 to T3",
        ),
        Code("U1", "Foster placement with relative(s) or friend(s): long term fostering"),
        Code(
            "U2",
            "Foster placement with relative(s) or friend(s) who is/are also an approved "
            "adopter(s): fostering for adoption/concurrent planning",
        ),
        Code(
            "U3",
            "Foster placement with relative(s) or friend(s): not long term or fostering for "
            "adoption/concurrent planning",
        ),
        Code("U4", "Foster placement with other foster carer(s): long term fostering"),
        Code(
            "U5",
            "Foster placement with other foster carer(s) who is/are also an approved "
            "adopter(s): fostering for adoption/concurrent planning",
        ),
        Code(
            "U6",
            "Foster placement with other foster carer(s): not long term or fostering for "
            "adoption/concurrent planning",
        ),
        Code(
            "Z1",
            "Other placements (must be listed on a schedule sent to DfE with the annual "
            "submission)",
            valid_to=2025,
        ),
        Code("Z11", "Placement type Z11 (replaces Z1, other placements)", valid_from=2026),
        Code("Z12", "Placement type Z12 (replaces Z1, other placements)", valid_from=2026),
        Code("Z13", "Placement type Z13 (replaces Z1, other placements)", valid_from=2026),
        Code("Z14", "Placement type Z14 (replaces Z1, other placements)", valid_from=2026),
    ),
)

PLACEMENT_PROVIDER = CodeSet(
    name="Placement provider",
    source=lac_source("rule 178"),
    codes=(
        Code("PR0", "Parent(s) or other person(s) with parental responsibility"),
        Code(
            "PR1",
            "Own provision (by the local authority), including a regional adoption agency "
            "where the child's responsible local authority is the host authority",
        ),
        Code(
            "PR2",
            "Other local authority provision, including a regional adoption agency where "
            "another local authority is the host authority",
        ),
        Code("PR3", "Other public provision (for example, a primary care trust)"),
        Code("PR4", "Private provision"),
        Code("PR5", "Voluntary/third sector provision"),
    ),
)
