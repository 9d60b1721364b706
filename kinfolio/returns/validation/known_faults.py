"""Rules the DfE's own validators report wrongly on valid data, held once, as data.

Each fault names the validator release(s) it was checked against: a validation run by
any other release is not marked, so a new release (which may have fixed the rule, or
broken it differently) never inherits the mark; check the fault again on it and add
the release here. Each was checked on the smallest return that meets it, run through
that release (tests/returns/test_validator_defects.py), and by reading the release's
source (``where``). What the DfE's rule asks is taken from the rule's message and the
DfE's rule text as the validator's source gives them.

The Returns page, the child's data-quality panel and ``validate_return`` mark an error
or query under one of these rules; they never hide or discount it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

LAC_VALIDATOR = "csc-validator-be-903"
CIN_VALIDATOR = "csc-validator-be-cin"


@dataclass(frozen=True)
class KnownFault:
    """One rule a validator release reports on records that meet the DfE's rule."""

    kind: str  # the return: "cin" or "ssda903"
    rule: str
    package: str
    versions: tuple[str, ...]  # the releases it was checked against
    checked_on: date
    rule_asks: str  # what the DfE's rule asks, in its own words where they are clear
    validator_checks: str  # what the validator checks instead: when it reports wrongly
    check: str  # what the analyst checks, to tell the validator's fault from an error
    where: str  # the validator's source at fault, for the DfE or the validator's makers

    @property
    def what_to_do(self) -> str:
        releases = " and ".join(self.versions)
        return (
            f"{self.check} If so, nothing needs putting right: send the return with a note "
            f"to the DfE that {self.package} {releases} reports rule {self.rule} where "
            "the DfE's rule is met, as councils explain a query. If not, the report "
            "stands: put it right, or explain it, as any other."
        )


KNOWN_FAULTS: tuple[KnownFault, ...] = (
    KnownFault(
        kind="ssda903",
        rule="SW12STG2",
        package=LAC_VALIDATOR,
        versions=("0.1.17",),
        checked_on=date(2026, 12, 3),
        rule_asks=(
            "The DfE's rule asks that, for a child looked after on 31 March, every social "
            "worker episode of the year is reported, even those from before the child "
            "was looked after."
        ),
        validator_checks=(
            "The validator instead reports the episode that began the child's care "
            "whenever any of the child's social worker episodes began before it (a "
            "worker from before care, which the rule asks for), unless that episode of "
            "care also ended the child's care."
        ),
        check=(
            "Check that the child's social worker episodes (SWEpisodes) follow one "
            "another through the year and that one of them began before the child "
            "came into care."
        ),
        where="lac_validator/rules/lac2024_25/rule_SW12STG2.py, lines 54-57",
    ),
    KnownFault(
        kind="ssda903",
        rule="241",
        package=LAC_VALIDATOR,
        versions=("0.1.17",),
        checked_on=date(2026, 12, 3),
        rule_asks=(
            "The DfE's rule asks that the authority of a registered supported "
            "accommodation placement (K3, field PL_LA) is one where Ofsted's register "
            "lists premises for that provider (URN)."
        ),
        validator_checks=(
            "The validator instead compares the placement's authority with the "
            "authority making the return, so every K3 placement outside the authority "
            "is reported, whichever provider runs it."
        ),
        check=(
            "Check that the placement's authority (PL_LA) is where the accommodation "
            "is, and that Ofsted's register lists premises there for the provider's URN."
        ),
        where="lac_validator/rules/lac2025_26/rule_241.py, line 26",
    ),
    KnownFault(
        kind="ssda903",
        rule="SW11bSTG2",
        package=LAC_VALIDATOR,
        versions=("0.1.17",),
        checked_on=date(2026, 12, 3),
        rule_asks=(
            "The DfE's rule asks that a social worker episode ending in the last days "
            "before 31 March is followed by another social worker episode."
        ),
        validator_checks=(
            "The validator instead reports an episode that ended in the year's last five "
            "days and was followed the next day, whenever another episode came before "
            "it: it compares each episode's start with the end of the one after it, not "
            "whether one follows."
        ),
        check=(
            "Check that the child's next social worker episode began on the day after "
            "the reported one ended (SW_DECOM after SW_DEC)."
        ),
        where="lac_validator/rules/lac2023_24/rule_SW11bSTG2.py, lines 80-86",
    ),
    *(
        KnownFault(
            kind="ssda903",
            rule=rule,
            package=LAC_VALIDATOR,
            versions=("0.1.17",),
            checked_on=date(2026, 12, 3),
            rule_asks=rule_asks,
            validator_checks=(
                "The validator instead treats every placement still going on at 31 "
                "March as ended on 31 March (its rule 365, run before this one, writes "
                "31 March into every blank placement end date of the data the rules "
                "share), so a child missing or away from a placement that goes on is "
                "reported."
            ),
            check=(
                "Check that the placement the child went missing or away from has not "
                "ended (no end date, DEC) and that the child had not come back by 31 "
                "March (no MIS_END)."
            ),
            where=(
                "lac_validator/rules/lac2022_23/rule_365.py, line 18, writing into the "
                "data the rules share (lac_validator/datastore.py, line 148, copies it "
                "with deep=False)"
            ),
        )
        for rule, rule_asks in (
            (
                "575",
                "The DfE's rule asks that a missing or away from placement period has an "
                "end date (MIS_END) when the placement the child went missing from has "
                "ended.",
            ),
            (
                "577",
                "The DfE's rule asks that a missing or away from placement period has an "
                "end date (MIS_END) when the child has ceased to be looked after.",
            ),
        )
    ),
    KnownFault(
        kind="cin",
        rule="2887Q",
        package=CIN_VALIDATOR,
        versions=("0.1.13",),
        checked_on=date(2026, 12, 3),
        rule_asks=(
            "The DfE's query asks to check a census that uses fewer than 8 different "
            "disability codes, leaving NONE aside."
        ),
        validator_checks=(
            "The validator instead counts the children recorded with NONE (rows, not "
            "different codes): it queries a census with 7 or fewer children recorded "
            "with NONE, however many different codes it uses."
        ),
        check="Check that the census uses 8 or more different disability codes, NONE aside.",
        where="cin_validator/rules/cin2022_23/rule_2887Q.py, lines 31-35",
    ),
)

_BY_KEY = {
    (fault.package, version, fault.rule): fault
    for fault in KNOWN_FAULTS
    for version in fault.versions
}


def known_fault(*, package: str, version: str, rule: str) -> KnownFault | None:
    """The fault under ``rule`` of the validator release that ran, if one is known."""
    return _BY_KEY.get((package, version, rule))


def known_fault_rules(*, package: str, version: str) -> set[str]:
    """The rules a validator release is known to report wrongly."""
    return {rule for (name, release, rule) in _BY_KEY if (name, release) == (package, version)}
