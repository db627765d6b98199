"""`redactor review`: a local web page to check, correct and measure redaction on a site's notes."""
