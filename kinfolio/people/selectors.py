"""Reads about people. Every page about children starts from ``children_visible_to``."""

import re
from collections.abc import Callable
from datetime import date, datetime
from functools import cache, partial

from django.db import connection
from django.db.models import (
    CharField,
    DateField,
    DateTimeField,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
)
from django.db.models.functions import Upper
from django.utils import timezone

from kinfolio.accounts.models import User
from kinfolio.accounts.permissions import SEES_ALL_CHILDREN, SEES_OWN_SERVICE
from kinfolio.audit.models import BreakGlassGrant, RestrictedRecord
from kinfolio.core.queries import CodePointOrder, Prepared, Slot, filled
from kinfolio.people.models import Person, Relationship
from kinfolio.workforce.models import Allocation

SEARCH_LIMIT = 50
# What a row naming a child reads of them (their ID, ``full_name`` and age): a list that
# reads every column builds ~25 fields a row it never shows.
ROW_FIELDS = ("local_id", "given_name", "family_name", "date_of_birth", "expected_date_of_birth")


def children_visible_to(user: User) -> QuerySet[Person]:
    """The children this user may see: the one place that decides it (``visible_child``).

    Staff who see the whole front door see every child; case-holding staff see the
    children who are or were allocated to a team in their own service; everyone
    else sees none. A restricted record is then hidden from all of them, whatever
    their role, unless they are named on the restriction or hold a current
    break-glass grant for that child (``audit.models.RestrictedRecord``).
    """
    return Person.objects.filter(visible_child(user, "pk"))


def visible_child(user: User, field: str = "child") -> Q:
    """A condition on rows that name a child (in ``field``; ``"pk"`` on people): the
    user may see that child, by the rule ``children_visible_to`` states.

    Checked row by row, so a short list (a team's, a worker's) is not matched against
    every child the user may see, which SQLite gathers in full for
    ``child__in=children_visible_to(user)``. Each test is a condition on the row's own
    child, not one nested in a query of people: Django builds and compiles it in a
    third less time, once on every page that starts from the user's scope."""
    reach = _reach(user)
    if reach is None:
        return Q(**{f"{field}__in": []})
    return _visible(reach, field, **_values(user, reach))


def child_visible_to(
    user: User, local_id: str, read: Callable[[QuerySet[Person]], QuerySet[Person]] | None = None
) -> Person | None:
    """The child with this Kinfolio ID if the user may see them (``children_visible_to``),
    else None; ``read`` adds what a page reads with the child (annotations).

    Every page about one child starts here. Its query is built and compiled by Django
    once per process for each reach of user (``_reach``) and each ``read``, and run with
    the user's own values: compiling the scope cost each request ~6 ms of Python, ten
    times PostgreSQL's running it."""
    reach = _reach(user)
    if reach is None:
        return None
    sql, params = _child_query(reach, read, connection.vendor)
    values = filled(params, connection, local_id=local_id, **_values(user, reach))
    return next(iter(Person.objects.raw(sql, values)), None)


def read_visible_children(
    user: User, read: Callable[[QuerySet[Person]], QuerySet[Person]], **values
) -> list[Person]:
    """``read(children_visible_to(user))``: a page's list of children (``read`` filters,
    annotates and orders them), its query built and compiled by Django once per process
    for each reach of user and each ``read``, as ``child_visible_to``'s, and run with the
    user's values and ``values`` (for the ``Slot``s ``read`` leaves open). ``read`` is a
    function of the module, not made anew per request: the query is kept by it."""
    return _read_compiled(user, partial(_children_query, read=read), values)


def _read_compiled(
    user: User, compiled: Callable[[str, str], tuple[str, tuple, tuple]], values: dict
) -> list[Person]:
    """The children a query compiled once per process for each reach of user finds
    (``compiled(reach, vendor)``: its SQL, parameters and annotations), run with the
    user's values and ``values``."""
    reach = _reach(user)
    if reach is None:
        return []
    sql, params, annotations = compiled(reach, connection.vendor)
    values = filled(params, connection, **values, **_values(user, reach))
    children = list(Person.objects.raw(sql, values))
    for child in children:  # a raw read converts the model's fields, not what read adds
        for name, field in annotations:
            setattr(child, name, field.to_python(getattr(child, name)))
    return children


def _in_scope(reach: str) -> QuerySet[Person]:
    """The children a user of this reach may see, their values left as ``Slot``s."""
    return Person.objects.filter(_visible(reach, "pk", **_slots()))


def _annotations(children: QuerySet[Person]) -> tuple:
    return tuple((name, e.output_field) for name, e in children.query.annotation_select.items())


@cache
def _children_query(reach: str, vendor: str, read) -> tuple[str, tuple, tuple]:
    children = read(_in_scope(reach))
    return *children.query.sql_with_params(), _annotations(children)


@cache
def _child_query(reach: str, read, vendor: str) -> tuple[str, tuple]:
    children = _in_scope(reach).filter(local_id=Slot("local_id", CharField()))
    children = (read(children) if read else children).order_by()[:1]
    return children.query.sql_with_params()


def visible_rows(user: User, rows: Callable[[Q], QuerySet], **values) -> list[tuple]:
    """What ``rows(visible)`` reads (a ``values_list`` of rows naming a child), where
    ``visible`` is ``visible_child(user)``: numbers and flags, as the database gives them.

    Built and compiled by Django once per process for each reach of user and each
    ``rows``, as ``child_visible_to`` is, and run with the user's values and ``values``
    (the ``Slot``s of ``rows``' own query): building the scope into a query costs ~3 ms
    of Python a request, PostgreSQL's checking a team's children ~2 ms."""
    reach = _reach(user)
    if reach is None:
        return []
    sql, params = _rows_query(reach, rows, connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, filled(params, connection, **values, **_values(user, reach)))
        return cursor.fetchall()


@cache
def _rows_query(reach: str, rows, vendor: str) -> tuple[str, tuple]:
    return rows(_visible(reach, "child", **_slots())).query.sql_with_params()


def _slots() -> dict[str, Slot]:
    """The user's values, left open in a query of their scope compiled once."""
    return {
        "user_id": Slot("user_id", IntegerField()),
        "service_id": Slot("service_id", IntegerField()),
        "now": Slot("now", DateTimeField()),
    }


def _reach(user: User) -> str | None:
    """Which children the user's role reaches before restrictions: ``all``, those of
    their ``service``, or ``named`` (only restricted records they are named on); None
    for a user who may see none."""
    if not user.is_authenticated or not user.is_active or user.access_has_expired:
        return None
    if user.role in SEES_ALL_CHILDREN:
        return "all"
    if user.role in SEES_OWN_SERVICE and getattr(user, "worker", None) is not None:
        return "service"
    return "named"


def _values(user: User, reach: str) -> dict:
    service_id = user.worker.team.service_id if reach == "service" else None
    return {"user_id": user.pk, "service_id": service_id, "now": timezone.now()}


def _in_service(child: OuterRef, service_id) -> Exists:
    return Exists(Allocation.objects.filter(child=child, team__service_id=service_id))


def _visible(reach: str, field: str, *, user_id, service_id, now) -> Q:
    """``visible_child`` for a user of this reach, with their id, service and the time
    (values, or ``Slot``s for a query compiled once)."""
    child = OuterRef(field)
    is_child = Q(**{"is_child_subject" if field == "pk" else f"{field}__is_child_subject": True})
    restricted = RestrictedRecord.objects.filter(child=child, lifted_on__isnull=True)
    named = Exists(restricted.filter(allowed_users=user_id))
    if reach == "named":
        return is_child & Q(named)
    opened = Exists(BreakGlassGrant.objects.filter(child=child, user=user_id, expires_at__gt=now))
    unrestricted = ~Exists(restricted) | opened
    if reach == "service":
        unrestricted = _in_service(child, service_id) & unrestricted
    return is_child & (unrestricted | Q(named))


def visible_children_of(user: User, allocations: QuerySet[Allocation]) -> list[int]:
    """The ids of the children of these allocations that the user may see.

    One query checks each child once; a page then reads its rows by these ids, so the
    scope is neither checked again by each of its queries nor planned again (on a large
    authority the planning alone cost a team's deadlines 30 ms a query)."""
    visible = allocations.filter(visible_child(user)).order_by().values_list("child_id", flat=True)
    return sorted(set(visible))


def hidden_children_of(user: User, rows: QuerySet, field: str = "child") -> list[int]:
    """The ids of the children named in ``rows`` (in ``field``) that the user may not
    see: usually none, or the few whose record is restricted. A page reading a long
    indexed range (a team's deadlines) leaves these out, rather than being handed every
    child it may show (``visible_children_of``), which bends the range to those ids."""
    named = Person.objects.filter(pk__in=rows.order_by().values(field))
    # Each child checked once, however many rows name them.
    return list(named.exclude(visible_child(user, "pk")).order_by().values_list("pk", flat=True))


def children_hidden_from(user: User) -> QuerySet[Person]:
    """The children (``is_child_subject``) this user may not see: the complement of
    ``children_visible_to``, for counting rows that name only children (stored summaries)
    and leaving these out.

    For those who see every child only a restriction hides one, so the few restricted
    records are checked rather than every child (a short list); for anyone else, every
    child outside their scope."""
    children = Person.objects.filter(is_child_subject=True)
    if _reach(user) == "all":
        current = RestrictedRecord.objects.filter(child=OuterRef("pk"), lifted_on__isnull=True)
        children = children.filter(Exists(current))
    return children.exclude(visible_child(user, "pk"))


def restricted_people_hidden_from(user: User) -> QuerySet[Person]:
    """People under a current restriction whom this user may not open.

    A page that lists people without starting from ``children_visible_to`` (a visible
    child's family and network, a report over the whole authority) leaves these out,
    so a restricted child never appears by another route.
    """
    current = RestrictedRecord.objects.filter(child=OuterRef("pk"), lifted_on__isnull=True)
    # Each of the few restricted people checked against the user's scope, rather than
    # all of them against every child the user may see (300 ms on a large authority).
    return Person.objects.filter(Exists(current)).exclude(visible_child(user, "pk"))


def children_in_scope_ignoring_restrictions(user: User) -> QuerySet[Person]:
    """The children in the user's scope before restrictions are applied: only for
    offering break-glass access, never for showing a record."""
    children = Person.objects.filter(is_child_subject=True)
    reach = _reach(user)
    if reach == "all":
        return children
    if reach == "service":
        return children.filter(_in_service(OuterRef("pk"), _values(user, reach)["service_id"]))
    return children.none()


def search_children(user: User, query: str) -> QuerySet[Person] | list[Person]:
    """Children matching a name, Kinfolio ID, NHS number or date of birth, within the
    user's scope. A date may be typed as 2015-03-31 or 31/3/2015. A search by name (of up
    to ``NAME_WORDS`` words), NHS number or date of birth is compiled once per process
    and run with what was typed (``read_visible_children``)."""
    query = query.strip()
    if not query:
        return Person.objects.none()
    born = _parse_date(query)
    digits = re.sub(r"\s", "", query)
    if born:
        return read_visible_children(user, _born_on, born=born)
    if digits.isdigit() and len(digits) == 10:
        return read_visible_children(user, _with_nhs_number, nhs_number=digits)
    if re.fullmatch(r"[A-Za-z]{1,4}\d+", query):
        # Built each time: SQLite's case-blind match escapes the typed value in Python,
        # which a value left open cannot be.
        return _found(children_visible_to(user), Q(local_id__iexact=query))
    words = query.split()
    if len(words) == 1:
        return _read_compiled(user, _named_by_one_word, dict(_word_values(words)))
    if len(words) <= NAME_WORDS:
        return read_visible_children(user, _named(len(words)), **dict(_word_values(words)))
    return _found(children_visible_to(user), _name_match(words))


def _found(children: QuerySet[Person], match: Q) -> QuerySet[Person]:
    return _in_name_order(children.filter(match))[:SEARCH_LIMIT]


# The order a person reads names, whatever their case, by code point on either database
# (people migration 0003 indexes it; columns by name, as a union's order names them).
NAME_ORDER = ("family_key", "given_key", "date_of_birth", "id")


def _in_name_order(children: QuerySet[Person]) -> QuerySet[Person]:
    return (
        children.only(*ROW_FIELDS, "nhs_number")  # what the results show
        .annotate(
            family_key=CodePointOrder(Upper("family_name")),
            given_key=CodePointOrder(Upper("given_name")),
        )
        .order_by(*NAME_ORDER)
    )


def _born_on(children: QuerySet[Person]) -> QuerySet[Person]:
    born = Slot("born", DateField())
    return _found(children, Q(date_of_birth=born) | Q(expected_date_of_birth=born))


def _with_nhs_number(children: QuerySet[Person]) -> QuerySet[Person]:
    return _found(children, Q(nhs_number=Slot("nhs_number", CharField())))


NAME_WORDS = 4  # a longer name is searched for with a query built for it


def _word_values(words: list[str]):
    return ((f"word{i}", word) for i, word in enumerate(words))


def _word_slots(words: int) -> list[Slot]:
    """The ``Slot``s a query compiled once leaves for ``words`` words (``_word_values``)."""
    return [Slot(name, CharField()) for name, _ in _word_values(["?"] * words)]


@cache
def _named(words: int) -> Callable[[QuerySet[Person]], QuerySet[Person]]:
    """The read of children named by ``words`` words (one function per number of words,
    so each is compiled once)."""
    slots = _word_slots(words)
    return lambda children: _found(children, _name_match(slots))


@cache
def _named_by_one_word(reach: str, vendor: str) -> tuple[str, tuple, tuple]:
    """``_named(1)``'s query, for PostgreSQL in two parts: the children whose family name
    starts with the word, read in order from the name order index only until there are
    enough (a common surname names thousands), and those whose given or preferred name
    does (found by the prefix indexes); then the first of both in name order."""
    if not connection.features.supports_slicing_ordering_in_compound:
        # SQLite (the demo) cannot limit a part of a union; it scans its small table.
        return _children_query(reach, vendor, read=_named(1))
    children = _in_scope(reach)
    (word,) = _word_slots(1)
    by_family = _in_name_order(children).filter(family_key__startswith=Upper(word))
    by_other = Q(given_name__istartswith=word) | Q(preferred_name__istartswith=word)
    (first, first_params), (other, other_params) = (
        by_family[:SEARCH_LIMIT].query.sql_with_params(),
        _in_name_order(children.filter(by_other)).order_by().query.sql_with_params(),
    )
    order = ", ".join(NAME_ORDER)
    sql = f"SELECT * FROM (({first}) UNION ({other})) AS found ORDER BY {order} LIMIT %s"
    return sql, (*first_params, *other_params, SEARCH_LIMIT), _annotations(by_family)


def _name_match(words) -> Q:
    """Each word starts a given, family or preferred name."""
    match = Q()
    for word in words:
        match &= (
            Q(given_name__istartswith=word)
            | Q(family_name__istartswith=word)
            | Q(preferred_name__istartswith=word)
        )
    return match


def _parse_date(text: str) -> date | None:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d %m %Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _relationships_of_a_child() -> QuerySet[Relationship]:
    current = RestrictedRecord.objects.filter(lifted_on__isnull=True)
    child = Slot("child", IntegerField())
    return (
        Relationship.objects.filter(Q(person=child) | Q(other=child))
        .select_related("person", "other")
        .annotate(
            person_restricted=Exists(current.filter(child=OuterRef("person"))),
            other_restricted=Exists(current.filter(child=OuterRef("other"))),
        )
        .order_by("pk")
    )


_relationships = Prepared(_relationships_of_a_child)


def family_and_network(child: Person, *, user: User) -> list[dict]:
    """The people related to a child, seen from the child's side, leaving out anyone
    whose record is restricted from ``user`` (a sibling adopted under a new name).

    One query (compiled once per process); one more only when a relative's record is
    restricted, checking those relatives alone against the user's scope
    (``restricted_people_hidden_from``)."""
    to_child, from_child, restricted = [], [], set()
    for rel in _relationships(child=child.pk):
        if rel.other_id == child.pk:
            to_child.append(rel)
            if rel.person_restricted:
                restricted.add(rel.person_id)
        else:
            from_child.append(rel)
            if rel.other_restricted:
                restricted.add(rel.other_id)
    hidden = set()
    if restricted:
        hidden = set(
            restricted_people_hidden_from(user)
            .filter(pk__in=restricted)
            .values_list("pk", flat=True)
        )
    rows = [
        {
            "person": rel.person,
            "relationship": rel.get_relationship_type_display(),
            "parental_responsibility": rel.has_parental_responsibility,
            "lives_with": rel.lives_with,
        }
        for rel in to_child
        if rel.person_id not in hidden
    ]
    return rows + [
        {
            "person": rel.other,
            "relationship": f"{rel.get_relationship_type_display()} of",
            "parental_responsibility": False,
            "lives_with": rel.lives_with,
        }
        for rel in from_child
        if rel.other_id not in hidden
    ]
