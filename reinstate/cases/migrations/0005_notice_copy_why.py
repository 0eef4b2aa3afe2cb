"""The notice's checklist item said a copy must be added to the evidence locker "so it goes into
your appeal"; the packet now carries the notice itself, so open cases say so too (the words are
copied into each case when it opens)."""

from django.db import migrations

OLD = (
    "Shows exactly what the platform said, and when. Add the email or a screenshot of it to the "
    "evidence locker so it goes into your appeal."
)
NEW = (
    "Shows exactly what the platform said, and when. The notice you pasted or uploaded goes into "
    "your appeal packet; a screenshot of it in the evidence locker helps too."
)


def say_it_is_in_the_packet(apps, schema_editor):
    ChecklistItem = apps.get_model("cases", "ChecklistItem")
    ChecklistItem.objects.filter(key="notice_copy", why=OLD).update(why=NEW)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0004_case_steps_seen"),
    ]

    operations = [migrations.RunPython(say_it_is_in_the_packet, migrations.RunPython.noop)]
