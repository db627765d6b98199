"""Readings a caller vouches for: the known identity sent with a note and the site's lexicons.

They rank above every detector's reading (see `redactor.resolve`): known identity first, then
the site's facility, service and staff names.
"""

KNOWN_PREFIX = "known."
SITE_PREFIX = "site."
