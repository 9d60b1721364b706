import datetime as dt
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, reverse, set_script_prefix

from kinfolio.people.models import Person
from kinfolio.people.templatetags.child_lists import age_on, child_url, status_tags


@pytest.mark.parametrize("local_id", ["KF0000123", "a b", "ü%é", "x?y#z", "K&<>"])
@pytest.mark.parametrize("name", ["people:child", "children_in_care:care"])
def test_child_url_is_the_link_reverse_gives(local_id, name):
    assert child_url(local_id, name) == reverse(name, args=[local_id])


def test_child_url_under_a_script_prefix_is_the_link_reverse_gives():
    set_script_prefix("/council/")
    try:
        assert child_url("KF1") == reverse("people:child", args=["KF1"]) == "/council/children/KF1/"
    finally:
        set_script_prefix("/")


@pytest.mark.parametrize("local_id", ["", "a/b"])
def test_child_url_refuses_what_reverse_refuses(local_id):
    with pytest.raises(NoReverseMatch):
        child_url(local_id)


def test_child_url_in_a_template_is_escaped_as_the_url_tag():
    rendered = Template("{% load child_lists %}{% child_url id %}|{% url 'people:child' id %}")
    first, second = rendered.render(Context({"id": "K&<>"})).split("|")
    assert first == second


def flags(**given):
    names = ("is_looked_after", "on_cp_plan", "is_care_leaver", "open_cin", "in_early_help")
    return SimpleNamespace(**{name: given.get(name, False) for name in names})


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ({}, ""),
        ({"open_cin": True}, "Child in need"),
        ({"open_cin": True, "on_cp_plan": True}, "Child protection plan"),
        ({"open_cin": True, "is_looked_after": True}, "Looked after"),
        (
            {"is_looked_after": True, "is_care_leaver": True, "in_early_help": True},
            "Looked after|Care leaver|Early help",
        ),
    ],
)
def test_status_tags_say_child_in_need_only_when_no_plan_or_care_says_more(given, shown):
    tags = status_tags(flags(**given))
    assert "|".join(part.split(">")[1].split("<")[0] for part in tags.split("\n") if part) == shown


def test_status_tags_are_govuk_tags_in_their_colours():
    assert status_tags(flags(on_cp_plan=True, in_early_help=True)) == (
        '<strong class="govuk-tag govuk-tag--orange">Child protection plan</strong>\n'
        '<strong class="govuk-tag govuk-tag--green">Early help</strong>'
    )


def test_age_on_is_the_childs_age_on_that_day():
    child = Person(date_of_birth=dt.date(2015, 12, 4))
    assert age_on(child, dt.date(2026, 12, 3)) == child.age_on(dt.date(2026, 12, 3)) == 10
    assert age_on(child, dt.date(2026, 12, 4)) == 11
