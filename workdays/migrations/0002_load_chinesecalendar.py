from django.db import migrations


def load(apps, schema_editor):
    from workdays.loader import load_package_calendar

    load_package_calendar(apps.get_model("workdays", "CalendarYear"), apps.get_model("workdays", "CalendarDay"))


class Migration(migrations.Migration):
    dependencies = [("workdays", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
