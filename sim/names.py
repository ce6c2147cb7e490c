"""Display names that look alike: a skeleton for Latin, Cyrillic and Greek look-alikes.

Two names with the same :func:`look_key` look the same (or nearly) on a dashboard:
``Аnna`` with a Cyrillic А and ``Anna``; ``ΗANS`` with a Greek Eta and ``HANS``;
``Bram`` and ``Brarn``. The key is NFKC, case-folded, with each look-alike letter or
digit replaced by the one Latin letter it is taken for (after Unicode's confusables,
UTS #39, restricted to these three scripts and to the letters that are truly mistaken
for each other in a sans-serif terminal font). Letters with accents stay themselves:
``Chloë`` and ``Chloe`` are two names.
"""

from __future__ import annotations

import unicodedata

# (after case folding) look-alike -> the Latin letter it is taken for
_LOOKS = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "з": "3", "к": "k", "м": "m", "н": "h",
    "о": "o", "п": "n", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ь": "b",
    "ѕ": "s", "і": "i", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h",
    "ӏ": "i", "ү": "y", "ɡ": "g", "г": "r",
    # Greek
    "α": "a", "β": "b", "γ": "y", "ε": "e", "ζ": "z", "η": "h", "ι": "i", "κ": "k",
    "μ": "m", "ν": "v", "ο": "o", "ρ": "p", "σ": "o", "ς": "c", "τ": "t", "υ": "y",
    "χ": "x", "ϲ": "c", "ϳ": "j", "ω": "w",
    # Latin and digits that pass for each other
    "ı": "i", "l": "i", "1": "i", "|": "i", "!": "i", "0": "o", "5": "s",
    "ɑ": "a", "ɩ": "i", "ʏ": "y",
}
# sequences read as one letter, after the letters above were mapped
_PAIRS = (("rn", "m"), ("vv", "w"))


def look_key(name: str) -> str:
    """The skeleton of a display name: equal for names that look alike."""
    text = "".join(ch for ch in name or "" if unicodedata.category(ch)[0] != "C")
    text = unicodedata.normalize("NFKC", " ".join(text.split())).casefold()
    text = unicodedata.normalize("NFD", text)  # a base letter and its accents apart
    text = unicodedata.normalize("NFC", "".join(_LOOKS.get(ch, ch) for ch in text))
    for pair, one in _PAIRS:
        text = text.replace(pair, one)
    return text
