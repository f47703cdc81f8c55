"""Path converters for the codes and tokens in public URLs.

A value that no code or token can be (too long, a NUL byte, characters no code has) reaches the
view as the empty string, which matches nothing: the visitor gets the page's own friendly "we do
not know this link" answer, and the database never sees the value (PostgreSQL would refuse to
compare a NUL byte at all).
"""

import re

from django.urls import register_converter


class _Converter:
    regex = "[^/]+"
    valid: re.Pattern[str]

    def to_python(self, value: str) -> str:
        return value if self.valid.fullmatch(value) else ""

    def to_url(self, value: str) -> str:
        return value


class CodeConverter(_Converter):
    """A session's join code as people type it: letters and digits, at most 12."""

    valid = re.compile("[A-Za-z0-9]{1,12}")


class TokenConverter(_Converter):
    """A secret link's token: URL-safe base64 and a signature's separators, at most 200."""

    valid = re.compile("[A-Za-z0-9_:-]{1,200}")


def register() -> None:
    """Make `<code:...>` and `<token:...>` available to every URLconf."""
    register_converter(CodeConverter, "code")
    register_converter(TokenConverter, "token")
