"""The admin's "Forgotten password?" form, with a bound on the e-mails it sends.

Without one, anyone could make the site mail a staff member hundreds of reset
links, or use it to send mail in bulk. The page itself answers the same
whatever happens (it never says whether an account exists), so a request
over the limit simply sends nothing; the limits are counted like the
appointment limits (``appointments.rate_limits``), per client address
(``home.client_address``) and per account.
"""

import logging

from django.conf import settings
from wagtail.admin.forms.auth import PasswordResetForm

from appointments.rate_limits import hit
from home.client_address import client_address

logger = logging.getLogger(__name__)


class ThrottledPasswordResetForm(PasswordResetForm):
    """Wagtail's password-reset form that sends at most ``PASSWORD_RESET_LIMIT_PER_ADDRESS`` e-mails per
    address and ``PASSWORD_RESET_LIMIT_PER_ACCOUNT`` per account (each a ``(count, seconds)`` pair)."""

    def save(self, *args, request=None, **kwargs):
        """Send the reset e-mails unless the asking address is over its limit."""
        limit, window = settings.PASSWORD_RESET_LIMIT_PER_ADDRESS
        if request is not None and not hit("password-reset-ip", client_address(request), limit, window).allowed:
            logger.warning("Password reset refused: too many requests from one address")
            return
        super().save(*args, request=request, **kwargs)

    def get_users(self, email):
        """The accounts to mail, leaving out those that were sent their limit of reset e-mails."""
        limit, window = settings.PASSWORD_RESET_LIMIT_PER_ACCOUNT
        for user in super().get_users(email):
            if hit("password-reset-account", str(user.pk), limit, window).allowed:
                yield user
            else:
                logger.warning("Password reset refused: too many requests for account id %s", user.pk)
