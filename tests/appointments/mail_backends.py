"""E-mail backends that misbehave on purpose, as a real mail server sometimes does."""

import threading
from smtplib import SMTPServerDisconnected

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class BrokenBackend(BaseEmailBackend):
    """A mail server that hangs up."""

    def send_messages(self, email_messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed")


class GatedBackend(LocmemBackend):
    """Delivers only once the test opens the gate: a mail server as slow as the test wants."""

    gate = threading.Event()

    def send_messages(self, email_messages):
        if not self.gate.wait(timeout=30):
            raise TimeoutError("the test never opened the gate")
        return super().send_messages(email_messages)
