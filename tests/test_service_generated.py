"""The generated gRPC code is exactly what protos/ produces today (never stale, never hand-edited)."""

from __future__ import annotations

from pathlib import Path

from redactor.service import build_protos
from redactor.service.v1 import redactor_pb2

GENERATED = ("redactor_pb2.py", "redactor_pb2.pyi", "redactor_pb2_grpc.py")


def test_generated_code_matches_the_proto(tmp_path: Path):
    build_protos.generate(tmp_path)
    installed = Path(redactor_pb2.__file__).parent
    for name in GENERATED:
        fresh = (tmp_path / build_protos.GENERATED_PACKAGE_PATH / name).read_text(encoding="utf-8")
        assert (installed / name).read_text(encoding="utf-8") == fresh, (
            f"{installed / name} is stale: run `python -m redactor.service.build_protos` "
            "(or reinstall with `pip install -e .`)"
        )


def test_the_contract_field_names_are_kept():
    def fields(message) -> set[str]:
        return set(message.DESCRIPTOR.fields_by_name)

    assert {"text", "policy", "note_id", "patient_id"} <= fields(redactor_pb2.RedactRequest)
    assert {"text", "findings", "policy", "note_id"} <= fields(redactor_pb2.RedactResponse)
    assert {"start", "end", "category", "score", "detector", "qualifiers"} <= fields(redactor_pb2.Finding)
    assert {"redacted_start", "redacted_end"} <= fields(redactor_pb2.Finding)
    service = redactor_pb2.DESCRIPTOR.services_by_name["Redactor"]
    assert service.full_name == "redactor.v1.Redactor"
    methods = {m.name: m for m in service.methods}
    assert set(methods) == {"Redact", "Analyze", "Check", "RedactStream", "GetCapabilities", "Decrypt"}
    assert {"text", "policy", "note_id"} <= fields(redactor_pb2.DecryptRequest)
    assert {"text", "tokens", "note_id"} <= fields(redactor_pb2.DecryptResponse)
    assert methods["RedactStream"].client_streaming and methods["RedactStream"].server_streaming
