"""What one name run gives the name index: the name, its role split off, and facts about it."""

from __future__ import annotations

import regex

from textkit.stages.names import is_acronym, names_organisation, split_role
from textkit.stages.quote_rules import QuoteRules

# Longest name the index keeps; longer runs are organisations or headlines.
MAX_NAME_TOKENS = 6
# A name this short counts as the article's short form of a longer one.
MAX_SHORT_MENTION_WORDS = 2
# What the index keeps of a name run: name, titled, folded words, one plain word,
# short, and the (surname, honorific) it shows.
IndexEntry = tuple[str | None, bool, tuple[str, ...], bool, bool, tuple[str, str] | None]
# Lead-in words a sentence may open with before its subject name, at most this long.
MAX_LEAD_IN_CHARS = 30
# Searched backwards (regex's (?r)) for where the sentence holding a name starts.
LEAD_STOP_BACK_RE = regex.compile(r'(?r)[\n.!?”"]')
LEAD_STOPS = '\n.!?”"'
# How far back from reported speech the start of its sentence is looked for.
MAX_SENTENCE_LEAD_CHARS = 300


def index_entry(run: str, qr: QuoteRules) -> IndexEntry:
    """Return what a run gives the index: the name (None to skip it), whether a title led
    it, the name's distinct casefolded words, whether it is one plain word, whether it is
    short, and the (surname, honorific) it shows, if any."""
    name, titled = _index_name(run, qr)
    if not name:
        return None, False, (), False, False, None
    folded = tuple(dict.fromkeys(w.casefold() for w in name.split()))
    one_word = len(folded) == 1 and len(folded[0]) == len(name) and " " not in name
    short = len(name.split()) <= MAX_SHORT_MENTION_WORDS
    first = run.split(" ", 1)[0]
    shown = " " in run and first in qr.honorifics
    honorific = (run.split()[-1].casefold(), first) if shown else None
    return name, titled, folded, one_word, short, honorific


def _index_name(run: str, qr: QuoteRules) -> tuple[str | None, bool]:
    """Return the name a run gives the index (None to skip it) and whether a title led it."""
    if " " not in run:  # most runs are one word: decide without splitting
        folded = run.casefold()
        skip = folded in qr.non_name_words or folded in qr.title_words or is_acronym(run)
        skip = skip or folded in qr.adjunct_words or run in qr.honorifics or run[:1] == "("
        return (None, False) if skip else (run, False)
    name, role = split_role(run, qr)
    if name and name.split()[0] in qr.honorifics:
        name = " ".join(name.split()[1:])
    if not name or len(name.split()) > MAX_NAME_TOKENS or is_acronym(name):
        return None, False
    if name.casefold() in qr.non_name_words or name.casefold() in qr.title_words:
        return None, False
    titled = role is not None and _is_title_role(role, qr)
    if titled and names_organisation(name, qr):
        return None, False  # "Direktur PT Maju Group": an office and its firm, no person
    return name, titled


def _is_title_role(role: str, qr: QuoteRules) -> bool:
    return bool(qr.title_re.match(role + " "))


def is_sentence_subject(body: str, start: int, end: int, qr: QuoteRules) -> bool:
    """Return True for a name that opens its sentence (after lead-in words such as "Maka,").

    It must be followed by a lowercase word or a comma ("Bagi Toto, ...").
    """
    after = body[end : end + 2]
    if not (after[:1] == "," or (after[:1] == " " and after[1:2].islower())):
        return False
    before = body[max(0, start - 2) : start]
    if not before or before[-1:] in LEAD_STOPS or (before[:1] in LEAD_STOPS and before[1:] == " "):
        return True  # nothing, or only a space, since the sentence's start
    lead = sentence_lead(body, start, MAX_LEAD_IN_CHARS)
    if lead is None:
        return False
    words = [w.casefold() for w in lead.replace(",", " ").split()]
    if words and words[0] in qr.argument_openers:
        return False  # "Apalagi, Presiden ...": the sentence goes on with the last speaker's case
    return all(w in qr.opener_words for w in words)


def goes_on_argument(body: str, position: int, qr: QuoteRules) -> bool:
    """Return True when the sentence holding a position opens with an argument opener
    ("Apalagi, Presiden sudah menyampaikan ..."): it goes on with the last speaker's case."""
    lead = sentence_lead(body, position, MAX_SENTENCE_LEAD_CHARS)
    words = lead.replace(",", " ").split(None, 1) if lead else []
    return bool(words) and words[0].casefold() in qr.argument_openers


def sentence_lead(body: str, start: int, reach: int) -> str | None:
    """Return the text from the start of the sentence holding ``start`` up to it, or None
    when the sentence starts more than ``reach`` characters back."""
    floor = max(0, start - reach)
    stop = LEAD_STOP_BACK_RE.search(body, floor, start)
    if stop is None and floor > 0:
        return None
    return body[stop.end() if stop else floor : start]
