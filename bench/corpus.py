"""A realistic, fictional, multilingual corpus for the benchmarks, written straight into the database.

``build_corpus(transcripts=N)`` creates one programme with five partnerships (Kyrgyzstan, Uzbekistan,
Tajikistan), their teams, ``N // 5`` participants with consent (most give every scope; some never shared with
coordinators; some withdrew one scope or everything; some have no consent yet), ``N`` sources with transcripts
of about 5 KB in Russian, Kyrgyz, Uzbek in Latin and in Cyrillic, Tajik and English (interviews, focus
groups, consultations with outcomes, some with an English translation), ``N // 100`` attachments with
extracted text, ``N // 5`` incidents with acts, victims and a source each, and then indexes everything with
``ovoz.search.index.reindex_all``. It writes with ``bulk_create`` in batches: 50,000 transcripts (~250 MB of
text) take a few minutes, most of it folding the words for the index.
"""

import datetime
import random
import time
from dataclasses import dataclass, field

try:
    from corpus_words import LANGUAGES, NAMES, TOPICS, uz_cyrillic
except ImportError:  # imported as bench.corpus
    from bench.corpus_words import LANGUAGES, NAMES, TOPICS, uz_cyrillic

PASSWORD = "bench-password-2024"
PARTNERS = [
    ("Ravnye Prava (bench)", "KG", ["ru", "ky"]),
    ("Women in Agriculture Fergana (bench)", "UZ", ["uz", "uz-Cyrl", "ru"]),
    ("Ghamkhori (bench)", "TJ", ["tg", "ru"]),
    ("Dunyoi Muhabbat (bench)", "TJ", ["tg", "ru", "en"]),
    ("Human Rights Advocacy Centre (bench)", "KG", ["ky", "ru", "en"]),
]
MIGRANT_STATUSES = [
    ("internal", "Internal migrant", "Внутренняя мигрантка"),
    ("returned", "Returned migrant", "Вернувшаяся мигрантка"),
    ("cross_border", "Cross-border migrant", "Трудовая мигрантка за рубежом"),
    ("potential", "Potential migrant", "Потенциальная мигрантка"),
    ("family_left_behind", "Family member left behind", "Член семьи мигранта"),
]
VIOLATIONS = {
    "wages": ("wage_theft", "Wages withheld or unpaid", "Невыплата заработной платы"),
    "contracts": ("no_contract", "Work without a written contract", "Работа без письменного договора"),
    "police": ("police_extortion", "Extortion or abuse by police", "Вымогательство со стороны полиции"),
    "documents": ("document_confiscation", "Identity documents confiscated", "Изъятие документов"),
    "allowance": ("benefit_denied", "Child allowance or social benefit denied", "Отказ в пособии"),
    "violence": ("domestic_violence", "Domestic violence", "Домашнее насилие"),
}
SOURCE_KINDS = [("interview", 60), ("focus_group", 12), ("consultation", 12), ("survey", 10), ("observation", 6)]
START, DAYS = datetime.date(2022, 9, 1), 660


@dataclass
class Corpus:
    programme_id: int = 0
    partnership_ids: list[int] = field(default_factory=list)
    users: dict[str, int] = field(default_factory=dict)  # role name -> user id
    migrant_status_ids: dict[str, int] = field(default_factory=dict)
    violation_ids: dict[str, int] = field(default_factory=dict)
    sources: int = 0
    characters: int = 0
    participants: int = 0
    incidents: int = 0
    attachments: int = 0
    timings: dict[str, float] = field(default_factory=dict)


# --- text ------------------------------------------------------------------------------------------------


class Writer:
    """Sentences and transcripts in one language, from the word lists; a long tail of rare words and names.

    Sentences are made once into pools (per topic), so a transcript is only a choice among them."""

    def __init__(self, language: str, rng: random.Random):
        self.code = language
        self.words = LANGUAGES["uz" if language == "uz-Cyrl" else language]
        self.rng = rng
        self.cyrillic = language == "uz-Cyrl"
        self.pools = {topic: [self._sentence(topic) for _ in range(500)] for topic in TOPICS}
        self.everything = [s for pool in self.pools.values() for s in pool]
        self.rare = [self._rare_word() for _ in range(3000)]
        self.questions = [self._script(q) for q in self.words["questions"]]
        self.speakers = tuple(self._script(s) for s in self.words["speakers"])

    def _script(self, text: str) -> str:
        return uz_cyrillic(text) if self.cyrillic else text

    def _rare_word(self) -> str:
        syllables = self.words["syllables"]
        return self._script("".join(self.rng.choice(syllables) for _ in range(self.rng.randint(2, 4))))

    def _sentence(self, topic: str) -> str:
        w, rng = self.words, self.rng
        phrase = rng.choice(w["topics"][topic])
        if self.code == "en":
            text = f"{rng.choice(w['times'])}, {rng.choice(w['subjects']).lower()} {phrase} {rng.choice(w['places'])}."
        else:
            text = f"{rng.choice(w['times'])} {rng.choice(w['subjects']).lower()} {rng.choice(w['places'])} {phrase}."
        return self._script(text[0].upper() + text[1:])

    def transcript(self, topics: list[str], length: int) -> str:
        rng, choice, rare = self.rng, self.rng.choice, self.rare
        asks, answers = self.speakers
        pools = [self.pools[t] for t in topics]
        lines, size = [], 0
        while size < length:
            answer = " ".join(
                choice(choice(pools)) if rng.random() < 0.35 else choice(self.everything)
                for _ in range(rng.randint(2, 5))
            )
            line = (f"{asks}: {choice(self.questions)}\n{answers}: {answer} {choice(NAMES)} {choice(rare)} "
                    f"{rng.randint(2, 60) * 500} {choice(rare)}.\n")
            lines.append(line)
            size += len(line)
        return "".join(lines)

    def narrative(self, topics: list[str]) -> str:
        return " ".join(self.rng.choice(self.pools[t]) for t in topics for _ in range(3))


# --- the database -----------------------------------------------------------------------------------------


def _terms(Term, corpus: Corpus) -> None:
    for order, (code, en, ru) in enumerate(MIGRANT_STATUSES):
        term, _ = Term.objects.get_or_create(vocabulary="migrant_status", code=code,
                                             defaults={"label_en": en, "label_ru": ru, "order": order})
        corpus.migrant_status_ids[code] = term.pk
    for order, (topic, (code, en, ru)) in enumerate(VIOLATIONS.items()):
        term, _ = Term.objects.get_or_create(vocabulary="violation", code=code,
                                             defaults={"label_en": en, "label_ru": ru, "order": order})
        corpus.violation_ids[topic] = term.pk


def _structure(corpus: Corpus) -> list:
    from ovoz.accounts.models import Organisation, User
    from ovoz.accounts.roles import Role
    from ovoz.programmes.models import Membership, Partnership, Programme

    secretariat = Organisation.objects.create(name="Bench secretariat", kind=Organisation.Kind.SECRETARIAT)
    programme = Programme.objects.create(title="Bench programme", lead_organisation=secretariat,
                                         starts_on=START, ends_on=START + datetime.timedelta(days=DAYS + 30),
                                         is_fictional=True)
    corpus.programme_id = programme.pk

    def user(username):
        u = User(username=username, email=f"{username}@bench.invalid", full_name=username, is_fictional=True)
        u.set_password(PASSWORD)
        u.save()
        corpus.users[username] = u.pk
        return u

    Membership.objects.create(user=user("coordinator"), programme=programme, role=Role.COORDINATOR)
    partnerships = []
    for i, (name, country, languages) in enumerate(PARTNERS):
        org = Organisation.objects.create(name=name, country=country, short_name=f"B{i}")
        p = Partnership.objects.create(programme=programme, organisation=org, country=country,
                                       briefer_title=f"Bench briefer {i}")
        p.languages = languages
        partnerships.append(p)
        corpus.partnership_ids.append(p.pk)
        Membership.objects.create(user=user(f"researcher{i}"), programme=programme, partnership=p,
                                  role=Role.RESEARCHER)
        Membership.objects.create(user=user(f"mentor{i}"), programme=programme, partnership=p, role=Role.MENTOR)
    return partnerships


CONSENT_PROFILES = [  # (weight, scopes, withdrawn entirely)
    (80, ["analysis", "quotes", "statistics", "coordinators", "un_authorities", "attribution"], False),
    (7, ["analysis", "quotes", "statistics"], False),
    (5, [], True),
    (3, ["quotes", "statistics", "coordinators"], False),
    (5, None, False),  # registered, no consent recorded yet
]


def _participants(partnerships, corpus: Corpus, count: int, rng: random.Random) -> dict[int, list[int]]:
    from ovoz.evidence.models import ConsentRecord, Participant

    scopes_all = CONSENT_PROFILES[0][1]
    weights = [w for w, _s, _x in CONSENT_PROFILES]
    statuses = list(corpus.migrant_status_ids.values())
    rows, consents = [], []
    for i in range(count):
        p = partnerships[i % len(partnerships)]
        _w, scopes, withdrawn = rng.choices(CONSENT_PROFILES, weights)[0]
        given = scopes or []
        rows.append(Participant(
            partnership=p, code=f"{p.country}-B{p.pk}-{i:06d}", migrant_status_id=rng.choice(statuses),
            age_band=rng.choice(["18-24", "25-29", "30-39", "40-49"]), is_fictional=True,
            withdrawn_at=START + datetime.timedelta(days=DAYS) if withdrawn else None,
            **{f"consent_{s}": s in given for s in scopes_all},
        ))
    Participant.objects.bulk_create(rows, batch_size=1000)
    by_partnership: dict[int, list[int]] = {p.pk: [] for p in partnerships}
    for participant in rows:
        by_partnership[participant.partnership_id].append(participant.pk)
    for participant in rows:
        if not any(getattr(participant, f"consent_{s}") for s in scopes_all) and participant.withdrawn_at is None:
            continue
        day = START + datetime.timedelta(days=rng.randint(0, 60))
        consents.append(ConsentRecord(participant=participant, date=day, method="oral", language="ru",
                                      scopes=scopes_all if participant.withdrawn_at else
                                      [s for s in scopes_all if getattr(participant, f"consent_{s}")]))
        if participant.withdrawn_at:
            consents.append(ConsentRecord(participant=participant, kind="withdrawn", date=participant.withdrawn_at,
                                          method="oral", language="ru", scopes=[]))
    ConsentRecord.objects.bulk_create(consents, batch_size=1000)
    corpus.participants = len(rows)
    return by_partnership


def build_corpus(*, transcripts: int = 50_000, seed: int = 2024, progress=print, index: bool = True) -> Corpus:
    """Write the corpus into the (freshly migrated) database and index it."""
    from django.db import transaction

    from ovoz.evidence.models import Act, Attachment, Incident, IncidentSource, Source, Term
    from ovoz.search.index import reindex_all

    rng = random.Random(seed)
    corpus = Corpus()
    began = time.perf_counter()
    writers = {code: Writer(code, rng) for code in ["ru", "ky", "uz", "uz-Cyrl", "tg", "en"]}
    with transaction.atomic():
        partnerships = _structure(corpus)
        _terms(Term, corpus)
        people = _participants(partnerships, corpus, max(10, transcripts // 5), rng)
    kinds = [k for k, w in SOURCE_KINDS for _ in range(w)]
    source_ids: dict[int, list[tuple[int, list[str]]]] = {p.pk: [] for p in partnerships}
    batch = 1000
    for start in range(0, transcripts, batch):
        with transaction.atomic():
            sources, topics_of = [], []
            for i in range(start, min(start + batch, transcripts)):
                p = partnerships[i % len(partnerships)]
                language = rng.choice(p.languages)
                topics = rng.sample(TOPICS, rng.randint(1, 3))
                kind = rng.choice(kinds)
                text = writers[language].transcript(topics, rng.randint(3500, 6500))
                source = Source(
                    partnership=p, kind=kind, title=f"{kind.replace('_', ' ').title()} {i + 1}",
                    date=START + datetime.timedelta(days=rng.randint(0, DAYS)), language=language,
                    transcript=text, shared_with_programme=rng.random() < 0.3, is_fictional=True,
                    translation_en=writers["en"].transcript(topics, 600) if rng.random() < 0.1 else "",
                )
                if kind == "consultation":
                    source.women_only = True
                    source.outcomes = writers[language].narrative(topics[:1])
                    source.stakeholders_present = "Local akimat, labour inspection, women's committee"
                corpus.characters += len(text) + len(source.translation_en) + len(source.outcomes)
                sources.append(source)
                topics_of.append(topics)
            Source.objects.bulk_create(sources, batch_size=250)
            links = []
            for source, topics in zip(sources, topics_of, strict=True):
                pool = people[source.partnership_id]
                chosen = rng.sample(pool, min(len(pool), 1 if source.kind == "interview" else rng.randint(2, 4)))
                links += [Source.participants.through(source_id=source.pk, participant_id=p) for p in chosen]
                source_ids[source.partnership_id].append((source.pk, topics, chosen))
            Source.participants.through.objects.bulk_create(links, batch_size=2000)
        corpus.sources += len(sources)
        progress(f"sources {corpus.sources}/{transcripts}")
    with transaction.atomic():
        attachments = []
        for i in range(transcripts // 100):
            p = partnerships[i % len(partnerships)]
            source_id, topics, _chosen = rng.choice(source_ids[p.pk])
            language = rng.choice(p.languages)
            attachments.append(Attachment(source_id=source_id, file=f"bench/{i}.pdf", original_name=f"scan-{i}.pdf",
                                          content_type="application/pdf", size=1000,
                                          extracted_text=writers[language].narrative(topics)))
        Attachment.objects.bulk_create(attachments, batch_size=500)
        corpus.attachments = len(attachments)
        incidents, acts_of = [], []
        for i in range(transcripts // 5):
            p = partnerships[i % len(partnerships)]
            source_id, topics, chosen = rng.choice(source_ids[p.pk])
            language = rng.choice(p.languages)
            incidents.append(Incident(
                partnership=p, title=f"Incident {i + 1}: {VIOLATIONS[topics[0]][1]}",
                narrative=writers[language].narrative(topics), country=p.country,
                date=START + datetime.timedelta(days=rng.randint(0, DAYS)), status="likely",
                shared_with_programme=rng.random() < 0.3, is_fictional=True,
            ))
            acts_of.append((source_id, topics, chosen))
        Incident.objects.bulk_create(incidents, batch_size=500)
        acts = [Act(incident=incident, act_type_id=corpus.violation_ids[topic])
                for incident, (_s, topics, _c) in zip(incidents, acts_of, strict=True) for topic in topics]
        Act.objects.bulk_create(acts, batch_size=1000)
        victims, links = [], []
        first_act = {}
        for act in acts:
            first_act.setdefault(act.incident_id, act)
        for incident, (source_id, _t, chosen) in zip(incidents, acts_of, strict=True):
            victims.append(Act.victims.through(act_id=first_act[incident.pk].pk, participant_id=chosen[0]))
            links.append(IncidentSource(incident=incident, source_id=source_id, connection="victim",
                                        reliability="high"))
        Act.victims.through.objects.bulk_create(victims, batch_size=2000)
        IncidentSource.objects.bulk_create(links, batch_size=2000)
        corpus.incidents = len(incidents)
    corpus.timings["write"] = time.perf_counter() - began
    if index:
        began = time.perf_counter()
        last = [0.0]

        def report(done, total):
            if time.perf_counter() - last[0] > 5 or done == total:
                last[0] = time.perf_counter()
                progress(f"indexed {done}/{total}")

        reindex_all(progress=report)
        corpus.timings["index"] = time.perf_counter() - began
    from django.db import connection

    with connection.cursor() as cursor:  # statistics for the query planner, as autovacuum would gather
        cursor.execute("ANALYZE")
    return corpus
