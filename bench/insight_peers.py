"""The Python peer of `loopbrug bench insight` (issue 5): gower.gower_matrix + kmedoids.fasterpam
(BUILD start, as Loopbrug) on the bench's vars.csv. Prints one JSON line: seconds, total, versions.
Usage: .venv/bin/python bench/insight_peers.py DIR K"""
import json, sys, time
from importlib.metadata import version

import gower, kmedoids, numpy as np, pandas as pd

directory, k = sys.argv[1], int(sys.argv[2])
frame = pd.read_csv(f"{directory}/vars.csv", dtype={c: str for c in ["contract", "household", "hours_band", "sector", "jobs", "breadwinner"]})
start = time.perf_counter()
d = gower.gower_matrix(frame, cat_features=[False, False] + [True] * 6)
result = kmedoids.fasterpam(d, k, init="build")
seconds = time.perf_counter() - start
# The total from the float32 matrix gower returns, summed in doubles.
total = float(d[np.arange(len(frame)), np.asarray(result.medoids)[result.labels]].astype(np.float64).sum())
print(json.dumps({"seconds": seconds, "total": total,
                  "versions": f"Python {sys.version.split()[0]}, gower {version('gower')}, kmedoids {version('kmedoids')}, numpy {np.__version__}"}))
