"""Time on hostile shapes: every stage and detector alone, and the whole analysis, on notes
made of one repeated shape at 12.5k, 25k, 50k and 100k characters.

    python bench/adversarial_inputs.py [--shapes x ab1- ...] [--stages analysis nlp ...] [--cap 30]

Prints, per shape and stage, the time at each size and the worst growth ratio per doubling
(time at 2n / time at n; linear is 2.0, quadratic 4.0), counted only where the time at 2n is
at least 20 ms (below that, caches and allocation dominate). Times are CPU seconds of this
process (`time.process_time`), so that other jobs on a shared machine do not inflate them: the
best of three means, each over as many calls as make 0.1 s. A run longer than `--cap` CPU
seconds is stopped (SIGPROF) and reported as ">cap"; larger sizes of that shape and stage are
then skipped. Ends with the worst ratio and the worst 100k time of each stage.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import signal
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "e3c-fr-clinical-cases.jsonl"
SIZES = (12_500, 25_000, 50_000, 100_000)
NOISE_FLOOR_SECONDS = 0.020


def _clinical(limit: int = 300) -> str:
    with CORPUS.open(encoding="utf-8") as handle:
        return "\n".join(json.loads(line)["text"] for line, _ in zip(handle, range(limit)))


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _long_words(size: int) -> str:
    rng = random.Random(1)
    words = ("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(2_000)) for _ in range(size))
    return " ".join(words)[:size] if size else ""


def _base64(size: int) -> str:
    return base64.b64encode(random.Random(2).randbytes(size))[:size].decode()


def _table(size: int) -> str:
    rng = random.Random(3)
    rows = []
    while sum(map(len, rows)) < size:
        rows.append(
            f"| {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1950, 2024)} "
            f"| 06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
            f"| DUPONT{rng.randint(1, 999)} Jean | {rng.randint(10000, 95999)} | {rng.random():.4f} | IPP {rng.randint(10**7, 10**8)} |\n"
        )
    return "".join(rows)[:size]


def shapes() -> dict[str, Callable[[int], str]]:
    # one block of real text, repeated: every size has the same mix of words and characters
    clinical = _clinical()[: SIZES[0]]
    return {
        "clinical (reference)": _repeat(clinical),
        "x": _repeat("x"),
        "Ab (letters)": _repeat("Ab"),
        "0 (digits)": _repeat("0"),
        "0-": _repeat("0-"),
        "ab1-": _repeat("ab1-"),
        "Ab1.-_/:@": _repeat("Ab1.-_/:@"),
        "a ": _repeat("a "),
        "a/": _repeat("a/"),
        ". (dots)": _repeat("."),
        "-. (punctuation)": _repeat("-."),
        "/ (slashes)": _repeat("/"),
        "@": _repeat("@"),
        "a@": _repeat("a@"),
        "( (brackets)": _repeat("("),
        "([ ])": _repeat("([ ])"),
        "long words": _long_words,
        "long line": _repeat(clinical.replace("\n", " ")),
        "no spaces": _repeat("".join(clinical.split())),
        "base64": _base64,
        "table dump": _table,
        # titles and names packed together: "Mme X. " rescanned the note after each title (fixed)
        "Mme X. (titles)": _repeat("Mme X. "),
        "Dr Martin (names)": _repeat("Dr Martin "),
        # an export whose every line is a header row naming columns (TableColumns reads each
        # header's rows: it must not rescan the rest of the note from each header)
        "header rows": _repeat("Nom;Ville;CP\n"),
        "header rows (aligned)": _repeat("Patient   Ville   Site\n"),
        # issue 10 round 9: a dictated note all in lower case is recased word by word; facility
        # names wrapped to the next line are read in a window; first names, nicknames and oral
        # street numbers in prose
        "dictated (lower case)": _repeat(clinical.lower()),
        "wrapped facilities": _repeat("vu à l'Hôpital\nTenon "),
        "first names": _repeat("avec Julie et Noah "),
        "nicknames": _repeat('surnommé "Jo" '),
        "au 4 de la rue": _repeat("au 4 de la rue "),
        # found by a search over short repeated units (stop 26): each was quadratic, a repeated
        # group backtracked through or a label, a line or a run read from each match to its end
        "1. (NIR-shaped)": _repeat("1."),
        "Ab- (hyphenated)": _repeat("Ab-"),
        "Ab' (elided)": _repeat("Ab'"),
        "M. (initials)": _repeat("M. "),
        "IPP (labels)": _repeat("IPP "),
        "par login": _repeat("par abcd\t"),
        "RPPS line": _repeat("RPPS 123456789 "),
        # every special-category mention read every cue of the note in the qualifiers
        "mentions and cues": _repeat("VIH ? "),
        "conditional verbs": _repeat("dealerait\n"),
        # number words read as a day before a month, from each word of the run to its end
        "number words": _repeat("quatre-"),
        # round 11: initials a log defines for a person, then every use of them in the note
        "initials legend": _repeat("CL = Coralie "),
        # stop 33: a running footer's fields on one long line, and towns listed beside a town
        "running line": _repeat("Ab - page 1/1 - "),
        "listed towns": _repeat("Lyon - "),
        # stop 34: dotted initials, whose DECT it is in words, a US town line, a practice's
        # partners, dated entries signed with initials
        "dotted initials": _repeat("A.B. "),
        "DECT words": _repeat("DECT de garde "),
        "US town line": _repeat("Ab Ab, MA 01945 "),
        "practice partners": _repeat("cabinet AB - "),
        "dated entries": _repeat("02/01 - MV : "),
        # rounds 22: names before a mail address, practices named after a place
        "mail display names": _repeat("ab cd <abcd@x.fr> "),
        "practice names": _repeat("Imagerie Ab Cd "),
        # stop 35: Vietnamese names, a directory's dot leaders, kilometre points, a register's
        # name columns, names before their address in the next cell, nicknames in brackets
        "Vietnamese names": _repeat("LÊ Thị Ab "),
        "dot leaders": _repeat("DECT ..... 21 500\n"),
        "kilometre points": _repeat("A7 PK 212+300 "),
        "register columns": _repeat("nom_mere;prenom_mere\nAB;Cd\n"),
        "name before address": _repeat("Ab Cd   abcd@x.fr "),
        "family nicknames": _repeat("(Ab pour la famille) "),
        # and for structured exports: JSON fields, HL7 v2 segments, instance UIDs, time stamps
        "JSON fields": _repeat('"given": [ "Ab", "Cd" ], '),
        "HL7 segments": _repeat("PID|1||AB^Cd^^|EF|19800101|\n"),
        "instance UIDs": _repeat("1.2.250.1.12345678."),
        "time stamps": _repeat("2025-04-28T07:58:12+02:00 "),
        # stop 36: OCR digits in words, a CSV export with commas, emergency units and their town
        "OCR digit words": _repeat("Marie-C1aude M0RVAN ju1l1et "),
        "CSV commas": _repeat("PatientID,PatientName,Utilisateur,Statut\n1234,AB^Cd,ab_cd,OK\n"),
        "emergency units": _repeat("SMUR Orange + VSAV Ab "),
        "signed log entries": _repeat("RAS -- Odile / S.M.\n"),
        "family tree": _repeat("Bernard (66)   "),
        "bar key-values": _repeat("| Initiales | B-D-L |\n"),
        "phones in a row": _repeat("06 82 40 17 33 "),
        "Belgian phones": _repeat("04/248 92 31 "),
        "towns after streets": _repeat("3 rue Ab, Lyon\t"),
        "addressee blocks": _repeat("Le Ab\n3 rue Cd\n"),
        "two-column hyphens": _repeat("ab-\nposte 4 52 18   cd\n"),
        "weekday ranges": _repeat("du lun. 10 au ven. 14 mars "),
        "log initials": _repeat("vu. FL\n"),
        "OCR zeros": _repeat("DIALL0 0ury "),
        "quoted first names": _repeat("« Ahmad » "),
        "children and ages": _repeat(", Mahsa 15 ans"),
        "building complements": _repeat("(Le Ab, bât. 3, Cd) "),
        "split months": _repeat("12 janv ier "),
        # stop 37: facilities' aliases and qualifiers, dictation (phones with commas, spelled
        # names, spoken e-mails, birth dates in words), lower-case paragraphs under a header
        "facility aliases": _repeat("Hôpital Ab (Cd) "),
        "facility qualifiers": _repeat("Centre médical des armées de Ab "),
        "spoken phones": _repeat("zéro six, douze, "),
        "spelled names": _repeat("je répète A B deux C "),
        "spoken e-mails": _repeat("ab point cd arobase "),
        "spoken birth dates": _repeat("né le douze mai quarante "),
        "OCR spaced dates": _repeat("O5 / O5 / 8 8 1 2 "),
        "OCR spaced phones": _repeat("O6 . 8 1 . 2 2 . 4 7 . 9 O 1 "),
        "towns labelling phones": _repeat("Saint-Ab (cd) : 04 79 41 79 18\n"),
        "log row authors": _repeat("13/01  Ab cd.  M. EF\n"),
        "banner births": _repeat("AB Cd   M   né le "),
        "elided particles": _repeat("d'AB Cd "),
        "dictated paragraphs": _repeat("docteur claire ab virgule prénom cd point à la ligne Ef au centre hospitalier de gh "),
        "lower-case paragraphs": _repeat("Ab\n\nvu par le docteur ab à ab virgule prénom cd avec son associé ef\n\n"),
        # stop 38: a territory's bare numbers, relatives listed in brackets, record owners,
        # lieux-dits above a street without number, letterheads, measures in a reference
        "territory phones": _repeat("(687) 20 80 00 - Ab : 20.82.45 "),
        "relatives listed": _repeat("enfants (Ab, Cd et Ef) "),
        "record owners": _repeat("IPP Ab : 1234567 N° CHAB : 12 "),
        "addressee hamlets": _repeat("Le Ab\nChemin des Cd\n"),
        "letterheads": _repeat("ABCD 93 - Laboratoire de biologie "),
        "reference measures": _repeat("référence : < 16 ng/mL "),
        # stop 40: forms' dot leaders before words, the model's bare acronyms and lodgings, towns
        # before their postcode after "à", a territory named before its bare numbers, a time
        # stamp's initials
        "word dot leaders": _repeat("Lieu ..... Ab\n"),
        "bare acronyms": _repeat("au CHC puis au UKF "),
        "lodgings": _repeat("hôtel Ab, à Cd "),
        "towns before postcodes": _repeat("Fait à Ab Lyon 69003, "),
        "territory named": _repeat("Papeete (87 77 02 41) "),
        "time stamp initials": _repeat("2025-09-14 06:20 par ELP\n"),
    }


class _Overrun(BaseException):  # not caught by the engine's fail-closed handlers
    pass


def _timed(run: Callable[[], object], cap: float) -> float:
    """CPU seconds of one call: the best of three means, each over as many calls as make 0.1 s
    (the CPU clock ticks every few milliseconds); raises _Overrun past `cap` seconds."""

    def expire(signum, frame):
        raise _Overrun

    previous = signal.signal(signal.SIGPROF, expire)
    best = float("inf")
    try:
        for _ in range(3):
            signal.setitimer(signal.ITIMER_PROF, cap)
            started, calls = time.process_time(), 0
            while calls == 0 or time.process_time() - started < 0.1:
                run()
                calls += 1
            best = min(best, (time.process_time() - started) / calls)
            signal.setitimer(signal.ITIMER_PROF, 0)
            if best > 0.5:
                break
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
    return best


def stages(redactor) -> dict[str, Callable[[str], Callable[[], object]]]:
    """Stage name -> (note -> a call that runs that stage alone on it)."""
    from redactor.nlp import pipeline_text
    from redactor.normalise import normalise
    from redactor.recognizers.special.phrases import tokenize

    @lru_cache(maxsize=1)
    def analysed(note: str):
        text = normalise(note).text
        return text, redactor.nlp(pipeline_text(text))

    def detector_stage(detector):
        def prepare(note: str):
            text, doc = analysed(note)

            def run():
                tokenize.cache_clear()
                return list(detector.find(text, doc))

            return run

        return prepare

    def nlp_stage(note: str):
        text = normalise(note).text
        return lambda: redactor.nlp(pipeline_text(text))

    def analysis_stage(note: str):
        def run():
            tokenize.cache_clear()
            return redactor.analyze(note)

        return run

    def redaction_stage(note: str):
        findings = redactor.analyze(note)
        policy = redactor.policy("export")
        return lambda: redactor.apply(note, findings, policy)

    out: dict[str, Callable[[str], Callable[[], object]]] = {
        "analysis (whole)": analysis_stage,
        "normalise": lambda note: lambda: normalise(note),
        "spaCy pipeline": nlp_stage,
    }
    for detector in redactor.detectors:
        out[detector.name] = detector_stage(detector)
    out["apply export policy"] = redaction_stage
    return out


def _format(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds == float("inf"):
        return ">cap"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _worst_ratio(times: list[float | None]) -> float | None:
    ratios = [
        later / max(earlier, 1e-9)
        for earlier, later in zip(times, times[1:])
        if earlier is not None and later is not None and later >= NOISE_FLOOR_SECONDS
    ]
    return max(ratios) if ratios else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shapes", nargs="*", help="shape names (default: all)")
    parser.add_argument("--stages", nargs="*", help="stage names (default: all)")
    parser.add_argument("--cap", type=float, default=30.0, help="seconds before a run is stopped")
    arguments = parser.parse_args()

    import logging

    logging.disable(logging.WARNING)
    from redactor import Redactor
    from redactor.engine import freeze_loaded_objects

    redactor = Redactor(max_chars=max(SIZES))
    freeze_loaded_objects()  # as a service or batch worker does once its models are loaded
    all_shapes = shapes()
    all_stages = stages(redactor)
    chosen_shapes = arguments.shapes or list(all_shapes)
    chosen_stages = arguments.stages or list(all_stages)
    sizes = " | ".join(f"{size / 1000:g}k" for size in SIZES)
    print(f"| shape | stage | {sizes} | worst ratio |")
    print("|---|---|" + "---:|" * (len(SIZES) + 1))
    worst_ratio, worst_time = (0.0, ""), (0.0, "")
    by_stage: dict[str, list[tuple[float, float, str]]] = {stage: [] for stage in chosen_stages}
    for shape in chosen_shapes:
        times: dict[str, list[float | None]] = {stage: [] for stage in chosen_stages}
        for size in SIZES:
            note = all_shapes[shape](size)
            for stage in chosen_stages:
                if float("inf") in times[stage]:
                    times[stage].append(None)
                    continue
                try:
                    times[stage].append(_timed(all_stages[stage](note), arguments.cap))
                except _Overrun:
                    times[stage].append(float("inf"))
        for stage in chosen_stages:
            row = times[stage]
            ratio = _worst_ratio(row)
            if ratio is not None and ratio > worst_ratio[0]:
                worst_ratio = (ratio, f"{shape} / {stage}")
            last = row[-1] if row[-1] is not None else float("inf")
            if last > worst_time[0]:
                worst_time = (last, f"{shape} / {stage}")
            by_stage[stage].append((ratio or 0.0, last, shape))
            cells = " | ".join(_format(t) for t in row)
            print(f"| {shape} | {stage} | {cells} | {'-' if ratio is None else f'{ratio:.2f}'} |", flush=True)
    print("\n| stage | worst growth ratio (shape) | worst time at 100k (shape) |\n|---|---|---|")
    for stage, rows in by_stage.items():
        ratio, time_shape = max(rows), max(rows, key=lambda r: r[1])
        print(f"| {stage} | {ratio[0]:.2f} ({ratio[2]}) | {_format(time_shape[1])} ({time_shape[2]}) |")
    print(f"\nworst growth ratio per doubling: {worst_ratio[0]:.2f} ({worst_ratio[1]})")
    print(f"worst time at {SIZES[-1]:,} characters: {_format(worst_time[0])} ({worst_time[1]})")


if __name__ == "__main__":
    main()
