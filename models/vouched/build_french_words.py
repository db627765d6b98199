"""Rebuild french_words.txt: the lemmas of a general French dictionary, folded, so that a
capitalised heading made only of ordinary words ("CONFIDENTIEL", "Cachet", "PARCOURS
PROFESSIONNEL") is not read as a person's name where the clinical list (common_words.txt,
built from E3C) does not know an administrative word.

Source: the Dicollecte French dictionary for Hunspell (Grammalecte, "classique" v7.0), licence
MPL-2.0, as Debian ships it (package hunspell-fr-classical); the output file keeps that licence
(see its header). Only entries written in lower case (no proper nouns), of three letters or
more; inflections are not expanded (see `french_word_keys` for the endings it strips).

    apt-get download hunspell-fr-classical && dpkg-deb -x hunspell-fr-classical_*.deb dic
    python models/vouched/build_french_words.py dic/usr/share/hunspell/fr.dic
"""

from __future__ import annotations

import argparse
from pathlib import Path

from redactor.recognizers.vouched.folding import fold

HERE = Path(__file__).resolve().parent
HEADER = (
    "# Folded lemmas of the Dicollecte French dictionary (Grammalecte, hunspell-fr-classical 7.0),\n"
    "# lower-case entries of three letters or more; built by build_french_words.py.\n"
    "# This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0. If a\n"
    "# copy of the MPL was not distributed with this file, You can obtain one at\n"
    "# http://mozilla.org/MPL/2.0/. Copyright 2007-2018 Dicollecte contributors.\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dic", type=Path, help="the Hunspell .dic file (fr.dic)")
    args = parser.parse_args()
    lemmas: set[str] = set()
    for line in args.dic.read_text(encoding="utf-8").splitlines()[1:]:  # the first line is a count
        entry = line.split("/", 1)[0].split(" ", 1)[0].strip()
        if len(entry) >= 3 and entry[0].islower() and entry.replace("-", "").replace("'", "").isalpha():
            lemmas.add(fold(entry))
    (HERE / "french_words.txt").write_text(HEADER + "\n".join(sorted(lemmas)) + "\n", encoding="utf-8")
    print(f"{len(lemmas)} words")


if __name__ == "__main__":
    main()
