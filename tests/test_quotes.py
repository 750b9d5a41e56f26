"""Quotes: direct and reported speech with cues and speakers (cases/<lang>/quotes.jsonl).

Each case lists the quotes expected in body order; only the fields a case
names are compared. Offsets are checked on every quote: body[start:end] is
the quote's text.
"""

import bisect
import json
import random
import time
from pathlib import Path

import pytest
import regex

from textkit.lang import load
from textkit.lang.patterns import DEFAULT_FLAGS
from textkit.stages import (
    attributions,
    cue_scan,
    known_speakers,
    name_index,
    quotes,
    quotes_reported,
    sentences,
)
from textkit.stages.name_forms import holds_in_order
from textkit.stages.quote_rules import CASELESS_ASCII, quote_rules
from textkit.stages.quotes import find_quotes
from textkit.stages.quotes_direct import QuoteSpan

CASES = Path(__file__).parent / "cases"


def load_quote_cases(stage):
    """Return pytest params for every case of a stage file, in both languages."""
    params = []
    for lang in ("id", "en"):
        path = CASES / lang / f"{stage}.jsonl"
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip():
                continue
            case = json.loads(raw)
            marks = (
                [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
            )
            params.append(pytest.param(lang, case, id=f"{lang}-{n}-{case['label']}", marks=marks))
    return params


def project(quote, keys):
    """Return the quote's fields named by keys, as a dict."""
    return {key: getattr(quote, key) for key in keys}


@pytest.mark.parametrize(("lang", "case"), load_quote_cases("quotes"))
def test_quotes_case(lang, case):
    body = case["input"]
    quotes = find_quotes(body, load(lang))
    got = [project(q, want.keys()) for q, want in zip(quotes, case["expect"], strict=False)]
    assert len(quotes) == len(case["expect"]), [q.text for q in quotes]
    assert got == case["expect"]
    for quote in quotes:
        assert body[quote.start : quote.end] == quote.text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_empty_body_has_no_quotes(lang):
    assert find_quotes("", load(lang)) == []


def test_unbalanced_marks_never_swallow_the_article():
    paragraph = "Warga berkumpul di balai desa untuk membahas jalan yang rusak parah."
    body = "“Awal kutipan tanpa penutup\n\n" + "\n\n".join([paragraph] * 200)
    quotes = find_quotes(body, load("id"))
    assert all(len(q.text) < 200 for q in quotes)
    assert all(paragraph not in q.text for q in quotes)


def test_many_open_marks_are_bounded_work():
    body = " ".join(["“kata"] * 20000)
    assert find_quotes(body, load("id")) is not None


def test_rule_ids_come_from_the_data():
    quotes = find_quotes("“Sudah beres,” ujarnya.", load("id"))
    assert [q.rule for q in quotes] == ["id.quotes.cue-verb-first"]


def test_long_single_paragraph_is_linear_work():
    # A scrape with no line breaks and many quotes; a quadratic path took minutes here.
    body = "”Ya,” kata Kepala Dinas X, Budi. " * 6000
    started = time.perf_counter()
    quotes = find_quotes(body, load("id"))
    assert len(quotes) == 6000
    assert time.perf_counter() - started < 10


# --- the hand-written scans agree with the patterns they stand in for -------------------------

PIECES = ["a", "Dr", "J", "No", " ", "  ", "   ", "\n", "\n\n", ".", "!", "?", '"', "“", "”"]
PIECES += ["’", ")", "\t", "\xa0", "\x1c", "é", "3", ","]


def random_texts(seed, count):
    """Return invented strings of the characters the sentence scans care about."""
    rnd = random.Random(seed)
    return ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 40))) for _ in range(count)]


def sentence_start_by_regex(body, pos, qr):
    """Return sentences.sentence_start(body, pos, 0, qr) as the backward regex finds it."""
    window = max(0, pos - sentences.MAX_SENTENCE_CHARS)
    end = pos
    while True:
        m = sentences.SENTENCE_BREAK_BACK_RE.search(body, window, end)
        if m is None:
            return window
        if body[m.start()] != "." or not sentences.is_abbreviation_dot(body, m.start(), qr):
            return m.end()
        end = m.start()


def test_sentence_scans_match_their_patterns():
    qr = quote_rules(load("id"))
    for n, text in enumerate(random_texts(5, 3000)):
        pos = n % (len(text) + 1)
        assert sentences.sentence_start(text, pos, 0, qr) == sentence_start_by_regex(
            text, pos, qr
        ), (text, pos)
        limit = min(len(text), pos + quotes_reported.MAX_REPORTED_CHARS)
        assert quotes_reported.sentence_end(
            text, pos, qr
        ) == quotes_reported._sentence_end_by_regex(text, pos, limit, qr), (text, pos)


def test_only_the_listed_characters_match_ascii_letters_ignoring_case():
    letters = "|".join("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    text = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    found = set(regex.findall(letters, text, DEFAULT_FLAGS))
    assert found <= set(CASELESS_ASCII)


VERB_PIECES = ["said", "SAID", "ſaid", "has said", "said in a statement", "told reporters"]
VERB_PIECES += ["mengatakan", "Menegaskan", "hasx", "x", " ", ", ", ". ", "\n"]
VERB_PIECES += ["“", "İ", "K", "_", "é"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_speaker_verbs_found_in_windows_match_the_pattern(lang):
    qr = quote_rules(load(lang))
    rnd = random.Random(11)
    for _ in range(300):
        body = "".join(rnd.choice(VERB_PIECES) for _ in range(rnd.randint(0, 60)))
        lower = cue_scan.body_words(body, qr.any_first).lower if rnd.random() < 0.5 else None
        verbs = attributions.SpeakerVerbs(body, qr, lower)
        for _ in range(10):
            begin = rnd.randint(0, len(body))
            end = rnd.randint(begin, len(body))
            want = [m.span() for m in qr.speaker_first_re.finditer(body, begin, end)]
            assert [m.span() for m in verbs.within(begin, end)] == want, (body, begin, end)
            since = rnd.randint(begin, end)
            got = [m.span() for m in verbs.within(begin, end, since)]
            assert want[len(want) - len(got) :] == got, (body, begin, end, since)
            assert all(span in got for span in want if span[1] >= since)


def test_body_words_by_ascii_copy_match_the_lowercased_text():
    qr = quote_rules(load("id"))
    pieces = [*sorted(qr.any_first)[:8], "Ab", " ", "\n", "_", "#", "é", "K", "İ", "\x00", "\x1c"]
    pieces += [*cue_scan.WORD_SEPARATORS, "\xa0", "?"]
    rnd = random.Random(14)
    for _ in range(3000):
        body = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30)))
        for among in (None, qr.any_first | {"_ab", "ab_"}):
            got, lower = cue_scan.body_words(body, among), body.lower()
            assert got.vocab == cue_scan._words_of(lower, among), body
            if len(lower) != len(body):
                assert got.lower is None, body
                continue
            for have, want, char in zip(got.lower, lower, body, strict=True):
                # the ASCII copy has "?" where a wide separator stands
                assert have == want or (have == "?" and char in cue_scan.WIDE_SEPARATORS), body


@pytest.mark.parametrize("lang", ["id", "en"])
def test_words_found_by_one_scan_match_the_split_words_and_their_places(lang):
    qr = quote_rules(load(lang))
    pieces = [*sorted(qr.any_first)[::9], "Ab", "X", "nya", " ", "  ", "\n", "#", "\x00", "3"]
    pieces += [*cue_scan.WORD_SEPARATORS, "\u201c", "\u2014", "\t", "\x1c"]
    rnd = random.Random(15)
    for _ in range(3000):
        body = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 40)))
        got = cue_scan.body_words(body, qr.any_first)
        assert got.lower is not None and cue_scan._finder(qr.any_first) is not None
        assert got.vocab == cue_scan._words_of(body.lower(), qr.any_first), body
        for word in got.vocab:
            want = cue_scan._whole_word_places(got.lower, word)
            assert got.scans["at", word] == want, (body, word)


def test_lead_in_check_by_hand_matches_the_sentence_check():
    pieces = ["Namun", "namun", "Sementara itu", "itu", "di sisi lain", " ", ",", ". ", "\n"]
    pieces += ["Budi", "x", "İ", "ſ", "3", "”", "But", "and", "’", ")", '"', "“", "!", ".", "\t"]
    rnd = random.Random(12)
    for lang in ("id", "en"):
        qr = quote_rules(load(lang))
        for _ in range(20000):
            body = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
            pos = rnd.randint(0, len(body))
            if quotes_reported._no_lead_in_before(body, pos, qr):
                lead = body[sentences.sentence_start(body, pos, 0, qr) : pos].strip(" ,")
                assert lead, (body, pos)
                assert not qr.lead_in_re.fullmatch(lead), (body, pos)


def person_before_by_walk(index, offset, kinds):
    """Return what NameIndex.person_before gives, found by walking back name by name."""
    i = bisect.bisect_left(index.starts, offset) - 1
    for j in range(i, max(-1, i - name_index.MAX_MENTIONS_BACK), -1):
        if index.kind(j) in kinds:
            return index.starts[j], index.names[j]
    return None


def test_person_before_matches_a_walk_back():
    pieces = ["Budi Santoso", "Kepala Dinas X", ", ", "Asep", " kata ", ". ", "\n", "x "]
    pieces += [" mengatakan ", "Maka, ", "HIMKI", "Wali Kota Y", " dan ", "Dr. Sari"]
    qr = quote_rules(load("id"))
    rnd = random.Random(13)
    kinds = [("titled", "titled-subject"), ("subject", "titled-subject")]
    kinds.append(attributions.ANY_NAME_KINDS)
    for _ in range(200):
        body = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 400)))
        index = name_index.build_name_index(body, qr)
        for _ in range(20):
            offset, wanted = rnd.randint(0, len(body)), rnd.choice(kinds)
            assert index.person_before(offset, wanted) == person_before_by_walk(
                index, offset, wanted
            ), (body, offset, wanted)
    for count in range(190, 210):  # the titled name lies just within reach, or just past it
        body = "Dr. Sari datang. " + "x Asep " * count
        index = name_index.build_name_index(body, qr)
        wanted = ("titled", "titled-subject")
        assert index.person_before(len(body), wanted) == person_before_by_walk(
            index, len(body), wanted
        ), count


def test_speakers_holding_a_name_match_a_full_search():
    qr = quote_rules(load("en"))
    rnd = random.Random(14)
    pool = ["Anwar", "Abbas", "China", "Budi", "Santoso", "Mr.", "mr.", "Asep", "Sasa"]
    for _ in range(500):
        names = [" ".join(rnd.sample(pool, rnd.randint(1, 3))) for _ in range(rnd.randint(1, 8))]
        index = name_index.build_name_index("", qr)
        index.honorifics = frozenset({"Mr."})
        known = known_speakers.known_speakers(names, index)
        words = frozenset(w.casefold() for w in rnd.sample(pool, rnd.randint(1, 3)))
        want = {
            full
            for w in words
            for full in known.get(w, ())
            if known_speakers.one_holds_other(words, frozenset(f.casefold() for f in full.split()))
        }
        assert known_speakers.speakers_holding(words, known, index) == want, (names, words)


def longest_holding_by_search(index, name, words):
    """Return NameIndex._longest_holding(name, words), found by reading the first word's list:
    the longest name holding the words, one given with a title first."""
    best, best_key = name, (False, len(name))
    for candidate in index.by_word.get(words[0].casefold(), ()):
        trimmed = index.trimmed(candidate)
        key = (candidate in index.titled_names(), len(trimmed))
        if len(trimmed) > len(name) and key > best_key and holds_in_order(trimmed.split(), words):
            best, best_key = trimmed, key
    return best


def test_longest_name_holding_words_matches_a_full_search():
    qr = quote_rules(load("id"))
    rnd = random.Random(15)
    pool = ["Budi", "Santoso", "Asep", "Sasa", "Purnama", "Wati", "Ika", "Joko"]
    for _ in range(60):
        names = [" ".join(rnd.choices(pool, k=rnd.randint(2, 4))) for _ in range(60)]
        body = "".join(f"x {rnd.choice(['', 'Bupati '])}{name} datang. " for name in names)
        index = name_index.build_name_index(body, qr)
        for _ in range(30):
            words = rnd.choices(pool, k=rnd.randint(1, 3))
            name = " ".join(words)
            assert index._longest_holding(name, words) == longest_holding_by_search(
                index, name, words
            ), (body, words)


def is_title_like_by_full_split(body, span):
    """Return quotes._is_title_like(body, span), every part split whole."""
    count = 0
    for start, end in span.parts:
        for token in body[start:end].split():
            word = token.strip(quotes.TITLE_PUNCT)
            if word:
                count += 1
                if count > quotes.MAX_SCARE_QUOTE_WORDS or not (
                    word[:1].isupper() or word[:1].isdigit()
                ):
                    return False
    return True


def test_title_like_check_matches_a_full_split():
    rnd = random.Random(16)
    pieces = [" Budi", " Ya", " 12", " di", " “", " ,", " (", " '", "'", "\n", " —", "  "]
    for _ in range(3000):
        body = "".join(rnd.choices(pieces, weights=[1, 1, 1, 1, 4, 4, 4, 4, 1, 1, 1, 1], k=40))
        cuts = sorted(rnd.sample(range(len(body) + 1), min(len(body) + 1, 4)))
        parts = list(zip(cuts[::2], cuts[1::2], strict=False)) or [(0, len(body))]
        span = QuoteSpan(parts, parts[0][0], None)
        assert quotes._is_title_like(body, span) == is_title_like_by_full_split(body, span), (
            body,
            parts,
        )
