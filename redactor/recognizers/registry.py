"""The detectors a default Redactor runs."""

from __future__ import annotations

import os

from redactor.errors import ConfigurationError
from redactor.recognizers.base import Detector
from redactor.recognizers.identifiers.columns import TableColumns
from redactor.recognizers.identifiers.contact import EmailDetector, IpAddressDetector, PhoneDetector, UrlDetector
from redactor.recognizers.identifiers.dates import DateDetector
from redactor.recognizers.identifiers.first_names import FirstNameRules
from redactor.recognizers.identifiers.layout import NumberLayout
from redactor.recognizers.identifiers.markup import MarkupFields
from redactor.recognizers.identifiers.foreign_numbers import ForeignSocialSecurityNumbers
from redactor.recognizers.identifiers.numbers import IbanDetector, LabelledIdentifiers, NirDetector
from redactor.recognizers.identifiers.persons import PersonRules
from redactor.recognizers.identifiers.places import PlaceRules
from redactor.recognizers.identifiers.spoken import SpokenIdentifiers
from redactor.recognizers.identifiers.staff import StaffRules
from redactor.recognizers.special.detector import SpecialCategoryDetector
from redactor.recognizers.special.excessive import ExcessiveCommentModel
from redactor.recognizers.special.learned import SpecialCategoryNer
from redactor.recognizers.special.notation import GeneticNotationDetector
from redactor.recognizers.special.partners import SameSexPartnerDetector


# The learned detectors are off unless asked for: each finds more than the rules on notes
# written elsewhere, and flags more innocent uses of sensitive words (README: "Excessive comments:
# a learned classifier", "Special-category mentions: a learned NER (opt-in)").
LEARNED_DETECTORS = ("special", "excessive")
LEARNED_VARIABLE = "REDACTOR_LEARNED"


def learned_from_environment() -> frozenset[str]:
    """The learned detectors named by REDACTOR_LEARNED ("special,excessive", say; empty: none)."""
    names = {name.strip() for name in os.environ.get(LEARNED_VARIABLE, "").split(",") if name.strip()}
    unknown = names - set(LEARNED_DETECTORS)
    if unknown:
        raise ConfigurationError(
            f"{LEARNED_VARIABLE} names unknown learned detectors {sorted(unknown)}; known: {', '.join(LEARNED_DETECTORS)}"
        )
    return frozenset(names)


def default_detectors(*, learned_excessive: bool = False, learned_special: bool = False) -> list[Detector]:
    """One instance of every built-in detector (vocabularies load here, once).
    `learned_excessive`: also run the excessive-comment classifier (models/excessive/);
    `learned_special`: also run the special-category NER (models/special_ner/)."""
    detectors: list[Detector] = [
        NirDetector(),
        IbanDetector(),
        LabelledIdentifiers(),
        ForeignSocialSecurityNumbers(),
        NumberLayout(),
        PhoneDetector(),
        SpokenIdentifiers(),
        EmailDetector(),
        UrlDetector(),
        IpAddressDetector(),
        DateDetector(),
        PlaceRules(),
        TableColumns(),
        MarkupFields(),
        PersonRules(),
        StaffRules(),
        FirstNameRules(),
        SpecialCategoryDetector(),
        SameSexPartnerDetector(),
        GeneticNotationDetector(),
    ]
    if learned_special:
        detectors.append(SpecialCategoryNer())
    if learned_excessive:
        detectors.append(ExcessiveCommentModel())
    return detectors
