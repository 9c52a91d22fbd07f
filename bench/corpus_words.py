"""Words and phrases the benchmark corpus is built from, per language, about what the testimonies are about:
wages, contracts, police, documents, children's allowance and domestic violence. Fictional, and plain enough
that the benchmark's queries ("ish haqi", "иш ҳақи", "зарплата", "паспорт"…) find them.

Uzbek is written here in Latin; ``uz_cyrillic`` writes it in Cyrillic for the uz-Cyrl part of the corpus.
"""

TOPICS = ["wages", "contracts", "police", "documents", "allowance", "violence"]

LANGUAGES = {
    "ru": {
        "subjects": ["Работодатель", "Посредник", "Хозяин", "Бригадир", "Я", "Мы", "Соседка", "Моя сестра"],
        "times": ["В прошлом году", "В 2022 году", "Зимой", "Когда я была в России", "Весной", "Потом",
                  "Через месяц", "Сначала"],
        "places": ["в Бишкеке", "в Москве", "на рынке", "на стройке", "в Екатеринбурге", "в Оше", "на складе",
                   "в теплице", "в Ак-Жаре", "в общежитии"],
        "topics": {
            "wages": ["не выплатил мне зарплату", "задерживал зарплату несколько месяцев", "урезал заработную плату",
                      "платил меньше, чем обещал", "не отдал деньги за последний месяц"],
            "contracts": ["не заключил трудовой договор", "заставлял работать без договора",
                          "обещал устный договор", "не показал договор", "порвал договор"],
            "police": ["полиция остановила нас", "милиция требовала деньги", "нас забрали в отделение полиции",
                       "полицейский проверял документы", "участковый не принял заявление"],
            "documents": ["посредник забрал мой паспорт", "у меня не было документов",
                          "регистрацию сделать было трудно", "паспорт не вернули", "нужна была справка"],
            "allowance": ["пособие на ребёнка мне не назначили", "я подала заявление на детское пособие",
                          "без прописки пособие не дают", "пособие на детей задерживают", "в соцзащите отказали"],
            "violence": ["муж избил меня", "она рассказала о домашнем насилии", "свекровь выгнала меня из дома",
                         "я боялась идти в кризисный центр", "муж забрал все деньги"],
        },
        "questions": ["Расскажите, пожалуйста, как это было?", "Что было дальше?", "Куда вы обращались?",
                      "Кто вам помог?", "Сколько часов вы работали?"],
        "speakers": ("Интервьюер", "Участница"),
        "syllables": ["ка", "ра", "мо", "ли", "на", "то", "се", "ву", "па", "де", "ни", "ро", "жа", "ша", "чи"],
    },
    "ky": {
        "subjects": ["Иш берүүчү", "Ортомчу", "Кожоюн", "Бригадир", "Мен", "Биз", "Кошунам", "Эжем"],
        "times": ["Былтыр", "2022-жылы", "Кышында", "Орусияда жүргөндө", "Жазында", "Анан", "Бир айдан кийин"],
        "places": ["Бишкекте", "Ошто", "Москвада", "базарда", "курулушта", "Ак-Жарда", "кампада", "теплицада"],
        "topics": {
            "wages": ["эмгек акымды төлөгөн жок", "айлык акыны кечиктирди", "маянамды бербей койду",
                      "эмгек акы убада кылгандан аз болду"],
            "contracts": ["эмгек келишими түзүлгөн жок", "келишимсиз иштедик", "оозеки келишим гана болду",
                          "келишимди көрсөткөн жок"],
            "police": ["милиция бизди токтотту", "милиция акча талап кылды", "милицияга алып барышты",
                       "участкалык арызды кабыл алган жок"],
            "documents": ["паспортумду алып коюшту", "документтерим жок болчу", "каттоодон өтүү кыйын болду",
                          "паспортту кайтарып беришкен жок"],
            "allowance": ["балага жөлөкпул ала албадым", "жөлөкпул үчүн арыз жаздым",
                          "каттоосуз жөлөкпул беришпейт", "социалдык коргоо бөлүмү баш тартты"],
            "violence": ["күйөөм мени сабады", "үй-бүлөлүк зомбулук жөнүндө айтты", "кайнэнем үйдөн кууп чыкты",
                         "кризистик борборго барганга корктум"],
        },
        "questions": ["Айтып бериңизчи, кандай болду?", "Андан кийин эмне болду?", "Кайда кайрылдыңыз?",
                      "Ким жардам берди?"],
        "speakers": ("Изилдөөчү", "Катышуучу"),
        "syllables": ["ка", "ра", "мө", "лү", "на", "то", "сы", "бу", "па", "дө", "ны", "ро", "жа", "ңа", "чы"],
    },
    "uz": {
        "subjects": ["Ish beruvchi", "Vositachi", "Xo'jayin", "Brigadir", "Men", "Biz", "Qo'shnim", "Opam"],
        "times": ["O'tgan yili", "2022-yilda", "Qishda", "Rossiyada bo'lganimda", "Bahorda", "Keyin",
                  "Bir oydan keyin"],
        "places": ["Toshkentda", "Farg'onada", "Moskvada", "bozorda", "qurilishda", "omborda", "issiqxonada",
                   "Qo'qonda"],
        "topics": {
            "wages": ["ish haqimni to'lamadi", "ish haqi kechiktirildi", "maoshimni bermadi",
                      "ish haqi va'da qilinganidan kam edi", "oxirgi oy uchun ish haqi to'lanmadi"],
            "contracts": ["mehnat shartnomasi tuzilmadi", "shartnomasiz ishladik", "faqat og'zaki kelishuv bor edi",
                          "shartnomani ko'rsatmadi"],
            "police": ["politsiya bizni to'xtatdi", "militsiya pul talab qildi", "ichki ishlar bo'limiga olib ketishdi",
                       "uchastka noziri arizani qabul qilmadi"],
            "documents": ["pasportimni olib qo'yishdi", "hujjatlarim yo'q edi", "ro'yxatdan o'tish qiyin bo'ldi",
                          "pasportni qaytarib berishmadi"],
            "allowance": ["bolalar nafaqasini ololmadim", "nafaqa uchun ariza berdim",
                          "ro'yxatsiz nafaqa berilmaydi", "ijtimoiy himoya bo'limi rad etdi"],
            "violence": ["erim meni urdi", "oiladagi zo'ravonlik haqida gapirdi", "qaynonam meni uydan haydab yubordi",
                         "inqiroz markaziga borishdan qo'rqdim"],
        },
        "questions": ["Iltimos, qanday bo'lganini aytib bering?", "Keyin nima bo'ldi?", "Qayerga murojaat qildingiz?",
                      "Sizga kim yordam berdi?"],
        "speakers": ("Tadqiqotchi", "Ishtirokchi"),
        "syllables": ["ka", "ra", "mo", "li", "na", "to", "sa", "bu", "pa", "do", "ni", "ro", "ja", "sho", "qi"],
    },
    "tg": {
        "subjects": ["Корфармо", "Миёнарав", "Хӯҷаин", "Бригадир", "Ман", "Мо", "Ҳамсояам", "Хоҳарам"],
        "times": ["Соли гузашта", "Дар соли 2022", "Зимистон", "Вақте ки дар Русия будам", "Баҳор", "Баъд",
                  "Пас аз як моҳ"],
        "places": ["дар Душанбе", "дар Хуҷанд", "дар Маскав", "дар бозор", "дар сохтмон", "дар анбор",
                   "дар гармхона", "дар Бохтар"],
        "topics": {
            "wages": ["музди меҳнати маро напардохт", "музди меҳнат дер монд", "маошамро надод",
                      "музди меҳнат аз ваъда кам буд"],
            "contracts": ["шартномаи меҳнатӣ баста нашуд", "бе шартнома кор кардем", "танҳо аҳди шифоҳӣ буд",
                          "шартномаро нишон надод"],
            "police": ["милиса моро боздошт кард", "милиса пул талаб кард", "моро ба шӯъбаи милиса бурданд",
                       "нозири минтақа аризаро қабул накард"],
            "documents": ["шиносномаамро гирифтанд", "ҳуҷҷатҳоям набуданд", "бақайдгирӣ душвор буд",
                          "шиносномаро барнагардонданд"],
            "allowance": ["кӯмакпулии кӯдакро гирифта натавонистам", "барои кӯмакпулӣ ариза додам",
                          "бе бақайдгирӣ кӯмакпулӣ намедиҳанд", "шӯъбаи ҳифзи иҷтимоӣ рад кард"],
            "violence": ["шавҳарам маро зад", "дар бораи хушунати хонаводагӣ гап зад", "хушдоманам маро аз хона ронд",
                         "аз рафтан ба маркази бӯҳронӣ тарсидам"],
        },
        "questions": ["Лутфан гӯед, чӣ тавр шуд?", "Баъд чӣ шуд?", "Ба куҷо муроҷиат кардед?",
                      "Кӣ ба шумо кӯмак кард?"],
        "speakers": ("Муҳаққиқ", "Иштирокчӣ"),
        "syllables": ["ка", "ра", "мо", "лӣ", "на", "то", "са", "бу", "па", "до", "ни", "ро", "ҷа", "ша", "қи"],
    },
    "en": {
        "subjects": ["The employer", "The intermediary", "The owner", "The foreman", "I", "We", "My neighbour",
                     "My sister"],
        "times": ["Last year", "In 2022", "In winter", "When I was in Russia", "In spring", "Then",
                  "A month later"],
        "places": ["in Bishkek", "in Moscow", "at the market", "on the building site", "in Osh", "in the warehouse",
                   "in the greenhouse", "in Ak-Zhar"],
        "topics": {
            "wages": ["did not pay my wages", "delayed the wages for months", "cut the salary",
                      "paid less than promised", "kept the last month's wages"],
            "contracts": ["never signed a written contract", "made us work without a contract",
                          "offered only an oral agreement", "did not show the contract"],
            "police": ["was stopped by the police", "was asked for money by the police",
                       "was taken to the police station", "saw the police refuse the complaint"],
            "documents": ["lost the passport to the intermediary", "had no documents",
                          "found registration difficult", "never got the passport back"],
            "allowance": ["could not get the child allowance", "applied for the child benefit",
                          "was refused the allowance without registration", "waited for the child allowance"],
            "violence": ["spoke about domestic violence", "was beaten by the husband",
                         "was thrown out by the mother-in-law", "was afraid to go to the crisis centre"],
        },
        "questions": ["Could you tell me how it happened?", "What happened next?", "Where did you turn for help?",
                      "Who helped you?"],
        "speakers": ("Interviewer", "Participant"),
        "syllables": ["ka", "ra", "mo", "li", "na", "to", "se", "vu", "pa", "de", "ni", "ro", "ja", "sha", "chi"],
    },
}

NAMES = ["Gulnara", "Aizada", "Dilfuza", "Nodira", "Manzura", "Farangis", "Zarina", "Mehrangez", "Cholpon",
         "Begimai", "Saltanat", "Nurjan", "Asel", "Madina", "Shahnoza", "Malika", "Gulchehra", "Nigora", "Aigul",
         "Jyldyz", "Mavluda", "Sitora", "Firuza", "Kamila", "Dildora", "Zuhra", "Munira", "Bermet", "Elmira"]

_UZ_PAIRS = [("yo'", "йў"), ("o'", "ў"), ("g'", "ғ"), ("sh", "ш"), ("ch", "ч"), ("yo", "ё"), ("yu", "ю"), ("ya", "я"),
             ("ye", "е")]
_UZ_LETTERS = {
    "a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "ҳ", "i": "и", "j": "ж", "k": "к", "l": "л",
    "m": "м", "n": "н", "o": "о", "p": "п", "q": "қ", "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "x": "х",
    "y": "й", "z": "з", "'": "ъ",
}


def uz_cyrillic(text: str) -> str:
    """Uzbek Latin written in Cyrillic (the reverse of the 1995 correspondence), enough for the corpus."""
    out, i, word_start = [], 0, True
    lower = text.lower()
    while i < len(text):
        upper = text[i] != lower[i]
        for latin, cyrillic in _UZ_PAIRS:
            if lower.startswith(latin, i):
                piece, i = cyrillic, i + len(latin)
                break
        else:
            c = lower[i]
            piece = "э" if c == "e" and word_start else _UZ_LETTERS.get(c, text[i])
            i += 1
        out.append(piece[:1].upper() + piece[1:] if upper else piece)
        word_start = not piece.isalpha() and piece != "ъ"
    return "".join(out)
