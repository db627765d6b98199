"""The Dockerfile, checked without a Docker engine (none runs here or in CI): its install steps
are the ones CI uses, and hadolint-like rules hold."""

from __future__ import annotations

import json
import re
import shlex
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Instruction:
    keyword: str
    arguments: str
    stage: int


def parse_dockerfile(path: Path) -> list[Instruction]:
    """Instructions with continuation lines joined and comments dropped."""
    instructions: list[Instruction] = []
    stage = -1
    pending = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        pending = f"{pending} {line[:-1].strip()}" if line.endswith("\\") else f"{pending} {line}"
        if line.endswith("\\"):
            continue
        keyword, _, arguments = pending.strip().partition(" ")
        keyword = keyword.upper()
        if keyword == "FROM":
            stage += 1
        instructions.append(Instruction(keyword, arguments.strip(), stage))
        pending = ""
    return instructions


@pytest.fixture(scope="module")
def instructions() -> list[Instruction]:
    return parse_dockerfile(REPOSITORY / "Dockerfile")


def final_stage(instructions: list[Instruction]) -> list[Instruction]:
    last = max(i.stage for i in instructions)
    return [i for i in instructions if i.stage == last]


def pip_installs(command: str) -> list[list[str]]:
    """Arguments after `pip install` in each sub-command of a shell line."""
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.wordchars += "=[]/.:-$()"
    commands: list[list[str]] = [[]]
    for token in lexer:
        if token in ("&&", "||", ";", "|"):
            commands.append([])
        else:
            commands[-1].append(token)
    found = []
    for words in commands:
        for index, word in enumerate(words[:-1]):
            if word.endswith("pip") and words[index + 1] == "install":
                found.append(words[index + 2 :])
    return found


# ------------------------------------------------------------------ install steps
def test_the_image_installs_the_checkout_with_pip_as_ci_does(instructions):
    runs = [i.arguments for i in instructions if i.keyword == "RUN"]
    installs = [args for run in runs for args in pip_installs(run)]
    targets = [arg for args in installs for arg in args if not arg.startswith("-")]
    assert targets == ["."], "the image installs the package from the checkout, nothing else by hand"
    # that install runs the build hook that generates the gRPC code from protos/
    pyproject = tomllib.loads((REPOSITORY / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["setuptools"]["cmdclass"]["build_py"] == "redactor.service.build_protos.BuildPyWithProtos"
    assert any(r.startswith("grpcio-tools==") for r in pyproject["build-system"]["requires"])
    copied = " ".join(i.arguments for i in instructions if i.keyword == "COPY" and i.stage == 0)
    for needed in ("pyproject.toml", "protos/", "redactor/"):
        assert needed in copied
    assert not any("protoc" in run for run in runs), "no hand-run protoc: the install step generates"


def test_ci_installs_the_same_way():
    """CI runs `make test`, whose `install` target pip-installs the checkout: the same build."""
    assert "make test" in (REPOSITORY / ".ci" / "run").read_text(encoding="utf-8")
    makefile = (REPOSITORY / "Makefile").read_text(encoding="utf-8")
    install_recipe = makefile.split("\ninstall:", 1)[1].split("\n\n", 1)[0]
    installs = [args for line in install_recipe.splitlines() for args in pip_installs(line.strip())]
    targets = {arg.split("[")[0] for args in installs for arg in args if not arg.startswith("-")}
    assert targets == {"."}, "CI installs the checkout with pip, which generates the gRPC code"


def test_generated_code_is_not_copied_into_the_image():
    ignored = (REPOSITORY / ".dockerignore").read_text(encoding="utf-8").splitlines()
    assert "redactor/service/v1/redactor_pb2*.py" in ignored
    assert ".venv" in ignored and ".git" in ignored


def dockerignored(path: str, patterns: list[str]) -> bool:
    """Whether the build context leaves `path` out: Docker's rules (`*` within one path element,
    `**` across any number, a matched directory takes its content along, `!` re-includes)."""
    excluded = False
    parents = [path.rsplit("/", depth)[0] for depth in range(path.count("/"), -1, -1)]
    for pattern in patterns:
        negated = pattern.startswith("!")
        glob = pattern.lstrip("!").strip("/")
        regex = re.escape(glob).replace(r"\*\*/", "(?:.*/)?").replace(r"\*\*", ".*").replace(r"\*", "[^/]*")
        if any(re.fullmatch(regex, candidate) for candidate in parents):
            excluded = not negated
    return excluded


def test_only_what_runs_is_copied_from_models():
    """The corpora and training runs (git-ignored, tens of MB on a machine that trained) and the
    recipes stay out of the image; every model and lexicon the detectors read goes in."""
    patterns = [
        line.strip()
        for line in (REPOSITORY / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for left_out in (
        "models/ner/corpus/train.spacy",
        "models/ner/training/model-best/meta.json",
        "models/special_ner/training/model-last/ner/model",
        "models/ner/train.py",
        "models/ner/config.cfg",
        "models/ner/README.md",
        "models/excessive/data/positive_gp.txt",
        "models/identifiers/build_lexicons.py",
    ):
        assert dockerignored(left_out, patterns), left_out
    models = REPOSITORY / "models"
    kept = [
        path.relative_to(REPOSITORY).as_posix()
        for path in models.rglob("*")
        if path.is_file()
        and path.suffix not in (".py", ".md")
        and not {"corpus", "training", "training_vec", "eval", "__pycache__"} & set(path.parts)
        and not path.is_relative_to(models / "excessive" / "data")
        and not (path.name in ("config.cfg", "eval.json") and path.parent.parent == models)
    ]
    assert any(path.startswith("models/ner/fr_clinical_ner/") for path in kept)
    for path in kept:
        assert not dockerignored(path, patterns), f"{path} is read at run time"


def test_the_image_runs_the_python_ci_runs(instructions):
    images = [i.arguments.split()[0] for i in instructions if i.keyword == "FROM"]
    for image in images:
        match = re.fullmatch(r"python:(\d+)\.(\d+)\.\d+-slim(-\w+)?", image)
        assert match, f"{image}: a slim Python image with a full version tag"
        assert (int(match[1]), int(match[2])) == sys.version_info[:2]


def test_models_are_baked_in_and_checked_at_build(instructions):
    final = final_stage(instructions)
    env = " ".join(i.arguments for i in final if i.keyword == "ENV")
    models_dir = re.search(r"REDACTOR_MODELS_DIR=(\S+)", env)[1]
    assert any(i.keyword == "COPY" and i.arguments.split() == ["models/", f"{models_dir}/"] for i in final)
    assert any(i.keyword == "RUN" and "Redactor(" in i.arguments for i in final), "the build loads the models once"


# ------------------------------------------------------------------ lint rules
def test_runs_as_a_non_root_user(instructions):
    users = [i.arguments for i in final_stage(instructions) if i.keyword == "USER"]
    assert users, "USER is set"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0")
    keywords = [i.keyword for i in final_stage(instructions)]
    assert keywords.index("USER") < keywords.index("ENTRYPOINT")


def test_healthcheck_uses_the_grpc_health_service(instructions):
    (check,) = [i.arguments for i in instructions if i.keyword == "HEALTHCHECK"]
    command = json.loads(check.split("CMD", 1)[1])
    assert command == ["python", "-m", "redactor.service.healthcheck"]
    assert "--start-period=" in check  # models take a while to load


def test_no_latest_tags_and_no_remote_add(instructions):
    for instruction in instructions:
        if instruction.keyword == "FROM":
            image = instruction.arguments.split()[0]
            assert ":" in image and not image.endswith(":latest")
        assert instruction.keyword != "ADD", "COPY, not ADD (ADD fetches URLs and unpacks archives)"
        assert not re.search(r"\b(curl|wget)\b", instruction.arguments), "nothing is downloaded outside pip"


def test_pip_keeps_no_cache(instructions):
    for instruction in instructions:
        for args in pip_installs(instruction.arguments):
            assert "--no-cache-dir" in args


def test_exec_form_so_sigterm_reaches_the_server(instructions):
    final = final_stage(instructions)
    (entrypoint,) = [i.arguments for i in final if i.keyword == "ENTRYPOINT"]
    assert json.loads(entrypoint) == ["redactor", "serve"]
    assert not any(i.keyword == "CMD" for i in final)
    assert [i.arguments for i in final if i.keyword == "STOPSIGNAL"] == ["SIGTERM"]


def test_the_exposed_port_is_the_default_listen_port(instructions):
    final = final_stage(instructions)
    env = " ".join(i.arguments for i in final if i.keyword == "ENV")
    listen = re.search(r"REDACTOR_LISTEN=(\S+)", env)[1]
    (exposed,) = [i.arguments for i in final if i.keyword == "EXPOSE"]
    assert listen.rpartition(":")[2] == exposed
    grace = float(re.search(r"REDACTOR_GRACE_SECONDS=(\S+)", env)[1])
    assert grace < 10, "docker stop kills after 10 s: drain before that"
