"""Fitting the suggestion classifier and measuring it on held-out sources against a keyword baseline.

Everything here works on plain ``Example`` rows (no database), so the tests and the benchmark measure exactly
what the web page and ``ovoz suggest`` run.

The classifier is one logistic regression per code ("one-vs-rest") over the n-grams of ``features``, with
balanced class weights (a code is on a few sentences in a hundred; unweighted, the model would learn to say
"no" to everything). Training each code on its own lets an example count only where it is known: a sentence of
a coded source is negative for every code not on it, but a rejected suggestion on a source nobody has coded
says "not this code" and nothing about the others.
"""

from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from ovoz.analysis.suggest import features

C = 4.0  # weak regularisation: n-gram vectors are l2-normalised and sparse
FOLDS = 3
BASELINE_KEYWORDS = 10


@dataclass(frozen=True, slots=True)
class Example:
    source_id: int
    start: int
    end: int
    text: str
    positives: frozenset[int] = frozenset()
    negatives: frozenset[int] = frozenset()  # codes a researcher rejected on this sentence
    complete: bool = True  # from a coded source: every code not in ``positives`` is absent

    def label(self, code: int) -> int | None:
        """1, 0, or None when this sentence says nothing about ``code``."""
        if code in self.positives:
            return 1
        if code in self.negatives or self.complete:
            return 0
        return None


@dataclass
class Model:
    """The fitted vectoriser and one row of weights per code (float32, to keep the stored file small)."""

    vectorizer: object
    codes: list[int]
    coef: np.ndarray
    intercept: np.ndarray
    meta: dict = field(default_factory=dict)

    def proba(self, texts: list[str]) -> np.ndarray:
        """The probability of each code (columns, in ``codes`` order) for each text (rows)."""
        if not texts or not self.codes:
            return np.zeros((len(texts), len(self.codes)), dtype="float32")
        X = self.vectorizer.transform(texts)
        scores = np.asarray(X @ self.coef.T) + self.intercept
        return 1.0 / (1.0 + np.exp(-scores))


def _logistic_regression():
    # Imported when training, not with the module (scikit-learn takes 1.5 s; the URLs import this module).
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression


def eligible_codes(examples: list[Example], min_examples: int) -> list[int]:
    """Codes on at least ``min_examples`` sentences: fewer is not enough to learn from (or to measure)."""
    counts = Counter(code for e in examples for code in e.positives)
    return sorted(code for code, n in counts.items() if n >= min_examples)


def fit(examples: list[Example], codes: list[int], *, c: float = C) -> Model:
    vec = features.vectorizer()
    texts = [e.text for e in examples]
    try:
        X = vec.fit_transform(texts).tocsr()
    except ValueError:  # no n-gram in two sentences: nothing to learn from
        vec = features.vectorizer()
        vec.min_df = 1
        X = vec.fit_transform(texts).tocsr()
    features.drop_pruned_terms(vec)
    coef = np.zeros((len(codes), X.shape[1]), dtype="float32")
    intercept = np.full(len(codes), -20.0, dtype="float32")  # a code with no negatives or positives: never
    for i, code in enumerate(codes):
        rows, y = [], []
        for j, e in enumerate(examples):
            label = e.label(code)
            if label is not None:
                rows.append(j)
                y.append(label)
        if len(set(y)) < 2:
            continue
        # The dual solver: far faster than the primal one when n-grams outnumber sentences, as they do here.
        clf = _logistic_regression()(C=c, class_weight="balanced", solver="liblinear", dual=True, tol=1e-3,
                                 max_iter=1000, random_state=0)
        clf.fit(X if len(rows) == X.shape[0] else X[rows], np.asarray(y))
        coef[i] = clf.coef_[0]
        intercept[i] = clf.intercept_[0]
    return Model(vectorizer=vec, codes=list(codes), coef=coef, intercept=intercept)


class KeywordBaseline:
    """What a careful person with a search box would do: for each code, the words most often found in its
    training sentences, keeping only words that are on that code more often than not (so "and", "деньги" or a
    place name shared by several codes are not keywords); a sentence gets the code when it holds any of them.
    Words are folded like the classifier's input, so the baseline also treats Cyrillic and Latin alike."""

    def __init__(self, keywords: dict[int, set[str]]):
        self.keywords = keywords

    @classmethod
    def fit(cls, examples: list[Example], codes: list[int], *, k: int = BASELINE_KEYWORDS) -> "KeywordBaseline":
        bags = [features.words(e.text) for e in examples]
        keywords = {}
        for code in codes:
            on, seen = Counter(), Counter()
            for e, bag in zip(examples, bags, strict=True):
                label = e.label(code)
                if label is None:
                    continue
                seen.update(bag)
                if label:
                    on.update(bag)
            good = [w for w, n in on.items() if n >= 2 and n * 2 >= seen[w]]
            keywords[code] = set(sorted(good, key=lambda w: (-on[w], w))[:k])
        return cls(keywords)

    def predict(self, texts: list[str], codes: list[int]) -> np.ndarray:
        out = np.zeros((len(texts), len(codes)), dtype=bool)
        for i, text in enumerate(texts):
            bag = features.words(text)
            for j, code in enumerate(codes):
                out[i, j] = bool(bag & self.keywords.get(code, set()))
        return out


def scores(truth: np.ndarray, predicted: np.ndarray, codes: list[int]) -> dict:
    """Micro-averaged precision, recall and F1 over every (sentence, code) pair, and the same per code."""
    def prf(tp, fp, fn):
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(float(precision), 4), "recall": round(float(recall), 4), "f1": round(float(f1), 4),
                "tp": int(tp), "fp": int(fp), "fn": int(fn)}

    tp = (truth & predicted).sum(axis=0)
    fp = (~truth & predicted).sum(axis=0)
    fn = (truth & ~predicted).sum(axis=0)
    out = prf(tp.sum(), fp.sum(), fn.sum())
    out["per_code"] = {str(code): prf(tp[j], fp[j], fn[j]) for j, code in enumerate(codes)}
    return out


def evaluate(examples: list[Example], codes: list[int], *, threshold: float, folds: int = FOLDS) -> dict:
    """Cross-validation by source: each fold trains on the other sources' sentences and is measured on its own,
    so no sentence of a measured source was seen in training (sentences of one interview resemble each other:
    mixing them would flatter the classifier). Every coded sentence is measured once; the counts are pooled."""
    groups = np.array([e.source_id for e in examples])
    measured_sources = {e.source_id for e in examples if e.complete}
    folds = min(folds, len(measured_sources))
    base = {"threshold": threshold, "codes": len(codes), "sources": len(measured_sources)}
    if folds < 2 or not codes:
        return {**base, "evaluated": False}
    complete = [i for i, e in enumerate(examples) if e.complete]
    truth = np.array([[code in examples[i].positives for code in codes] for i in complete], dtype=bool).reshape(
        len(complete), len(codes))
    predicted = np.zeros_like(truth)
    baseline = np.zeros_like(truth)
    position = {i: n for n, i in enumerate(complete)}
    # Sources not coded (only rejected suggestions) are never measured, so they train in every fold.
    measured = np.array([e.complete for e in examples], dtype=bool)
    from sklearn.model_selection import GroupKFold

    splitter = GroupKFold(n_splits=folds)
    for _train, test_idx in splitter.split(np.zeros((len(complete), 1)), groups=groups[measured]):
        test_rows = [complete[i] for i in test_idx]
        test_sources = {examples[i].source_id for i in test_rows}
        train = [e for e in examples if e.source_id not in test_sources]
        texts = [examples[i].text for i in test_rows]
        rows = [position[i] for i in test_rows]
        predicted[rows] = fit(train, codes).proba(texts) >= threshold
        baseline[rows] = KeywordBaseline.fit(train, codes).predict(texts, codes)
    return {
        **base, "evaluated": True, "folds": folds, "sentences": len(complete),
        "model": scores(truth, predicted, codes), "baseline": scores(truth, baseline, codes),
        "support": {str(code): int(truth[:, j].sum()) for j, code in enumerate(codes)},
    }
