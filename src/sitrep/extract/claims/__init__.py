"""War-toll claims: figures about losses and forces, with metric, subject, claimant and evidence.

`figures` finds the figures of a sentence, `subject` whose losses or forces they are,
`claimant` who states them, `lexicon` holds their words, and `assemble` reads a document with
them.
"""

from sitrep.extract.claims.assemble import find_claims

__all__ = ["find_claims"]
