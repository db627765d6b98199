"""GENETIC data written in the notations of genetics, which no word list holds.

- special.genetic.variant: a sequence variant in HGVS notation ("c.5266dupC", "c.68_69delAG",
  "p.Arg273His", "p.(Gly12Cys)") or in the older form "6174delT";
- special.genetic.band: a chromosome band or region ("22q11.2", "15q11q13", "del(17p)");
- special.genetic.snp: a dbSNP identifier ("rs1801133").

Whether the variant is inherited or a tumour's own is the qualifiers' business (`somatic`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from redactor.findings import Finding
from redactor.recognizers.special.base import TextDetector

_SCORE = 0.85
_VARIANT = re.compile(
    r"(?i)(?<![\w.])(?:[cgmnr]\.(?:[-*]?\d+(?:[+-]\d+)?(?:_[-*]?\d+(?:[+-]\d+)?)?"
    r"(?:[ACGTacgt]>[ACGTacgt]|(?:del|dup|ins|inv|delins)[ACGTacgt\d]*|=))"
    r"|p\.\(?(?:[A-Z][a-z]{2}|[A-Z])\d+(?:[A-Z][a-z]{2}|[A-Z*]|fs\*?\d*|del|dup|ins\w*|=)+\)?"
    r"|\d{2,5}(?:del|dup|ins)[ACGT]{1,6})(?![\w>])"
)
_BAND = re.compile(
    r"(?<![\w.])(?:(?:del|dup|inv|t|i|r)\((?:[1-9]|1\d|2[0-2]|X|Y)(?:[pq]\d*(?:\.\d+)?)?(?:;(?:[1-9]|1\d|2[0-2]|X|Y))?\)"
    r"(?:\([pq][\d.;pq]*\))?"
    r"|(?:[1-9]|1\d|2[0-2]|X|Y)[pq]\d{1,2}(?:\.\d{1,2})?(?:[pq]?\d{1,2}(?:\.\d{1,2})?)?)(?![\w])"
)
_SNP = re.compile(r"(?<![\w])rs\d{4,10}(?![\w])")


class GeneticNotationDetector(TextDetector):
    """Variants, chromosome bands and SNP identifiers, written the geneticists' way."""

    def __init__(self) -> None:
        super().__init__(name="GeneticNotation", categories=["GENETIC"])

    def find(self, text: str, doc: Doc | None = None) -> Iterator[Finding]:
        for pattern, rule in ((_VARIANT, "variant"), (_BAND, "band"), (_SNP, "snp")):
            for match in pattern.finditer(text):
                yield Finding(match.start(), match.end(), "GENETIC", _SCORE, f"special.genetic.{rule}")
