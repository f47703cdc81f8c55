"""Mail helpers every app shares."""


def header_line(text: object) -> str:
    """A mail header value on one line: an organisation's name or a session's title with a
    carriage return or newline in it would make Django refuse the whole mail."""
    return " ".join(str(text).split())
