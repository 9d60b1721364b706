from kinfolio.demo_authority.families import pupil_number, upn_check_letter


def test_check_letter_matches_the_dfe_validators_own_valid_example():
    # csc-validator-be-cin's rule 1510 test passes "A950000178301" as a valid UPN.
    assert upn_check_letter("950000178301") == "A"


def test_synthetic_upn_uses_pseudo_la_001_and_allocation_year_98_and_is_unique():
    first, second = pupil_number("KF0001234"), pupil_number("KF0001235")
    assert first[1:] == "001000198234"
    assert first[0] == upn_check_letter(first[1:])
    assert second[1:] == "001000198235"
    assert first != second
