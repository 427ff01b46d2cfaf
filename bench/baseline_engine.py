#!/usr/bin/env python3
"""The baseline a data scientist would write for Loopbrug's engine: scipy.sparse cosine
similarity and numpy top-k on the same skill vectors, workers and wishes that
`loopbrug bench engine` exports. Prints its timings as JSON on stdout.

Usage (normally run by `loopbrug bench engine`): baseline_engine.py WORKLOAD_DIR
"""
import json
import sys
import time
from pathlib import Path

import numpy as np
import scipy
import scipy.sparse as sp


def load_csr(d: Path, name: str, n_cols: int) -> sp.csr_matrix:
    indptr = np.fromfile(d / f"{name}_indptr.i32", dtype=np.int32)
    indices = np.fromfile(d / f"{name}_indices.i32", dtype=np.int32)
    data = np.fromfile(d / f"{name}_data.f32", dtype=np.float32)
    return sp.csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, n_cols))


def normalise(m: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sp.diags(1 / norms).dot(m).tocsr()


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    k = min(k, scores.shape[-1])
    part = np.argpartition(-scores, k - 1, axis=-1)[..., :k]
    order = np.take_along_axis(scores, part, axis=-1).argsort(axis=-1)[..., ::-1]
    return np.take_along_axis(part, order, axis=-1)


def p95(times):
    return float(np.percentile(np.array(times) * 1000, 95, method="inverted_cdf"))


def main() -> None:
    d = Path(sys.argv[1])
    work = json.loads((d / "workload.json").read_text())
    n_skills = work["skills"]
    occupations = normalise(load_csr(d, "occupations", n_skills))
    workers = normalise(load_csr(d, "workers", n_skills))
    vacancies = normalise(load_csr(d, "vacancies", n_skills))
    hours = np.fromfile(d / "vac_hours.u8", dtype=np.uint8)
    days = np.fromfile(d / "vac_days.u8", dtype=np.uint8)
    contract = np.fromfile(d / "vac_contract.u8", dtype=np.uint8)
    section = np.fromfile(d / "vac_section.u8", dtype=np.uint8)
    lat = np.fromfile(d / "vac_lat.f32", dtype=np.float32)
    lon = np.fromfile(d / "vac_lon.f32", dtype=np.float32)

    # 1. All occupations against all: cosine similarity, then the top 10 of every row.
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        sim = (occupations @ occupations.T).toarray()
        np.fill_diagonal(sim, -1)
        top_k(sim, 10)
        runs.append(time.perf_counter() - start)
    matrix_ms = min(runs) * 1000

    # 2. One worker against all occupations: top 20.
    occ_t = occupations.T.tocsr()
    def targets(i):
        return top_k((workers[i] @ occ_t).toarray().ravel(), work["workerTop"])
    for i in range(min(20, workers.shape[0])):
        targets(i)
    worker_times = []
    for i in range(workers.shape[0]):
        start = time.perf_counter()
        targets(i)
        worker_times.append(time.perf_counter() - start)

    # 3. Matching: hard wishes as numpy masks, cosine on what is left, top 50.
    rad = np.pi / 180
    def match(i):
        w = work["wishes"][i]
        bits = np.zeros(8, dtype=bool)
        bits[w["contracts"]] = True
        avoid = np.zeros(256, dtype=bool)
        for s in w["avoid"]:
            avoid[ord(s)] = True
        dx = (lon - w["lon"]) * (6371.0088 * rad * np.cos(w["lat"] * rad))
        dy = (lat - w["lat"]) * (6371.0088 * rad)
        mask = ((hours <= w["maxHours"]) & ((days & ~np.uint8(w["days"])) == 0) & bits[contract]
                & ~avoid[section] & (dx * dx + dy * dy <= w["maxKm"] ** 2))
        idx = np.flatnonzero(mask)
        if idx.size == 0:
            return idx
        scores = (vacancies[idx] @ workers[i].T).toarray().ravel()
        return idx[top_k(scores, work["top"])]
    for i in range(min(20, workers.shape[0])):
        match(i)
    match_times = []
    for i in range(workers.shape[0]):
        start = time.perf_counter()
        match(i)
        match_times.append(time.perf_counter() - start)

    print(json.dumps({"matrix_ms": matrix_ms, "worker_p95_ms": p95(worker_times), "match_p95_ms": p95(match_times),
                      "versions": f"{np.__version__}, scipy {scipy.__version__}"}))


if __name__ == "__main__":
    main()
