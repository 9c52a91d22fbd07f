"""Training the code-suggestion classifier, suggesting codes on a transcript, and deciding suggestions.

Training and prediction run here, synchronously, on this machine (see ``ovoz.analysis.suggest``). Settings:
``OVOZ_SUGGEST_THRESHOLD`` (default 0.5: the probability from which a code is suggested),
``OVOZ_SUGGEST_MIN_EXAMPLES`` (default 5: sentences a code needs before it is learnt) and
``OVOZ_SUGGEST_MAX_EXAMPLES`` (default 20,000: sentences read per training, to bound its time).
"""

import os
import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ovoz.analysis.access import can_code, codes_usable_on
from ovoz.analysis.models import ClassifierRun, Coding, Suggestion
from ovoz.analysis.services.codings import coding_create
from ovoz.analysis.suggest import dataset, predict, train
from ovoz.analysis.suggest import sentences as sentence_split
from ovoz.analysis.suggest.access import can_train
from ovoz.audit.services import audit_write


def _setting(name: str, default, cast):
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name) or default
    try:
        return cast(value)
    except (TypeError, ValueError):
        return default


def threshold() -> float:
    return min(max(_setting("OVOZ_SUGGEST_THRESHOLD", 0.5, float), 0.0), 1.0)


def min_examples() -> int:
    return max(_setting("OVOZ_SUGGEST_MIN_EXAMPLES", 5, int), 2)


def max_examples() -> int:
    return max(_setting("OVOZ_SUGGEST_MAX_EXAMPLES", dataset.MAX_EXAMPLES, int), 100)


# --- training -----------------------------------------------------------------------------------------


def measure(*, actor, programme, partnership=None, limit: int | None = None
            ) -> tuple[list[train.Example], list[int], dict]:
    """The examples, the codes that have enough of them, and the cross-validated measures (nothing stored).
    ``limit`` overrides ``OVOZ_SUGGEST_MAX_EXAMPLES`` (the command line may read more than a web request)."""
    if not can_train(actor, programme, partnership):
        raise ValidationError(_("You cannot train this classifier."))
    examples = dataset.training_examples(actor, programme, partnership, max_examples=limit or max_examples())
    codes = train.eligible_codes(examples, min_examples())
    if not codes:
        raise ValidationError(
            ngettext("No code is on %(n)s coded sentence yet: code more transcripts first.",
                     "No code is on %(n)s coded sentences yet: code more transcripts first.",
                     min_examples()) % {"n": min_examples()})
    metrics = train.evaluate(examples, codes, threshold=threshold())
    return examples, codes, metrics


def suggestions_train(*, actor, programme, partnership=None, limit: int | None = None) -> ClassifierRun:
    """Measure on held-out sources, fit on everything, store the model; older runs of the same codebook keep
    their measures but lose their model files (a participant who withdrew is then forgotten at the next
    training, not kept in an old file)."""
    started = time.perf_counter()
    examples, codes, metrics = measure(actor=actor, programme=programme, partnership=partnership, limit=limit)
    measured = time.perf_counter()
    model = train.fit(examples, codes)
    positives = {str(code): sum(code in e.positives for e in examples) for code in codes}
    metrics.update({
        "examples": len(examples), "positives": positives, "min_examples": min_examples(),
        "rejected": sum(len(e.negatives) for e in examples),
        "seconds_measure": round(measured - started, 2), "seconds_fit": round(time.perf_counter() - measured, 2),
    })
    model.meta = {"threshold": metrics["threshold"]}
    with transaction.atomic():
        run = ClassifierRun.objects.create(programme=programme, partnership=partnership, trained_by=actor,
                                           examples=len(examples), metrics=metrics)
        predict.save(run, model)
        run.save(update_fields=["model_file"])
        older = ClassifierRun.objects.filter(programme=programme, partnership=partnership).exclude(pk=run.pk)
        for old in older.exclude(model_file=""):
            predict.forget(old)
            old.model_file.delete(save=False)
            old.save(update_fields=["model_file"])
        audit_write(actor=actor, action="suggestion.train", obj=run, programme=programme, partnership=partnership,
                    changes={"examples": len(examples), "codes": len(codes), "micro": _summary(metrics)})
    return run


def _summary(metrics: dict) -> dict:
    if not metrics.get("evaluated"):
        return {}
    return {name: {k: metrics[name][k] for k in ("precision", "recall", "f1")} for name in ("model", "baseline")}


def latest_run(programme, partnership=None) -> ClassifierRun | None:
    return (ClassifierRun.objects.filter(programme=programme, partnership=partnership).exclude(model_file="")
            .order_by("-trained_at", "-pk").first())


def run_for_source(source) -> ClassifierRun | None:
    """The partnership's own classifier, or else the programme's (its codes are in every partnership's)."""
    programme = source.partnership.programme
    return latest_run(programme, source.partnership) or latest_run(programme, None)


# --- suggesting -----------------------------------------------------------------------------------------


def uncoded_sentences(source) -> list[sentence_split.Sentence]:
    """The transcript's sentences no agreed coding touches."""
    spans = sorted(Coding.objects.filter(source=source, double_coding__isnull=True).values_list("start", "end"))
    out, k = [], 0
    for s in sentence_split.split(source.transcript or ""):
        while k < len(spans) and spans[k][1] <= s.start:
            k += 1
        j = k
        while j < len(spans) and spans[j][0] < s.end and spans[j][1] <= s.start:
            j += 1
        if not (j < len(spans) and spans[j][0] < s.end):
            out.append(s)
    return out


def suggestions_run(*, actor, source) -> list[Suggestion]:
    """Suggest codes for the uncoded sentences of ``source``, replacing its pending suggestions. A code once
    rejected on a sentence is not suggested there again."""
    if not can_code(actor, source):
        raise ValidationError(_("You cannot code this source."))
    run = run_for_source(source)
    if run is None:
        raise ValidationError(_("No classifier has been trained for this codebook yet."))
    try:
        model = predict.load(run)
    except predict.ModelUnavailable:
        raise ValidationError(_("The classifier's model cannot be read: train it again.")) from None
    usable = set(codes_usable_on(actor, source).values_list("pk", flat=True))
    refused = set(Suggestion.objects.filter(source=source, status=Suggestion.Status.REJECTED)
                  .values_list("start", "end", "code_id"))
    hits = [(s, code, p) for s, code, p in predict.score(model, uncoded_sentences(source), usable, threshold())
            if (s.start, s.end, code) not in refused]
    with transaction.atomic():
        Suggestion.objects.filter(source=source, status=Suggestion.Status.PENDING).delete()
        made = Suggestion.objects.bulk_create([
            Suggestion(source=source, code_id=code, start=s.start, end=s.end, confidence=round(p, 4), run=run)
            for s, code, p in hits
        ])
        audit_write(actor=actor, action="suggestion.run", obj=source, partnership=source.partnership,
                    changes={"run": run.pk, "suggestions": len(made)})
    return made


# --- deciding -------------------------------------------------------------------------------------------


def _check_pending(actor, suggestion: Suggestion) -> None:
    if suggestion.status != Suggestion.Status.PENDING:
        raise ValidationError(_("This suggestion has already been decided."))
    if not can_code(actor, suggestion.source):
        raise ValidationError(_("You cannot code this source."))


def _audit(actor, suggestion: Suggestion, action: str) -> None:
    audit_write(actor=actor, action=action, obj=suggestion, partnership=suggestion.source.partnership,
                changes={"code": suggestion.code_id, "source": suggestion.source_id, "start": suggestion.start,
                         "end": suggestion.end, "confidence": suggestion.confidence})


@transaction.atomic
def suggestion_accept(*, actor, suggestion: Suggestion) -> Coding:
    """Code the sentence with the suggested code (through ``coding_create``, with its checks and audit row)."""
    suggestion = Suggestion.objects.select_for_update().select_related("source__partnership", "code").get(
        pk=suggestion.pk)
    _check_pending(actor, suggestion)
    made = coding_create(actor=actor, source=suggestion.source, codes=[suggestion.code], start=suggestion.start,
                         end=suggestion.end)
    coding = made[0] if made else Coding.objects.get(
        source=suggestion.source, code=suggestion.code, start=suggestion.start, end=suggestion.end,
        double_coding__isnull=True)
    suggestion.status = Suggestion.Status.ACCEPTED
    suggestion.coding = coding
    suggestion.decided_by, suggestion.decided_at = actor, timezone.now()
    suggestion.save(update_fields=["status", "coding", "decided_by", "decided_at"])
    _audit(actor, suggestion, "suggestion.accept")
    return coding


@transaction.atomic
def suggestion_reject(*, actor, suggestion: Suggestion) -> Suggestion:
    suggestion = Suggestion.objects.select_for_update().select_related("source__partnership", "code").get(
        pk=suggestion.pk)
    _check_pending(actor, suggestion)
    suggestion.status = Suggestion.Status.REJECTED
    suggestion.decided_by, suggestion.decided_at = actor, timezone.now()
    suggestion.save(update_fields=["status", "decided_by", "decided_at"])
    _audit(actor, suggestion, "suggestion.reject")
    return suggestion


@transaction.atomic
def suggestions_decide(*, actor, suggestions, accept: bool) -> int:
    """Accept or reject many pending suggestions at once: all of them, or none if one is refused."""
    count = 0
    for suggestion in suggestions:
        if accept:
            suggestion_accept(actor=actor, suggestion=suggestion)
        else:
            suggestion_reject(actor=actor, suggestion=suggestion)
        count += 1
    return count
