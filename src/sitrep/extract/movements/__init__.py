"""Military movements: a force that is moving, deployed, withdrawing, massing or seen on its way.

Rules on the spaCy parse of the sentences that hold a trigger word ("heading", "deployed",
"withdrew", "amassed", "passed through", "were seen in", "images show"): the trigger's subject or
object must be a force ("convoy", "troops", "warships") or a side ("Moscow withdrew"); the side
that owns it comes from the words around it ("Russian convoy" -> Russia); places come from
doc.places, linked by the preposition that leads to them ("towards" -> destination, "from" ->
origin, "in"/"through" -> location); the observer from the speech verb above the trigger or
"according to X". Hypothetical ("could launch"), negated and demanded ("called for Rwanda to
withdraw") movements are left out, and the same movement told twice in one article is kept once.

The modules, in reading order: `lexicon` (the words), `frames` (which words are triggers),
`forces` and `owners` (the force and whose it is), `gates` (is it a fact?), `status`,
`equipment`, `places`, `actor`, `observer`, `evidence`, `merge` (one movement per event),
`model` (the learned sentence model) and `assemble`, which reads a document with them.
"""

from sitrep.extract.movements.assemble import find_movements

__all__ = ["find_movements"]
