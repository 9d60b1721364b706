"""Background tasks (django-tasks; `manage.py db_worker` runs them)."""

from django_tasks import task

from kinfolio.returns import services


@task()
def validate_return(run_id: int) -> None:
    services.run_validation(run_id=run_id)
