"""Give every organisation a code that drivers type to share a case with it."""

import secrets

from django.db import migrations, models

import reinstate.accounts.models


def fill_codes(apps, schema_editor):  # type: ignore[no-untyped-def]
    organisation = apps.get_model("accounts", "Organisation")
    for org in organisation.objects.filter(invite_code__isnull=True):
        org.invite_code = secrets.token_hex(4).upper()
        org.save(update_fields=["invite_code"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="invite_code",
            field=models.CharField(max_length=16, null=True),
        ),
        migrations.RunPython(fill_codes, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="organisation",
            name="invite_code",
            field=models.CharField(
                default=reinstate.accounts.models.new_invite_code, max_length=16, unique=True
            ),
        ),
    ]
