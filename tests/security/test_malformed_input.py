"""No malformed input makes a server error: Hypothesis posts malformed values to every
form on every page in the policy (and tries them as GET filters), as the user of a role
that may use the page, and asserts no 5xx. Bounded (a few examples, each one request
per form) so ``make test`` stays quick."""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kinfolio
from kinfolio.accounts.models import Role
from kinfolio.accounts.permissions import ROLE_PERMISSIONS
from kinfolio.workforce.models import Allocation
from tests.accounts.test_authorisation_matrix import (
    PATTERNS,
    POLICY,
    records_for_urls,
    shared_records_for_urls,
    url_for,
)
from tests.factories import ChildFactory, D, ServiceFactory, TeamFactory
from tests.factories_accounts import staff

# Who tries each page: the first of these roles that may use it.
TRIERS = [Role.SERVICE_MANAGER, Role.DIRECTOR, Role.DATA_PROTECTION_OFFICER, *Role]
ALWAYS_TRIED = ("page",)  # the GET filter every list page has
MALFORMED = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "1 2",
            " 12 ",
            "0",
            "-1",
            "99999999999999999999",
            "1e9",
            "\u0663",
            "\uff11\uff12",
            "2025-02-30",
            "31/02/2025",
            "NaN",
            "%",
            "../",
            "<b>",
        ]
    ),
    st.text(alphabet=st.characters(exclude_categories=["Cs", "Cc"]), max_size=30),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)


# A date input's day, month and year (``<name>_0``, ``_1``, ``_2``): what people mistype.
DATE_PART = st.one_of(
    st.sampled_from(["1 2", " 3", "99999999999999999999", "0", "32", "13", "-1", "\u0663"]),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
)


def _malformed_for(name: str):
    return DATE_PART if name[-2:] in ("_0", "_1", "_2") else MALFORMED


class Forms(HTMLParser):
    """Each form's method, action and the names of its fields."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            method = (attrs.get("method") or "get").lower()
            self.forms.append({"method": method, "action": attrs.get("action"), "names": []})
        elif tag in ("input", "select", "textarea") and self.forms and attrs.get("name"):
            self.forms[-1]["names"].append(attrs["name"])


def _tryer(rule, users):
    return next(
        users[r] for r in TRIERS if rule.permission in ROLE_PERMISSIONS[r] or not rule.permission
    )


@pytest.fixture
def targets(db, client):
    """(user, url, method, field names) for every form and GET filter of every page."""
    team = TeamFactory(service=ServiceFactory(name="Safeguarding"))
    child = ChildFactory()
    Allocation.objects.create(
        child=child, role="social_worker", team=team, start_date=D(2025, 1, 6)
    )
    records_for_urls(child)
    shared_records_for_urls(about=child)
    users = {role: staff(role, team=team) for role in Role}
    found = []
    for name, route, _ in PATTERNS:
        rule = POLICY[name]
        if rule.public:
            continue
        user, url = _tryer(rule, users), url_for(name, route, child, team)
        client.force_login(user)
        response = client.get(url)
        found.append((user, url, "get", list(ALWAYS_TRIED)))
        html = response.get("Content-Type", "").startswith("text/html")
        if response.status_code != 200 or response.streaming or not html:
            continue  # a download (the PDF pack, a workbook) has no form to fill
        parser = Forms()
        parser.feed(response.content.decode())
        for form in parser.forms:
            form["names"] = [n for n in form["names"] if n != "csrfmiddlewaretoken"]
            if form["names"] and form["action"] in (None, "", url):
                found.append((user, url, form["method"], form["names"]))
    return found


# The forms are tried in parts, each its own Hypothesis run: one example filling every
# form at once overran Hypothesis's data budget.
PARTS = 6


@pytest.mark.walk
def test_malformed_values_never_make_a_server_error(client, targets):
    for part in range(PARTS):
        _no_server_error(client, targets[part::PARTS])


def _no_server_error(client, targets) -> None:
    @settings(
        max_examples=3,
        deadline=None,
        database=None,
        derandomize=True,  # the same examples on every run: make test is never flaky
        # One example fills every field of a part's forms: large by design.
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
    )
    @given(data=st.data())
    def run(data):
        for user, url, method, names in targets:
            values = {
                name: data.draw(_malformed_for(name), label=f"{url} {name}") for name in names
            }
            client.force_login(user)
            response = getattr(client, method)(url, values)
            assert response.status_code < 500, (user.role, method, url, values)

    run()


def test_every_date_input_is_the_shared_hardened_field():
    root = Path(kinfolio.__file__).parent
    direct = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "crispy_forms_gds.fields import DateInputField" in path.read_text()
        or "forms.DateField(" in path.read_text()
    ]
    assert not direct, f"Use kinfolio.core.form_fields.DateInputField in {direct}"
