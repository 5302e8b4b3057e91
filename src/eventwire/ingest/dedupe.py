"""Exact and near-duplicate detection.

Exact duplicates share a content hash (text with case and spacing folded). Near duplicates (the
same wire story with a changed lede or a different byline) are found with MinHash over word
shingles and an LSH index, so each check costs about the same however large the store grows.
"""
from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
SHINGLE = 4
THRESHOLD = 0.85
# Signatures are stored; remember the hashing scheme so stored ones load in later versions.
_SCHEME: str = getattr(MinHash(num_perm=NUM_PERM, seed=7), "scheme", "legacy")
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=7)
    mh.update_batch(list(shingles(text)))
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return np.asarray(mh.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=7, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=_SCHEME)


class NearDuplicateIndex:
    """LSH over MinHash signatures; `find` returns the id of a stored near-duplicate or None."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._sigs: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, key: str, mh: MinHash) -> None:
        if key not in self._sigs:
            self._lsh.insert(key, mh)
            self._sigs[key] = mh

    def find(self, mh: MinHash) -> tuple[str, float] | None:
        best: tuple[str, float] | None = None
        for key in self._lsh.query(mh):
            sim = float(mh.jaccard(self._sigs[key]))
            if sim >= self.threshold and (best is None or sim > best[1] or (sim == best[1] and key < best[0])):
                best = (key, sim)
        return best
