"""The Redactor: normalise, detect, resolve, qualify, apply a policy. Adapters only call this."""

from __future__ import annotations

import gc
import logging
import os
import threading
import time
from contextlib import ExitStack, contextmanager
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from presidio_analyzer import AnalyzerEngine, ContextAwareEnhancer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from spacy.language import Language
from spacy.tokens import Doc

from redactor.apply import apply_policy
from redactor.check import CheckWarning, load_explanations
from redactor.errors import DetectionError, InvalidInputError, MissingKeyError
from redactor.findings import Finding, RedactionResult
from redactor.known import KnownIdentity
from redactor.nlp import load_pipeline, parse, pipeline_text, pipeline_version
from redactor.normalise import NormalisedText, normalise
from redactor.operators import PseudonymSession
from redactor.placeholders import outside_tags
from redactor.policy import Policy, load_policy
from redactor.qualify import Qualifier
from redactor.recognizers.base import DETECTOR_KEY, Detector
from redactor.recognizers.identifiers.lexicon import first_name_gender, lexicon_version
from redactor.recognizers.identifiers.repeated import with_listed_towns, with_repeated_record_numbers, with_repeated_towns
from redactor.recognizers.registry import default_detectors, learned_from_environment
from redactor.recognizers.special.base import TextDetector
from redactor.recognizers.vouched.identity import KnownIdentityMatcher
from redactor.recognizers.vouched.site import AllowList, SiteDetector, SiteLexicons, site_lexicons_from
from redactor.reversible import ValueCipher, encryption_key_from_environment
from redactor.resolve import resolve, without_homonyms_in_names
from redactor.truecase import truecase

log = logging.getLogger("redactor")

DEFAULT_MAX_CHARS = 100_000
# spaCy's memory zones must not nest, nor two threads share one: analyses that open one take
# turns, and one opened inside another is the outer one
_MEMORY_ZONE_LOCK = threading.RLock()
_open_zones = 0
# analyze_many frees the notes' new words this often: a zone per note costs about 9 % of the
# analysis (each note's words are new again), one per 1,024 notes 1 to 3 %
NOTES_PER_MEMORY_ZONE = 1024


class _PipelineNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine over a pipeline we loaded ourselves (no download, no lemmas)."""

    def __init__(self, nlp: Language):
        super().__init__(models=[{"lang_code": "fr", "model_name": nlp.meta.get("name", "custom")}])
        self.nlp = {"fr": nlp}

    def load(self) -> None:
        """Already loaded in the constructor."""

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        # Our detectors read the doc directly; Presidio's keywords and lemma context are unused.
        return NlpArtifacts(
            entities=list(doc.ents),
            tokens=doc,
            tokens_indices=[token.idx for token in doc],
            lemmas=[],
            nlp_engine=None,
            language=language,
        )


class _Analyzer(AnalyzerEngine):
    """Presidio's engine without its per-recognizer context pass: our detectors weigh their own
    context, and that pass sorts every result once per recognizer (a third of the analysis on
    a note with thousands of names).

    Presidio runs the recognizers in an order that changes from one process to the next (it
    passes them through a set) and, of two results with the same span, category and score,
    keeps the first: the results are put back in the registry's order here, the last step
    before that, so that the rule named in a finding is the same in every run."""

    def _enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        order = {recognizer.id: index for index, recognizer in enumerate(self.registry.recognizers)}
        key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
        return sorted(raw_results, key=lambda result: order.get((result.recognition_metadata or {}).get(key), -1))


class _DetectorsOwnTheirContext(ContextAwareEnhancer):
    """Our detectors weigh their own context (labels, titles, cue words); Presidio's lemma-based
    enhancer would only deep-copy every result on each call."""

    def __init__(self) -> None:
        super().__init__(0, 0, 0, 0)

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        return raw_results


def read_key_from_environment() -> bytes | None:
    """The pseudonymisation key from REDACTOR_KEY or the file named by REDACTOR_KEY_FILE."""
    if value := os.environ.get("REDACTOR_KEY"):
        return value.encode()
    if path := os.environ.get("REDACTOR_KEY_FILE"):
        try:
            key = Path(path).read_bytes().strip()
        except OSError as error:
            raise MissingKeyError(f"cannot read REDACTOR_KEY_FILE ({error.strerror})") from None
        if not key:
            raise MissingKeyError("REDACTOR_KEY_FILE is empty")
        return key
    return None


def freeze_loaded_objects() -> None:
    """For a process that has built its Redactor and from now on only analyses (a service or
    batch worker): every object alive now (models, lexicons, compiled patterns: about 2.8
    million) leaves the cyclic garbage collector's view, so that a full collection no longer
    walks them all; on a 100,000-character note that walk was a third of the analysis. Call
    once, after loading, in a process that keeps its Redactor to the end."""
    gc.collect()
    gc.freeze()


class Redactor:
    """Finds identifiers and special-category content in French clinical notes and redacts them.

    Load once per process and reuse: models and vocabularies load in the constructor.
    """

    def __init__(
        self,
        *,
        key: bytes | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
        extra_detectors: Sequence[Detector] = (),
        nlp: Language | None = None,
        encryption_key: bytes | None = None,
        site: str | os.PathLike[str] | SiteLexicons | None = None,
        learned_excessive: bool | None = None,
        learned_special: bool | None = None,
    ):
        self.key = key if key is not None else read_key_from_environment()
        encryption_key = encryption_key if encryption_key is not None else encryption_key_from_environment()
        self.cipher = ValueCipher(encryption_key) if encryption_key is not None else None
        self.max_chars = max_chars
        self.nlp = nlp if nlp is not None else load_pipeline()
        # the site's lexicons: `site`, else the directory named by REDACTOR_SITE_DIR, else none
        self.site = site_lexicons_from(site)
        site_detectors = [SiteDetector(self.site)] if self.site else []
        self._allow = AllowList(self.site.allow) if self.site and self.site.allow else None
        # the learned detectors (models/special_ner/, models/excessive/) run when asked for here,
        # else when REDACTOR_LEARNED names them
        learned = learned_from_environment() if learned_excessive is None or learned_special is None else frozenset()
        builtin = default_detectors(
            learned_excessive="excessive" in learned if learned_excessive is None else learned_excessive,
            learned_special="special" in learned if learned_special is None else learned_special,
        )
        self.detectors: list[Detector] = [*builtin, *site_detectors, *extra_detectors]
        self._analyzer = _Analyzer(
            registry=RecognizerRegistry(recognizers=self.detectors, supported_languages=["fr"]),
            nlp_engine=_PipelineNlpEngine(self.nlp),
            supported_languages=["fr"],
            context_aware_enhancer=_DetectorsOwnTheirContext(),
        )
        self._entities = sorted({c for d in self.detectors for c in d.supported_entities})
        self._pipelines = [self.nlp, *(pipeline for d in self.detectors for pipeline in d.pipelines())]
        self._policies: dict[str, Policy] = {}
        self._qualifier = Qualifier()
        self._explanations = load_explanations()

    # ----------------------------------------------------------------- detection
    def _prepare(self, text: str) -> NormalisedText:
        if not isinstance(text, str):
            raise InvalidInputError(f"text must be a string, not {type(text).__name__}")
        if len(text) > self.max_chars:
            raise InvalidInputError(f"text has {len(text)} characters, over the maximum of {self.max_chars}")
        return normalise(text)

    @staticmethod
    def _known_matcher(known: KnownIdentity | None) -> KnownIdentityMatcher | None:
        if known is None:
            return None
        if not isinstance(known, KnownIdentity):
            raise InvalidInputError(f"known must be a KnownIdentity, not {type(known).__name__}")
        return KnownIdentityMatcher(known)

    def _vouched(
        self, normalised: NormalisedText, candidates: list[Finding], known: KnownIdentityMatcher | None
    ) -> list[Finding]:
        """Cut the site's allow-list out of the detectors' readings, then add the known
        identity's mentions, which outrank everything (see redactor.resolve)."""
        if self._allow is not None:
            allowed = [normalised.to_original(s, e) for s, e in self._allow.spans(normalised.text)]
            candidates = AllowList.remove(candidates, allowed, normalised.original)
        for found in known.find(normalised.text) if known is not None else ():
            start, end = normalised.to_original(found.start, found.end)
            if start < end:
                candidates.append(Finding(start, end, found.category, found.score, found.detector))
        return candidates

    def _detect(
        self, normalised: NormalisedText, doc: Doc, deadline: float | None, known: KnownIdentityMatcher | None = None
    ) -> list[Finding]:
        artifacts = self._analyzer.nlp_engine._doc_to_nlp_artifact(doc, "fr")
        try:
            results: list[RecognizerResult] = self._analyzer.analyze(
                text=normalised.text, language="fr", entities=self._entities, nlp_artifacts=artifacts
            )
        except DetectionError:  # a time limit that expired during detection, say
            raise
        except Exception as error:  # fail closed: any detector failure is the call's failure
            raise DetectionError(f"a detector failed ({error.__class__.__name__})") from error
        if deadline is not None and time.monotonic() > deadline:
            raise DetectionError("detection exceeded its deadline")
        candidates = []
        for result in results:
            start, end = normalised.to_original(result.start, result.end)
            if start >= end:
                continue
            metadata = result.recognition_metadata or {}
            candidates.append(
                Finding(start, end, result.entity_type, float(result.score), metadata.get(DETECTOR_KEY, "unknown"))
            )
        # (read with a typist's capitals where normalisation restored them: "29120 pont-l'abbé"
        # dictated holds no clergy word)
        cased = truecase(normalised.original) if normalised.recased else normalised.original
        candidates = without_homonyms_in_names(outside_tags(normalised.original, candidates), cased)
        try:
            candidates = with_repeated_towns(with_repeated_record_numbers(candidates, normalised.original), normalised.original)
            candidates = with_listed_towns(candidates, normalised.original)
            candidates = self._vouched(normalised, candidates, known)
        except Exception as error:  # fail closed, as for the detectors
            raise DetectionError(f"a detector failed ({error.__class__.__name__})") from error
        return self._qualifier.qualify(normalised.original, resolve(candidates, normalised.original))

    def check(self, text: str) -> list[CheckWarning]:
        """Warnings for the clinician typing `text`: each special-category passage with a short
        French explanation. Runs the vocabulary detectors only: no NER, a few milliseconds."""
        normalised = self._prepare(text)
        candidates = []
        try:
            for detector in self.detectors:
                if isinstance(detector, TextDetector):
                    for found in detector.find(normalised.text):
                        start, end = normalised.to_original(found.start, found.end)
                        if start < end:
                            candidates.append(Finding(start, end, found.category, found.score, found.detector))
        except Exception as error:  # fail closed, as in analysis
            raise DetectionError(f"a detector failed ({error.__class__.__name__})") from error
        findings = self._qualifier.qualify(text, resolve(candidates, text))
        return self._explanations.warnings(findings)

    def analyze(
        self, text: str, *, deadline: float | None = None, known: KnownIdentity | None = None
    ) -> list[Finding]:
        """Findings in `text`, disjoint and sorted, offsets in code points of `text`.

        `deadline` is a `time.monotonic()` instant after which the call fails rather than answer.
        `known`: what the EHR knows of whom the note is about; every mention is found and wins.
        """
        normalised = self._prepare(text)
        matcher = self._known_matcher(known)
        return self._detect(normalised, parse(self.nlp, pipeline_text(normalised.text)), deadline, matcher)

    def analyze_many(
        self,
        texts: Iterable[str],
        batch_size: int = 64,
        *,
        known: Iterable[KnownIdentity | None] | None = None,
    ) -> Iterator[list[Finding] | Exception]:
        """Findings for each text in order; a text that cannot be analysed yields its error.
        `known`, when given, holds each text's known identity (or None), in the same order.
        Texts go through the NER `batch_size` at a time; results come NOTES_PER_MEMORY_ZONE
        at a time."""
        texts = iter(texts)
        identities = iter(known) if known is not None else None
        while notes := list(islice(texts, max(batch_size, NOTES_PER_MEMORY_ZONE))):
            identified = [next(identities, None) if identities is not None else None for _ in notes]
            with self.transient_words():
                results = [
                    result
                    for start in range(0, len(notes), batch_size)
                    for result in self._analyze_batch(notes[start : start + batch_size], identified[start : start + batch_size])
                ]
            yield from results

    def _analyze_batch(self, texts: list[str], known: list[KnownIdentity | None]) -> list[list[Finding] | Exception]:
        results: list[list[Finding] | Exception] = []
        prepared: list[tuple[int, NormalisedText, KnownIdentityMatcher | None]] = []
        for text, identity in zip(texts, known):
            try:
                prepared.append((len(results), self._prepare(text), self._known_matcher(identity)))
                results.append([])
            except InvalidInputError as error:
                results.append(error)
        docs = self.nlp.pipe((pipeline_text(normalised.text) for _, normalised, _ in prepared), batch_size=len(texts))
        for (index, normalised, matcher), doc in zip(prepared, docs):
            try:
                results[index] = self._detect(normalised, doc, None, matcher)
            except DetectionError as error:
                results[index] = error
        return results

    @contextmanager
    def transient_words(self) -> Iterator[None]:
        """Free, at the end, the words the notes analysed inside added to spaCy's vocabularies:
        names, numbers, typos, every string a note brings would otherwise stay for the life of
        the process (a few kilobytes a note, gigabytes over an archive). `analyze_many` opens
        one every NOTES_PER_MEMORY_ZONE notes, the service one per call; wrap a long loop of
        `analyze` calls in one. Findings hold no spaCy object; a zone opened inside another is
        the outer one."""
        global _open_zones
        with _MEMORY_ZONE_LOCK:
            if _open_zones:
                yield
                return
            _open_zones += 1
            try:
                with ExitStack() as zones:
                    for pipeline in self._pipelines:
                        zones.enter_context(pipeline.memory_zone())
                    yield
            finally:
                _open_zones -= 1

    # ----------------------------------------------------------------- redaction
    def policy(self, name_or_path: str) -> Policy:
        """A policy by built-in name or file path, loaded once and cached."""
        if name_or_path not in self._policies:
            self._policies[name_or_path] = load_policy(name_or_path)
        return self._policies[name_or_path]

    def redact(
        self,
        text: str,
        policy: str = "export",
        *,
        patient_id: str | None = None,
        deadline: float | None = None,
        known: KnownIdentity | None = None,
    ) -> RedactionResult:
        """Apply `policy` to `text`. With a key, surrogates and date shifts are consistent across
        the notes of one `patient_id`; without, within the note only. `known`: see `analyze`."""
        chosen = self.policy(policy)
        if chosen.needs_key and self.key is None:
            raise MissingKeyError(f"policy {chosen.name!r} needs a key: set REDACTOR_KEY or REDACTOR_KEY_FILE")
        findings = self.analyze(text, deadline=deadline, known=known)
        return self.apply(text, findings, chosen, patient_id=patient_id)

    def apply(
        self, text: str, findings: list[Finding], policy: Policy, *, patient_id: str | None = None
    ) -> RedactionResult:
        """Apply an already loaded policy to findings of `text` (from `analyze`)."""
        if policy.needs_encryption_key and self.cipher is None:
            raise MissingKeyError(
                f"policy {policy.name!r} encrypts: set REDACTOR_ENCRYPTION_KEY or REDACTOR_ENCRYPTION_KEY_FILE"
            )
        session = PseudonymSession.open(self.key, patient_id, policy.date_shift_max_days, self.cipher)
        return apply_policy(text, findings, policy, session, first_name_gender)

    @property
    def versions(self) -> dict[str, str]:
        from redactor import __version__

        versions = {"redactor": __version__, "pipeline": pipeline_version(self.nlp), "lexicons": lexicon_version()}
        if self.site is not None:
            versions["site"] = self.site.version
        return versions
