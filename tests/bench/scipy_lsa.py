"""The benchmark's reference: scipy's linear_sum_assignment on the expanded matrix.

Usage: python3 scipy_lsa.py <scores.bin> <mentees> <mentors> <capacity> <repeats>
scores.bin holds mentees x mentors little-endian int32 scores. Each mentor becomes `capacity`
identical columns; only the solve is timed (best of `repeats`). Prints one JSON line.
"""

import json
import sys
import time

import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment


def main() -> None:
    path, mentees, mentors, capacity, repeats = sys.argv[1], *map(int, sys.argv[2:6])
    scores = np.fromfile(path, dtype="<i4").reshape(mentees, mentors)
    expanded = np.repeat(scores, capacity, axis=1)
    best = float("inf")
    total = None
    for _ in range(repeats):
        start = time.perf_counter()
        rows, cols = linear_sum_assignment(expanded, maximize=True)
        best = min(best, time.perf_counter() - start)
        total = int(expanded[rows, cols].sum())
    print(json.dumps({"ms": best * 1000, "total": total, "pairs": int(len(rows)), "version": scipy.__version__}))


if __name__ == "__main__":
    main()
