"""SSDA903 adoption code sets: the AD1 table (adopters) and PlacedAdoption table.

Codes: ``csc-validator-be-903`` 0.1.17 rules 176 (SEX_ADOPTR), 177 (LS_ADOPTR) and
120 (REASON_PLACED_CEASED); none of them changes between 2022/23 and 2026/27.

Labels: the validator's messages confirm M1/F1 (a single adopter, rule 514), MM, FF
and MF (rule 511) and L0 (a single adopter, rule 514). The DfE guide's wording for
L11, L12, L2, L3, L4 and RD1 to RD4 was not available when this list was made, so those
labels only name the code: replace them from the SSDA903 guide (AD1 and PlacedAdoption
code tables).
"""

from kinfolio.codesets.base import Code, CodeSet
from kinfolio.codesets.looked_after import lac_source

ADOPTER_SEX = CodeSet(
    name="Sex of adopter(s) at the date of adoption",
    source=lac_source("rules 176, 511 and 514"),
    codes=(
        Code("M1", "Single adopter: male"),
        Code("F1", "Single adopter: female"),
        Code("MM", "Couple: both male"),
        Code("FF", "Couple: both female"),
        Code("MF", "Couple: male and female"),
    ),
)

ADOPTER_LEGAL_STATUS = CodeSet(
    name="Legal status of adopter(s)",
    source=lac_source("rules 177, 514 (L0 is a single adopter) and 517 (L3 needs MF)"),
    codes=(
        Code("L0", "Single adopter"),
        Code("L11", "Adopters' legal status L11 (see SSDA903 guide)"),
        Code("L12", "Adopters' legal status L12 (see SSDA903 guide)"),
        Code("L2", "Adopters' legal status L2 (see SSDA903 guide)"),
        Code("L3", "Adopters' legal status L3 (see SSDA903 guide; a male and female couple)"),
        Code("L4", "Adopters' legal status L4 (see SSDA903 guide)"),
    ),
)

REASON_PLACED_CEASED = CodeSet(
    name="Reason the decision that the child should be placed for adoption was reversed",
    source=lac_source("rule 120"),
    codes=(
        Code("RD1", "Reason for reversal RD1 (see SSDA903 guide)"),
        Code("RD2", "Reason for reversal RD2 (see SSDA903 guide)"),
        Code("RD3", "Reason for reversal RD3 (see SSDA903 guide)"),
        Code("RD4", "Reason for reversal RD4 (see SSDA903 guide)"),
    ),
)
