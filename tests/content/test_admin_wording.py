"""The admin speaks of the practice by its name and writes WhatsApp, e-mail and phone numbers one way."""

import re

from django.contrib.auth.models import Group

from home.models import SiteSettings


def test_the_admin_is_titled_with_the_sites_name(client, demo_site, django_user_model):
    desk = django_user_model.objects.create_user("desk", password="pw-desk-123")
    desk.groups.add(Group.objects.get(name="Front desk"))
    client.force_login(desk)
    html = client.get("/admin/").content.decode()
    assert "Clinic website" not in html
    assert f"- {demo_site.site_name}</title>" in html
    assert re.search(rf"<h1[^>]*>\s*{re.escape(demo_site.site_name)}\s*</h1>", html)  # the dashboard's heading


def test_contact_fields_are_labelled_and_exemplified_one_way(admin_client, demo_site):
    settings_url = f"/admin/settings/home/sitesettings/{demo_site.pk}/"
    html = admin_client.get(settings_url).content.decode()
    assert "WhatsApp number" in html and "Whatsapp" not in html
    assert "Booking e-mail" in html
    error = SiteSettings._meta.get_field("whatsapp_number").error_messages["invalid"]
    assert "+91 98765 43210" in error
    assert "+91 98765 43210" in SiteSettings._meta.get_field("appointment_phone").help_text
