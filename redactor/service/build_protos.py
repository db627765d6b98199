"""Generate the gRPC Python code from protos/: run by the install step, never edited by hand.

`pip install .` / `pip install -e .` run it through the `build_py` hook declared in
pyproject.toml (grpcio-tools is a build requirement there, pinned so that the generated code
matches the runtime versions the package requires). After editing the proto in a checkout:

    python -m redactor.service.build_protos

The proto is compiled under the virtual path `redactor/service/v1/`, so the generated modules
are `redactor.service.v1.redactor_pb2` and `..._pb2_grpc`, importing each other by that name.
This module is loaded by setuptools on its own, so it imports nothing from `redactor`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools.command.build_py import build_py

REPOSITORY = Path(__file__).resolve().parents[2]
PROTO_DIR = REPOSITORY / "protos" / "redactor" / "v1"
PROTO_FILE = "redactor.proto"
# Where the generated modules live, as a path from the repository root and as a proto path.
GENERATED_PACKAGE_PATH = "redactor/service/v1"


def protoc_arguments(output_dir: Path, *extra: str) -> list[str]:
    """Arguments for grpc_tools.protoc compiling the service proto into `output_dir`."""
    return [
        "grpc_tools.protoc",
        f"--proto_path={GENERATED_PACKAGE_PATH}={PROTO_DIR}",
        f"--proto_path={_bundled_protos()}",
        f"--python_out={output_dir}",
        f"--pyi_out={output_dir}",
        f"--grpc_python_out={output_dir}",
        *extra,
        f"{GENERATED_PACKAGE_PATH}/{PROTO_FILE}",
    ]


def _bundled_protos() -> str:
    import grpc_tools

    return str(Path(grpc_tools.__file__).parent / "_proto")


def generate(output_root: Path = REPOSITORY, *extra: str) -> None:
    """Write the generated modules under `output_root`/redactor/service/v1/."""
    from grpc_tools import protoc

    (output_root / GENERATED_PACKAGE_PATH).mkdir(parents=True, exist_ok=True)
    status = protoc.main(protoc_arguments(output_root, *extra))
    if status != 0:
        raise RuntimeError(f"protoc failed on {PROTO_DIR / PROTO_FILE} (exit {status})")


class BuildPyWithProtos(build_py):
    """setuptools `build_py` that first generates the gRPC code from protos/."""

    def run(self) -> None:
        generate()
        super().run()


if __name__ == "__main__":
    generate()
    print(f"generated {GENERATED_PACKAGE_PATH}/redactor_pb2*.py from {PROTO_DIR / PROTO_FILE}", file=sys.stderr)
