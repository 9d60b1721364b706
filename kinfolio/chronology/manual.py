"""Key events that workers add to the chronology by hand."""

from kinfolio.chronology.events import Lines
from kinfolio.chronology.models import KeyEvent

LINES = [
    Lines(
        "Key event",
        KeyEvent,
        "event_date",
        lambda e: e.title,
        lambda e: e.detail,
        significant=lambda e: e.significant,
        reads=("title", "detail", "significant"),
    ),
]
