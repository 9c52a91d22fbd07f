"""The demo's five country briefers (seed 002): the real titles and partners, content built from the fictional
demo evidence and labelled as a demonstration; two are published, so the public page has something to show."""

from django.db.models import Count

from ovoz.analysis.models import Code, Coding
from ovoz.evidence.models import Participant
from ovoz.programmes.models import Membership
from ovoz.publishing.disclosure.gate import blocking, disclosure_check
from ovoz.publishing.models import Block, Publication, Section
from ovoz.publishing.services.findings import finding_create, finding_link_add
from ovoz.publishing.services.publications import block_add, publication_create, section_update
from ovoz.publishing.services.workflow import (
    publication_approve,
    publication_publish,
    publication_review,
    publication_submit,
)

# key: (second language, title in it, context in English, context in the second language, theme, finding,
#       demand)
BRIEFERS = {
    "ravnyeprava": (
        "ru", "Трудовые права женщин — внутренних мигранток, живущих в жилмассиве Ак-Жар",
        "Ak-Zhar is one of the new settlements around Bishkek where families from the regions build houses "
        "without full papers. Many women work in small sewing workshops, without written contracts.",
        "Ак-Жар — одна из новостроек вокруг Бишкека, где семьи из регионов строят дома без полного пакета "
        "документов. Многие женщины работают в небольших швейных цехах без письменных договоров.",
        "term:unpaid-wages",
        "Women in Ak-Zhar's sewing workshops are paid late or not at all, and have no written contract to claim "
        "their wages with.",
        "The labour inspection should visit small workshops, not only large factories, and open a consultation "
        "point in Ak-Zhar.",
    ),
    "awa-fergana": (
        "uz", "Oʻzbekistondagi qaytib kelgan migrant ayollar samarali reintegratsiya mexanizmlaridan "
              "foydalanishni talab qilmoqda",
        "Women who come back from Russia and Kazakhstan to the Fergana valley find that their years abroad count "
        "against them: allowances and jobs are hard to reach after return.",
        "Rossiya va Qozogʻistondan Fargʻona vodiysiga qaytgan ayollar chet eldagi yillari ularga qarshi "
        "ishlashini koʻradi: qaytgandan keyin nafaqa va ish topish qiyin.",
        "term:child-allowance",
        "Most returned women were refused the child allowance because they had been abroad.",
        "The mahalla and social protection offices should register returned women for allowances without "
        "asking for papers they cannot have.",
    ),
    "ghamkhori": (
        "tg", "Занони муҳоҷири баргаштаи тоҷик ҳуқуқҳо ва дастрасии худро ба ҳифз аз хушунати хонаводагӣ "
              "талаб мекунанд",
        "After return, women who lived with their in-laws while their husbands worked abroad often face violence "
        "at home, and few know where to turn.",
        "Пас аз бозгашт, заноне, ки ҳангоми дар хориҷа кор кардани шавҳарашон бо хешовандони шавҳар зиндагӣ "
        "мекарданд, аксар вақт дар хона ба хушунат дучор мешаванд.",
        "term:physical-assault",
        "Violence at home after return is rarely reported; women who reached a crisis centre were referred by "
        "other women.",
        "Crisis centres should be funded in every district, and police should register complaints of domestic "
        "violence without sending women back home.",
    ),
    "dunyoi-muhabbat": (
        "tg", "Занони муҳоҷири баргашта барои дастрасӣ ба кори шоиста мубориза мебаранд ва иҷрои ҳуқуқҳои "
              "инсонии худро дар Тоҷикистон талаб мекунанд",
        "Returned women in Sughd look for work at home after years of unpaid or underpaid work abroad, often "
        "found through intermediaries.",
        "Занони баргашта дар Суғд пас аз солҳои кори бемузд ё каммузд дар хориҷа дар ватан кор меҷӯянд.",
        "term:unpaid-wages",
        "Intermediaries held passports and wages; women came back with debts instead of savings.",
        "Recruitment agencies should be licensed and monitored; the state should help women recover wages owed "
        "abroad.",
    ),
    "hrac": (
        "ru", "Женщины — внутренние мигрантки отстаивают защиту своих прав человека и доступ к базовым "
              "государственным и муниципальным услугам в Кыргызстане",
        "Without registration at their place of residence, internal migrants in Bishkek cannot reach clinics, "
        "kindergartens or allowances, and some are asked for money at the passport office.",
        "Без регистрации по месту жительства внутренние мигрантки в Бишкеке не могут попасть в поликлинику, "
        "детский сад или получить пособие; у некоторых требуют деньги в паспортном столе.",
        "term:registration-services",
        "Without registration women are refused municipal services, and some were asked for money to be "
        "registered.",
        "Registration should be possible at the actual place of residence, with no fee and no intermediary.",
    ),
}
PUBLISHED = {"ravnyeprava", "awa-fergana"}


def _team(partnership):
    members = {m.role: m.user for m in Membership.objects.filter(partnership=partnership).select_related("user")}
    return members.get("researcher"), members.get("mentor")


def _quotable(partnership, code):
    """Coded segments of the partnership whose participants allow analysis and quotes (one speaker each)."""
    qs = (Coding.objects.filter(source__partnership=partnership, double_coding__isnull=True)
          .exclude(source__participants__consent_analysis=False).exclude(source__participants__consent_quotes=False)
          .annotate(n=Count("source__participants")).filter(n=1).select_related("source", "code"))
    preferred = list(qs.filter(code=code)[:2]) if code else []
    return preferred or list(qs[:2])


def demo_load(*, programme, partnerships, coordinator) -> None:
    codes = {c.seed_key: c for c in Code.objects.filter(programme=programme, partnership__isnull=True)}
    for key, (lang, title_local, context, context_local, theme, statement, demand) in BRIEFERS.items():
        partnership = partnerships.get(key)
        if partnership is None or Publication.objects.filter(partnership=partnership, kind="briefer").exists():
            continue
        researcher, mentor = _team(partnership)
        code = codes.get(theme)
        finding = finding_create(actor=researcher, programme=programme, partnership=partnership,
                                 statement=statement, theme=code, status="agreed")
        quotes = _quotable(partnership, code)
        for coding in quotes:
            finding_link_add(actor=researcher, finding=finding, coding=coding)
        pub = publication_create(
            actor=researcher, programme=programme, partnership=partnership, title=partnership.briefer_title,
            title_local=title_local, second_language=lang, is_demonstration=True,
        )
        sections = {s.kind: s for s in pub.sections.all()}
        section_update(actor=researcher, section=sections[Section.Kind.CONTEXT],
                       body="(Demonstration, fictional evidence.) " + context, body_local=context_local)
        block_add(actor=researcher, section=sections[Section.Kind.CONTEXT], kind=Block.Kind.CHART,
                  statistic={"by": "migrant_status"}, text="Who took part in the research")
        block_add(actor=researcher, section=sections[Section.Kind.WHAT_WOMEN_FACE], kind=Block.Kind.FINDING,
                  finding=finding)
        for coding in quotes:
            speaker = Participant.objects.filter(sources=coding.source).first()
            block_add(actor=researcher, section=sections[Section.Kind.VOICES], kind=Block.Kind.QUOTE, coding=coding,
                      speaker=speaker, attribution_fields=["migrant_status"])
        section_update(actor=researcher, section=sections[Section.Kind.TOGETHER],
                       body="Women met in consultations, documented what happened to them and went together to "
                            "the authorities. (Demonstration.)")
        block_add(actor=researcher, section=sections[Section.Kind.DEMANDS], kind=Block.Kind.RECOMMENDATION,
                  text=demand)
        if key in PUBLISHED and mentor is not None:
            publication_submit(actor=researcher, publication=pub)
            publication_review(actor=mentor, publication=pub, approve=True)
            if not blocking(disclosure_check(pub)):
                publication_approve(actor=coordinator, publication=pub)
                publication_publish(actor=coordinator, publication=pub)
    if not Publication.objects.filter(programme=programme, kind=Publication.Kind.SYNTHESIS).exists():
        synthesis = publication_create(
            actor=coordinator, programme=programme, kind=Publication.Kind.SYNTHESIS, is_demonstration=True,
            title="Amplifying Voices of Central Asian Women Migrants: regional synthesis (demonstration)",
        )
        section_update(actor=coordinator, section=synthesis.sections.get(kind=Section.Kind.CONTEXT),
                       body="Five partners in Kyrgyzstan, Tajikistan and Uzbekistan researched with women internal "
                            "and returned migrants. (Demonstration built from fictional evidence.)")
