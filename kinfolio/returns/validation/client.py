"""Run the DfE's validators on a return, in their own virtualenv, in a subprocess."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from kinfolio.returns.years import CollectionYear

RUNNER = Path(__file__).with_name("runner.py")
KINDS = ("cin", "ssda903")


class ValidatorsMissing(RuntimeError):
    """The validators' virtualenv has not been made."""


class ValidatorFailed(RuntimeError):
    """The validator stopped without finishing (its message is kept)."""


@dataclass(frozen=True)
class Finding:
    rule: str
    message: str
    child: str  # the LA child ID as written in the return; "" for the whole return
    table: str
    field: str
    row: int | None
    # A query (CIN rules such as 8670Q): the DfE asks the council to check it and either
    # amend the data or give a reason; unlike an error, it does not stop the return.
    query: bool = False

    def __str__(self) -> str:
        where = ".".join(part for part in (self.table, self.field) if part)
        rule = f"{self.rule} (query)" if self.query else self.rule
        return f"{rule}\t{self.child or '(whole return)'}\t{where}\t{self.message}"


@dataclass(frozen=True)
class Result:
    findings: list[Finding]
    seconds: float  # the validator's own time
    failed_rules: list[str]  # rules the validator could not run on this return
    validator: str  # the package that ran: csc-validator-be-903 or csc-validator-be-cin
    version: str  # its release: which rules it is known to report wrongly depends on it

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if not finding.query]

    @property
    def queries(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.query]


def validators_python() -> Path:
    python = Path(settings.KINFOLIO_VALIDATORS_PYTHON)
    if not python.exists():
        raise ValidatorsMissing(
            f"The DfE validators are not installed ({python} is missing). Run "
            "`make validators` to make their virtualenv (.venv-validators)."
        )
    return python


def run_validator(kind: str, year: CollectionYear, target: Path) -> Result:
    """Validate the return at ``target`` (the CIN XML file or the SSDA903 folder)."""
    if kind not in KINDS:
        raise ValueError(f"A return is one of {', '.join(KINDS)}, not {kind!r}.")
    command = [
        str(validators_python()),
        str(RUNNER),
        kind,
        str(year.end_year),
        settings.KINFOLIO_LA_ONS_CODE,
        str(target),
    ]
    timeout = settings.KINFOLIO_VALIDATOR_TIMEOUT_SECONDS
    try:
        completed = subprocess.run(
            command, capture_output=True, text=True, check=False, timeout=timeout
        )
    except subprocess.TimeoutExpired as expired:
        raise ValidatorFailed(
            f"The {kind} validator had not finished after {timeout} seconds and was stopped."
        ) from expired
    lines = [json.loads(line) for line in completed.stdout.splitlines() if line.strip()]
    if completed.returncode != 0 or not lines or not lines[-1].get("done"):
        tail = "\n".join(completed.stderr.strip().splitlines()[-5:])
        raise ValidatorFailed(f"The {kind} validator stopped: {tail}")
    findings = [
        Finding(
            rule=line["rule"],
            message=line["message"],
            child=line["child"],
            table=line["table"],
            field=line["field"],
            row=line["row"],
            query=line["query"],
        )
        for line in lines[:-1]
    ]
    done = lines[-1]
    return Result(
        findings=findings,
        seconds=done["seconds"],
        failed_rules=done["failed_rules"],
        validator=done["validator"],
        version=done["version"],
    )
