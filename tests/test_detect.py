"""Language detection: stopword counts, and the words they are counted over."""

import random

import pytest

from textkit.lang.detect import (
    WORD_RE,
    _most_covered,
    ascii_words_of,
    detect_language,
    words_of,
)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The minister said that the plan would go ahead.", "en"),
        ("Menurut dia, kegiatan itu akan tetap berjalan.", "id"),
        ("", "id"),
        ("12345 !!!", "id"),
        ("“Kata dia, yang itu” — dan ini,", "id"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_words_come_out_as_the_word_pattern_finds_them_in_lowercased_text():
    rng = random.Random(1)
    pool = ["dan", "the", "Yang", "OF", " ", ",", "_", "1", "é", "İ", "ß", "\x1c", "\u00a0"]
    pool += ["”", "-", "\u212a", "\ud800", "Σ", "\t", "\n", "\u2028", "’", "a2"]
    for _ in range(20_000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 30)))
        letters, ascii_words, other_words = words_of(text)
        found = [piece.decode() for piece in letters if piece.isalpha()]
        found += [word.decode() for word in ascii_words] + other_words
        assert sorted(found) == sorted(WORD_RE.findall(text.lower())), repr(text)


def test_ascii_words_are_the_words_when_no_wide_character_is_a_word_character():
    rng = random.Random(2)
    pool = ["dan", "the", "Yang", "OF", " ", ",", "_", "1", "é", "İ", "ß", "\x1c", "\u00a0"]
    pool += ["”", "-", "\u212a", "\ud800", "Σ", "\t", "\n", "\u2028", "’", "a2", "\u24b6", "\x7f"]
    plain_seen = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 30)))
        words = ascii_words_of(text)
        expected = WORD_RE.findall(text.lower())
        if words is None:
            assert any(not word.isascii() for word in WORD_RE.findall(text)), repr(text)
            continue
        plain_seen += 1
        assert [word.decode() for word in words] == expected, repr(text)
        assert detect_language(text) == _most_covered(*words_of(text)), repr(text)
    assert plain_seen > 1000
