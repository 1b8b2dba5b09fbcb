"""An index of the pages shown in menus, by depth and tree path (PostgreSQL).

The site shell's menu is the root page's children with ``show_in_menus``. Without an index that
condition was tested on every visible page: 50,000 articles made it a scan of the page table on
every page and every ``/api/v3/site/``. Few pages are in menus, so the partial index stays tiny.
``varchar_pattern_ops`` lets Wagtail's ``path LIKE '<root path>%'`` use it whatever the collation.
"""

from django.db import migrations

from cms.postgresql_indexes import postgresql_index


class Migration(migrations.Migration):
    dependencies = [("home", "0005_page_visibility_index")]

    operations = [
        postgresql_index("page_in_menu_idx", "wagtailcore_page (depth, path varchar_pattern_ops) WHERE show_in_menus")
    ]
