"""Roles: every organisation gets an admin. The person who set it up, when the audit log says
who did (the actor of its "organisation.created" event, if still a member); else its earliest
member."""

from typing import Any

from django.db import migrations, models


def make_admins(apps: Any, schema_editor: Any) -> None:
    Membership = apps.get_model("accounts", "Membership")
    AuditEvent = apps.get_model("audit", "AuditEvent")
    creators: dict[int, int] = {}
    created = AuditEvent.objects.filter(kind="organisation.created", actor__isnull=False)
    for actor_id, data in created.values_list("actor_id", "data"):
        if isinstance(data, dict) and isinstance(data.get("organisation"), int):
            creators.setdefault(data["organisation"], actor_id)
    organisations = Membership.objects.values_list("organisation_id", flat=True).distinct()
    for organisation_id in organisations:
        members = Membership.objects.filter(organisation_id=organisation_id)
        if members.filter(role="admin").exists():
            continue
        creator = creators.get(organisation_id)
        admin = members.filter(user_id=creator).first() if creator else None
        admin = admin or members.order_by("pk").first()
        if admin is not None:
            admin.role = "admin"
            admin.save(update_fields=["role"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_user_language"),
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="membership",
            name="role",
            field=models.CharField(
                choices=[("admin", "Admin"), ("advocate", "Advocate")],
                default="advocate",
                max_length=20,
            ),
        ),
        migrations.RunPython(make_admins, migrations.RunPython.noop),
    ]
