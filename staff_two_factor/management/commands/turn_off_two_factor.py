"""``manage.py turn_off_two_factor USERNAME``: for a staff member who lost their phone and their recovery codes."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from staff_two_factor.enrolment import has_two_factor, turn_off


class Command(BaseCommand):
    """Turn off someone's two-step verification, so that they can sign in with their password and set it up again."""

    help = (
        "Turn off two-step verification for a user who has lost their authenticator app and recovery codes. "
        "Check who is asking first: afterwards their password alone signs them in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user_model = get_user_model()
        try:
            user = user_model.objects.get_by_natural_key(username)
        except user_model.DoesNotExist:
            raise CommandError(f'There is no user "{username}".') from None
        if not has_two_factor(user):
            self.stdout.write(f"Two-step verification was already off for {username}.")
            return
        turn_off(user)
        self.stdout.write(
            f"Two-step verification is off for {username}: they can sign in with their password and set it up again."
        )
