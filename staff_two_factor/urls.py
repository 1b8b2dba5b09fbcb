"""Two-step verification pages, under the admin (registered by wagtail_hooks)."""

from django.urls import path

from . import views

app_name = "staff_two_factor"

urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("set-up/", views.SetUpView.as_view(), name="set_up"),
    path("turn-off/", views.TurnOffView.as_view(), name="turn_off"),
]
