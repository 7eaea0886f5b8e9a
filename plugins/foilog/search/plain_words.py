"""Words that say nothing about what a request is about, passed over when records are
compared for likeness (foilog.search.related).

Two kinds: English function words (Whoosh's own stop list has only 34 of them), and the
wording of the Freedom of Information process itself, which nearly every request and
answer uses whatever its subject ("please provide", "information held", "the force").
In a small log these are not yet common enough to be passed over by their frequency.
Numbers (years, section numbers) and the words of the authority's own name are passed over
too (`is_plain`).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTION_WORDS = _words(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing done down during each either
    else etc every few for from further had has have having he her here hers him his how
    however i if in into is it its itself just last least less let like made make many may me
    more most much must my near neither no nor not now of off often on once one only or other
    our ours out over own per same shall she should since so some such than that the their
    them then there these they this those though through thus to too under until up upon us
    very was we were what when where whether which while who whom whose why will with within
    without would yes yet you your yours
    """
)

PROCESS_WORDS = _words(
    """
    act answer answered answers ask asked asking attached authority below breakdown broken
    calendar copy data date dated details disclose disclosed disclosure email figure figures
    financial first force foi fourth freedom full held hold holds include including
    information kind know letter list month months note number numbers outcome period
    please provide provided quarter question questions receive received record recorded
    records regard regards relating request requested requests respond response second see
    send sent show shown supply table thank third total type types via withheld year years
    """
)

PLAIN_WORDS = FUNCTION_WORDS | PROCESS_WORDS


def is_plain(word: str, authority_words: frozenset[str]) -> bool:
    return word in PLAIN_WORDS or word in authority_words or word.isdigit()


def name_words(name: str) -> frozenset[str]:
    """'Northshire Police' -> {'northshire', 'police'}."""
    return frozenset(word for word in name.lower().split() if word.isalpha())
