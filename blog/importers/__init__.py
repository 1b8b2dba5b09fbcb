"""Bringing existing articles into the site (``manage.py import_articles``).

Readers (:mod:`.wordpress`, :mod:`.files`) turn an export into
:class:`.source.SourceArticle` items; :mod:`.html_to_blocks` converts their
HTML to the body's StreamField blocks; :mod:`.images` puts their pictures in
the image library; :mod:`.importer` creates the draft pages, redirects and
the report.
"""
