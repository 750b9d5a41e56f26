"""Names in an article: split a role from a name, and pick the name in a speaker phrase.

A "name run" is a stretch of capitalised words (with initials, acronyms,
parenthesised abbreviations and the lowercase particles the language allows).
Titles of office come from ``titles.txt``: "Sekretaris Daerah Kukar, Sunggono"
gives the name "Sunggono" and the role "Sekretaris Daerah Kukar". The index of
every name in an article (fullest forms, the person last named) is name_index.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from textkit.stages.quote_rules import QUOTE_MARKS, QuoteRules, memoised

# Titles this short ("H", "Pak") only count at the start of a run: mid-run
# they are more often an initial or part of a name.
MIN_MID_RUN_TITLE_CHARS = 3
# A name shorter than this after a title ("Sp. A") is a specialty or a code.
MIN_NAME_CHARS = 3
# A name after lowercase role words ("dokter Budi Santoso") has at least this many words.
MIN_PLAIN_NAME_WORDS = 2
# A name run's parenthesised part (quote_rules.PAREN) holds at most 60 characters.
MAX_PAREN_CHARS = 61
# How a word belongs to an organisation's name (see _organisation_part).
ENDS, INSIDE = "ends", "inside"
# A word known only to follow an institution's first word ends the role when this
# many words are left for the person ("Partai Golkar Sebastian Salang").
MIN_NAME_AFTER_HEAD = 2
TOKEN_SPLIT_RE = regex.compile(r"\([^()]*\)|\S+")


def name_tokens(run: str) -> list[str]:
    """Return the words of a name run, a parenthesised part counting as one word.

    >>> name_tokens("Bupati Kutai (Kukar) Edi")
    ['Bupati', 'Kutai', '(Kukar)', 'Edi']
    """
    if "(" not in run and run.isprintable():
        return run.split()  # the same: a printable run holds no space but " "
    return TOKEN_SPLIT_RE.findall(run)


def strip_non_name_words(tokens: list[str], qr: QuoteRules) -> list[str]:
    """Return the tokens without leading words that are not names (sentence openers, cues)."""
    start = 0
    while start < len(tokens) and tokens[start].casefold().rstrip(".,") in qr.non_name_words:
        start += 1
    return tokens[start:]


def _title_end(tokens: list[str], qr: QuoteRules) -> int:
    """Return the index just after the last title of office in the tokens (0 if none)."""
    best = 0
    for i in range(len(tokens) - 1):
        if tokens[i].casefold() not in qr.title_firsts:
            continue
        m = qr.title_re.match(" ".join(tokens[i:]))
        if not m or (i > 0 and len(m.group().strip()) < MIN_MID_RUN_TITLE_CHARS):
            continue
        end = i + len(m.group().split())
        if end < len(tokens):
            best = max(best, end)
    return best


def _ends_role(token: str, qr: QuoteRules) -> bool:
    """Return True for a word that a name never follows inside a role: "(OJK)", "dan", "OIKN"."""
    return token[:1] == "(" or token in qr.connectors or is_acronym(token)


def is_acronym(token: str) -> bool:
    """Return True for an all-capitals word of two letters or more ("OJK", "COVID-19").

    >>> is_acronym("OJK"), is_acronym("Budi"), is_acronym("A.")
    (True, False, False)
    """
    return len(token) >= 2 and token.isupper() and token[1] != "." and token[0].isalpha()


def split_role(run: str, qr: QuoteRules) -> tuple[str | None, str | None]:
    """Return (name, role) for one run of capitalised words with no comma.

    The name is what follows the last parenthesised part or the last title of
    office; leading acronyms (an office's initials) go to the role too.
    """
    return memoised(qr, "split", run, _split_role)


def _split_role(run: str, qr: QuoteRules) -> tuple[str | None, str | None]:
    """Return (name, role) for one run, computed afresh (split_role keeps the results)."""
    tokens = strip_non_name_words(name_tokens(run.strip(" ,.")), qr)
    while tokens and (tokens[-1][:1] == "(" or tokens[-1].casefold() in qr.adjunct_words):
        tokens = tokens[:-1]
    if len(tokens) > 1 and len({t.casefold() for t in tokens}) == 1:
        return None, None  # "Ancaman Ancaman": a heading glued to its paragraph's first word
    cut = 0
    for i, token in enumerate(tokens[:-1]):
        if _ends_role(token, qr):
            cut = i + 1
    cut = max(cut, _title_end(tokens, qr))
    while cut < len(tokens) - 1 and is_acronym(tokens[cut]):
        cut += 1
    if cut > 0 and cut == len(tokens) - 1 and is_acronym(tokens[cut]):
        return None, " ".join(tokens)  # "Sp. THT-KL": a title and a code, no name
    if 0 < cut < len(tokens) and tokens[cut].casefold() in qr.place_words:
        cut = 0  # "Kepala BPBD Kabupaten X": an office and its place, no person named
    rest = strip_non_name_words(tokens[cut:], qr)  # "Menteri Dalam Negeri X": not "Dalam"
    cut = len(tokens) - len(rest) if rest else cut
    name = " ".join(tokens[cut:]) or None
    role = " ".join(tokens[:cut]) or None
    if name is not None and not is_name_like(name, qr):
        return None, role
    office = organisation_prefix(tokens[cut:], qr)
    if office:
        return " ".join(tokens[cut + office :]), " ".join(tokens[: cut + office])
    return name, role


def organisation_prefix(tokens: list[str], qr: QuoteRules) -> int:
    """Return how many leading tokens name an office, institution or place before a person.

    "Keuangan Sri Mulyani" gives 1, "Kesehatan Kota Surabaya Febria Rachmanita" 3:
    the tokens up to the last word that ends such a name. A word known only to
    follow an institution's first word ("Golkar" in "Partai Golkar") ends it only
    when two words are left for the person. 0 when the last token belongs to the
    organisation itself ("Pemerintah Kota Bekasi" names no person).
    """
    if len(tokens) < 2 or _organisation_part(tokens, len(tokens) - 1, qr):
        return 0
    for i in range(len(tokens) - 2, -1, -1):
        part = _organisation_part(tokens, i, qr)
        if part == ENDS or (part == INSIDE and len(tokens) - i - 1 >= MIN_NAME_AFTER_HEAD):
            return i + 1
    return 0


def names_organisation(name: str, qr: QuoteRules) -> bool:
    """Return True when a name's last word belongs to an office, institution or place."""
    tokens = name.split()
    return bool(tokens) and _organisation_part(tokens, len(tokens) - 1, qr) is not None


def _organisation_part(tokens: list[str], i: int, qr: QuoteRules) -> str | None:
    """Return ENDS for a token that ends an office's, institution's or place's name
    ("Keuangan", "Jakarta", "Covid-19", the word after "Kota"), INSIDE for the word after
    an institution's first word ("Partai", "Bank"), None for neither."""
    word = tokens[i]
    folded = word.casefold()
    if folded in qr.organisation_words or any(c.isdigit() for c in word):
        return ENDS
    if qr.office_noun_re is not None and qr.office_noun_re.match(word):
        return ENDS
    if i == 0:
        return None
    before = tokens[i - 1].casefold()
    if before in qr.place_words:
        return ENDS  # "Kota Surabaya"
    if folded in qr.place_followers:
        return _organisation_part(tokens, i - 1, qr)  # "Jawa Tengah"
    return INSIDE if before in qr.organisation_heads else None


def is_name_like(name: str, qr: QuoteRules) -> bool:
    """Return True if every word is capitalised (or a name particle) and none opens sentences.

    Rejects phrases such as "melalui pesan singkat" that a loose parse takes
    for a speaker.
    """
    tokens = name.split()
    if not tokens or tokens[0].casefold() in qr.non_name_words:
        return False
    return all(
        t[:1].isupper() or t[:1] == "(" or t[:1].isdigit() or t in qr.particles for t in tokens
    )


def is_role_like(segment: str, qr: QuoteRules) -> bool:
    """Return True if a comma-separated segment reads as a role, not a name.

    A role starts with a title of office or with a lowercase word ("a
    spokesman for ...").
    """
    return memoised(qr, "role", segment, _is_role_like)


def _is_role_like(segment: str, qr: QuoteRules) -> bool:
    """Return True if a segment reads as a role, computed afresh (is_role_like keeps it)."""
    tokens = strip_non_name_words(segment.split(), qr)
    if not tokens:
        return False
    if qr.determiner_re is not None and qr.determiner_re.fullmatch(tokens[0]):
        return True
    text = " ".join(tokens)
    if any(t in qr.connectors or is_acronym(t) for t in tokens):
        return True
    return text[0].islower() or bool(qr.title_re.match(text))


def plausible_role(role: str | None, qr: QuoteRules) -> str | None:
    """Return the role, or None when it reads as an adjunct that opened the sentence
    ("Di sisi lain", "At a rally for X": a word that is not a name, and no title after it)
    or as a clause ("rambu-rambunya sudah jelas": an adverb or modal before any "yang")."""
    if not role:
        return None
    words = role.split()
    if qr.determiner_re is not None and qr.determiner_re.fullmatch(words[0]):
        return role  # "a lawyer for X", "the campaign's press secretary"
    if _reads_as_clause(words, qr):
        return None
    tokens = strip_non_name_words(words, qr)
    if len(tokens) < len(words) and not qr.title_re.match(" ".join(tokens)):
        return None
    return role


def _reads_as_clause(words: list[str], qr: QuoteRules) -> bool:
    """Return True when a lowercase role holds an adverb or a modal before any relative word."""
    if not words[0][:1].islower():
        return False
    for word in words:
        folded = word.casefold()
        if folded in qr.relative_words:
            return False  # "ahli X yang juga pengajar di Y": the rest describes the person
        if folded in qr.subject_adverbs or folded in qr.non_cue_before:
            return True
    return False


def pick_name(near: str, far: str | None, qr: QuoteRules) -> tuple[str | None, str | None]:
    """Return (name, role) from the segment next to the cue and the one beyond its comma.

    "Sekretaris Daerah Kukar, Sunggono" and "Sunggono, Kepala Dinas X" both
    give "Sunggono": the segment that reads as a role becomes the role.
    """
    near_role = is_role_like(near, qr)
    if far is not None and near_role and not is_role_like(far, qr):
        name, _ = split_role(far, qr)
        if name:
            return name, near.strip(" ,")
    if far is not None and not near_role and is_role_like(far, qr):
        name, role = split_role(near, qr)
        return name, far.strip(" ,") if role is None else role
    name, role = split_role(near, qr)
    if far is not None and near_role and (name is None or len(name) < MIN_NAME_CHARS):
        far_name, _ = split_role(far, qr)  # "Dr. Sari, Sp. A": both start with a title
        if far_name is not None and len(far_name) >= MIN_NAME_CHARS:
            return far_name, near.strip(" ,")
    if name is None:
        return _after_lower_role(near, qr, role)
    return name, role


def _after_lower_role(
    segment: str, qr: QuoteRules, role: str | None
) -> tuple[str | None, str | None]:
    """Return (name, role) for "dokter Budi Santoso": lowercase role words, then a name."""
    words = segment.split()
    lead = 0
    while lead < len(words) - 1 and words[lead][:1].islower():
        lead += 1
    if lead == 0:
        return None, role
    name, inner = split_role(" ".join(words[lead:]), qr)
    if name is None or len(name.split()) < MIN_PLAIN_NAME_WORDS:
        return None, role  # "sebagian umat Muslim": a group, not a person
    return name, " ".join([*words[:lead], inner or ""]).strip()


def name_runs(
    body: str, pattern: regex.Pattern[str], skip: list[tuple[int, int]]
) -> list[regex.Match[str]]:
    """Return the runs ``pattern.finditer(body)`` gives that start outside the skip spans.

    A skip span between marks or line breaks that no run can hold is not
    scanned at all: the scan stops at the mark before it and goes on after
    the one after it, and the runs elsewhere come out the same. The scan keeps
    the GIL (concurrent=False): releasing it at each of a body's many runs costs
    more than the matching.
    """
    runs: list[regex.Match[str]] = []
    pos = 0
    inside: list[tuple[int, int]] = []  # skip spans the current stretch has to filter
    for start, end in skip:
        before = _barrier_before(body, start, pos)
        after = _barrier_after(body, end) if before is not None else None
        if after is None:
            inside.append((start, end))
            continue
        _add_runs(runs, pattern.finditer(body, pos, before, concurrent=False), inside)
        inside, pos = [], after + 1
    _add_runs(runs, pattern.finditer(body, pos, concurrent=False), inside)
    return runs


def _add_runs(
    runs: list[regex.Match[str]],
    found: Iterator[regex.Match[str]],
    skip: list[tuple[int, int]],
) -> None:
    """Add the runs found to ``runs``, leaving out those starting inside a skip span."""
    if not skip:
        runs.extend(found)
        return
    after_skip = 0  # runs come in body order: the skip spans starting before them, counted
    for m in found:
        start = m.start()
        while after_skip < len(skip) and skip[after_skip][0] <= start:
            after_skip += 1
        if not (after_skip and start < skip[after_skip - 1][1]):
            runs.append(m)


def _barrier_before(body: str, start: int, floor: int) -> int | None:
    """Return the offset of the quote mark or line break that only spaces part from ``start``.

    None when there is none after ``floor``, or when a parenthesis just before the mark may
    hold it inside a name run.
    """
    at = start - 1
    while at >= floor and body[at] != "\n" and body[at].isspace():
        at -= 1
    if at < floor:
        return None
    if body[at] == "\n":
        return at
    if body[at] in QUOTE_MARKS and "(" not in body[max(0, at - MAX_PAREN_CHARS) : at]:
        return at
    return None


def _barrier_after(body: str, end: int) -> int | None:
    """Return the offset of the quote mark or line break that only spaces part from ``end``.

    None when there is none, or when a parenthesis just before the mark may
    hold it inside a name run ("Budi (“Ibu”)").
    """
    for at in range(end, len(body)):
        char = body[at]
        if char == "\n":
            return at
        if char in QUOTE_MARKS:
            return None if "(" in body[max(0, at - MAX_PAREN_CHARS) : at] else at
        if not char.isspace():
            return None
    return None
