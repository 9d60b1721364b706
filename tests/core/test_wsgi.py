"""The server's entry point, as gunicorn loads it in each process."""

from tests.core.new_process import printed_by


def test_the_server_process_loads_every_url_and_freezes_what_it_loaded(tmp_path):
    # In a process of its own, as a server worker is: freezing is process-wide.
    probe = (
        "import gc, sys, kinfolio.wsgi; "
        "print(gc.get_freeze_count(), 'kinfolio.urls' in sys.modules, "
        "'kinfolio.people.views' in sys.modules)"
    )
    printed = printed_by(probe, KINFOLIO_VAR_DIR=str(tmp_path)).split()
    frozen, urls_loaded, views_loaded = int(printed[0]), printed[1], printed[2]
    assert urls_loaded == views_loaded == "True"
    assert frozen > 50_000
