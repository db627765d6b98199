"""Measure NER throughput (characters/second) with nlp.pipe over the E3C texts, on one core.

    taskset -c 0 python models/ner/bench_speed.py [MODEL_DIR]

Reports the best of 3 runs in wall-clock time and in process CPU time: on a shared machine the
wall-clock figure drops when other processes compete for the core, the CPU-time one much less.
BLAS threads are limited to 1.
"""

import json
import os
import sys
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import spacy  # noqa: E402,F401

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from load import load  # noqa: E402

E3C = "/work/shared/corpora/e3c-fr-clinical-cases.jsonl"


def main(path: str, repeats: int = 3) -> dict:
    texts = [json.loads(line)["text"] for line in open(E3C, encoding="utf-8")]
    n_chars = sum(len(t) for t in texts)
    t0 = time.perf_counter()
    nlp = load(path)
    load_s = time.perf_counter() - t0
    list(nlp.pipe(texts[:50]))  # warm-up
    best = best_cpu = None
    n_ents = 0
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        n_ents = sum(len(d.ents) for d in nlp.pipe(texts))
        dt, dc = time.perf_counter() - t0, time.process_time() - c0
        best = dt if best is None else min(best, dt)
        best_cpu = dc if best_cpu is None else min(best_cpu, dc)
    t0 = time.perf_counter()
    n_tok = sum(len(d) for d in nlp.tokenizer.pipe(texts))
    tok_s = time.perf_counter() - t0
    res = {
        "model": path,
        "texts": len(texts),
        "chars": n_chars,
        "tokens": n_tok,
        "load_seconds": round(load_s, 2),
        "pipe_seconds": round(best, 2),
        "chars_per_second": int(n_chars / best),
        "cpu_seconds": round(best_cpu, 2),
        "chars_per_cpu_second": int(n_chars / best_cpu),
        "batch_size": nlp.batch_size,
        "tokenizer_only_chars_per_second": int(n_chars / tok_s),
        "entities_found": n_ents,
    }
    print(json.dumps(res, indent=1))
    return res


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "models/ner/fr_clinical_ner")
