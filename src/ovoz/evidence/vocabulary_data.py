"""The controlled vocabularies Ovoz starts with, named in the five interface languages.

Each term has a stable ``code`` (never change one: imports, exports and other tools refer to it), an
English, Russian, Kyrgyz, Uzbek (Latin script, with ʻ U+02BB in oʻ gʻ and ʼ U+02BC for the tutuq belgisi)
and Tajik label, and, where the HURIDOCS Events Standard Formats micro-thesauri have the same or a broader
term, its code there, written ``MT-term``: the micro-thesaurus number (03 rights, 04 types of acts,
06 international instruments, 20 types of intervention, 24 types of perpetrators), a hyphen and the term's
hierarchical code without its trailing ``00`` pairs (``04-30010202`` is "denial of wages" in Types of acts;
OpenEvSys stores it as vocabulary number ``30010202000004``). An empty code means the micro-thesauri have no
such term, or none we are sure of: docs/VOCABULARIES.md lists each mapping and how close it is.

This module is plain data: the seed migration (0002_vocabulary_seed) and ``vocabulary_seed`` read it.
Terms are listed parents first; ``order`` is given by position.
"""

from __future__ import annotations


def term(code, en, ru, ky, uz, tg, *, huridocs="", parent="", country="", description=""):
    return {
        "code": code,
        "label_en": en,
        "label_ru": ru,
        "label_ky": ky,
        "label_uz": uz,
        "label_tg": tg,
        "huridocs_code": huridocs,
        "parent": parent,
        "country": country,
        "description": description,
    }


MIGRANT_STATUS = [
    term("internal", "Internal migrant", "Внутренняя мигрантка", "Ички мигрант", "Ichki migrant",
         "Муҳоҷири дохилӣ"),
    term("returned", "Returned migrant", "Вернувшаяся мигрантка", "Кайтып келген мигрант", "Qaytib kelgan migrant",
         "Муҳоҷири баргашта"),
    term("cross-border", "Cross-border migrant (abroad now)", "Трансграничная мигрантка (сейчас за рубежом)",
         "Тышкы мигрант (азыр чет өлкөдө)", "Tashqi migrant (hozir chet elda)",
         "Муҳоҷири берунӣ (ҳоло дар хориҷа)"),
    term("potential", "Potential migrant", "Потенциальная мигрантка", "Потенциалдуу мигрант", "Potensial migrant",
         "Муҳоҷири эҳтимолӣ"),
    term("family-left-behind", "Family member left behind", "Член семьи мигранта, оставшийся дома",
         "Мигранттын үйдө калган үй-бүлө мүчөсү", "Migrantning uyda qolgan oila aʼzosi",
         "Аъзои оилаи муҳоҷир, ки дар хона мондааст"),
]

VIOLATION = [
    # Labour rights
    term("labour-rights", "Labour rights violations", "Нарушения трудовых прав", "Эмгек укуктарынын бузулушу",
         "Mehnat huquqlarining buzilishi", "Нақзи ҳуқуқҳои меҳнатӣ", huridocs="04-30"),
    term("unpaid-wages", "Unpaid or withheld wages", "Невыплата или задержка заработной платы",
         "Эмгек акынын төлөнбөшү же кармалышы", "Ish haqining toʻlanmasligi yoki ushlab qolinishi",
         "Пардохт накардан ё нигоҳ доштани музди меҳнат", huridocs="04-30010202", parent="labour-rights"),
    term("no-contract", "No written contract", "Нет письменного трудового договора",
         "Жазуу жүзүндөгү эмгек келишими жок", "Yozma mehnat shartnomasi yoʻq", "Шартномаи хаттии меҳнатӣ нест",
         parent="labour-rights"),
    term("excessive-hours", "Excessive working hours", "Чрезмерно долгий рабочий день", "Ашыкча узак иш убактысы",
         "Haddan tashqari uzoq ish vaqti", "Вақти аз ҳад зиёди корӣ", huridocs="04-30010206",
         parent="labour-rights"),
    term("unsafe-work", "Unsafe or unhealthy work", "Опасные или вредные условия труда",
         "Кооптуу же зыяндуу эмгек шарттары", "Xavfli yoki zararli mehnat sharoitlari",
         "Шароити хатарнок ё зараровари меҳнат", huridocs="04-30010301", parent="labour-rights"),
    term("unfair-dismissal", "Unfair dismissal", "Незаконное увольнение", "Жумуштан мыйзамсыз бошотуу",
         "Ishdan noqonuniy boʻshatish", "Аз кор ғайриқонунӣ озод кардан", huridocs="04-30010210",
         parent="labour-rights"),
    term("confiscated-documents", "Confiscated passport or documents", "Изъятие паспорта или других документов",
         "Паспортту же башка документтерди тартып алуу", "Pasport yoki boshqa hujjatlarni tortib olish",
         "Гирифтани шиноснома ё дигар ҳуҷҷатҳо", parent="labour-rights"),
    # Social protection
    term("social-protection", "Denied social protection", "Отказ в социальной защите",
         "Социалдык коргоо берүүдөн баш тартуу", "Ijtimoiy himoya berilmasligi", "Маҳрум кардан аз ҳифзи иҷтимоӣ",
         huridocs="04-50"),
    term("child-allowance", "Child allowance refused", "Отказ в пособии на ребёнка",
         "Балага жөлөкпул берүүдөн баш тартуу", "Bolalar nafaqasi berilmasligi", "Рад кардани кӯмакпулӣ барои кӯдак",
         parent="social-protection"),
    term("pension", "Pension refused", "Отказ в пенсии", "Пенсия берүүдөн баш тартуу", "Pensiya tayinlanmasligi",
         "Рад кардани нафақа", parent="social-protection"),
    term("health-care", "Health care refused", "Отказ в медицинской помощи", "Медициналык жардамдан баш тартуу",
         "Tibbiy yordam koʻrsatilmasligi", "Рад кардани ёрии тиббӣ", huridocs="04-53", parent="social-protection"),
    # State and municipal services
    term("registration-services", "Denied registration or municipal services",
         "Отказ в регистрации или муниципальных услугах", "Каттоодон же муниципалдык кызматтардан баш тартуу",
         "Roʻyxatga olish yoki munitsipal xizmatlardan bosh tortish",
         "Рад кардани бақайдгирӣ ё хизматрасониҳои мақомоти маҳаллӣ"),
    # Police
    term("police-abuse", "Extortion or arbitrary detention by police",
         "Вымогательство или произвольное задержание со стороны полиции",
         "Милиция тарабынан опузалоо же негизсиз кармоо",
         "Militsiya tomonidan tovlamachilik yoki asossiz ushlab turish",
         "Пулситонӣ ё боздошти худсарона аз ҷониби милитсия"),
    term("police-extortion", "Extortion", "Вымогательство", "Опузалап акча талап кылуу", "Tovlamachilik",
         "Пулситонӣ", huridocs="04-130104", parent="police-abuse"),
    term("arbitrary-detention", "Arbitrary detention", "Произвольное задержание", "Негизсиз кармоо",
         "Asossiz ushlab turish", "Боздошти худсарона", huridocs="04-030102", parent="police-abuse"),
    # Discrimination and reintegration
    term("discrimination", "Discrimination and stigma", "Дискриминация и стигматизация", "Басмырлоо жана стигма",
         "Kamsitish va stigma", "Табъиз ва стигма"),
    term("reintegration-barriers", "Barriers to reintegration", "Препятствия для реинтеграции",
         "Кайра интеграцияга тоскоолдуктар", "Reintegratsiyaga toʻsiqlar", "Монеаҳо барои ҳамгироии дубора"),
    # Gender-based violence: the six core types of the GBVIMS classification
    term("gbv", "Gender-based violence (GBVIMS core types)", "Гендерное насилие (основные типы GBVIMS)",
         "Гендердик зомбулук (GBVIMS негизги түрлөрү)", "Gender asosidagi zoʻravonlik (GBVIMS asosiy turlari)",
         "Зӯроварии гендерӣ (намудҳои асосии GBVIMS)"),
    term("rape", "Rape", "Изнасилование", "Зордуктоо", "Zoʻrlash", "Таҷовуз ба номус", huridocs="04-02011101",
         parent="gbv", description="GBVIMS core type 1."),
    term("sexual-assault", "Sexual assault", "Сексуальное насилие (кроме изнасилования)",
         "Сексуалдык зомбулук (зордуктоодон башка)", "Jinsiy zoʻravonlik (zoʻrlashdan tashqari)",
         "Зӯроварии ҷинсӣ (ғайр аз таҷовуз ба номус)", huridocs="04-02011103", parent="gbv",
         description="GBVIMS core type 2."),
    term("physical-assault", "Physical assault", "Физическое насилие", "Физикалык зомбулук", "Jismoniy zoʻravonlik",
         "Зӯроварии ҷисмонӣ", huridocs="04-020101", parent="gbv", description="GBVIMS core type 3."),
    term("forced-marriage", "Forced marriage", "Принудительный брак", "Мажбурлап нике кыюу", "Majburiy nikoh",
         "Никоҳи маҷбурӣ", huridocs="04-070102", parent="gbv", description="GBVIMS core type 4."),
    term("denial-of-resources", "Denial of resources, opportunities or services",
         "Лишение ресурсов, возможностей или услуг", "Ресурстардан, мүмкүнчүлүктөрдөн же кызматтардан ажыратуу",
         "Resurslar, imkoniyatlar yoki xizmatlardan mahrum qilish",
         "Маҳрум кардан аз захираҳо, имкониятҳо ё хизматрасониҳо", parent="gbv",
         description="GBVIMS core type 5."),
    term("psychological-abuse", "Psychological or emotional abuse", "Психологическое или эмоциональное насилие",
         "Психологиялык же эмоционалдык зомбулук", "Psixologik yoki hissiy zoʻravonlik",
         "Зӯроварии равонӣ ё эмотсионалӣ", huridocs="04-020103", parent="gbv", description="GBVIMS core type 6."),
]

PERPETRATOR = [
    term("employer", "Employer", "Работодатель", "Иш берүүчү", "Ish beruvchi", "Корфармо", huridocs="24-110301"),
    term("recruiter", "Intermediary or recruiter", "Посредник или вербовщик", "Ортомчу же жалдоочу",
         "Vositachi yoki yollovchi", "Миёнарав ё ҷалбкунанда"),
    term("police", "Police", "Полиция (милиция)", "Милиция", "Militsiya (politsiya)", "Милитсия",
         huridocs="24-010104"),
    term("state-official", "Other state official", "Другой государственный служащий", "Башка мамлекеттик кызматкер",
         "Boshqa davlat xizmatchisi", "Дигар хизматчии давлатӣ", huridocs="24-01"),
    term("partner", "Husband or partner", "Муж или партнёр", "Күйөө же турмуш шериги", "Er yoki turmush oʻrtogʻi",
         "Шавҳар ё шарики ҳаёт", huridocs="24-110101"),
    term("in-laws", "In-laws or other family members", "Родственники мужа или другие члены семьи",
         "Кайын журт же башка туугандар", "Erining qarindoshlari yoki boshqa oila aʼzolari",
         "Хешовандони шавҳар ё дигар аъзои оила", huridocs="24-1101"),
    term("countrymen", "Fellow countrymen", "Земляки", "Жердештер", "Hamyurtlar", "Ҳамватанон"),
    term("unknown", "Unknown", "Неизвестно", "Белгисиз", "Nomaʼlum", "Номаълум", huridocs="24-99"),
]

INTERVENTION = [
    term("labour-inspection", "Complaint to the labour inspection", "Жалоба в трудовую инспекцию",
         "Эмгек инспекциясына арыз", "Mehnat inspeksiyasiga shikoyat", "Шикоят ба нозироти меҳнат",
         huridocs="20-0201"),
    term("police", "Complaint to the police", "Заявление в полицию (милицию)", "Милицияга арыз",
         "Militsiyaga ariza", "Ариза ба милитсия", huridocs="20-0201"),
    term("court", "Claim in court", "Иск в суд", "Сотко доо арыз", "Sudga daʼvo arizasi", "Даъво ба суд",
         huridocs="20-02"),
    term("ombudsman", "Complaint to the Ombudsman", "Обращение к омбудсмену", "Акыйкатчыга (омбудсменге) кайрылуу",
         "Ombudsmanga murojaat", "Муроҷиат ба Ваколатдор оид ба ҳуқуқи инсон", huridocs="20-0201"),
    term("crisis-centre", "Referral to a crisis centre", "Направление в кризисный центр", "Кризистик борборго жөнөтүү",
         "Inqiroz markaziga yoʻllash", "Равон кардан ба маркази бӯҳронӣ", huridocs="20-01"),
    term("prosecutor", "Complaint to the prosecutor", "Жалоба в прокуратуру", "Прокуратурага арыз",
         "Prokuraturaga shikoyat", "Шикоят ба прокуратура", huridocs="20-0201"),
    term("local-government", "Appeal to local self-government", "Обращение в органы местного самоуправления",
         "Жергиликтүү өз алдынча башкаруу органына кайрылуу", "Mahalliy oʻzini oʻzi boshqarish organiga murojaat",
         "Муроҷиат ба мақомоти худидоракунии маҳаллӣ", huridocs="20-02"),
    term("ngo-legal-aid", "Legal aid from an NGO", "Юридическая помощь НКО", "БӨУнун юридикалык жардамы",
         "NNTning yuridik yordami", "Ёрии ҳуқуқии ташкилоти ғайриҳукуматӣ", huridocs="20-0102"),
    term("embassy", "Appeal to an embassy or consulate", "Обращение в посольство или консульство",
         "Элчиликке же консулдукка кайрылуу", "Elchixona yoki konsullikka murojaat",
         "Муроҷиат ба сафорат ё консулгарӣ", huridocs="20-01"),
    term("other", "Other", "Другое", "Башка", "Boshqa", "Дигар", huridocs="20-90"),
]

RIGHT = [
    term("icescr", "ICESCR – International Covenant on Economic, Social and Cultural Rights",
         "МПЭСКП – Международный пакт об экономических, социальных и культурных правах",
         "ICESCR – Экономикалык, социалдык жана маданий укуктар жөнүндө эл аралык пакт",
         "ICESCR – Iqtisodiy, ijtimoiy va madaniy huquqlar toʻgʻrisidagi xalqaro pakt",
         "ICESCR – Паймони байналмилалӣ дар бораи ҳуқуқҳои иқтисодӣ, иҷтимоӣ ва фарҳангӣ", huridocs="06-0103"),
    term("icescr-6", "ICESCR art. 6 – right to work", "МПЭСКП ст. 6 – право на труд",
         "ICESCR 6-берене – эмгектенүү укугу", "ICESCR 6-modda – mehnat qilish huquqi",
         "ICESCR моддаи 6 – ҳуқуқ ба меҳнат", huridocs="03-0211", parent="icescr"),
    term("icescr-7", "ICESCR art. 7 – just and favourable conditions of work",
         "МПЭСКП ст. 7 – справедливые и благоприятные условия труда",
         "ICESCR 7-берене – адилеттүү жана ыңгайлуу эмгек шарттары",
         "ICESCR 7-modda – adolatli va qulay mehnat sharoitlari",
         "ICESCR моддаи 7 – шароити одилона ва мусоиди меҳнат", huridocs="03-032110", parent="icescr"),
    term("icescr-9", "ICESCR art. 9 – social security", "МПЭСКП ст. 9 – социальное обеспечение",
         "ICESCR 9-берене – социалдык камсыздоо", "ICESCR 9-modda – ijtimoiy taʼminot",
         "ICESCR моддаи 9 – таъминоти иҷтимоӣ", huridocs="03-0206", parent="icescr"),
    term("cedaw", "CEDAW – Convention on the Elimination of All Forms of Discrimination against Women",
         "КЛДЖ – Конвенция о ликвидации всех форм дискриминации в отношении женщин",
         "CEDAW – Аялдарга карата басмырлоонун бардык түрлөрүн жоюу жөнүндө конвенция",
         "CEDAW – Xotin-qizlarga nisbatan kamsitishning barcha shakllarini tugatish toʻgʻrisidagi konvensiya",
         "CEDAW – Конвенсия дар бораи барҳам додани ҳамаи шаклҳои табъиз нисбат ба занон", huridocs="06-1104"),
    term("cedaw-11", "CEDAW art. 11 – employment", "КЛДЖ ст. 11 – занятость",
         "CEDAW 11-берене – жумуш менен камсыз болуу", "CEDAW 11-modda – bandlik", "CEDAW моддаи 11 – шуғл",
         huridocs="03-030201", parent="cedaw"),
    term("cedaw-14", "CEDAW art. 14 – rural women", "КЛДЖ ст. 14 – сельские женщины",
         "CEDAW 14-берене – айыл аялдары", "CEDAW 14-modda – qishloq xotin-qizlari",
         "CEDAW моддаи 14 – занони деҳот", parent="cedaw"),
    term("cedaw-16", "CEDAW art. 16 – marriage and family relations", "КЛДЖ ст. 16 – брак и семейные отношения",
         "CEDAW 16-берене – нике жана үй-бүлөлүк мамилелер", "CEDAW 16-modda – nikoh va oilaviy munosabatlar",
         "CEDAW моддаи 16 – никоҳ ва муносибатҳои оилавӣ", huridocs="03-0140", parent="cedaw"),
    term("icrmw", "ICRMW – Convention on the Rights of All Migrant Workers and Members of Their Families",
         "МКТМ – Конвенция о защите прав всех трудящихся-мигрантов и членов их семей",
         "ICRMW – Бардык эмгек мигранттарынын жана алардын үй-бүлө мүчөлөрүнүн укуктарын коргоо жөнүндө конвенция",
         "ICRMW – Barcha mehnat muhojirlari va ularning oila aʼzolari huquqlarini himoya qilish toʻgʻrisidagi "
         "konvensiya",
         "ICRMW – Конвенсия дар бораи ҳифзи ҳуқуқҳои ҳамаи муҳоҷирони меҳнатӣ ва аъзои оилаҳои онҳо",
         huridocs="06-1001"),
    term("icrmw-21", "ICRMW art. 21 – no confiscation of identity documents",
         "МКТМ ст. 21 – запрет изъятия документов", "ICRMW 21-берене – документтерди тартып алууга тыюу салынат",
         "ICRMW 21-modda – hujjatlarni tortib olish taqiqlanadi",
         "ICRMW моддаи 21 – манъи гирифтани ҳуҷҷатҳои шахсият", parent="icrmw"),
    term("icrmw-25", "ICRMW art. 25 – equal pay and conditions of work",
         "МКТМ ст. 25 – равная оплата и условия труда", "ICRMW 25-берене – бирдей эмгек акы жана эмгек шарттары",
         "ICRMW 25-modda – teng ish haqi va mehnat sharoitlari", "ICRMW моддаи 25 – музди баробар ва шароити меҳнат",
         parent="icrmw"),
    term("icrmw-27", "ICRMW art. 27 – social security", "МКТМ ст. 27 – социальное обеспечение",
         "ICRMW 27-берене – социалдык камсыздоо", "ICRMW 27-modda – ijtimoiy taʼminot",
         "ICRMW моддаи 27 – таъминоти иҷтимоӣ", huridocs="03-0206", parent="icrmw"),
    term("ilo-c189", "ILO C189 – Domestic Workers Convention", "Конвенция МОТ № 189 о домашних работниках",
         "ЭЭУнун № 189 Үй жумушчулары жөнүндө конвенциясы", "XMTning 189-son Uy ishchilari toʻgʻrisidagi konvensiyasi",
         "Конвенсияи СБМ № 189 дар бораи коргарони хонагӣ"),
    term("ilo-c190", "ILO C190 – Violence and Harassment Convention",
         "Конвенция МОТ № 190 о насилии и домогательствах",
         "ЭЭУнун № 190 Зомбулук жана куугунтук жөнүндө конвенциясы",
         "XMTning 190-son Zoʻravonlik va tazyiq toʻgʻrisidagi konvensiyasi",
         "Конвенсияи СБМ № 190 дар бораи зӯроварӣ ва таъқиб"),
    term("iccpr", "ICCPR – International Covenant on Civil and Political Rights",
         "МПГПП – Международный пакт о гражданских и политических правах",
         "ICCPR – Жарандык жана саясий укуктар жөнүндө эл аралык пакт",
         "ICCPR – Fuqarolik va siyosiy huquqlar toʻgʻrisidagi xalqaro pakt",
         "ICCPR – Паймони байналмилалӣ дар бораи ҳуқуқҳои шаҳрвандӣ ва сиёсӣ", huridocs="06-0104"),
    term("iccpr-9", "ICCPR art. 9 – liberty and security of person",
         "МПГПП ст. 9 – свобода и личная неприкосновенность",
         "ICCPR 9-берене – эркиндик жана жеке кол тийбестик", "ICCPR 9-modda – shaxsiy erkinlik va daxlsizlik",
         "ICCPR моддаи 9 – озодӣ ва дахлнопазирии шахсӣ", huridocs="03-0108", parent="iccpr"),
    term("iccpr-12", "ICCPR art. 12 – freedom of movement and choice of residence",
         "МПГПП ст. 12 – свобода передвижения и выбора места жительства",
         "ICCPR 12-берене – эркин жүрүү жана жашаган жерди тандоо",
         "ICCPR 12-modda – erkin harakatlanish va yashash joyini tanlash",
         "ICCPR моддаи 12 – озодии ҳаракат ва интихоби маҳалли зист", huridocs="03-0121", parent="iccpr"),
    term("iccpr-26", "ICCPR art. 26 – equality before the law and non-discrimination",
         "МПГПП ст. 26 – равенство перед законом и недискриминация",
         "ICCPR 26-берене – мыйзам алдында теңдик жана басмырлоого жол бербөө",
         "ICCPR 26-modda – qonun oldida tenglik va kamsitishga yoʻl qoʻymaslik",
         "ICCPR моддаи 26 – баробарӣ дар назди қонун ва манъи табъиз", huridocs="03-0103", parent="iccpr"),
]


def _regions(country, rows):
    return [term(f"{country.lower()}-{code}", en, ru, ky, uz, tg, country=country)
            for code, en, ru, ky, uz, tg in rows]


REGION = (
    _regions("KG", [
        ("batken", "Batken Region", "Баткенская область", "Баткен облусу", "Botken viloyati", "Вилояти Баткен"),
        ("chuy", "Chüy Region", "Чуйская область", "Чүй облусу", "Chuy viloyati", "Вилояти Чуй"),
        ("issyk-kul", "Issyk-Kul Region", "Иссык-Кульская область", "Ысык-Көл облусу", "Issiqkoʻl viloyati",
         "Вилояти Иссиқкӯл"),
        ("jalal-abad", "Jalal-Abad Region", "Джалал-Абадская область", "Жалал-Абад облусу", "Jalolobod viloyati",
         "Вилояти Ҷалолобод"),
        ("naryn", "Naryn Region", "Нарынская область", "Нарын облусу", "Norin viloyati", "Вилояти Норин"),
        ("osh-region", "Osh Region", "Ошская область", "Ош облусу", "Oʻsh viloyati", "Вилояти Ӯш"),
        ("talas", "Talas Region", "Таласская область", "Талас облусу", "Talas viloyati", "Вилояти Талас"),
        ("bishkek", "Bishkek (city)", "город Бишкек", "Бишкек шаары", "Bishkek shahri", "шаҳри Бишкек"),
        ("osh", "Osh (city)", "город Ош", "Ош шаары", "Oʻsh shahri", "шаҳри Ӯш"),
    ])
    + _regions("TJ", [
        ("sughd", "Sughd Region", "Согдийская область", "Согди облусу", "Sugʻd viloyati", "Вилояти Суғд"),
        ("khatlon", "Khatlon Region", "Хатлонская область", "Хатлон облусу", "Xatlon viloyati", "Вилояти Хатлон"),
        ("gbao", "Gorno-Badakhshan Autonomous Region", "Горно-Бадахшанская автономная область",
         "Тоолуу Бадахшан автономиялуу облусу", "Togʻli Badaxshon muxtor viloyati",
         "Вилояти Мухтори Кӯҳистони Бадахшон"),
        ("drs", "Districts of Republican Subordination", "Районы республиканского подчинения",
         "Республикалык баш ийүүдөгү райондор", "Respublikaga boʻysunuvchi tumanlar", "Ноҳияҳои тобеи ҷумҳурӣ"),
        ("dushanbe", "Dushanbe (city)", "город Душанбе", "Душанбе шаары", "Dushanbe shahri", "шаҳри Душанбе"),
    ])
    + _regions("UZ", [
        ("karakalpakstan", "Republic of Karakalpakstan", "Республика Каракалпакстан", "Каракалпакстан Республикасы",
         "Qoraqalpogʻiston Respublikasi", "Ҷумҳурии Қарақалпоқистон"),
        ("andijan", "Andijan Region", "Андижанская область", "Анжиян облусу", "Andijon viloyati", "Вилояти Андиҷон"),
        ("bukhara", "Bukhara Region", "Бухарская область", "Бухара облусу", "Buxoro viloyati", "Вилояти Бухоро"),
        ("fergana", "Fergana Region", "Ферганская область", "Фергана облусу", "Fargʻona viloyati", "Вилояти Фарғона"),
        ("jizzakh", "Jizzakh Region", "Джизакская область", "Жизак облусу", "Jizzax viloyati", "Вилояти Ҷиззах"),
        ("kashkadarya", "Kashkadarya Region", "Кашкадарьинская область", "Кашкадарыя облусу", "Qashqadaryo viloyati",
         "Вилояти Қашқадарё"),
        ("khorezm", "Khorezm Region", "Хорезмская область", "Хорезм облусу", "Xorazm viloyati", "Вилояти Хоразм"),
        ("namangan", "Namangan Region", "Наманганская область", "Наманган облусу", "Namangan viloyati",
         "Вилояти Наманган"),
        ("navoiy", "Navoiy Region", "Навоийская область", "Навои облусу", "Navoiy viloyati", "Вилояти Навоӣ"),
        ("samarkand", "Samarkand Region", "Самаркандская область", "Самарканд облусу", "Samarqand viloyati",
         "Вилояти Самарқанд"),
        ("surkhandarya", "Surkhandarya Region", "Сурхандарьинская область", "Сурхандарыя облусу",
         "Surxondaryo viloyati", "Вилояти Сурхондарё"),
        ("syrdarya", "Syrdarya Region", "Сырдарьинская область", "Сырдарыя облусу", "Sirdaryo viloyati",
         "Вилояти Сирдарё"),
        ("tashkent-region", "Tashkent Region", "Ташкентская область", "Ташкент облусу", "Toshkent viloyati",
         "Вилояти Тошканд"),
        ("tashkent", "Tashkent (city)", "город Ташкент", "Ташкент шаары", "Toshkent shahri", "шаҳри Тошканд"),
    ])
    + _regions("KZ", [
        ("abai", "Abai Region", "область Абай", "Абай облусу", "Abay viloyati", "Вилояти Абай"),
        ("akmola", "Akmola Region", "Акмолинская область", "Акмола облусу", "Aqmola viloyati", "Вилояти Ақмола"),
        ("aktobe", "Aktobe Region", "Актюбинская область", "Актөбө облусу", "Aqtoʻbe viloyati", "Вилояти Ақтӯбе"),
        ("almaty-region", "Almaty Region", "Алматинская область", "Алматы облусу", "Olmaota viloyati",
         "Вилояти Алмаато"),
        ("atyrau", "Atyrau Region", "Атырауская область", "Атырау облусу", "Atirau viloyati", "Вилояти Атирау"),
        ("east-kazakhstan", "East Kazakhstan Region", "Восточно-Казахстанская область", "Чыгыш Казакстан облусу",
         "Sharqiy Qozogʻiston viloyati", "Вилояти Қазоқистони Шарқӣ"),
        ("jambyl", "Jambyl Region", "Жамбылская область", "Жамбыл облусу", "Jambil viloyati", "Вилояти Ҷамбул"),
        ("jetisu", "Jetisu Region", "область Жетісу", "Жети-Суу облусу", "Yettisuv viloyati", "Вилояти Ҷетису"),
        ("karaganda", "Karaganda Region", "Карагандинская область", "Караганды облусу", "Qaragʻandi viloyati",
         "Вилояти Қарағанда"),
        ("kostanay", "Kostanay Region", "Костанайская область", "Костанай облусу", "Qoʻstanay viloyati",
         "Вилояти Қостанай"),
        ("kyzylorda", "Kyzylorda Region", "Кызылординская область", "Кызылорда облусу", "Qiziloʻrda viloyati",
         "Вилояти Қизилӯрда"),
        ("mangystau", "Mangystau Region", "Мангистауская область", "Маңгыстау облусу", "Mangʻishloq viloyati",
         "Вилояти Манғистау"),
        ("north-kazakhstan", "North Kazakhstan Region", "Северо-Казахстанская область", "Түндүк Казакстан облусу",
         "Shimoliy Qozogʻiston viloyati", "Вилояти Қазоқистони Шимолӣ"),
        ("pavlodar", "Pavlodar Region", "Павлодарская область", "Павлодар облусу", "Pavlodar viloyati",
         "Вилояти Павлодар"),
        ("turkistan", "Turkistan Region", "Туркестанская область", "Түркстан облусу", "Turkiston viloyati",
         "Вилояти Туркистон"),
        ("ulytau", "Ulytau Region", "область Улытау", "Улытоо облусу", "Ulitau viloyati", "Вилояти Улитау"),
        ("west-kazakhstan", "West Kazakhstan Region", "Западно-Казахстанская область", "Батыш Казакстан облусу",
         "Gʻarbiy Qozogʻiston viloyati", "Вилояти Қазоқистони Ғарбӣ"),
        ("astana", "Astana (city)", "город Астана", "Астана шаары", "Astana shahri", "шаҳри Остона"),
        ("almaty", "Almaty (city)", "город Алматы", "Алматы шаары", "Olmaota shahri", "шаҳри Алмаато"),
        ("shymkent", "Shymkent (city)", "город Шымкент", "Шымкент шаары", "Chimkent shahri", "шаҳри Чимкент"),
    ])
)

WORK_SECTOR = [
    term("domestic-work", "Domestic work", "Домашний труд по найму", "Жалданып үй жумушун аткаруу",
         "Yollanma uy ishi", "Кори хонагӣ бо кироя"),
    term("care", "Care work (children, older or sick people)", "Уход за детьми, пожилыми или больными",
         "Балдарды, карыларды же оорулууларды кароо", "Bolalar, keksalar yoki bemorlarni parvarish qilish",
         "Нигоҳубини кӯдакон, пиронсолон ё беморон"),
    term("agriculture", "Agriculture", "Сельское хозяйство", "Айыл чарба", "Qishloq xoʻjaligi", "Кишоварзӣ"),
    term("construction", "Construction", "Строительство", "Курулуш", "Qurilish", "Сохтмон"),
    term("trade", "Trade and markets", "Торговля и рынки", "Соода жана базарлар", "Savdo va bozorlar",
         "Савдо ва бозорҳо"),
    term("garment", "Garment and sewing", "Швейное производство", "Тигүүчүлүк", "Tikuvchilik", "Дӯзандагӣ"),
    term("hospitality", "Hospitality and catering", "Гостиницы и общественное питание",
         "Мейманкана жана коомдук тамактануу", "Mehmonxona va umumiy ovqatlanish", "Меҳмонхонадорӣ ва хӯроки умумӣ"),
    term("cleaning", "Cleaning", "Уборка", "Тазалоо иштери", "Tozalash ishlari", "Корҳои тозакунӣ"),
    term("services", "Services", "Сфера услуг", "Тейлөө чөйрөсү", "Xizmat koʻrsatish sohasi", "Соҳаи хизматрасонӣ"),
    term("unemployed", "Unemployed", "Не работает", "Жумушсуз", "Ishsiz", "Бекор"),
    term("other", "Other", "Другое", "Башка", "Boshqa", "Дигар"),
]

HOUSEHOLD_ROLE = [
    term("head", "Head of household", "Глава домохозяйства", "Үй-бүлө башчысы", "Xonadon boshligʻi",
         "Сарвари хонавода"),
    term("spouse", "Spouse", "Супруга", "Жубай", "Turmush oʻrtogʻi", "Ҳамсар"),
    term("kelin", "Daughter-in-law (kelin)", "Невестка (келин)", "Келин", "Kelin", "Арӯс (келин)"),
    term("daughter", "Daughter", "Дочь", "Кыз", "Qiz", "Духтар"),
    term("mother", "Mother", "Мать", "Эне", "Ona", "Модар"),
    term("other", "Other", "Другое", "Башка", "Boshqa", "Дигар"),
]

VOCABULARIES: dict[str, list[dict]] = {
    "migrant_status": MIGRANT_STATUS,
    "violation": VIOLATION,
    "perpetrator": PERPETRATOR,
    "intervention": INTERVENTION,
    "right": RIGHT,
    "region": REGION,
    "work_sector": WORK_SECTOR,
    "household_role": HOUSEHOLD_ROLE,
}

ORDER_STEP = 10


def rows():
    """Every seeded term as (vocabulary, order, values), parents before their children."""
    for vocabulary, terms in VOCABULARIES.items():
        for position, values in enumerate(terms, start=1):
            yield vocabulary, position * ORDER_STEP, values


def load(term_model) -> int:
    """Create the seeded shared terms that are missing; leave existing ones (and their edits) alone.

    ``term_model`` is the Term model, historical (in the migration) or current. Returns how many were created.
    """
    created = 0
    for vocabulary, order, values in rows():
        if term_model.objects.filter(vocabulary=vocabulary, code=values["code"]).exists():
            continue
        parent = None
        if values["parent"]:
            parent = term_model.objects.get(vocabulary=vocabulary, code=values["parent"])
        fields = {k: v for k, v in values.items() if k not in {"code", "parent"}}
        term_model.objects.create(vocabulary=vocabulary, code=values["code"], parent=parent, programme=None,
                                  order=order, is_active=True, **fields)
        created += 1
    return created


def unload(term_model) -> int:
    """Remove the seeded shared terms again, children first, keeping any that evidence still refers to."""
    from django.db import IntegrityError, transaction
    from django.db.models import ProtectedError

    removed = 0
    for vocabulary, _order, values in reversed(list(rows())):
        term_qs = term_model.objects.filter(vocabulary=vocabulary, code=values["code"], programme=None)
        try:
            with transaction.atomic():
                removed += term_qs.delete()[0]
        except (ProtectedError, IntegrityError):
            continue
    return removed
