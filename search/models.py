"""Search synonyms: words patients use for the same thing, kept by staff in the admin."""

import re

from django.core.exceptions import ValidationError
from django.db import models

# A word: what lies between spaces and punctuation (not ``\w+``, which splits Hindi words at their vowel signs).
WORD = re.compile(r"[^\s!-/:-@\[-`{-~“”‘’«»…–—]+")


def synonym_words(text: str) -> list[str]:
    """The distinct words of a comma-separated list, lower-cased, in their given order."""
    words = [word.strip().lower() for word in text.split(",")]
    return list(dict.fromkeys(word for word in words if word))


class SearchSynonym(models.Model):
    """Words that mean the same to a reader (“tumour, tumor”, “chemo, chemotherapy”).

    Searching for any of them finds pages with any of them, on the site search
    and the article list's ``q=``.
    """

    words = models.CharField(
        max_length=255,
        unique=True,
        help_text="Two or more single words that mean the same, separated by commas, e.g. “tumour, tumor”. "
        "A search for any of them finds pages using any of them.",
    )

    panels = ["words"]

    class Meta:
        ordering = ["words"]
        verbose_name = "search synonym"

    def __str__(self) -> str:
        return self.words

    def clean(self):
        super().clean()
        words = synonym_words(self.words)
        not_words = [word for word in words if not WORD.fullmatch(word)]
        if not_words:
            raise ValidationError(
                {"words": f"Use single words without spaces or punctuation: “{not_words[0]}” is not one."}
            )
        if len(words) < 2:
            raise ValidationError({"words": "Enter at least two different words, separated by commas."})
        self.words = ", ".join(words)
