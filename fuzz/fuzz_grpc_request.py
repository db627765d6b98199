"""Fuzz the gRPC request decoding: any bytes on the wire become a note text (and a known
identity) or an INVALID_ARGUMENT with a reason, never another exception (an INTERNAL)."""

from __future__ import annotations

import atheris

with atheris.instrument_imports(include=["redactor"]):
    import grpc

    from redactor.service.servicer import CallRecord, ServiceFailure, _known_of, _lenient, _text_of
    from redactor.service.v1 import redactor_pb2 as pb

from harness import clinical_texts, run

_DECODERS = [_lenient(pb.RedactRequest), _lenient(pb.AnalyzeRequest), _lenient(pb.CheckRequest)]


def test_one_input(data: bytes) -> None:
    if not data:
        return
    request = _DECODERS[data[0] % len(_DECODERS)](data[1:])
    record = CallRecord("Fuzz", getattr(request, "note_id", ""))
    try:
        text = _text_of(request, record)
    except ServiceFailure as failure:
        assert failure.code == grpc.StatusCode.INVALID_ARGUMENT and failure.message
        return
    assert isinstance(text, str) and record.chars == len(text)
    text.encode("utf-8")  # what reaches the core is valid Unicode
    if isinstance(request, (pb.RedactRequest, pb.AnalyzeRequest)):
        try:
            _known_of(request)
        except ServiceFailure as failure:
            assert failure.code == grpc.StatusCode.INVALID_ARGUMENT and failure.message


def seeds() -> list[bytes]:
    out = []
    for index, text in enumerate(clinical_texts(60)):
        out.append(b"\x00" + pb.RedactRequest(text=text, policy="export", note_id=str(index)).SerializeToString())
        known = pb.KnownIdentity(first_name="Sylvie", last_name="MARCHAND", birth_date="1970-03-12", phones=["0612345678"])
        out.append(b"\x01" + pb.AnalyzeRequest(text_utf8=text.encode(), known=known).SerializeToString())
        out.append(b"\x02" + pb.CheckRequest(text=text[:500]).SerializeToString())
    return out


if __name__ == "__main__":
    run("grpc_request", test_one_input, seeds)
