"""The text of an HTML page, block by block (see :func:`textkit.stages.read_html.strip_html`).

Kept apart from the HTML check so that plain-text runs never import html.parser.
"""

from __future__ import annotations

from html.parser import HTMLParser

_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe"})
_BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "article", "section"}
    | {"header", "footer", "nav", "tr", "table", "title", "blockquote", "figure", "figcaption"}
    | {"main", "aside", "pre", "dd", "dt", "body", "head", "html"}
)


class TextCollector(HTMLParser):
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
