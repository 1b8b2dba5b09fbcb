"""Which page answers a path, and everything it shows, read in a fixed number of queries.

One answer serves two surfaces: the route API (``/api/v3/route/``, :mod:`routing.route`) and the
server-rendered page, which inlines that same answer so the app hydrates from the JSON it would
fetch (:mod:`frontend.page_payload`). It sits below ``frontend`` and above ``blog``: it reads every
page type, and the API wiring (``cms.api``) mounts its router and its page queryset.

- :mod:`routing.route`: the route router (a path or a page id → the visible page or its redirect);
- :mod:`routing.prefetch`: a page's relations, ancestors and related articles loaded for all at once;
- :mod:`routing.pages_visibility`: the visibility rule as the page APIs' queryset.
"""
