"""Special-category detectors (GDPR Art. 9 and 10, excessive comments): vocabularies as data."""
