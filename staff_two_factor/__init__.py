"""Two-step verification for the Wagtail admin: an authenticator app's code (and recovery codes) at sign-in."""
