"""The detectors a default Redactor runs."""

from __future__ import annotations

from redactor.recognizers.base import Detector
from redactor.recognizers.identifiers.contact import EmailDetector, IpAddressDetector, PhoneDetector, UrlDetector
from redactor.recognizers.identifiers.dates import DateDetector
from redactor.recognizers.identifiers.first_names import FirstNameRules
from redactor.recognizers.identifiers.layout import NumberLayout
from redactor.recognizers.identifiers.numbers import IbanDetector, LabelledIdentifiers, NirDetector
from redactor.recognizers.identifiers.persons import PersonRules
from redactor.recognizers.identifiers.places import PlaceRules
from redactor.recognizers.identifiers.spoken import SpokenNumbers
from redactor.recognizers.identifiers.staff import StaffRules
from redactor.recognizers.special.detector import SpecialCategoryDetector
from redactor.recognizers.special.excessive import ExcessiveCommentModel
from redactor.recognizers.special.notation import GeneticNotationDetector
from redactor.recognizers.special.partners import SameSexPartnerDetector


def default_detectors(*, learned_excessive: bool = False) -> list[Detector]:
    """One instance of every built-in detector (vocabularies load here, once).
    `learned_excessive`: also run the excessive-comment classifier (models/excessive/)."""
    detectors: list[Detector] = [
        NirDetector(),
        IbanDetector(),
        LabelledIdentifiers(),
        NumberLayout(),
        PhoneDetector(),
        SpokenNumbers(),
        EmailDetector(),
        UrlDetector(),
        IpAddressDetector(),
        DateDetector(),
        PlaceRules(),
        PersonRules(),
        StaffRules(),
        FirstNameRules(),
        SpecialCategoryDetector(),
        SameSexPartnerDetector(),
        GeneticNotationDetector(),
    ]
    if learned_excessive:
        detectors.append(ExcessiveCommentModel())
    return detectors
