"""Codes and tokens in URLs: what cannot be one never reaches the database, yet gets a kind page."""

import pytest

from config.converters import CodeConverter, TokenConverter


@pytest.mark.parametrize("code", ["AB12CD", "ab12cd", "X"])
def test_a_code_as_people_type_it_passes(code):
    assert CodeConverter().to_python(code) == code


@pytest.mark.parametrize("code", ["A" * 13, "AB\x00CD", "AB-CD", "AB CD", "ÄBC"])
def test_what_no_code_can_be_becomes_empty(code):
    assert CodeConverter().to_python(code) == ""


@pytest.mark.parametrize("token", ["abc_DEF-123", "12:1tQx9z:Qm9v_-X", "a" * 200])
def test_a_token_or_signed_value_passes(token):
    assert TokenConverter().to_python(token) == token


@pytest.mark.parametrize("token", ["a" * 201, "abc\x00def", "abc def", "abc.def", "<script>"])
def test_what_no_token_can_be_becomes_empty(token):
    assert TokenConverter().to_python(token) == ""


def test_a_nul_byte_in_an_invitation_link_gets_the_friendly_page(client, db):
    response = client.get("/uitnodiging/abc%00def/")
    assert response.status_code == 404
    assert "Deze uitnodiging kennen we niet" in response.text


def test_a_confirmation_link_with_a_nul_byte_gets_the_friendly_page(client, db):
    response = client.get("/bevestigen/12%00abc/")
    assert response.status_code == 400
    assert "werkt niet meer" in response.text
