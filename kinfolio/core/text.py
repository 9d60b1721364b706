"""Free text people type, made safe to store and show: what a reason "says"."""

import re
import unicodedata

# Letters that render as nothing (Hangul fillers, the braille blank) though Unicode
# calls them letters or symbols rather than format characters.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Control (Cc), format (Cf: zero-width and bidi marks), surrogate (Cs), private use (Co)
# and unassigned (Cn) characters: none of them is something a reader can see.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def visible_text(value: str) -> str:
    """``value`` in Unicode NFKC form, without the characters a reader cannot see, with
    every run of spaces as one space and blank lines kept to one, trimmed.

    Line breaks are kept (a reason may have paragraphs); tabs and other spaces become
    ordinary spaces.
    """
    text = unicodedata.normalize("NFKC", value.replace("\r\n", "\n").replace("\r", "\n"))
    kept = []
    for char in text:
        if char == "\n" or (char.isspace() and char not in _BLANK_LETTERS):
            kept.append("\n" if char in "\n\u2028\u2029" else " ")
        elif unicodedata.category(char) not in _INVISIBLE and char not in _BLANK_LETTERS:
            kept.append(char)
    text = _SPACES.sub(" ", "".join(kept))
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def count_letters_and_digits(text: str) -> int:
    return sum(1 for char in text if char.isalnum())
