"""The labelled sentences a person may train a classifier on, read through the analysis access rules.

* Only codings she may see for analysis (``codings_visible_to``: sources whose participants all allow
  analysis; double-coding drafts left out), on the programme's sources (one partnership's, for a partnership
  classifier), with codes of that codebook that are not retired.
* Each sentence of a coded source is an example, labelled with every code whose codings cover at least half
  of it or lie inside it; sentences with no coding are negatives for every code.
* Decisions on suggestions: an accepted suggestion is a coding, so it trains like one; a rejected one makes its
  sentence a negative for that code (unless someone coded it with that code after all: codings win), including
  on sources nobody has coded yet.
* Big corpora: at most ``max_examples`` sentences, keeping every labelled or rejected sentence and a random
  (seeded, so repeatable) sample of the unlabelled ones.
"""

import random
from collections import defaultdict

from django.db.models import Q

from ovoz.analysis.access import analysable_sources_visible_to, codings_visible_to
from ovoz.analysis.models import Code, Suggestion
from ovoz.analysis.suggest import sentences as sentence_split
from ovoz.analysis.suggest.train import Example
from ovoz.evidence.models import Source

MAX_EXAMPLES = 20_000


def scope_codes(programme, partnership=None):
    """The codebook a classifier learns: the programme's codes, and the partnership's own for its classifier."""
    qs = Code.objects.filter(programme=programme, retired_at__isnull=True)
    if partnership is None:
        return qs.filter(partnership__isnull=True)
    return qs.filter(Q(partnership__isnull=True) | Q(partnership=partnership))


def scope_sources(user, programme, partnership=None):
    qs = analysable_sources_visible_to(user).filter(partnership__programme=programme)
    if partnership is not None:
        qs = qs.filter(partnership=partnership)
    return qs


def training_examples(user, programme, partnership=None, *, max_examples: int = MAX_EXAMPLES,
                      seed: int = 0) -> list[Example]:
    codes = scope_codes(programme, partnership).values("pk")
    sources = scope_sources(user, programme, partnership)
    by_source = defaultdict(list)
    codings = (codings_visible_to(user).filter(source_id__in=sources.order_by().values("pk"), code_id__in=codes)
               .order_by("source_id", "start").values_list("source_id", "code_id", "start", "end"))
    for source_id, code_id, start, end in codings.iterator(chunk_size=5000):
        by_source[source_id].append((code_id, start, end))
    rejected = defaultdict(lambda: defaultdict(set))  # source -> (start, end) -> codes
    decided = Suggestion.objects.filter(source_id__in=sources.order_by().values("pk"), code_id__in=codes,
                                        status=Suggestion.Status.REJECTED)
    for source_id, code_id, start, end in decided.values_list("source_id", "code_id", "start", "end"):
        rejected[source_id][(start, end)].add(code_id)

    examples: list[Example] = []
    wanted = set(by_source) | set(rejected)
    transcripts = Source.objects.filter(pk__in=wanted).values_list("pk", "transcript")
    for source_id, transcript in transcripts.iterator(chunk_size=200):
        sentences = sentence_split.split(transcript or "")
        if source_id in by_source:
            labels = sentence_split.labels(sentences, by_source[source_id])
            refused = rejected.get(source_id, {})
            for s, positives in zip(sentences, labels, strict=True):
                negatives = frozenset(refused.get((s.start, s.end), set()) - positives)
                examples.append(Example(source_id, s.start, s.end, s.text, frozenset(positives), negatives))
        else:
            text = transcript or ""
            for (start, end), code_ids in rejected[source_id].items():
                if 0 <= start < end <= len(text):
                    examples.append(Example(source_id, start, end, text[start:end], negatives=frozenset(code_ids),
                                            complete=False))
    return limit(examples, max_examples, seed=seed)


def limit(examples: list[Example], max_examples: int, *, seed: int = 0) -> list[Example]:
    """Every sentence with a label or a rejection, then unlabelled ones drawn at random up to the limit."""
    if len(examples) <= max_examples:
        return examples
    informative = [e for e in examples if e.positives or e.negatives]
    rest = [e for e in examples if not (e.positives or e.negatives)]
    room = max(max_examples - len(informative), 0)
    kept = informative[:max_examples] + random.Random(seed).sample(rest, min(room, len(rest)))
    return sorted(kept, key=lambda e: (e.source_id, e.start))
