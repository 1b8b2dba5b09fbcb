"""The public API's wiring (``/api/v2/``, ``/api/v3/``): routers, guards, the answer cache, Wagtail's routers adapted.

Importing a module of this package installs nothing: the v3 API is wired in ``cms/api/wiring.py``
(imported by ``cms/urls.py``, once every app is ready), whose docstring gives the order.
"""
