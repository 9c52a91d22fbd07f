"""A fictional, labelled corpus for the suggestion tests: interviews about unpaid wages, child allowance and
police extortion, in Russian and in Uzbek written in Latin and in Cyrillic, with the endings, word orders and
spellings of speech, sentences of small talk in between, and words shared between topics (money, documents,
months) so that a single keyword is not enough.
"""

import random

TOPICS = ("wages", "allowance", "police")

RU = {
    "wages": [
        "{boss} не заплатил нам зарплату за {n} месяца",
        "зарплату задерживали {dur}",
        "нам так и не выплатили заработную плату",
        "обещали платить по {sum} рублей, а заплатили половину",
        "за последний месяц денег за работу не отдали",
        "мою зарплату урезали без всяких объяснений",
        "{boss} сказал, что зарплаты в этом месяце не будет",
        "зарплаты не было с самой весны",
        "{boss} недоплатил всем, кто работал {place}",
        "мы работали без выходных, а получку так и не дали",
    ],
    "allowance": [
        "пособие на ребёнка мне так и не назначили",
        "в соцзащите сказали, что детские пособия нам не положены",
        "без прописки пособия на детей не дают",
        "я подала документы на пособие, но получила отказ",
        "детское пособие задерживают уже {dur}",
        "нам отказали в выплате пособия по уходу за ребёнком",
        "на младшего сына пособие перестали платить",
        "в управлении соцзащиты потеряли моё заявление на пособие",
        "чтобы оформить пособие на детей, нужна была справка с места жительства",
    ],
    "police": [
        "полицейский остановил меня {place} и потребовал деньги",
        "милиция забрала наши паспорта и требовала заплатить",
        "в отделении полиции с нас вымогали деньги",
        "участковый угрожал депортацией, если мы не заплатим",
        "полиция каждую неделю проверяла документы и брала взятки",
        "полицейские сказали, что отпустят, только если дадим {sum} рублей",
        "нас задержали в метро и отпустили только за деньги",
        "сотрудник полиции порвал мою регистрацию и просил денег",
    ],
    "none": [
        "Расскажите, пожалуйста, о себе",
        "мы приехали {place} в {year} году",
        "у меня трое детей, старшая уже ходит в школу",
        "зимой было очень холодно",
        "я отправляла деньги домой каждый месяц",
        "мне нужно было сделать документы для поездки",
        "спасибо, что согласились поговорить",
        "что было дальше?",
        "я жила с сестрой {place}",
        "работа была тяжёлая, но я привыкла",
        "муж тоже уехал на заработки",
        "потом я вернулась домой к детям",
    ],
    "boss": ["Хозяин", "Бригадир", "Работодатель", "Посредник", "Начальник"],
    "place": ["в Москве", "на рынке", "на стройке", "в Екатеринбурге", "на складе", "в теплице"],
    "dur": ["три месяца", "полгода", "почти год", "несколько недель"],
    "lead": ["", "", "", "Потом ", "В прошлом году ", "Зимой ", "А ещё ", "Честно говоря, ", "Сначала "],
    "tail": ["", "", "", ", и я не знала, что делать", ", никто нам не помог", ", это было очень обидно"],
}

UZ = {
    "wages": [
        "{boss} ish haqimizni {n} oy to'lamadi",
        "ish haqimiz {dur} kechiktirildi",
        "bizga maosh umuman berilmadi",
        "kuniga {sum} so'm va'da qilishdi, lekin yarmini berishdi",
        "oxirgi oy uchun pulimizni bermadi",
        "maoshimni hech qanday sababsiz kamaytirishdi",
        "{boss} bu oy ish haqi bo'lmaydi dedi",
        "{place} ishlaganlarning hammasiga kam to'lashdi",
        "dam olishsiz ishladik, lekin oylikni berishmadi",
    ],
    "allowance": [
        "bolalar nafaqasini ololmadim",
        "nafaqa uchun hujjat topshirdim, lekin rad etishdi",
        "ijtimoiy himoya bo'limi bolalarga nafaqa bermadi",
        "ro'yxatsiz bolalar nafaqasi berilmaydi",
        "farzandim uchun nafaqa tayinlashmadi",
        "bola parvarishi nafaqasi {dur} kechikyapti",
        "kichik o'g'limga nafaqa to'lash to'xtatildi",
        "nafaqa arizamni yo'qotib qo'yishdi",
    ],
    "police": [
        "politsiya bizni {place} to'xtatib pul talab qildi",
        "militsioner pasportimni olib, pul so'radi",
        "ichki ishlar bo'limida bizdan pora talab qilishdi",
        "uchastka noziri pul bermasak deportatsiya qilamiz deb qo'rqitdi",
        "politsiyachilar har hafta hujjatlarni tekshirib, pul olishardi",
        "militsiya {sum} so'm bersak qo'yib yuboramiz dedi",
        "metroda ushlab, faqat pulga qo'yib yuborishdi",
    ],
    "none": [
        "o'zingiz haqingizda gapirib bering",
        "biz {year} yilda {place} keldik",
        "uchta farzandim bor, kattasi maktabga boradi",
        "qishda juda sovuq edi",
        "har oy uyga pul yuborardim",
        "safar uchun hujjatlarni tayyorlashim kerak edi",
        "suhbatga rozi bo'lganingiz uchun rahmat",
        "keyin nima bo'ldi?",
        "{place} opam bilan yashardim",
        "ish og'ir edi, lekin ko'nikdim",
        "erim ham ishlash uchun ketdi",
        "keyin bolalarimning oldiga qaytdim",
    ],
    "boss": ["Xo'jayin", "Brigadir", "Ish beruvchi", "Vositachi", "Boshliq"],
    "place": ["Moskvada", "bozorda", "qurilishda", "Toshkentda", "omborda", "issiqxonada"],
    "dur": ["uch oy", "yarim yil", "deyarli bir yil", "bir necha hafta"],
    "lead": ["", "", "", "Keyin ", "O'tgan yili ", "Qishda ", "Yana ", "Rostini aytsam, ", "Avval "],
    "tail": ["", "", "", ", nima qilishni bilmadim", ", hech kim yordam bermadi", ", juda alam qildi"],
}

_CYR = [("sh", "ш"), ("ch", "ч"), ("o'", "ў"), ("g'", "ғ"), ("ya", "я"), ("yo", "ё"), ("yu", "ю"),
        ("a", "а"), ("b", "б"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "ҳ"), ("i", "и"),
        ("j", "ж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("q", "қ"),
        ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("x", "х"), ("y", "й"), ("z", "з"),
        ("'", "ъ")]


def uz_cyrillic(text: str) -> str:
    """Uzbek Latin written in Cyrillic, letter by letter (good enough for fictional test text)."""
    out, i, low = [], 0, text.lower()
    while i < len(text):
        for latin, cyr in _CYR:
            if low.startswith(latin, i):
                out.append(cyr.upper() if text[i].isupper() else cyr)
                i += len(latin)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _fill(rng, words, template):
    return template.format(
        boss=rng.choice(words["boss"]), place=rng.choice(words["place"]), dur=rng.choice(words["dur"]),
        n=rng.choice(["два", "три"] if words is RU else ["ikki", "uch"]), sum=rng.choice(["1500", "2000", "500"]),
        year=rng.choice(["2019", "2021", "2022"]))


def sentence(rng, language: str, topic: str) -> str:
    words = RU if language == "ru" else UZ
    core = _fill(rng, words, rng.choice(words[topic]))
    text = rng.choice(words["lead"]) + core + rng.choice(words["tail"]) if topic != "none" else core
    text = text[0].upper() + text[1:]
    text += "?" if text.endswith("?") else rng.choice([".", ".", ".", "!", "…"])
    text = text.replace("??", "?")
    return uz_cyrillic(text) if language == "uz-Cyrl" else text


def interview(rng, *, sentences: int = 16) -> tuple[str, list[tuple[int, int, str]]]:
    """One transcript and its coded stretches (start, end, topic): one or two topics per interview, small talk
    between; about one topical sentence in twenty left uncoded, as happens."""
    language = rng.choice(["ru", "uz", "uz-Cyrl"])
    focus = rng.sample(TOPICS, rng.choice([1, 2]))
    parts, codings, pos = [], [], 0
    for _ in range(sentences):
        topic = rng.choice(focus) if rng.random() < 0.5 else "none"
        text = sentence(rng, language, topic)
        sep = "\n" if rng.random() < 0.3 else " "
        if topic != "none" and rng.random() > 0.05:
            codings.append((pos, pos + len(text), topic))
        parts.append(text + sep)
        pos += len(text) + len(sep)
    return "".join(parts).rstrip(), codings


def corpus(n: int, *, seed: int = 1) -> list[tuple[str, list[tuple[int, int, str]]]]:
    rng = random.Random(seed)
    return [interview(rng) for _ in range(n)]


def add_coded_sources(c, n: int = 40, *, seed: int = 1, partnership=None, participant=None, prefix="Coded"):
    """``n`` interviews of the corpus in partnership A (or ``partnership``), coded through the codings service:
    wages with the programme's living-wage code, allowance with social protection, police with a code of the
    partnership's own. Returns the sources."""
    from ovoz.analysis.models import Code
    from ovoz.analysis.services.codes import code_create
    from ovoz.analysis.services.codings import codings_bulk_create
    from ovoz.evidence.models import Source

    partnership = partnership or c.a
    participant = participant or c.a1
    police = Code.objects.filter(partnership=partnership, name_en="Police extortion").first() or code_create(
        actor=c.researcher_a if partnership == c.a else c.researcher_b, programme=c.programme,
        partnership=partnership, name_en="Police extortion")
    c.codes_by_topic = {"wages": c.wage, "allowance": c.social, "police": police}
    coder = c.researcher_a if partnership == c.a else c.researcher_b
    sources = []
    for i, (text, spans) in enumerate(corpus(n, seed=seed)):
        source = Source.objects.create(partnership=partnership, kind="interview", title=f"{prefix} {i}",
                                       transcript=text)
        source.participants.add(participant)
        codings_bulk_create(actor=coder, source=source,
                            rows=[(c.codes_by_topic[t], start, end) for start, end, t in spans])
        sources.append(source)
    return sources
