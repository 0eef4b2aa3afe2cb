# `Sent` named what it records: the reminders `reinstate remind` emailed. RenameModel renames
# the table and keeps its rows, so no reminder is sent a second time after the upgrade.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("health", "0002_target_case"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameModel(old_name="Sent", new_name="ReminderSent"),
        migrations.AlterField(
            model_name="remindersent",
            name="owner",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="health_reminders_sent",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
    ]
