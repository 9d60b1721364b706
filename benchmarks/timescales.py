"""Computing every open deadline for every child (issue 5: under 5 seconds on `large`)."""

import time


def run(report) -> None:
    from kinfolio.people.models import Person
    from kinfolio.timescales.calendar import default_calendar
    from kinfolio.timescales.selectors import clocks_for, rule_book

    children = Person.objects.filter(is_child_subject=True)
    default_calendar()  # built once per process; not what is measured
    started = time.perf_counter()
    open_clocks = clocks_for(children, book=rule_book(), open_only=True)
    elapsed = time.perf_counter() - started
    report("compute every open deadline for every child", elapsed, "s")
    report("  children", children.count(), "children")
    report("  open deadlines", len(open_clocks), "clocks")
    started = time.perf_counter()
    every = clocks_for(children, book=rule_book())
    report("compute every clock, open and met (for indicators)", time.perf_counter() - started, "s")
    report("  clocks", len(every), "clocks")
