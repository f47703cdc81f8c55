"""The hand-written iCalendar text: escaping and folding by the rules of RFC 5545."""

from praktijken.ics import ics_escape, ics_fold


def test_text_escapes_backslash_semicolon_comma_and_line_breaks():
    assert ics_escape("a\\b;c,d\r\ne\nf\rg") == "a\\\\b\\;c\\,d\\ne\\nf\\ng"


def test_short_lines_are_not_folded():
    assert ics_fold("SUMMARY:Kort") == "SUMMARY:Kort"


def test_long_lines_fold_at_75_octets_without_splitting_characters():
    line = "DESCRIPTION:" + "é" * 100
    folded = ics_fold(line)
    parts = folded.encode().split(b"\r\n")
    assert all(len(part) <= 75 for part in parts)
    assert all(part.startswith(b" ") for part in parts[1:])
    assert folded.replace("\r\n ", "") == line
