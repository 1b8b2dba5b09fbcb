"""``WAGTAIL_FINISH_WORKFLOW_ACTION``: what happens when a workflow is approved.

Wagtail imports this while its own models are being defined, so the rules are
imported only when a workflow finishes (see ``blog/review_gate.py``).
"""


def publish_reviewed(workflow_state, user=None):
    """Publish the approved page; an article only with a named author and an independent medical approval."""
    # Wagtail imports this module (WAGTAIL_FINISH_WORKFLOW_ACTION) while wagtail.models loads, and
    # review_gate imports wagtail.models: importing it here, when a workflow finishes, breaks that cycle.
    from .review_gate import publish_approved

    return publish_approved(workflow_state, user=user)
