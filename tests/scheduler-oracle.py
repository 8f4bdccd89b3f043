#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The optimum of single-slot scheduling instances, from SciPy's
# linear_sum_assignment, for test-scheduler.  Reads a JSON file holding
# a list of {"weights": [[...], ...], "cap": N} (rows: challenge owners,
# columns: capability owners, 0 where a pair cannot meet; cap: the
# number of tables) and prints one optimum per line.
#
# At most `cap` meetings: every row also gets (rows - cap) extra columns
# worth far more than any real pair, so that the optimum gives that many
# rows to them and leaves at most `cap` rows for real meetings.
#
# Exits 77 (skip) when SciPy is not installed.

import json
import sys

try:
    import numpy as np
    from scipy.optimize import linear_sum_assignment
except ImportError:
    sys.exit(77)


def optimum(weights, cap):
    w = np.array(weights, dtype=float)
    if w.size == 0 or cap == 0:
        return 0.0
    rows, cols = w.shape
    extra = max(0, rows - cap)
    if extra:
        big = 1.0 + w.sum()
        w = np.hstack([w, np.full((rows, extra), big)])
    r, c = linear_sum_assignment(w, maximize=True)
    return float(sum(w[i, j] for i, j in zip(r, c) if j < cols))


def main():
    with open(sys.argv[1]) as f:
        instances = json.load(f)
    for instance in instances:
        print(repr(optimum(instance["weights"], instance["cap"])))


if __name__ == "__main__":
    main()
