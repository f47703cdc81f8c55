"""Reading the invitation email in tests."""

import re


def link_from(mail) -> str:
    """The accept link's path in an invitation email."""
    match = re.search(r"https?://\S+(/uitnodiging/[A-Za-z0-9_\-]+/)", mail.body)
    assert match, mail.body
    return match.group(1)
