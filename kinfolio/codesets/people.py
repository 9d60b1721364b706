"""Code sets describing a child: ethnicity, sex and disability.

Sex is where the two DfE returns have differed, so read this before storing it:

* **CIN census, up to 2023/24** (field ``GenderCurrent``): ``1`` male, ``2`` female,
  ``0`` not recorded or unborn, ``9`` indeterminate (csc-validator-be-cin rule 4180).
* **SSDA903, up to 2023/24** (field ``SEX``): ``1`` male, ``2`` female only
  (csc-validator-be-903 rule 101).
* **Both returns from 2024/25** (CIN field ``Sex``, SSDA903 ``SEX``): ``M``, ``F`` or
  ``U``. In the CIN census an unborn child must be ``U`` (CIN rule 8750); in the
  SSDA903, ``U`` is accepted but queried (903 rule 232, "reported as unknown").

Kinfolio stores the current letters. The numeric codes stay in ``SEX.choices`` so that
imported history still reads, and ``SEX_FROM_NUMERIC`` converts them when a return for
2024/25 or later is built from older records.
"""

from kinfolio.codesets.base import Code, CodeSet
from kinfolio.codesets.children_in_need import CIN_LABELS, CIN_VALIDATOR

ETHNICITY = CodeSet(
    name="Ethnicity",
    source=(f"{CIN_VALIDATOR}, rule 4220; csc-validator-be-903 0.1.17, rule 103; {CIN_LABELS}"),
    codes=(
        Code("WBRI", "White British"),
        Code("WIRI", "White Irish"),
        Code("WIRT", "Traveller of Irish heritage"),
        Code("WOTH", "Any other White background"),
        Code("WROM", "Gypsy/Roma"),
        Code("MWBC", "White and Black Caribbean"),
        Code("MWBA", "White and Black African"),
        Code("MWAS", "White and Asian"),
        Code("MOTH", "Any other mixed background"),
        Code("AIND", "Indian"),
        Code("APKN", "Pakistani"),
        Code("ABAN", "Bangladeshi"),
        Code("AOTH", "Any other Asian background"),
        Code("BCRB", "Caribbean"),
        Code("BAFR", "African"),
        Code("BOTH", "Any other Black background"),
        Code("CHNE", "Chinese"),
        Code("OOTH", "Any other ethnic group"),
        Code("REFU", "Refused"),
        Code("NOBT", "Information not yet obtained"),
    ),
)

SEX = CodeSet(
    name="Sex",
    source=(
        f"{CIN_VALIDATOR}, rule 4180 (2022/23 numeric, 2024/25 letters) and 8750; "
        "csc-validator-be-903 0.1.17, rule 101 (2022/23 numeric, 2024/25 letters) and 232; "
        f"numeric labels from the DfE CIN census 2023 to 2024 XML schema"
    ),
    codes=(
        Code("M", "Male", valid_from=2025),
        Code("F", "Female", valid_from=2025),
        Code("U", "Unknown (in the CIN census, also an unborn child)", valid_from=2025),
        Code("1", "Male (code used up to 2023/24)", valid_to=2024),
        Code("2", "Female (code used up to 2023/24)", valid_to=2024),
        Code("0", "Not recorded or unborn (CIN census code used up to 2023/24)", valid_to=2024),
        Code("9", "Indeterminate (CIN census code used up to 2023/24)", valid_to=2024),
    ),
)

# Numeric codes (used up to 2023/24) to the letters used from 2024/25. This is
# Kinfolio's mapping, not a DfE table: "not recorded or unborn" (0) and
# "indeterminate" (9) have no letter of their own, so both become "U" (unknown).
SEX_FROM_NUMERIC = {"1": "M", "2": "F", "0": "U", "9": "U"}

DISABILITY = CodeSet(
    name="Disability",
    source=f"{CIN_VALIDATOR}, rule 8540; {CIN_LABELS}",
    codes=(
        Code("NONE", "No disability"),
        Code("MOB", "Mobility"),
        Code("HAND", "Hand function"),
        Code("PC", "Personal care"),
        Code("INC", "Incontinence"),
        Code("COMM", "Communication"),
        Code("LD", "Learning"),
        Code("HEAR", "Hearing"),
        Code("VIS", "Vision"),
        Code("BEH", "Behaviour"),
        Code("CON", "Consciousness"),
        Code("AUT", "Autism"),
        Code("DDA", "Other"),
    ),
)
