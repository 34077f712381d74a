"""Course material for trainers: duties chosen by actor or topic, exported as a handout, slides or a quiz."""
from __future__ import annotations

from course.select import Item, select_items

__all__ = ["Item", "select_items"]
