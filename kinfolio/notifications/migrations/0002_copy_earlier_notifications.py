"""Copies the two earlier kinds of message into the one Notification model: the daily
deadline digests (timescales.Notification) and the break-glass alerts
(audit.PrivacyAlert), which until now were written but shown nowhere."""

from django.db import migrations


def copy(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    Digest = apps.get_model("timescales", "Notification")
    PrivacyAlert = apps.get_model("audit", "PrivacyAlert")
    Notification.objects.bulk_create(
        Notification(
            recipient_id=old.recipient_id,
            kind="deadline_digest",
            subject=old.subject,
            body=old.body,
            link="/timescales/",  # the deadlines page when this was written
            key=old.digest_date.isoformat(),
            created_at=old.created_at,
            emailed_at=old.updated_at if old.emailed else None,
            read_at=old.read_at,
        )
        for old in Digest.objects.iterator()
    )
    alerts = PrivacyAlert.objects.select_related("grant__child", "grant__user")
    Notification.objects.bulk_create(
        Notification(
            recipient_id=alert.recipient_id,
            kind="break_glass",
            subject=f"Restricted record opened: {alert.grant.child.local_id}",
            body=(
                f"{alert.grant.user.username} used emergency access to open the restricted "
                f"record {alert.grant.child.local_id} at {alert.grant.granted_at:%-d %B %Y %H:%M} "
                f"(UTC).\n\nReason given: {alert.grant.reason}"
            ),
            child_id=alert.grant.child_id,
            created_at=alert.created_at,
            read_at=alert.read_at,
        )
        for alert in alerts.iterator()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("timescales", "0003_default_rules"),
        ("audit", "0004_changeevent_version"),
    ]

    operations = [migrations.RunPython(copy, migrations.RunPython.noop)]
