"""Background tasks (django-tasks; `manage.py db_worker` runs them)."""

from django_tasks import task

from kinfolio.inspection.annex_a_runs import produce_annex_a


@task()
def produce_annex_a_task(run_id: int) -> None:
    produce_annex_a(run_id=run_id)
