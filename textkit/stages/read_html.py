"""HTML given by mistake: recognise a page and keep only its text, block by block."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Only the head of a file is inspected, so detection costs the same on any size.
SNIFF_CHARS = 65_536
# Markup tags, not words of a language: the structural vocabulary of HTML.
_TAG_RE = re.compile(
    r"</?(?:html|head|body|p|div|br|span|a|script|style|meta|link|li|ul|ol|h[1-6]|table|tr|td"
    r"|img|strong|em|b|i|article|section|header|footer|nav|title|figure|iframe)\b[^<>]{0,400}>",
    re.IGNORECASE,
)
_MIN_TAGS = 3
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe"})
_BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "article", "section"}
    | {"header", "footer", "nav", "tr", "table", "title", "blockquote", "figure", "figcaption"}
    | {"main", "aside", "pre", "dd", "dt", "body", "head", "html"}
)
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


class _TextCollector(HTMLParser):
    """Collects the text of a page: blocks become paragraphs, scripts are skipped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


def strip_html(text: str) -> str:
    """Return the readable text of an HTML page, one paragraph per block.

    >>> strip_html("<title>Judul</title><p>Satu &amp; dua.</p><script>x=1</script><p>Tiga</p>")
    'Judul\\n\\nSatu & dua.\\n\\nTiga'
    """
    if text.rfind("<") > text.rfind(">"):
        text = text[: text.rfind("<")]  # a tag cut off by a truncated download
    collector = _TextCollector()
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
