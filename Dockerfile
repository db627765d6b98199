# The redactor gRPC service as a sidecar: models baked in, non-root, health-checked.
#
#   docker build -t redactor .
#   docker run --rm -p 50051:50051 -e REDACTOR_KEY_FILE=/run/secrets/redactor_key redactor
#   # Unix socket shared with the EHR backend through a volume:
#   docker run --rm -v redactor-run:/run/redactor -e REDACTOR_LISTEN=unix:/run/redactor/redactor.sock redactor
#
# The package is installed exactly as CI installs it: `pip install` of the checkout, whose
# build step generates the gRPC code from protos/ (pyproject.toml, redactor/service/build_protos.py).
# Only the service is installed: no extra (batch: pandas, pyarrow; spark; models), and only the
# models read at run time are copied (.dockerignore leaves out corpora, training runs, recipes).

FROM python:3.11.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
# binutils for `strip`, in this stage only (see below).
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends binutils \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml README.md* ./
COPY protos/ protos/
COPY redactor/ redactor/
# Then what the service never runs leaves the venv:
# - pip and setuptools (nothing is installed at run time; setuptools serves `spacy package` only);
# - the debug sections of compiled modules: spaCy's, blis' and thinc's wheels ship their
#   extensions with DWARF debug information (about 100 MB of spaCy's 126); code and symbols
#   stay. Only files that have such sections are rewritten: the libraries auditwheel vendors
#   (numpy.libs' OpenBLAS) have none, and `strip` breaks their patched layout;
# - the packages' own test suites;
# - phonenumbers' geocoding, carrier and time-zone data (about 43 MB): only its
#   phonenumbers.geocoder, .carrier and .timezone modules read them, and nothing imports those.
RUN python -m venv /opt/redactor \
    && /opt/redactor/bin/pip install --no-cache-dir . \
    && /opt/redactor/bin/pip uninstall --yes pip setuptools \
    && find /opt/redactor -name '*.so' -type f -exec sh -c \
       'for f; do if readelf -S "$f" | grep -q "\.debug_info"; then strip --strip-debug "$f"; fi; done' sh {} + \
    && site=$(/opt/redactor/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') \
    && test -d "$site/spacy" -a -d "$site/phonenumbers" \
    && find "$site" -mindepth 2 -type d -name tests -prune -exec rm -rf {} + \
    && rm -rf "$site"/phonenumbers/geodata "$site"/phonenumbers/carrierdata "$site"/phonenumbers/tzdata

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
