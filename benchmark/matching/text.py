"""Text normalisation shared by every matcher: Unicode folding, tokens, stop words, a stemmer.

Everything here is pure and cached: the same strings recur across predictions and gold
alternatives, and tokenising is most of the matching cost.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

# Typographic variants that must compare equal to their ASCII forms.
_CHAR_MAP = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)

ARTICLES = frozenset({"a", "an", "the"})

# Function words carry no content for overlap. Negation cues and modal markers are removed
# from overlap too: the guards compare them explicitly.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "as",
        "and",
        "or",
        "but",
        "nor",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "this",
        "these",
        "those",
        "it",
        "its",
        "it's",
        "he",
        "his",
        "him",
        "she",
        "her",
        "they",
        "their",
        "them",
        "there",
        "here",
        "than",
        "then",
        "so",
        "such",
        "also",
        "just",
        "very",
        "some",
        "any",
        "all",
        "each",
        "both",
        "more",
        "most",
        "other",
        "own",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "having",
        "do",
        "does",
        "did",
        "doing",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "not",
        "no",
        "never",
        "n't",
        "without",
        "s",
        "said",
        "says",
        "say",
    ]
)

NEGATION_CUES = frozenset(
    {
        "not",
        "no",
        "never",
        "n't",
        "without",
        "neither",
        "nor",
        "cannot",
        "deny",
        "denies",
        "denied",
        "denying",
    }
)
# Verbs whose "to"-clause did not happen: "refused to ban music" is that they did not ban it.
NEGATION_PHRASES = (("failed", "to"), ("fails", "to"), ("fail", "to"), ("failing", "to"),
                    ("did", "not"), ("refused", "to"), ("refuses", "to"), ("refuse", "to"),
                    ("refusing", "to"), ("declined", "to"), ("declines", "to"),
                    ("decline", "to"), ("declining", "to"), ("unable", "to"))

MODAL_MARKERS = frozenset(
    [
        "would",
        "could",
        "may",
        "might",
        "will",
        "shall",
        "should",
        "'ll",
        "expect",
        "expects",
        "expected",
        "expecting",
        "plan",
        "plans",
        "planned",
        "planning",
        "intend",
        "intends",
        "intended",
        "aim",
        "aims",
        "aimed",
        "aiming",
        "prepare",
        "prepares",
        "preparing",
        "fear",
        "fears",
        "feared",
        "fearing",
        "threaten",
        "threatens",
        "threatened",
        "hope",
        "hopes",
        "hoped",
        "possibly",
        "likely",
        "potential",
        "potentially",
    ]
)
MODAL_PHRASES = (("to", "begin"), ("to", "start"), ("going", "to"), ("about", "to"))

# An attempt is not its outcome: "troops are working to secure Kidal" has not secured it.
# An effort verb before "to", with at most one adverb between ("working hard to secure").
ATTEMPT_VERBS = frozenset({
    "work", "works", "working", "worked",
    "try", "tries", "trying", "tried",
    "seek", "seeks", "seeking", "sought",
    "attempt", "attempts", "attempting", "attempted",
    "struggle", "struggles", "struggling", "struggled",
    "strive", "strives", "striving", "strove",
    "fight", "fights", "fighting", "fought",
    "battle", "battles", "battling", "battled",
    "push", "pushes", "pushing", "pushed",
})

_IRREGULAR = {
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "told": "tell",
    "sent": "send",
    "fought": "fight",
    "began": "begin",
    "begun": "begin",
    "went": "go",
    "gone": "go",
    "held": "hold",
    "won": "win",
    "lost": "lose",
    "made": "make",
    "kept": "keep",
    "brought": "bring",
    "struck": "strike",
    "fled": "flee",
    "ran": "run",
    "spoke": "speak",
    "spoken": "speak",
    "met": "meet",
    "seen": "see",
    "saw": "see",
    "left": "leave",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "carried": "carry",
    "men": "man",
    "women": "woman",
    "children": "child",
    # British spellings compare equal to American ones
    "defence": "defense",
    "offence": "offense",
    "defences": "defense",
    "offences": "offense",
    "has": "have",
    "had": "have",
    "is": "be",
    "are": "be",
    "was": "be",
    "were": "be",
    "been": "be",
    "am": "be",
    "did": "do",
    "does": "do",
}

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+(?:'[a-z]+)?|n't")


def fold(text: str) -> str:
    """NFKD without accents, typographic quotes/dashes to ASCII, lower case, single spaces."""
    if text.isascii():  # nothing to fold but case (the common case, and much cheaper)
        return " ".join(text.lower().split())
    # Compatibility forms folded, accents dropped: "François" is written "Francois" too.
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = stripped.translate(_CHAR_MAP).lower()
    return " ".join(folded.split())


@lru_cache(maxsize=32_768)
def words(text: str) -> tuple[str, ...]:
    """Lower-case word and number tokens; "didn't" -> "did", "n't"; "Mali's" -> "mali"."""
    # (whitespace needs no folding here: the token pattern skips it)
    if text.isascii():
        folded = text.lower()
        # only letters and spaces, perhaps ending a sentence: every run of letters a token
        body = folded[:-1] if folded[-1:] == "." else folded
        if body.replace(" ", "").isalpha():
            return tuple(body.split())
    else:
        folded = fold(text)
    folded = folded.replace("n't", " n't")
    if "'" not in folded:  # the common case: nothing to clean up per token
        return tuple(_TOKEN.findall(folded))
    out: list[str] = []
    for token in _TOKEN.findall(folded):
        if token.endswith("'s"):
            token = token[:-2]
        elif "'" in token and token != "n't":
            token = token.replace("'", "")
        if token:
            out.append(token)
    return tuple(out)


@lru_cache(maxsize=32_768)
def stem(word: str) -> str:
    """A small suffix-stripping stemmer: enough to equate "freed"/"free", "troops"/"troop",
    "withdrawing"/"withdraw", "banned"/"ban". Numbers pass through unchanged."""
    if not word.isalpha():
        return word
    word = _IRREGULAR.get(word, word)
    if len(word) <= 3:
        return word
    for suffix, replacement in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                break
            if suffix == "es" and not word.endswith(("ches", "shes", "sses", "xes", "zes")):
                continue
            word = word[: len(word) - len(suffix)] + replacement
            if (
                suffix in ("ing", "ed")
                and len(word) >= 4
                and word[-1] == word[-2]
                and word[-1] not in "lsz"
            ):
                word = word[:-1]  # banned -> bann -> ban
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]  # free/freed, seize/seized both end up without the e
    return word


class Cues:
    """Cue words and two-word cue phrases, looked up in a token sequence."""

    def __init__(self, words: frozenset[str], phrases: tuple[tuple[str, str], ...]) -> None:
        self.words = words
        self.phrases = frozenset(phrases)
        # most texts contain no phrase's first word, so pairs are rarely built
        self._firsts = frozenset(first for first, _ in phrases)

    def found_in(self, tokens: tuple[str, ...]) -> bool:
        if not self.words.isdisjoint(tokens):
            return True
        if self._firsts.isdisjoint(tokens):
            return False
        return not self.phrases.isdisjoint(itertools.pairwise(tokens))


_NEGATION = Cues(NEGATION_CUES, NEGATION_PHRASES)
_MODALITY = Cues(MODAL_MARKERS, MODAL_PHRASES)


def has_negation_cue(tokens: tuple[str, ...]) -> bool:
    """A negation cue anywhere (``negation.is_negated`` decides whether it is the claim's)."""
    return _NEGATION.found_in(tokens)


def negation_cue_at(tokens: tuple[str, ...], position: int) -> bool:
    """Whether a negation cue word stands, or a cue phrase starts, at ``position``."""
    return (tokens[position] in _NEGATION.words
            or tokens[position:position + 2] in _NEGATION.phrases)


def is_irrealis(tokens: tuple[str, ...]) -> bool:
    """A plan, expectation, fear or possibility marker ("will", "feared", "to begin")."""
    return _MODALITY.found_in(tokens)


def is_attempt(tokens: tuple[str, ...]) -> bool:
    """An effort towards an outcome ("working to secure", "tried hard to free")."""
    if ATTEMPT_VERBS.isdisjoint(tokens):
        return False
    for i, token in enumerate(tokens):
        if token in ATTEMPT_VERBS:
            following = tokens[i + 1:i + 3]
            if following[:1] == ("to",) or (len(following) == 2 and following[1] == "to"
                                            and following[0] not in ("and", "or", "|")):
                return True
    return False


_CAPITALISED = re.compile(r"[^\W\d_][\w'’]*", re.UNICODE)


def capitalised_words(text: str, skip_first: bool) -> tuple[str, ...]:
    """Words written with an initial capital, lower-cased ("in Niger" -> "niger"); with
    ``skip_first`` the text's first word is left out, since a sentence capitalises it anyway."""
    if text.islower() or (skip_first and text[1:].islower()):
        return ()  # no capital at all (after the first letter, when that one is skipped)
    found = _CAPITALISED.findall(text.replace("-", " "))
    if skip_first:
        found = found[1:]
    out = []
    for word in found:
        if word[0].isupper():
            for token in words(word):
                out.append(token)
    return tuple(out)


def exact_form(text: str) -> str:
    """The form the exact matcher compares: folded, articles and edge punctuation removed."""
    return " ".join(t for t in words(text) if t not in ARTICLES)
