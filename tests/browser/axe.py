"""Accessibility checks with axe-core, run inside the page under test.

``assert_accessible(page)`` fails on any violation axe rates serious or critical, and
lists each with the elements it found. axe is evaluated through the DevTools protocol,
so the site's content security policy (which rightly forbids injected scripts) stays on.
"""

from pathlib import Path

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text()
BLOCKING = {"serious", "critical"}


def axe_violations(page) -> list[dict]:
    page.evaluate(AXE_SOURCE)
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in results["violations"] if v.get("impact") in BLOCKING]


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    report = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )
    assert not violations, f"axe found serious or critical violations on {page.url}:\n{report}"
