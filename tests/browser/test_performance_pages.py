"""Journey: the director looks at the dashboard, one indicator with its chart and
benchmarks, and a page of the monthly performance pack (PDF, drawn to an image)."""

import pypdfium2
from django.urls import reverse
from playwright.sync_api import expect

from kinfolio.accounts.models import Role
from kinfolio.performance.models import Commentary
from kinfolio.workforce.models import Allocation
from tests.browser.axe import assert_accessible
from tests.browser.conftest import SCREENSHOTS
from tests.browser.journey import sign_in
from tests.factories import CINEpisodeFactory, D, TeamFactory


def test_director_reads_the_dashboard_an_indicator_and_the_pack(
    page, screenshot, make_user, settings, client
):
    settings.KINFOLIO_DEMO_2FA_EXEMPT = True
    director = make_user(Role.DIRECTOR, username="director", first_name="Mo", last_name="Director")
    team = TeamFactory(name="North locality")
    for month, day in ((4, 2), (5, 7), (6, 3), (6, 20), (9, 9)):
        episode = CINEpisodeFactory(
            referral_date=D(2024, month, day),
            team=team,
            close_date=D(2024, month, day + 1),
            close_reason="RC8",
        )
        Allocation.objects.create(
            child=episode.child, role="social_worker", team=team, start_date=D(2024, month, day)
        )
    CINEpisodeFactory(child=episode.child, referral_date=D(2025, 2, 3), team=team)
    Commentary.objects.create(
        indicator_id="re_referrals",
        period="2025-02-m",
        text="One family re-referred after the school raised new concerns.",
        written_by=director,
    )

    sign_in(page, "director", start="/")
    page.goto(reverse("performance:dashboard") + "?period=2024-25")
    expect(page.get_by_role("heading", name="Director's dashboard")).to_be_visible()
    expect(page.get_by_test_id("dashboard")).to_contain_text("Re-referrals within 12 months")
    assert_accessible(page)
    screenshot("director-dashboard")

    page.get_by_role("link", name="Re-referrals within 12 months").click()
    expect(page.get_by_test_id("rule")).to_contain_text("exactly 12 months earlier")
    expect(page.get_by_test_id("benchmarks")).to_contain_text("England")
    expect(page.get_by_test_id("trend-chart")).to_be_visible()
    chart = page.get_by_test_id("trend-chart")
    # The chart is an <img> fetched after the page: wait for it before measuring it.
    chart.evaluate(
        "img => img.complete || new Promise(done => { img.onload = img.onerror = done; })"
    )
    assert chart.evaluate("img => img.naturalWidth") > 0
    assert_accessible(page)
    screenshot("indicator-with-chart-and-benchmarks")

    client.force_login(director)
    pdf = client.get(reverse("performance:pack"), {"period": "2025-02-m"}).content
    document = pypdfium2.PdfDocument(pdf)
    assert len(document) > 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for number in (0, len(document) // 2):
        image = document[number].render(scale=1.5).to_pil()
        image.save(SCREENSHOTS / f"performance-pack-page-{number + 1}.png")


def test_an_analyst_enters_and_imports_collected_values(
    page, screenshot, make_user, settings, tmp_path
):
    settings.KINFOLIO_DEMO_2FA_EXEMPT = True
    make_user(Role.PERFORMANCE_ANALYST, username="analyst", first_name="Priya", last_name="Shah")

    sign_in(page, "analyst", start="/")
    page.goto(reverse("performance:collected"))
    page.get_by_role("link", name="Children aged 0 to 17 living in the authority").click()
    expect(page.get_by_text("ONS mid-year population estimates").first).to_be_visible()
    page.get_by_role("button", name="Enter a value").click()
    page.get_by_label("Period", exact=True).fill("2024-25")
    page.get_by_label("Value", exact=True).fill("52,310")
    page.get_by_label("Source", exact=True).fill("ONS mid-year population estimates, mid-2024")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Value saved")).to_be_visible()
    expect(page.get_by_test_id("change-history")).to_contain_text("52,310")
    expect(page.get_by_test_id("change-history")).not_to_contain_text("52310.00")
    assert_accessible(page)
    screenshot("collected-indicator")

    page.goto(reverse("performance:import-collected"))
    wrong = tmp_path / "values.csv"
    wrong.write_text("indicator,period,value,source\npopulation_0_17,2025,1,ONS\n")
    page.get_by_label("Upload a CSV file").set_input_files(str(wrong))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("alert")).to_contain_text("Row 2: '2025' is not a period")
    assert_accessible(page)
    screenshot("collected-import-errors")
