"""Text from files and command lines, made safe to print.

>>> shown("Ann\\x1b[31m")
'Ann\\\\x1b[31m'
>>> shown("Émilie 背中")
'Émilie 背中'
"""

from __future__ import annotations

import unicodedata

__all__ = ["shown"]


def shown(text: str) -> str:
    """``text`` with control characters (and line separators) escaped as ``\\xNN``
    or ``\\uNNNN``, so no escape sequence from a file or a name reaches a terminal;
    new lines and tabs are kept."""
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char in "\n\t" or unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp"):
            out.append(char)
        else:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    return "".join(out)
