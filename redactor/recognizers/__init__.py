"""Detectors: identifiers/ and special/ families, each a Presidio recognizer over spaCy docs."""
