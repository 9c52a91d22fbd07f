"""``ovoz suggest``: train the code-suggestion classifier, measure it, suggest codes on a source.

    ovoz suggest train --programme ID [--partnership ID] --user NAME [--max-examples N]
    ovoz suggest evaluate --programme ID [--partnership ID] --user NAME [--max-examples N]
    ovoz suggest run --source ID --user NAME

``--user`` is the person on whose behalf it runs: the classifier learns only from codings she may see for
analysis, exactly as when she presses Train on the web (a partnership's classifier: one of its mentors or
researchers; the programme's: a coordinator). ``evaluate`` prints the held-out measures and stores nothing.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ovoz.accounts.models import User
from ovoz.analysis.access import analysable_sources_visible_to, can_code
from ovoz.analysis.models import Code
from ovoz.analysis.services import suggestions as service
from ovoz.analysis.suggest.access import can_train
from ovoz.programmes.models import Partnership, Programme


class Command(BaseCommand):
    help = "Train, measure and apply the code-suggestion classifier (offline, on this machine)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["train", "evaluate", "run"])
        parser.add_argument("--programme", type=int, metavar="ID", help="train, evaluate: the programme")
        parser.add_argument("--partnership", type=int, metavar="ID",
                            help="train, evaluate: this partnership's classifier (default: the programme's)")
        parser.add_argument("--source", type=int, metavar="ID", help="run: the source to suggest codes on")
        parser.add_argument("--user", metavar="NAME", required=True, help="On whose behalf (see above)")
        parser.add_argument("--max-examples", type=int, metavar="N",
                            help="train, evaluate: read at most N sentences (default OVOZ_SUGGEST_MAX_EXAMPLES)")

    def handle(self, *args, action, programme=None, partnership=None, source=None, user=None, max_examples=None,
               **options):
        actor = User.objects.filter(username__iexact=user).first()
        if actor is None:
            raise CommandError(f"There is no account named {user!r}.")
        try:
            if action == "run":
                return self._run(actor, source)
            target, scope = self._scope(actor, programme, partnership)
            if action == "evaluate":
                _examples, _codes, metrics = service.measure(actor=actor, programme=target, partnership=scope,
                                                             limit=max_examples)
                self._report(metrics)
                return
            run = service.suggestions_train(actor=actor, programme=target, partnership=scope, limit=max_examples)
            self._report(run.metrics)
            self.stdout.write(self.style.SUCCESS(
                f"Trained (run {run.pk}) on {run.examples} sentences in "
                f"{run.metrics['seconds_measure'] + run.metrics['seconds_fit']:.1f} s."))
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None

    def _scope(self, actor, programme_id, partnership_id):
        if programme_id is None:
            raise CommandError("Give the programme with --programme ID.")
        programme = Programme.objects.filter(pk=programme_id).first()
        if programme is None:
            raise CommandError(f"No programme with id {programme_id}.")
        partnership = None
        if partnership_id is not None:
            partnership = Partnership.objects.filter(pk=partnership_id, programme=programme).first()
            if partnership is None:
                raise CommandError(f"Programme {programme_id} has no partnership with id {partnership_id}.")
        if not can_train(actor, programme, partnership):
            which = f"partnership {partnership_id}" if partnership else f"programme {programme_id}"
            raise CommandError(f"{actor.username} cannot train the classifier of {which}.")
        return programme, partnership

    def _run(self, actor, source_id):
        if source_id is None:
            raise CommandError("Give the source with --source ID.")
        source = analysable_sources_visible_to(actor).select_related("partnership__programme").filter(
            pk=source_id).first()
        if source is None or not can_code(actor, source):
            raise CommandError(f"{actor.username} cannot code source {source_id} (or it does not exist, or its "
                               "participants do not allow analysis).")
        made = service.suggestions_run(actor=actor, source=source)
        self.stdout.write(self.style.SUCCESS(f"{len(made)} codes suggested on source {source.pk}."))

    def _report(self, metrics):
        if not metrics.get("evaluated"):
            self.stdout.write("Not measured: the codings come from fewer than two sources.")
            return
        self.stdout.write(f"Held out by source ({metrics['folds']} folds): {metrics['sentences']} sentences of "
                          f"{metrics['sources']} sources, threshold {metrics['threshold']:.2f}")
        names = {str(c.pk): c.name_en for c in Code.objects.filter(pk__in=[int(k) for k in metrics["support"]])}
        self.stdout.write(f"{'':<32} {'precision':>9} {'recall':>7} {'F1':>6}")
        for label, key in (("classifier", "model"), ("keyword baseline", "baseline")):
            m = metrics[key]
            self.stdout.write(f"{label:<32} {m['precision']:>9.3f} {m['recall']:>7.3f} {m['f1']:>6.3f}")
        self.stdout.write(f"{'per code (classifier)':<32} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}")
        for key, support in metrics["support"].items():
            m = metrics["model"]["per_code"][key]
            self.stdout.write(f"{names.get(key, key)[:32]:<32} {m['precision']:>9.3f} {m['recall']:>7.3f} "
                              f"{m['f1']:>6.3f} {support:>8}")
