from sitrep.offsets import OffsetMap, TextBuilder


def test_copies_map_back_character_for_character() -> None:
    raw = "Hello   wide world"
    b = TextBuilder(raw)
    b.copy(0, 5)
    b.replace(5, 8, " ")
    b.copy(8, 18)
    clean, m = b.build()
    assert clean == "Hello wide world"
    s, e = m.to_source(clean.index("wide"), clean.index("wide") + 4)
    assert raw[s:e] == "wide"
    s, e = m.to_source(0, len(clean))
    assert raw[s:e] == raw


def test_replacement_maps_to_its_whole_source_span() -> None:
    raw = "a &amp; b"
    b = TextBuilder(raw)
    b.copy(0, 2)
    b.replace(2, 7, "&")
    b.copy(7, 9)
    clean, m = b.build()
    assert clean == "a & b"
    assert m.to_source(2, 3) == (2, 7)
    assert m.to_source(0, 3) == (0, 7)


def test_composed_maps_reach_the_first_source() -> None:
    raw = "xx Rսssian yy"  # Armenian 'ս' inside an English word
    b1 = TextBuilder(raw)
    b1.copy(3, 10)  # drop the "xx " prefix and " yy" suffix
    mid, m1 = b1.build()
    b2 = TextBuilder(mid)
    b2.copy(0, 1)
    b2.replace(1, 2, "u")
    b2.copy(2, len(mid))
    clean, m2 = b2.build()
    both = m1.then(m2)
    assert clean == "Russian"
    s, e = both.to_source(0, len(clean))
    assert raw[s:e] == "Rսssian"
    s, e = both.to_source(2, 4)
    assert raw[s:e] == "ss"


def test_identity_map_is_exact() -> None:
    m = OffsetMap.identity(10)
    assert m.to_source(3, 7) == (3, 7)
    assert m.to_source(5, 5) == (5, 5)
