"""Quotations and their speakers in short articles written for the project, in the styles of
wire copy, British tabloids and broadcasters."""

from __future__ import annotations

from functools import lru_cache

import sitrep

STOLTENBERG = """NATO chief warns of long war

NATO Secretary General Jens Stoltenberg warned on Sunday that the war could last for years. \
"We must prepare for the fact that it could take years," he told the German newspaper Bild.
"Nobody knows how long it will last," he added. "But the costs are much higher if Russia wins."
"""

SAREE = """Houthis vow more attacks

Houthi spokesman Yahya Saree claimed the group had fired two missiles at a tanker. 'We will \
continue our operations until the aggression on Gaza stops,' Saree said in a televised statement.
"""

PESKOV = """Kremlin says talks stalled

"There is no progress," Kremlin spokesman Dmitry Peskov said, "and we see no willingness from \
Kyiv to continue the dialogue."
"""

SHAPPS = """Royal Navy shadows Russian ships

Three Russian warships were seen in the Channel, the Ministry of Defence said.
'The Royal Navy will always protect our waters,' said Defence Secretary Grant Shapps.
"""

LATVIA = """Latvia tracks Russian vessels

Latvia's armed forces said they had tracked the vessels. "There was no violation of our waters," \
a spokesman said.
"""

KOREA = """Seoul on alert

"We are closely monitoring the North's activity," JCS spokesman Lee Sung-jun said. He added that \
the military was "fully prepared to respond to any provocation".
"""

HARWARD = """El Fasher under siege

"The situation is catastrophic," said Toby Harward, the UN's deputy humanitarian coordinator for \
Sudan. "People have nowhere left to go."
"""

PASHINYAN = """Armenia accuses Baku

Armenian Prime Minister Nikol Pashinyan said 200 people had been killed. 'This is ethnic \
cleansing,' he told parliament.
"""

MINISTRY = """Israel confirms raids

The Israeli military said its troops had carried out "limited and targeted ground raids" in \
southern Lebanon.
"""

COLON = """Lai speaks

Taiwan's president Lai Ching-te said on Saturday: "We will not provoke, and we will not back down."
"""


@lru_cache(maxsize=32)
def quotes(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in sitrep.process(text).quotes]


def test_quote_he_added_is_the_speaker_not_the_newspaper_he_spoke_to() -> None:
    assert [s for s, _ in quotes(STOLTENBERG)] == ["Jens Stoltenberg"] * 3


def test_quote_surname_after_a_titled_name_gives_the_plain_name() -> None:
    assert [s for s, _ in quotes(SAREE)] == ["Yahya Saree"]


def test_quote_split_around_its_speaker_gives_both_halves() -> None:
    assert quotes(PESKOV) == [
        ("Dmitry Peskov", "There is no progress"),
        ("Dmitry Peskov", "and we see no willingness from Kyiv to continue the dialogue."),
    ]


def test_quote_in_british_single_quotes_with_said_and_title_after() -> None:
    assert quotes(SHAPPS) == [("Grant Shapps", "The Royal Navy will always protect our waters")]


def test_quote_of_an_anonymous_spokesman_is_left_out() -> None:
    assert quotes(LATVIA) == []


def test_quote_partial_in_he_added_that_goes_to_the_speaker_before() -> None:
    assert [s for s, _ in quotes(KOREA)] == ["Lee Sung-jun", "Lee Sung-jun"]


def test_quote_follow_up_after_said_name_and_role() -> None:
    assert [s for s, _ in quotes(HARWARD)] == ["Toby Harward", "Toby Harward"]


def test_quote_he_told_parliament_is_the_person_named_before() -> None:
    assert quotes(PASHINYAN) == [("Nikol Pashinyan", "This is ethnic cleansing")]


def test_quote_phrase_of_an_institution_is_credited_to_it() -> None:
    assert quotes(MINISTRY) == [("Israeli military", "limited and targeted ground raids")]


def test_quote_after_a_colon_goes_to_the_speaker_before_it() -> None:
    assert quotes(COLON) == [("Lai Ching-te", "We will not provoke, and we will not back down.")]
