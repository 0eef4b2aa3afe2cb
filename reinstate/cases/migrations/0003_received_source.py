"""How each case's received time was known; the notice's own checklist item is collected.

Existing cases: a received time within seconds of the case's opening was the clock's (assumed
now); otherwise an email's came from its Date header, and a pasted notice's from the driver.
"""

from datetime import timedelta

from django.db import migrations, models

SAME_MOMENT = timedelta(seconds=5)


def known_sources(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    ChecklistItem = apps.get_model("cases", "ChecklistItem")
    changed = []
    for case in Case.objects.only(
        "pk", "received_at", "created_at", "notice_filename", "notice_sender", "notice_subject"
    ).iterator():
        email = (
            case.notice_filename.lower().endswith(".eml")
            or bool(case.notice_sender)
            or bool(case.notice_subject)
        )
        if abs(case.received_at - case.created_at) <= SAME_MOMENT:
            case.received_source = "assumed_now"
        else:
            case.received_source = "email_header" if email else "given"
        changed.append(case)
    Case.objects.bulk_update(changed, ["received_source"], batch_size=500)
    # The case holds the notice from the start: it is not a document still to collect.
    ChecklistItem.objects.filter(key="notice_copy", done=False).update(done=True)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0002_case_outcome"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="received_source",
            field=models.CharField(
                choices=[
                    ("given", "as you said"),
                    ("email_header", "from the email's date"),
                    ("assumed_now", "assumed: when the case was opened"),
                ],
                default="assumed_now",
                max_length=16,
            ),
        ),
        migrations.RunPython(known_sources, migrations.RunPython.noop),
    ]
