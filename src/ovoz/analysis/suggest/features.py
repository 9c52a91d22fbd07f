"""What the classifier reads in a sentence: character n-grams of its folded form.

Sentences are first folded with ``ovoz.search.fold`` (one Latin spelling for Russian, Kyrgyz, Uzbek in Latin or
Cyrillic and Tajik: "иш ҳақи" and "ish haqi" become the same letters), then cut into character n-grams of 2 to
5 letters inside word boundaries (``char_wb``). N-grams rather than words, because testimonies are spoken
language in five languages with rich endings: "зарплату", "зарплаты", "zarplatasini" share "zarpl" although
no two are the same word. TF-IDF weights them, with sub-linear counts so one repeated word does not dominate.
"""

import re

import numpy as np

from ovoz.search.fold import fold

NGRAMS = (2, 5)
MAX_FEATURES = 60_000
_WORD = re.compile(r"[^\W\d_][\w']*")


def vectorizer(*, max_features: int = MAX_FEATURES):
    # scikit-learn is imported here, not with the module: it takes 1.5 s, and the URLs import this module.
    from sklearn.feature_extraction.text import TfidfVectorizer

    # ``fold`` is a module-level function, so the fitted vectoriser pickles by reference to it.
    return TfidfVectorizer(
        analyzer="char_wb", ngram_range=NGRAMS, preprocessor=fold, lowercase=False, sublinear_tf=True,
        min_df=2, max_features=max_features, dtype=np.float32,
    )


def drop_pruned_terms(fitted):
    """Forget the n-grams that were left out (``stop_words_``): scikit-learn keeps them only for inspection,
    they would make the stored model several times larger, and they are pieces of testimony we do not need."""
    if hasattr(fitted, "stop_words_"):
        del fitted.stop_words_
    return fitted


def words(text: str) -> set[str]:
    """The folded words of a sentence, three letters or longer (the keyword baseline's vocabulary)."""
    return {w for w in _WORD.findall(fold(text)) if len(w) >= 3}
