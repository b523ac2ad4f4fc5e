"""`diplowatch contacts list|show` in the terminal."""

from __future__ import annotations

from diplowatch.commands import contacts


def test_list_shows_a_table_of_the_matching_contacts(seeded) -> None:
    result = seeded.run(contacts.command, ["list", "--type", "meeting"])
    assert result.exit_code == 0
    assert "2 contact(s)" in result.output
    assert "Beijing" in result.output and "Ankara" in result.output
    assert "Putin" not in result.output


def test_list_says_when_nothing_matches(seeded) -> None:
    result = seeded.run(contacts.command, ["list", "--state", "FRA"])
    assert result.exit_code == 0 and "no contacts match" in result.output


def test_show_prints_participants_offices_evidence_and_articles(seeded) -> None:
    result = seeded.run(contacts.command, ["show", str(seeded.ids[2])])
    assert result.exit_code == 0
    for text in (
        "Antony Blinken", "Foreign Minister", "Narendra Modi", "Prime Minister", "initiator",
        "will travel to New Delhi", "https://example.org/wire/3", "planned",
    ):  # fmt: skip
        assert text in result.output


def test_show_of_an_unknown_id_is_a_user_error(seeded) -> None:
    result = seeded.run(contacts.command, ["show", "999"])
    assert result.exit_code == 2
