"""Admin wiring for search: the synonym list staff edit, under Settings beside the promoted results."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    """Settings → Search synonyms."""

    model = SearchSynonym
    icon = "search"
    menu_label = "Search synonyms"
    add_to_settings_menu = True
    list_display = ["words"]
    search_fields = ["words"]


register_snippet(SearchSynonymViewSet)
