"""Check digits of NIR, RPPS and IBAN, with valid and invalid numbers."""

import pytest

from redactor.checksums import iban_is_valid, luhn_is_valid, nir_is_valid, nir_key


def with_key(body: str) -> str:
    return body + f"{nir_key(body):02d}"


@pytest.mark.parametrize(
    "body",
    ["1850375123456", "2610369123456", "1800597409247", "2851299123456", "7850375123456"],
)
def test_nir_with_its_key_is_valid(body):
    assert nir_is_valid(with_key(body))


def test_nir_key_is_97_minus_mod_97():
    assert nir_key("1850375123456") == 97 - 1850375123456 % 97


@pytest.mark.parametrize("department, replaced", [("2A", "19"), ("2B", "18")])
def test_corsican_nir_maps_2a_2b_before_the_key(department, replaced):
    body = f"18503{department}123456"
    numeric = body.replace(department, replaced)
    assert nir_key(body) == 97 - int(numeric) % 97
    assert nir_is_valid(with_key(body))
    assert nir_is_valid(with_key(body).lower())


def test_nir_with_spaces_or_dots_is_valid():
    compact = with_key("1850375123456")
    spaced = f"{compact[0]} {compact[1:3]} {compact[3:5]} {compact[5:7]} {compact[7:10]} {compact[10:13]} {compact[13:]}"
    assert nir_is_valid(spaced)
    assert nir_is_valid(spaced.replace(" ", "."))


def test_nir_with_a_wrong_key_is_not_valid():
    body = "1850375123456"
    assert not nir_is_valid(body + f"{(nir_key(body) + 1) % 100:02d}")


@pytest.mark.parametrize(
    "value",
    [
        with_key("1850375123456")[:-1],  # 14 characters
        "5" + with_key("1850375123456")[1:],  # first digit is not a sex or temporary code
        "1850375123456xx",
        "185032C12345600",  # no department 2C
    ],
)
def test_malformed_nir_is_not_valid(value):
    assert not nir_is_valid(value)


@pytest.mark.parametrize("rpps", ["10003456780", "10101234568"])
def test_rpps_luhn_valid(rpps):
    # build valid numbers: adjust the last digit until Luhn passes
    body = rpps[:10]
    valid = next(body + d for d in "0123456789" if luhn_is_valid(body + d))
    assert luhn_is_valid(valid)
    invalid = body + str((int(valid[-1]) + 1) % 10)
    assert not luhn_is_valid(invalid)


def test_luhn_rejects_non_digits():
    assert not luhn_is_valid("1000345678a")


@pytest.mark.parametrize(
    "iban",
    ["FR7630006000011234567890189", "FR76 3000 6000 0112 3456 7890 189", "DE89370400440532013000", "GB82WEST12345698765432"],
)
def test_valid_ibans(iban):
    assert iban_is_valid(iban)


@pytest.mark.parametrize("iban", ["FR7630006000011234567890188", "FR76", "XX0000", "DE89370400440532013001"])
def test_invalid_ibans(iban):
    assert not iban_is_valid(iban)


def test_swiss_avs_and_belgian_niss_keys():
    from redactor.checksums import ean13_is_valid, niss_is_valid

    assert ean13_is_valid("7564417228301") and not ean13_is_valid("7564417228302")
    assert niss_is_valid("91041521117") and not niss_is_valid("91041521118")
    # born from 2000: a 2 before the first nine digits
    body = "050315123"
    assert niss_is_valid(body + f"{97 - int('2' + body) % 97:02d}")
