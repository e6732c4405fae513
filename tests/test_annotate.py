"""The annotate step: chunked analysis keeps the clean text's own offsets."""

from __future__ import annotations

from sitrep.nlp.annotate import analyse, load_model, split_chunks


def test_chunks_join_back_to_the_text() -> None:
    text = ("Line one about Kharkiv.\n" * 300) + ("x" * 50_000) + " tail\nend"
    chunks = list(split_chunks(text, size=500))
    assert "".join(chunks) == text
    assert all(len(c) <= 20_000 for c in chunks)


def test_chunked_doc_keeps_offsets_and_entities() -> None:
    nlp = load_model("en_core_web_sm")
    para = "Russian troops moved towards Kharkiv on Monday, officials in Kyiv said.\n\n"
    text = para * 80 + "QUFBQUFB" * 100 + "\n\n" + para
    doc = analyse(nlp, text)
    assert doc.text == text
    kyiv = [e for e in doc.ents if e.text == "Kyiv"]
    assert len(kyiv) >= 75  # the model may miss one in a repetitive text; offsets are the point
    assert all(text[e.start_char : e.end_char] == "Kyiv" for e in kyiv)
    assert sum(1 for _ in doc.sents) >= 75


def test_empty_and_blank_texts_give_empty_docs() -> None:
    nlp = load_model("en_core_web_sm")
    for text in ("", "   \n\n  "):
        doc = analyse(nlp, text)
        assert doc.text == text and not list(doc.ents)


def test_a_headline_without_a_full_stop_is_its_own_sentence() -> None:
    nlp = load_model("en_core_web_sm")
    text = ("Troops mass near Sumy as talks stall\n"
            "Ukrainian officials said on Monday that "
            "Russian troops were gathering near the border.")
    doc = analyse(nlp, text)
    sents = [s.text.strip() for s in doc.sents]
    assert "Troops mass near Sumy as talks stall" in " ".join(sents[:2])
    assert any(s.startswith("Ukrainian officials said") for s in sents)


def _signature(doc: object) -> list[tuple[object, ...]]:
    return [(t.idx, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_,
             t.is_sent_start) for t in doc]  # type: ignore[attr-defined]


def test_texts_analysed_together_get_the_parse_each_gets_alone() -> None:
    from sitrep.nlp.annotate import analyse_many

    nlp = load_model("en_core_web_sm")
    long = ("Two brigades crossed the river near Kherson on Tuesday, the army said.\n\n" * 60
            + "A quiet paragraph about the weather in the hills.\n")
    texts = [
        "Armoured columns rolled towards Mariupol overnight, a regional governor wrote.",
        "",
        long,  # several chunks
        "Gardeners in the valley prepared for the spring market.",  # no trigger word: light
        "QUFB" * 200,  # junk: tokens only
    ]
    together = analyse_many(nlp, texts)
    assert [d.text for d in together] == texts
    for text, doc in zip(texts, together, strict=True):
        assert _signature(doc) == _signature(analyse(nlp, text))


def test_joined_chunks_are_spacys_own_join() -> None:
    from spacy.tokens import Doc

    from sitrep.nlp.annotate import join_docs, tokens_only

    nlp = load_model("en_core_web_sm")
    texts = ["Tanks rolled toward Kharkiv on Monday, officials said.\n\n",
             "  Ships   left the port of Sevastopol.\n",
             "",
             "Xq7RTz0ABCD\n",
             "The army withdrew to Kherson. No comment followed"]
    docs = [*nlp.pipe(texts[:3]), tokens_only(nlp, texts[3]), nlp(texts[4])]
    ours = join_docs(docs, texts)
    spacys = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])
    assert ours.text == "".join(texts)
    assert ours.to_bytes(exclude=["tensor", "user_data"]) == \
        spacys.to_bytes(exclude=["tensor", "user_data"])
    assert [(e.text, e.label_) for e in ours.ents] == [(e.text, e.label_) for e in spacys.ents]
    assert [s.text for s in ours.sents] == [s.text for s in spacys.sents]
