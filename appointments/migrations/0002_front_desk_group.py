"""The "Front desk" group: may use the Wagtail admin and the appointment inbox, nothing else."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Front desk"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("appointments", "appointmentrequest", "view_appointmentrequest"),
    ("appointments", "appointmentrequest", "change_appointmentrequest"),
]


def create_front_desk_group(apps, schema_editor):
    # Model permissions are normally created after all migrations have run; create them now.
    app_config = apps.get_app_config("appointments")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    for app_label, model, codename in PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        )
        group.permissions.add(permission)


def remove_front_desk_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # These give every admin group the image and document choosers; run them first
        # so the front desk group is created after them and keeps only the inbox.
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(create_front_desk_group, remove_front_desk_group)]
