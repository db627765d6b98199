"""Errors raised by redactor. Messages never carry note text."""


class RedactorError(Exception):
    """Base class of every error redactor raises on purpose."""


class InvalidInputError(RedactorError):
    """The input cannot be processed as given (encoding, size, shape)."""


class UnknownPolicyError(RedactorError):
    """The named policy does not exist."""


class PolicyError(RedactorError):
    """A policy file is malformed or asks for something impossible."""


class MissingKeyError(RedactorError):
    """A keyed operator needs a secret key that was not provided."""


class DetectionError(RedactorError):
    """A detector failed or timed out: nothing may leave unredacted."""


class ConfigurationError(RedactorError, ValueError):
    """A setting (an option, an environment variable, a service's file) cannot be used as given."""
