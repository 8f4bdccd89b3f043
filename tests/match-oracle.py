#!/usr/bin/python3
# match-oracle.py — the peer ranking test-match compares the engine with.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads a JSON file named on the command line:
#   {"k": K, "capabilities": [[id, "token token …"], …],
#    "challenges": [[id, "token token …"], …]}
# fits scikit-learn's TfidfVectorizer (sublinear tf, smoothed idf, L2
# norm, terms in more than half of the capabilities dropped) on the
# capabilities' tokens, scores every challenge against every capability
# with linear_kernel times the coverage factor (m / n)^0.3, for m of the
# challenge's n indexed terms that the capability has (the engine's
# README), and prints the top K of each challenge as JSON,
# [[[id, score], …], …], ties broken by capability id.  Exits 77 when
# scikit-learn is missing, so the caller can skip.

import json
import sys

try:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import linear_kernel
except ImportError:
    sys.exit(77)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        data = json.load(f)
    k = data["k"]
    cap_ids = [c[0] for c in data["capabilities"]]
    vectorizer = TfidfVectorizer(analyzer=str.split, lowercase=False,
                                 sublinear_tf=True, smooth_idf=True,
                                 norm="l2", max_df=0.5)
    docs = vectorizer.fit_transform([c[1] for c in data["capabilities"]])
    queries = vectorizer.transform([c[1] for c in data["challenges"]])
    scores = linear_kernel(queries, docs)
    shared = (queries > 0).astype(float) @ (docs > 0).astype(float).T
    out = []
    for q, row in enumerate(scores):
        n = queries[q].count_nonzero()
        shared_row = shared[q].toarray()[0]
        row = [row[i] * ((max(shared_row[i], 1) / n) ** 0.3 if n > 0 else 1.0)
               for i in range(len(cap_ids))]
        order = sorted(range(len(cap_ids)), key=lambda i: (-row[i], cap_ids[i]))
        out.append([[cap_ids[i], float(row[i])] for i in order[:k]])
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
