from __future__ import annotations

ARTICLE = (
    "Troops pull back from the river crossing\n\n"
    "Troops pull back from the river crossing\n\n"
    "12k Shares\n\n"
    "Army engineers dismantled a pontoon bridge near the river town overnight, officials said, "
    "as the brigade that had held the crossing since spring moved east.\n\n"
    "[Video]\n\n"
    "The regional governor said the withdrawal was orderly and that no equipment was left "
    "behind at the crossing.\n\n"
    "Residents describe a quiet night\n\n"
    "Shops near the bridge stayed shut on Thursday while residents waited for buses.\n\n"
)
LINKS = (
    "Recommended for you\n\n"
    "Celebrity chef opens a seaside bakery in Cornwall\n\n"
    "The chef, famous for television shows, said the bakery would sell…\n\n"
    "Ten garden plants that survive a cold winter\n\n"
    "Gardeners who want colour all year round can choose from…\n"
)
FORM = (
    "Post a comment\n\n"
    "Your email address will not be published. Required fields are marked *\n\n"
    "Name *\n\nEmail *\n"
)


def test_block_of_unrelated_links_after_a_heading_is_dropped(clean) -> None:
    doc = clean(ARTICLE + LINKS)
    assert "bakery" not in doc.clean_text and "garden" not in doc.clean_text
    assert "Recommended" not in doc.clean_text
    assert doc.clean_text.rstrip().endswith("waited for buses.")


def test_trailing_unrelated_headlines_without_a_heading_are_dropped(clean) -> None:
    tail = (
        "Football club signs a new goalkeeper\n\n"
        "Stock markets close higher on tech shares\n\n"
        "Pop star announces a stadium tour\n"
    )
    doc = clean(ARTICLE + tail)
    assert "goalkeeper" not in doc.clean_text and "stadium" not in doc.clean_text
    assert doc.flags.boilerplate_chars > 0


def test_comment_form_is_dropped(clean) -> None:
    doc = clean(ARTICLE + FORM)
    assert "comment" not in doc.clean_text.lower() and "Required" not in doc.clean_text


def test_counters_placeholders_and_duplicate_title_are_dropped(clean) -> None:
    doc = clean(ARTICLE)
    assert "Shares" not in doc.clean_text and "[Video]" not in doc.clean_text
    assert doc.clean_text.count("Troops pull back from the river crossing") == 1
    assert doc.source.title == "Troops pull back from the river crossing"


def test_unpunctuated_lines_in_the_body_stay_as_their_own_paragraphs(clean) -> None:
    raw = (
        "Artillery units were seen on the highway heading south on Monday\n"
        "A second column followed later in the day, witnesses said\n"
        "Officials did not comment on the movements.\n"
    )
    doc = clean(raw)
    assert doc.clean_text.split("\n\n") == [
        "Artillery units were seen on the highway heading south on Monday",
        "A second column followed later in the day, witnesses said",
        "Officials did not comment on the movements.",
    ]


def test_seed_000_ends_at_its_source_line(seed) -> None:
    doc = seed("000")
    assert doc.clean_text.rstrip().endswith("give that territory up.”")
    assert "You May Also Like" not in doc.clean_text
    assert "Share this" not in doc.clean_text and "[embedded content]" not in doc.clean_text
    assert doc.source.original_publisher == "Al Jazeera"


def test_seed_001_has_one_title_and_no_reply_form(seed) -> None:
    doc = seed("001")
    title = doc.source.title
    assert title and doc.clean_text.count(title) == 1
    assert "Leave a Reply" not in doc.clean_text and "Required fields" not in doc.clean_text
    assert "Tyler Durden" not in doc.clean_text and "ift.tt" not in doc.clean_text
