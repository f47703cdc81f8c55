"""Path converters for the codes and tokens in public URLs.

A URL whose code or token cannot exist (too long, a NUL byte, characters no code has) is refused
by the resolver with a 404 before a view or the database sees it; PostgreSQL would refuse to
compare a NUL byte at all.
"""

from django.urls import register_converter


class CodeConverter:
    """A session's join code as people type it: letters and digits, at most 12."""

    regex = "[A-Za-z0-9]{1,12}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class TokenConverter:
    """A secret link's token: URL-safe base64 and a signature's separators, at most 200."""

    regex = "[A-Za-z0-9_:-]{1,200}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


def register() -> None:
    """Make `<code:...>` and `<token:...>` available to every URLconf."""
    register_converter(CodeConverter, "code")
    register_converter(TokenConverter, "token")
