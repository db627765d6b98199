"""Batch redaction of archives: readers and writers per format, a resumable multi-process runner
and a Spark job, all thin adapters over `Redactor` (see `redaction.redact_notes`)."""
