"""Text a visitor typed, made safe to show inside the e-mail staff read and trust.

A visitor controls the name and the reason. Put into a plain-text e-mail as
they are, a newline lets them add lines that look like the clinic's own ("Open
it in the inbox: https://…", a fake reference), and a web address becomes a
link the mail program makes clickable. So single-line fields are kept on one
line, the reason is set off as a quoted block that cannot be mistaken for the
e-mail's own text, and addresses are written so no mail program links them.
"""

import re

# Line breaks of every kind (\r, \n, \u2028…) and other control characters.
LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f]")
# "https://", "ftp://"… and "www." are what mail programs turn into links.
SCHEME = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*):/+")
WWW = re.compile(r"(?i)\bwww\.")
QUOTE_PREFIX = "    | "


def unlinked(text: str) -> str:
    """``text`` with every web address written so that no mail program links it ("https[:]//", "www[.]")."""
    return WWW.sub("www[.]", SCHEME.sub(r"\1[:]//", text))


def one_line(text: str) -> str:
    """A visitor's single-line field: line breaks become spaces, control characters go, links are defused."""
    text = CONTROL_CHARACTERS.sub("", LINE_BREAKS.sub(" ", text or ""))
    return unlinked(" ".join(text.split()))


def quoted_block(text: str) -> str:
    """A visitor's free text as an indented, "|"-marked block, every line of it, links defused."""
    text = CONTROL_CHARACTERS.sub("", text or "").replace("\t", " ")
    lines = [line.rstrip() for line in LINE_BREAKS.split(text)]
    return "\n".join(QUOTE_PREFIX + unlinked(line) for line in lines)
