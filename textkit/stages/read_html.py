"""HTML given by mistake: recognise a page and keep only its text, block by block."""

from __future__ import annotations

import re

# Only the head of a file is inspected, so detection costs the same on any size.
SNIFF_CHARS = 65_536
# Markup tags, not words of a language: the structural vocabulary of HTML.
_TAG_RE = re.compile(
    r"</?(?:html|head|body|p|div|br|span|a|script|style|meta|link|li|ul|ol|h[1-6]|table|tr|td"
    r"|img|strong|em|b|i|article|section|header|footer|nav|title|figure|iframe)\b[^<>]{0,400}>",
    re.IGNORECASE,
)
_MIN_TAGS = 3
_SPACES_RE = re.compile(r"[ \t\u00a0]+")


def looks_like_html(text: str) -> bool:
    """Return True when the text is an HTML page or fragment rather than plain text.

    >>> looks_like_html("<html><body><p>Halo</p></body></html>")
    True
    >>> looks_like_html("Nilai a < b dan c > d.")
    False
    """
    head = text[:SNIFF_CHARS]
    if "<" not in head:
        return False
    if head.lstrip().lower().startswith(("<!doctype html", "<html")):
        return True
    tags = _TAG_RE.findall(head)
    return len(tags) >= _MIN_TAGS and any(tag.startswith("</") for tag in tags)


def strip_html(text: str) -> str:
    """Return the readable text of an HTML page, one paragraph per block.

    >>> strip_html("<title>Judul</title><p>Satu &amp; dua.</p><script>x=1</script><p>Tiga</p>")
    'Judul\\n\\nSatu & dua.\\n\\nTiga'
    """
    # Imported here: html.parser costs about 3 ms, and most inputs are plain text.
    from textkit.stages.html_text import TextCollector

    if text.rfind("<") > text.rfind(">"):
        text = text[: text.rfind("<")]  # a tag cut off by a truncated download
    collector = TextCollector()
    collector.feed(text)
    collector.close()
    lines = [_SPACES_RE.sub(" ", line).strip() for line in "".join(collector.parts).split("\n")]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    return "\n\n".join(paragraphs)
