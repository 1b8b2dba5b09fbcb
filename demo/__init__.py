"""The demo site: its data files and the code that builds it (``manage.py load_demo_content``).

An app of its own above blog: the demo site is built of every kind of content (doctors, clinics,
articles), so it may import them all while none of them knows it.
"""
