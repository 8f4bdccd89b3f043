#!/usr/bin/python3
# bench-match-peer.py — the TF-IDF peer of the matching benchmark, and nDCG@10.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   bench-match-peer.py TEXTS_DIR QRELS [RUN.json …]
#
# TEXTS_DIR holds capabilities.tsv and challenges.tsv (id, text: the same
# title-twice, description and tags text the engine indexes), written by
# bench-match --texts.  The peer is scikit-learn's TfidfVectorizer
# (sublinear tf, smoothed idf, L2 norm, English stop words, terms in more
# than half of the capabilities dropped) and linear_kernel, top 10 per
# challenge, in chunks so that the score matrix fits in memory.  Prints
# its time, then nDCG@10 against the planted pairs in QRELS
# (challenge, capability, relevance 1–3) for the peer and for each
# RUN.json (the output of interchange-cli match --all --json), over the
# challenges every run ranked.

import json
import math
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

CHUNK = 250
K = 10


def read_tsv(path):
    ids, texts = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, text = line.rstrip("\n").partition("\t")
            ids.append(key)
            texts.append(text)
    return ids, texts


def peer_run(texts_dir):
    cap_ids, cap_texts = read_tsv(texts_dir + "/capabilities.tsv")
    ch_ids, ch_texts = read_tsv(texts_dir + "/challenges.tsv")
    start = time.perf_counter()
    vectorizer = TfidfVectorizer(sublinear_tf=True, smooth_idf=True, norm="l2",
                                 stop_words="english", max_df=0.5)
    docs = vectorizer.fit_transform(cap_texts)
    queries = vectorizer.transform(ch_texts)
    run = {}
    for first in range(0, len(ch_ids), CHUNK):
        scores = linear_kernel(queries[first:first + CHUNK], docs)
        top = np.argpartition(-scores, K, axis=1)[:, :K]
        for row in range(scores.shape[0]):
            best = sorted(top[row], key=lambda i: (-scores[row, i], cap_ids[i]))
            run[ch_ids[first + row]] = [cap_ids[i] for i in best]
    return run, time.perf_counter() - start


def read_qrels(path):
    qrels = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            challenge, capability, relevance = line.split()
            qrels.setdefault(challenge, {})[capability] = int(relevance)
    return qrels


def ndcg(run, qrels, challenges):
    total = 0.0
    for challenge in challenges:
        judged = qrels[challenge]
        ranked = run.get(challenge, [])[:K]
        dcg = sum((2 ** judged.get(c, 0) - 1) / math.log2(i + 2) for i, c in enumerate(ranked))
        ideal = sorted(judged.values(), reverse=True)[:K]
        idcg = sum((2 ** r - 1) / math.log2(i + 2) for i, r in enumerate(ideal))
        total += dcg / idcg if idcg > 0 else 0.0
    return total / max(len(challenges), 1)


def main():
    texts_dir, qrels_path = sys.argv[1], sys.argv[2]
    runs = {}
    for path in sys.argv[3:]:
        with open(path, encoding="utf-8") as f:
            runs[path] = {entry["challenge_id"]: [r["capability_id"] for r in entry["results"]]
                          for entry in json.load(f)}
    peer, seconds = peer_run(texts_dir)
    print(f"peer (scikit-learn TfidfVectorizer + linear_kernel, top {K}): {seconds:.2f} s")

    qrels = read_qrels(qrels_path)
    challenges = [c for c in qrels if all(c in run for run in runs.values())]
    print(f"nDCG@{K} over {len(challenges)} challenges with planted pairs:")
    print(f"  peer: {ndcg(peer, qrels, challenges):.4f}")
    for path, run in runs.items():
        print(f"  {path}: {ndcg(run, qrels, challenges):.4f}")


if __name__ == "__main__":
    main()
