"""TLS and mutual TLS from certificate files, with certificates made by the test itself."""

from __future__ import annotations

import datetime
import ipaddress
from dataclasses import dataclass
from pathlib import Path

import grpc
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from test_service_helpers import RunningServer, start_server

from redactor.client import ClientTls, ServiceError


@dataclass(frozen=True)
class Issued:
    cert: Path
    key: Path


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _write(directory: Path, stem: str, certificate: x509.Certificate, key: ec.EllipticCurvePrivateKey) -> Issued:
    cert_path, key_path = directory / f"{stem}.crt", directory / f"{stem}.key"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return Issued(cert_path, key_path)


def make_ca(directory: Path, stem: str) -> tuple[Issued, x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(f"{stem} test CA"))
        .issuer_name(_name(f"{stem} test CA"))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return _write(directory, stem, certificate, key), certificate, key


def issue(directory: Path, stem: str, ca: x509.Certificate, ca_key, *, server: bool) -> Issued:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name("localhost" if server else stem))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH if server else ExtendedKeyUsageOID.CLIENT_AUTH]),
            critical=False,
        )
    )
    if server:
        names = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
        builder = builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
    return _write(directory, stem, builder.sign(ca_key, hashes.SHA256()), key)


@dataclass(frozen=True)
class Pki:
    ca: Issued
    server: Issued
    client: Issued
    stranger: Issued  # a client certificate from another CA


@pytest.fixture(scope="module")
def pki(tmp_path_factory) -> Pki:
    directory = tmp_path_factory.mktemp("pki")
    ca, ca_cert, ca_key = make_ca(directory, "hospital")
    _other, other_cert, other_key = make_ca(directory, "elsewhere")
    return Pki(
        ca=ca,
        server=issue(directory, "server", ca_cert, ca_key, server=True),
        client=issue(directory, "ehr-backend", ca_cert, ca_key, server=False),
        stranger=issue(directory, "stranger", other_cert, other_key, server=False),
    )


@pytest.fixture(scope="module")
def server(pki, tmp_path_factory) -> RunningServer:
    running = start_server(
        tmp_path_factory.mktemp("tls-server") / "server.log",
        "--listen", "localhost:0",
        "--workers", "1",
        "--tls-cert", str(pki.server.cert),
        "--tls-key", str(pki.server.key),
        "--tls-client-ca", str(pki.ca.cert),
        tls=ClientTls(ca=pki.ca.cert, cert=pki.client.cert, key=pki.client.key),
    )
    yield running
    assert running.stop() == 0


def test_a_client_with_a_certificate_from_the_ca_is_served(server, pki):
    assert server.listening["mutual_tls"] is True
    tls = ClientTls(ca=pki.ca.cert, cert=pki.client.cert, key=pki.client.key)
    with server.client(tls=tls) as client:
        result = client.redact("Vu M. Jean DUPONT, tél 06 12 34 56 78.")
    assert result.text == "Vu M. <PERSON>, tél <PHONE>."


def test_a_client_without_a_certificate_is_refused(server, pki):
    with server.client(tls=ClientTls(ca=pki.ca.cert), timeout=10) as client:
        with pytest.raises(ServiceError) as raised:
            client.redact("Vu M. Jean DUPONT.")
    assert raised.value.code == grpc.StatusCode.UNAVAILABLE


def test_a_client_certificate_from_another_ca_is_refused(server, pki):
    tls = ClientTls(ca=pki.ca.cert, cert=pki.stranger.cert, key=pki.stranger.key)
    with server.client(tls=tls, timeout=10) as client:
        with pytest.raises(ServiceError) as raised:
            client.redact("Vu M. Jean DUPONT.")
    assert raised.value.code == grpc.StatusCode.UNAVAILABLE


def test_a_plaintext_client_is_refused(server):
    with server.client(timeout=10) as client:
        with pytest.raises(ServiceError) as raised:
            client.health()
    assert raised.value.code == grpc.StatusCode.UNAVAILABLE


def test_a_client_that_does_not_trust_the_server_is_refused(server, pki):
    tls = ClientTls(ca=pki.stranger.cert, cert=pki.client.cert, key=pki.client.key)
    with server.client(tls=tls, timeout=10) as client:
        with pytest.raises(ServiceError) as raised:
            client.health()
    assert raised.value.code == grpc.StatusCode.UNAVAILABLE
