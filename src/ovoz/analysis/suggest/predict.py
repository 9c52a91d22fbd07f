"""Storing, loading and applying a trained classifier.

The model is written with joblib (pickle) into ``ClassifierRun.model_file`` through Django's default storage,
which encrypts every file with Fernet under a key derived from the installation's master key
(``ovoz.storage``). Unpickling runs code, so it is only safe on files we wrote ourselves; here it is:

* the field is set only by ``suggestions_train`` (no form, upload or import ever writes it);
* Fernet is authenticated encryption: a file changed or replaced on disk without the master key fails to
  decrypt, and is refused before unpickling begins;
* the stored dict carries a format number, and a model of another format is refused (train again).

Nothing here uses the network: the model is trained, stored and applied on this machine.
"""

import io
import threading
from collections import OrderedDict

import joblib
from django.core.files.base import ContentFile

from ovoz.analysis.suggest.sentences import Sentence
from ovoz.analysis.suggest.train import Model

FORMAT = 1
_CACHE: "OrderedDict[tuple[int, str], Model]" = OrderedDict()
_CACHE_SIZE = 4
_LOCK = threading.Lock()


class ModelUnavailable(Exception):
    """The run has no stored model (an older run whose file was removed) or one of another format."""


def dump(model: Model) -> bytes:
    import sklearn

    payload = {"format": FORMAT, "sklearn": sklearn.__version__, "vectorizer": model.vectorizer,
               "codes": model.codes, "coef": model.coef, "intercept": model.intercept, "meta": model.meta}
    buffer = io.BytesIO()
    joblib.dump(payload, buffer, compress=3)
    return buffer.getvalue()


def save(run, model: Model) -> None:
    run.model_file.save(f"run-{run.pk}.joblib", ContentFile(dump(model)), save=False)


def load(run) -> Model:
    """The run's model, decrypted and unpickled once per process (a few recent models are kept in memory)."""
    if not run.model_file:
        raise ModelUnavailable
    key = (run.pk, run.model_file.name)
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    try:
        with run.model_file.open("rb") as fh:
            payload = joblib.load(io.BytesIO(fh.read()))
    except FileNotFoundError as exc:
        raise ModelUnavailable from exc
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ModelUnavailable
    model = Model(vectorizer=payload["vectorizer"], codes=list(payload["codes"]), coef=payload["coef"],
                  intercept=payload["intercept"], meta=payload.get("meta", {}))
    with _LOCK:
        _CACHE[key] = model
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return model


def forget(run) -> None:
    with _LOCK:
        for key in [k for k in _CACHE if k[0] == run.pk]:
            del _CACHE[key]


def score(model: Model, sentences: list[Sentence], code_ids: set[int], threshold: float
          ) -> list[tuple[Sentence, int, float]]:
    """(sentence, code, probability) for every code in ``code_ids`` at or above ``threshold``, best first."""
    if not sentences:
        return []
    probs = model.proba([s.text for s in sentences])
    columns = [j for j, code in enumerate(model.codes) if code in code_ids]
    out = []
    for i, s in enumerate(sentences):
        for j in columns:
            p = float(probs[i, j])
            if p >= threshold:
                out.append((s, model.codes[j], p))
    out.sort(key=lambda t: (t[0].start, -t[2]))
    return out


__all__ = ["FORMAT", "ModelUnavailable", "dump", "forget", "load", "save", "score"]
