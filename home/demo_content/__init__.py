"""The demo site: its data files and the code that builds it (``load_demo_content``)."""
