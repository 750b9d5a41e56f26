"""Related-link headlines: where one ends when the scrape glued it to body text.

A related link is a label and a headline. On its own line the headline runs
to the end of the line; glued into a paragraph it ends where the body starts
again: at a quotation mark, or where a lowercase word that a headline would
not hold begins a sentence ("... Jadi Pilihan Jika negara tersebut ..." ends
before "Jika"). The lowercase words a headline may hold are data
(``related.small_words`` in ``boilerplate.toml``).
"""

from __future__ import annotations

import regex

from textkit.lang import Rules

QUOTE_RE = regex.compile(r"[\"“”]")
SENTENCE_RUN_ON_RE = regex.compile(r"[.!?][\"”’]?\s+\p{Lu}")
TOKEN_RE = regex.compile(r"\S+")
DEFAULT_MAX_HEADLINE_WORDS = 30


def small_words(rules: Rules) -> frozenset[str]:
    """Return the lowercase words a headline may hold, casefolded."""
    words = rules.section("boilerplate").get("related", {}).get("small_words", [])
    return frozenset(word.casefold() for word in words)


def max_headline_words(rules: Rules) -> int:
    """Return the longest related-link headline, in words."""
    related = rules.section("boilerplate").get("related", {})
    return int(related.get("max_headline_words", DEFAULT_MAX_HEADLINE_WORDS))


def headline_end(text: str, start: int, rules: Rules) -> int:
    """Return the offset where the headline that begins at ``start`` ends.

    >>> from textkit.lang import load
    >>> text = "Baca juga: Harga Cabai Turun di Pasar Warga lega mendengarnya. Pasar pun ramai."
    >>> text[: headline_end(text, 10, load("id"))]
    'Baca juga: Harga Cabai Turun di Pasar '
    """
    rest = text[start:]
    quote = QUOTE_RE.search(rest, 1) if rest.strip() else None
    limit = quote.start() if quote else len(rest)
    runs_on = SENTENCE_RUN_ON_RE.search(rest[:limit])
    if not runs_on and quote is None and len(rest.split()) <= max_headline_words(rules):
        return len(text)
    allowed = rules.compiled("related.small_words", small_words)
    tokens = list(TOKEN_RE.finditer(rest[:limit]))
    for n, token in enumerate(tokens):
        word = token.group()
        if word[0].islower() and word.casefold().strip(",.:;") not in allowed:
            return start + _sentence_start(tokens, n)
    return start + limit


def _sentence_start(tokens: list[regex.Match[str]], stop: int) -> int:
    """Return where the sentence holding token ``stop`` begins: its last capitalised word."""
    for n in range(stop - 1, 0, -1):
        if tokens[n].group()[0].isupper():
            return tokens[n].start()
    return tokens[stop].start()


def looks_like_headline(text: str, rules: Rules) -> bool:
    """Return True when a line after a lone related-link label reads as its headline.

    >>> from textkit.lang import load
    >>> looks_like_headline("Harga Cabai Turun, Warga Lega", load("id"))
    True
    >>> looks_like_headline("Warga lega. Harga cabai turun sejak pekan lalu.", load("id"))
    False
    """
    if len(text.split()) > max_headline_words(rules) or QUOTE_RE.match(text):
        return False
    return not (text.endswith(".") and not text.endswith(".."))
