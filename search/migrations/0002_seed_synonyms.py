"""Start the synonym list with generic oncology words patients type, and let editors keep it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SEED = [
    "chemo, chemotherapy",
    "radiotherapy, radiation",
    "tumour, tumor",
    "oesophagus, esophagus",
    "oesophageal, esophageal",
    "leukaemia, leukemia",
    "anaemia, anemia",
    "haematology, hematology",
    "haemoglobin, hemoglobin",
    "oestrogen, estrogen",
    "paediatric, pediatric",
    "mammogram, mammography",
    "immunotherapy, immuno",
]
# Wagtail's own staff groups; the synonym list is site content they look after.
EDITOR_GROUPS = ("Editors", "Moderators")
ACTIONS = ("add", "change", "delete")


def seed(apps, schema_editor):
    SearchSynonym = apps.get_model("site_search", "SearchSynonym")
    for words in SEED:
        SearchSynonym.objects.get_or_create(words=words)
    # Model permissions are normally created after all migrations have run; create them now.
    app_config = apps.get_app_config("site_search")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="site_search",
        codename__in=[f"{action}_searchsynonym" for action in ACTIONS],
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions)


def unseed(apps, schema_editor):
    apps.get_model("site_search", "SearchSynonym").objects.filter(words__in=SEED).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0001_search_synonyms"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
