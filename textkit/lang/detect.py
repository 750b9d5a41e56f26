"""Tell Indonesian from English by the share of each language's stopwords."""

from __future__ import annotations

import re
from functools import cache
from itertools import filterfalse

from textkit.lang import Rules, available, load

# The standard library's engine: twice as fast as `regex` for this one
# pattern, which is linear and so needs no timeout.
WORD_RE = re.compile(r"\w+")
# The same words in ASCII bytes, where ``\w`` is [A-Za-z0-9_] as it is in ASCII text.
ASCII_WORD_RE = re.compile(rb"\w+")
# Enough text to decide (about 200 words); reading further costs time and
# changed no decision on the dev, PFSA and PolNeAR sets.
MAX_CHARS_READ = 1500
FALLBACK_LANG = "id"
ASCII = bytes(range(128))
# Characters outside ASCII that are no word characters, common in news text:
# a text whose wide characters are all among them needs no regex to say so.
WIDE_PUNCTUATION = "\u00a0\u00ab\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026"
# Per byte: ASCII word characters lowered, every other byte a space.
WORD_BYTES = bytes(
    byte + 32 if 65 <= byte <= 90 else byte if bytes([byte]).isalnum() or byte == 95 else 32
    for byte in range(256)
)
# A language's stopwords, and those that are ASCII letters only and ASCII, as bytes.
StopwordSets = tuple[frozenset[str], frozenset[bytes], frozenset[bytes]]


def detect_language(text: str) -> str:
    """Return the code of the language whose stopwords cover most of the text.

    >>> detect_language("The minister said that the plan would go ahead.")
    'en'
    >>> detect_language("Menurut dia, kegiatan itu akan tetap berjalan.")
    'id'
    """
    head = text[:MAX_CHARS_READ]
    plain = ascii_words_of(head)
    if plain is None:
        return _most_covered(*words_of(head))
    # Only the words that are some language's stopword are counted language by language.
    hits = list(filter(_any_ascii_stopword().__contains__, plain))
    best, best_hits = FALLBACK_LANG, 0
    for code, (_words, _ascii_letters, ascii_all) in _stopword_table():
        found = sum(map(ascii_all.__contains__, hits))
        if found > best_hits:
            best, best_hits = code, found
    return best


def _most_covered(letters: list[bytes], ascii_words: list[bytes], other_words: list[str]) -> str:
    """Return the code of the language with most stopwords among the words of :func:`words_of`."""
    table = _stopword_table()
    # Only the pieces that are some language's stopword are counted language by language.
    letters = list(filter(_any_stopword().__contains__, letters))
    best, best_hits = FALLBACK_LANG, 0
    for code, (words, ascii_letters, ascii_all) in table:
        hits = (
            sum(map(ascii_letters.__contains__, letters))
            + sum(map(ascii_all.__contains__, ascii_words))
            + sum(map(words.__contains__, other_words))
        )
        if hits > best_hits:
            best, best_hits = code, hits
    return best


def ascii_words_of(text: str) -> list[bytes] | None:
    """Return the words ``WORD_RE`` finds in the lowercased text, as ASCII bytes.

    None when a character outside ASCII is a word character: then a word
    may hold more than ASCII. Otherwise every other character is a
    separator, in the text and once lowercased, so one translation of the
    UTF-8 bytes (letters lowered, separators made spaces) and one split give
    the words.

    >>> ascii_words_of("Kata Dia, “ya” 2020_b"), ascii_words_of("Café")
    ([b'kata', b'dia', b'ya', b'2020_b'], None)
    """
    data = text.encode("utf-8", "surrogatepass")
    if not data.isascii():
        wide = data.translate(None, ASCII).decode("utf-8", "surrogatepass")
        if wide.strip(WIDE_PUNCTUATION) and WORD_RE.search(wide):
            return None
    return data.translate(WORD_BYTES).split()


def words_of(text: str) -> tuple[list[bytes], list[bytes], list[str]]:
    """Return the words ``WORD_RE`` finds in the lowercased text, in three lists.

    The text is cut at ASCII spaces as UTF-8 bytes (no word spans one): a
    piece of ASCII letters is one word (the first list holds all pieces; only
    the letter ones can match a stopword there), other ASCII pieces are cut
    into words as bytes (the second list), and pieces with other characters
    are decoded and cut as text (the third). Words come out as they would
    from the whole text, without walking it character by character in Python.

    >>> words_of("Kata Dia, “ya” 2020")
    ([b'kata', b'dia,', b'\\xe2\\x80\\x9cya\\xe2\\x80\\x9d', b'2020'], [b'dia', b'2020'], ['ya'])
    """
    pieces = text.encode("utf-8", "surrogatepass").lower().split()
    odd = list(filterfalse(bytes.isalpha, pieces))
    plain = [piece for piece in odd if piece.isascii()]
    ascii_words = ASCII_WORD_RE.findall(b" ".join(plain))
    if len(plain) == len(odd):
        return pieces, ascii_words, []
    rest = b" ".join([piece for piece in odd if not piece.isascii()])
    return pieces, ascii_words, WORD_RE.findall(rest.decode("utf-8", "surrogatepass").lower())


def _stopwords(code: str) -> StopwordSets:
    """Return a language's stopwords, and its ASCII letter-only and ASCII ones as bytes."""
    return load(code).compiled("detect.stopword-sets", _stopword_sets)


@cache
def _stopword_table() -> tuple[tuple[str, StopwordSets], ...]:
    """Return each language's code and stopword sets (see :func:`_stopwords`), read once."""
    return tuple((code, _stopwords(code)) for code in available())


@cache
def _any_stopword() -> frozenset[bytes]:
    """Return the letter-only ASCII stopwords of all languages, as bytes."""
    return frozenset().union(*(sets[1] for _code, sets in _stopword_table()))


@cache
def _any_ascii_stopword() -> frozenset[bytes]:
    """Return the ASCII stopwords of all languages, as bytes."""
    return frozenset().union(*(sets[2] for _code, sets in _stopword_table()))


def _stopword_sets(rules: Rules) -> StopwordSets:
    words = frozenset(w.casefold() for w in rules.words("stopwords"))
    ascii_all = frozenset(w.encode() for w in words if w.isascii())
    return words, frozenset(w for w in ascii_all if w.isalpha()), ascii_all
