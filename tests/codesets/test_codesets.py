"""Tests for kinfolio.codesets: plain Python, no database."""

import dataclasses

import pytest

from kinfolio import codesets
from kinfolio.codesets import (
    ALL_CODE_SETS,
    ASSESSMENT_FACTORS,
    CARE_LEAVER_ACCOMMODATION,
    CATEGORY_OF_NEED,
    CATEGORY_OF_NEED_LOOKED_AFTER,
    CONTACT_SOURCE_AGENCY,
    CONTACT_SOURCE_TO_REFERRAL_SOURCE,
    CP_CATEGORY_OF_ABUSE,
    DFE_CODE_SETS,
    LEGAL_STATUS,
    LOCAL_CODE_SETS,
    PLACEMENT_TYPE,
    REASON_EPISODE_CEASED,
    REFERRAL_SOURCE,
    SEX,
    SEX_FROM_NUMERIC,
    Code,
    CodeSet,
    accommodation_is_suitable,
)

SET_IDS = [code_set.name for code_set in ALL_CODE_SETS]


@pytest.mark.parametrize("code_set", ALL_CODE_SETS, ids=SET_IDS)
def test_code_set_codes_are_unique(code_set):
    values = [code.code for code in code_set.codes]
    assert len(values) == len(set(values))


@pytest.mark.parametrize("code_set", ALL_CODE_SETS, ids=SET_IDS)
def test_code_set_codes_fit_max_length(code_set):
    assert all(0 < len(code.code) <= code_set.max_length for code in code_set.codes)
    assert any(len(code.code) == code_set.max_length for code in code_set.codes)


@pytest.mark.parametrize("code_set", ALL_CODE_SETS, ids=SET_IDS)
def test_code_set_has_source_and_labels(code_set):
    assert code_set.source
    assert all(code.label.strip() for code in code_set.codes)


@pytest.mark.parametrize("code_set", ALL_CODE_SETS, ids=SET_IDS)
def test_code_set_choices_hold_every_code(code_set):
    assert [code for code, _ in code_set.choices] == [code.code for code in code_set.codes]


def test_code_sets_dfe_sources_name_a_validator():
    assert all("csc-validator-be-" in code_set.source for code_set in DFE_CODE_SETS)


def test_code_sets_local_sources_are_marked_local():
    assert all(code_set.source == "Kinfolio local list" for code_set in LOCAL_CODE_SETS)


def test_code_sets_every_set_is_exported():
    exported = {name for name in codesets.__all__ if isinstance(getattr(codesets, name), CodeSet)}
    assert exported >= {
        "CATEGORY_OF_NEED",
        "PLACEMENT_TYPE",
        "CARE_LEAVER_ACCOMMODATION",
        "PROVIDER_TYPE",
    }
    assert len(exported) == len(ALL_CODE_SETS)


def test_code_set_rejects_duplicate_codes():
    with pytest.raises(ValueError, match="listed twice"):
        CodeSet(name="Twice", source="test", codes=(Code("A", "a"), Code("A", "b")))


def test_code_set_rejects_code_ending_before_it_starts():
    with pytest.raises(ValueError, match="ends before"):
        CodeSet(name="Backwards", source="test", codes=(Code("A", "a", 2025, 2024),))


def test_code_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        CATEGORY_OF_NEED.codes[0].label = "changed"


def test_label_known_code():
    assert CATEGORY_OF_NEED.label("N1") == "Abuse or neglect"


def test_label_unknown_code_returns_the_code():
    assert CATEGORY_OF_NEED.label("N99") == "N99"
    assert CATEGORY_OF_NEED.label("") == ""
    assert CATEGORY_OF_NEED.label(None) == ""


def test_contains():
    assert "N1" in CATEGORY_OF_NEED
    assert "N99" not in CATEGORY_OF_NEED
    assert None not in CATEGORY_OF_NEED
    assert 1 not in CATEGORY_OF_NEED


@pytest.mark.parametrize(
    ("year", "present", "absent"),
    [
        (2023, {"H5", "P2", "Z1"}, {"K3", "Z11"}),
        (2024, {"H5", "P2", "Z1"}, {"K3", "Z11"}),
        (2025, {"H5", "P2", "Z1", "K3"}, {"Z11"}),
        (2026, {"K3", "Z11", "Z12", "Z13", "Z14"}, {"H5", "P2", "Z1"}),
        (2027, {"K3", "Z14"}, {"H5", "P2", "Z1"}),
    ],
)
def test_valid_in_filters_placement_type_by_year(year, present, absent):
    valid = {code.code for code in PLACEMENT_TYPE.valid_in(year)}
    assert present <= valid
    assert not absent & valid
    assert {"K1", "U1", "T0"} <= valid


def test_valid_in_keeps_retired_codes_in_choices():
    choices = dict(PLACEMENT_TYPE.choices)
    assert {"H5", "P2", "Z1", "K3", "Z11"} <= set(choices)


def test_valid_in_sex_switches_from_numbers_to_letters_in_2024_25():
    assert {code.code for code in SEX.valid_in(2024)} == {"1", "2", "0", "9"}
    assert {code.code for code in SEX.valid_in(2025)} == {"M", "F", "U"}


def test_sex_from_numeric_maps_to_current_codes():
    assert all(letter in SEX for letter in SEX_FROM_NUMERIC.values())
    assert set(SEX_FROM_NUMERIC) == {code.code for code in SEX.valid_in(2024)}


def test_category_of_need_is_n0_to_n9():
    assert set(CATEGORY_OF_NEED.values) == {f"N{n}" for n in range(10)}
    assert CATEGORY_OF_NEED.label("N9") == "Cases other than children in need"
    assert CATEGORY_OF_NEED.label("N0") == "Not stated"


def test_category_of_need_looked_after_is_n1_to_n8():
    assert set(CATEGORY_OF_NEED_LOOKED_AFTER.values) == {f"N{n}" for n in range(1, 9)}


def test_cp_category_of_abuse():
    assert set(CP_CATEGORY_OF_ABUSE.values) == {"NEG", "PHY", "EMO", "SAB", "MUL"}
    assert CP_CATEGORY_OF_ABUSE.label("SAB") == "Sexual abuse"


def test_referral_source():
    assert {"1A", "2A", "3A", "5D", "6", "9", "10"} <= set(REFERRAL_SOURCE.values)
    assert REFERRAL_SOURCE.label("6") == "Police"
    assert REFERRAL_SOURCE.max_length == 2


def test_assessment_factors():
    assert {"1A", "3A", "4B", "8B", "18B", "19C", "20", "21", "22A", "24A"} <= set(
        ASSESSMENT_FACTORS.values
    )
    assert "8A" not in ASSESSMENT_FACTORS
    assert ASSESSMENT_FACTORS.label("24A").startswith("Child criminal exploitation")
    assert ASSESSMENT_FACTORS.max_length == 3


def test_legal_status():
    assert {"C1", "C2", "E1", "V2", "V3", "V4", "J1", "L1"} <= set(LEGAL_STATUS.values)
    assert LEGAL_STATUS.label("C2") == "Full care order"
    assert LEGAL_STATUS.label("C1") == "Interim care order"


def test_placement_type():
    assert {"K1", "K2", "U1", "U6", "A3", "R5", "S1"} <= set(PLACEMENT_TYPE.values)
    assert PLACEMENT_TYPE.label("K3") == "Registered supported accommodation"
    assert PLACEMENT_TYPE.max_length == 3


def test_reason_episode_ceased_matches_validator_list():
    assert set(REASON_EPISODE_CEASED.values) == {
        "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E2", "E3", "E4A", "E4B",
        "E41", "E45", "E46", "E47", "E48", "E5", "E6", "E7", "E8", "E9", "X1",
    }  # fmt: skip
    assert REASON_EPISODE_CEASED.label("E2") == "Died"


@pytest.mark.parametrize(
    ("code", "suitable"),
    [
        ("B1", True),
        ("B2", False),
        ("Z1", True),
        ("Z2", False),
        ("S2", False),
        ("X2", False),
        ("0", None),
        ("", None),
        (None, None),
        ("Q1", None),
    ],
)
def test_accommodation_is_suitable(code, suitable):
    assert accommodation_is_suitable(code) is suitable


def test_care_leaver_accommodation_has_no_suitable_homeless_or_custody_code():
    assert "S1" not in CARE_LEAVER_ACCOMMODATION
    assert "X1" not in CARE_LEAVER_ACCOMMODATION


def test_contact_source_maps_to_referral_source():
    assert set(CONTACT_SOURCE_TO_REFERRAL_SOURCE) == set(CONTACT_SOURCE_AGENCY.values)
    assert set(CONTACT_SOURCE_TO_REFERRAL_SOURCE.values()) == set(REFERRAL_SOURCE.values)
