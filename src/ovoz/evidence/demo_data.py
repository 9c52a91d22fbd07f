# ruff: noqa: E501 -- transcripts keep one speaker turn per line, as they were typed.
"""The fictional demo evidence itself: participants' attributes and consents, interviews in the partners'
languages (some with an English translation), consultations and incidents for each partnership.

Loaded by ``ovoz.evidence.demo``; nothing here names a real person."""

import datetime
from decimal import Decimal

from ovoz.evidence.services.consent import ALL_SCOPES

D = datetime.date
EVERYTHING = ALL_SCOPES
NO_NAME = [s for s in ALL_SCOPES if s != "attribution"]
NOT_SHARED = ["analysis", "quotes", "statistics"]
ANALYSIS_ONLY = ["analysis", "statistics"]


def p(status, age, region, destination, sector, role, method, language, scopes):
    return {"status": status, "age": age, "region": region, "destination": destination, "sector": sector,
            "role": role, "method": method, "language": language, "scopes": scopes}


# --- Interviews (transcripts in the partners' languages) ------------------------------------------------------

RP_KY = """Изилдөөчү: Саламатсызбы. Сиз менен болгон маек жашыруун болот, атыңыз эч жерде жазылбайт. Ак-Жарга качан көчүп келдиңиз?
Катышуучу: Нарындан 2019-жылы күйөөм менен келдик. Айылда жумуш жок, мал да аз калды. Бул жакта жер сатып алып, өзүбүз там салдык, бирок азыр да кагаздарыбыз толук эмес.
Изилдөөчү: Кайсы жерде иштейсиз?
Катышуучу: Тигүү цехинде иштейм. Эртең мененки сегизден кечки тогузга чейин иштейбиз, кээде жекшембиде да чакырышат. Келишим жок, баары оозеки. Кожоюн ар бир буюм үчүн төлөйм деген.
Изилдөөчү: Эмгек акыңызды убагында алып жатасызбы?
Катышуучу: Жок. Март, апрель, май айларындагы акчаны бербей койду. "Буюмдар сатылганда берем" деди. Биз он бир аял элек, баарыбызга карыз. Мен болжол менен он сегиз миң сом алышым керек. Үйдө үч балам бар, кайненем да биз менен турат, акча жетпейт.
Изилдөөчү: Кимге кайрылдыңыз?
Катышуучу: Адегенде коркуп жүрдүк, анткени жумуштан айдап салат деп ойлодук. Кийин коомдук уюмдун юристи менен жолугуп, эмгек инспекциясына арыз жаздык. Алты миң сомду кайтарып беришти, калганы али жок.
Изилдөөчү: Сиз үчүн эмне өзгөрүшү керек?
Катышуучу: Жазуу жүзүндө келишим болушу керек, анан иш убактыбыз сакталышы керек. Биз дагы жумушчуларбыз, биздин да укуктарыбыз бар. Ушул жерде аялдар чогулуп сүйлөшө баштагандан бери мен өзүмдү күчтүүрөөк сезип калдым."""

RP_KY_EN = """Researcher: Hello. This conversation is confidential; your name will not be written anywhere. When did you move to Ak-Zhar?
Participant: My husband and I came from Naryn in 2019. There is no work in the village and we had few animals left. Here we bought land and built a house ourselves, but our papers are still not complete.
Researcher: Where do you work?
Participant: I work in a sewing workshop. We work from eight in the morning until nine at night, and sometimes they call us in on Sundays too. There is no contract, everything is oral. The owner said he would pay for each piece.
Researcher: Are you paid on time?
Participant: No. He did not pay the money for March, April and May. He said, "I will pay when the goods are sold." There were eleven of us women, and he owes all of us. I should receive about eighteen thousand som. I have three children at home, my mother-in-law lives with us too, and the money is not enough.
Researcher: Whom did you turn to?
Participant: At first we were afraid, because we thought he would throw us out of the job. Later we met the lawyer of a community organisation and wrote a complaint to the labour inspection. They got six thousand som back for us; the rest has not come yet.
Researcher: What needs to change for you?
Participant: There must be a written contract, and our working hours must be respected. We are workers too, we have rights too. Since the women here started meeting and talking together, I have begun to feel stronger."""

RP_RU = """Исследовательница: Спасибо, что согласились поговорить. Расскажите, как вы оказались в Ак-Жаре.
Участница: Я из Ошской области, приехала в Бишкек восемь лет назад, после развода. Детей сначала оставила у мамы, потом забрала к себе. Сначала снимали комнату, потом купили маленький участок в Ак-Жаре. Там нет нормальной воды, дороги разбиты, зимой трудно.
Исследовательница: Где вы работаете сейчас?
Участница: В швейном цехе, шьём спецодежду. Работаем по двенадцать часов, иногда больше, когда срочный заказ. Договора нет ни у кого. Хозяин говорит: если не нравится, за воротами очередь. Больничных нет, отпуска нет. Если заболела, за эти дни не платят.
Исследовательница: Пытались ли вы требовать договор?
Участница: Одна девушка попросила, её на следующий день уволили. После этого все молчат. Без договора у нас и стаж не идёт, и пенсии потом не будет. Я об этом раньше не думала, а на наших встречах поняла, что это важно.
Исследовательница: Что помогло бы вам?
Участница: Чтобы трудовая инспекция приходила не только на большие фабрики, но и в такие цеха. Чтобы в Ак-Жаре был пункт, куда можно прийти за консультацией. И чтобы нас, жительниц новостроек, перестали считать людьми второго сорта. Мы за всё платим, работаем на город, а прав у нас меньше.
Исследовательница: Вы согласны, чтобы ваши слова вошли в брифер без имени?
Участница: Да, пусть люди знают. Только без имени и без названия цеха."""

HRAC_RU = """Исследовательница: Эта беседа записывается только для нашей команды, ваше имя нигде не появится. Расскажите о себе.
Участница: Мне тридцать четыре года, я из Баткенской области. Шестой год живём в новостройке на окраине Бишкека, у меня четверо детей. Дом построили сами, но документов на землю нет, поэтому прописаться не можем.
Исследовательница: Что происходит без прописки?
Участница: Всё закрыто. Младшего сына не взяли в детский сад, сказали, что нет регистрации по району. В поликлинике тоже отправили по месту прописки, а это в Баткене, за тысячу километров. Пособие на детей я получать не могу, потому что документы надо подавать там, где прописан.
Исследовательница: Вы говорили о случае с милицией.
Участница: Да. В прошлом году я пошла в паспортный стол узнать про временную регистрацию. На выходе ко мне подошёл сотрудник милиции, проверил паспорт и сказал, что я нарушаю правила регистрации и мне грозит штраф. Потом сказал, что можно «решить на месте». Я отдала ему две тысячи сомов, это были деньги на продукты. Квитанции, конечно, не было.
Исследовательница: Вы кому-нибудь сообщили?
Участница: Сначала нет, было стыдно и страшно. Потом на встрече нашей группы я рассказала, и оказалось, что с тремя женщинами было то же самое. Юрист помогла нам написать обращения в прокуратуру и омбудсмену. Ответ пока формальный.
Исследовательница: Чего вы хотите добиться?
Участница: Чтобы регистрация была простой и бесплатной, и чтобы без неё детям не отказывали в саду и в больнице. Мы тоже граждане этой страны."""

HRAC_KY = """Изилдөөчү: Саламатсызбы, маекке макул болгонуңуз үчүн рахмат. Атыңыз жазылбайт, каалаган убакта токтото аласыз.
Катышуучу: Макул. Мен Жалал-Абад облусунан келгем, Бишкекке көчүп келгениме жети жыл болду. Азыр жаңы конуштардын биринде жашайбыз.
Изилдөөчү: Мамлекеттик кызматтарды алууда кандай кыйынчылыктар болду?
Катышуучу: Эң чоң көйгөй — каттоо. Үйүбүздүн документтери жок болгондуктан, бизди бул жерге каттабай коюшту. Балдарыма «Үй-бүлөгө көмөк» жөлөкпулун алайын деп социалдык өнүгүү бөлүмүнө бардым. Алар: «Сиз Жалал-Абадда катталгансыз, ошол жакка барыңыз» дешти. Ал жакка барып келүүгө эле акча керек, анан ай сайын кагаз алып барыш керек.
Изилдөөчү: Башка кызматтар кандай?
Катышуучу: Конушта суу түтүгү жок, сууну бочка менен сатып алабыз. Мектеп толуп кеткен, балдар үч сменада окушат. Мэриядагылар «бул жер расмий эмес» деп эле коюшат. Бирок биз бул жерде жашайбыз, салык төлөйбүз, шаарда иштейбиз.
Изилдөөчү: Кайрылуулар болдубу?
Катышуучу: Ооба, топ болуп мэрияга кайрылуу жаздык, жүздөн ашык аял кол койду. Укук коргоо борборунун юристтери жардам беришти. Азырынча жооп келе элек, бирок биз токтобойбуз.
Изилдөөчү: Эмнени өзгөртүү керек деп ойлойсуз?
Катышуучу: Каттоо иш жүзүндө жашаган жер боюнча болушу керек. Ошондо жөлөкпул да, бала бакча да, оорукана да жеткиликтүү болот. Ички мигрант аялдардын үнү угулушу керек."""

HRAC_KY_EN = """Researcher: Hello, thank you for agreeing to this interview. Your name will not be recorded, and you can stop at any time.
Participant: All right. I came from Jalal-Abad region; it is seven years since I moved to Bishkek. Now we live in one of the new settlements.
Researcher: What difficulties have you had in getting state services?
Participant: The biggest problem is registration. Because our house has no documents, they would not register us here. I went to the social development office to get the "Support for families" allowance for my children. They said: "You are registered in Jalal-Abad, go there." Just travelling there costs money, and you have to take papers there every month.
Researcher: What about other services?
Participant: The settlement has no water pipe; we buy water by the barrel. The school is overcrowded, children study in three shifts. People at the city hall just say "this place is not official". But we live here, we pay taxes, we work in the city.
Researcher: Have there been any appeals?
Participant: Yes, as a group we wrote an appeal to the city hall, and more than a hundred women signed it. The lawyers of the human rights centre helped us. There is no answer yet, but we will not stop.
Researcher: What do you think needs to change?
Participant: Registration should follow the place where people actually live. Then allowances, kindergartens and hospitals will be within reach. The voices of women internal migrants must be heard."""

AWA_LATN = """Tadqiqotchi: Assalomu alaykum. Suhbatimiz maxfiy boʻladi, ismingiz hech qayerda yozilmaydi. Oʻzingiz haqingizda gapirib bering.
Ishtirokchi: Men Fargʻona viloyatidanman, qirq bir yoshdaman. Besh yil Rossiyada ishladim, avval issiqxonada, keyin oshxonada. Oʻtgan yili onam kasal boʻlib qolgani uchun qaytib keldim.
Tadqiqotchi: Qaytib kelgandan keyin qanday qiyinchiliklarga duch keldingiz?
Ishtirokchi: Eng avvalo ish topish qiyin boʻldi. Mahallada ish yoʻq, fermer xoʻjaligida mavsumiy ish bor, lekin haqi juda kam. Bandlik markaziga bordim, roʻyxatga olishdi, ammo hech qanday taklif boʻlmadi. Kasb oʻrganish kurslari haqida eshitdim, lekin ular shaharda va yoʻl haqi qimmat.
Tadqiqotchi: Bolalar nafaqasi masalasida nima boʻldi?
Ishtirokchi: Ikki farzandim bor. Bolalar nafaqasiga hujjat topshirdim, lekin rad etishdi. Daromadingiz hisobga olinmagan, chet elda ishlaganingizni tasdiqlovchi hujjat kerak, deyishdi. Rossiyada rasmiy shartnomam yoʻq edi, uni qayerdan olaman? Mahalla raisi ham yordam bera olmadi.
Tadqiqotchi: Oilada vaziyat qanday?
Ishtirokchi: Erim hali ham Rossiyada, lekin pulni kam yuboradi. Qaynonam meni qaytib kelganim uchun ayblaydi. Qoʻshnilar ham gapiradi: chet elda yurgan ayol, deb. Bu juda ogʻir.
Tadqiqotchi: Sizningcha, nima oʻzgarishi kerak?
Ishtirokchi: Qaytib kelgan ayollar uchun alohida dastur kerak: kichik kredit, kasb oʻrganish, bolalar nafaqasi uchun oddiy tartib. Bizning tajribamizni ham qadrlash kerak, biz koʻp narsani oʻrgandik. Guruhimizdagi ayollar bilan birga hokimiyatga murojaat yozmoqchimiz."""

AWA_LATN_EN = """Researcher: Hello. Our conversation is confidential; your name will not be written anywhere. Please tell me about yourself.
Participant: I am from Fergana region, I am forty-one. I worked in Russia for five years, first in a greenhouse, then in a canteen. I came back last year because my mother fell ill.
Researcher: What difficulties did you face after coming back?
Participant: First of all, it was hard to find work. There is no work in the mahalla; there is seasonal work on a farm, but the pay is very low. I went to the employment centre; they registered me, but there was no offer at all. I heard about vocational courses, but they are in the city and the fare is expensive.
Researcher: What happened about the child allowance?
Participant: I have two children. I applied for the child allowance, but they refused. They said my income had not been taken into account and that I needed a document proving I had worked abroad. I had no official contract in Russia, so where would I get it? The head of the mahalla could not help either.
Researcher: How are things in the family?
Participant: My husband is still in Russia, but he sends little money. My mother-in-law blames me for coming back. The neighbours talk too: "a woman who has been abroad", they say. It is very hard.
Researcher: In your opinion, what should change?
Participant: There should be a special programme for women who come back: small loans, vocational training, a simple procedure for the child allowance. Our experience should be valued too; we learned a lot. Together with the women of our group we want to write an appeal to the district administration."""

AWA_CYRL = """Тадқиқотчи: Ассалому алайкум. Суҳбатимиз махфий, исмингиз ҳеч қаерда ёзилмайди.
Иштирокчи: Раҳмат. Мен Фарғона туманиданман, ўттиз етти ёшдаман. Уч йил Қозоғистонда, Туркистон вилоятидаги пахта ва сабзавот далаларида ишладим.
Тадқиқотчи: У ердаги иш шароитлари қандай эди?
Иштирокчи: Эрталаб олтидан кечгача далада эдик. Воситачи бизни олиб борди, паспортларимизни «хавфсизлик учун» ўзида сақлади. Шартнома йўқ эди. Охирги мавсумда иш ҳақи тўланмади, воситачи хўжайин пул бермади, деди. Ҳар биримизга тахминан юз эллик минг тенге қарз қолди.
Тадқиқотчи: Уйга қандай қайтдингиз?
Иштирокчи: Паспортни зўрға қайтариб олдик, қариндошлар йўл пулини юборишди. Қайтгандан кейин қарзга ботдим, чунки оила пулга муҳтож эди.
Тадқиқотчи: Ҳозир ҳаётингиз қандай?
Иштирокчи: Томорқада ишлайман, баъзан қўшни фермерга ёрдам бераман. Бандлик марказидан ёрдам сўрадим, лекин менга мос иш йўқ, дейишди. Аёллар учун тикувчилик курси бор экан, лекин жой кам.
Тадқиқотчи: Ассоциацияга қандай келдингиз?
Иштирокчи: Маҳалладаги аёллар йиғилишида эшитдим. Бу ерда биринчи марта ўз ҳуқуқларим ҳақида эшитдим. Энди биламанки, паспортни олиб қўйиш қонунга зид. Бошқа аёлларга ҳам айтаман: кетишдан олдин шартнома сўранглар.
Тадқиқотчи: Нимани ўзгартириш керак?
Иштирокчи: Давлат қайтиб келган аёлларга ҳақиқий ёрдам бериши керак: иш, касб, кичик кредит. Хорижда ишлаганимиз учун бизни айбламасликлари керак."""

GH_TG = """Муҳаққиқ: Ассалому алейкум. Суҳбати мо махфӣ аст, номи шумо дар ҳеҷ ҷо навишта намешавад. Ҳар вақт хоҳед, метавонем қатъ кунем.
Иштирокчӣ: Раҳмат. Ман сию ду сола ҳастам, аз ноҳияе дар наздикии Бохтар. Се сол бо шавҳарам дар Русия кор кардам, дар як ошхона зарф мешустам. Соли гузашта бо ду фарзандам баргаштам.
Муҳаққиқ: Баъд аз баргаштан зиндагӣ чӣ гуна шуд?
Иштирокчӣ: Шавҳарам дар Русия монд. Ман дар хонаи хушдоманам зиндагӣ мекунам. Аввал ҳама чиз хуб буд, баъд шавҳарам қариб пул намефиристод. Хушдоманам маро айбдор мекард, ки кор намекунам. Шавҳарам, вақте ки ба хона омад, маро зад. Пулҳоеро, ки ман дар Русия ҷамъ карда будам, гирифт ва гуфт, ки ту ба онҳо ҳақ надорӣ.
Муҳаққиқ: Шумо ба кӣ муроҷиат кардед?
Иштирокчӣ: Аввал ба ҳеҷ кас нагуфтам, шарм доштам. Баъд ҳамсояам маро ба гурӯҳи занони Ғамхорӣ овард. Онҳо маро ба маркази бӯҳронӣ фиристоданд. Дар он ҷо равоншинос ва ҳуқуқшинос бо ман сӯҳбат карданд. Ҳоло ман медонам, ки ордери ҳимоявӣ гирифтан мумкин аст.
Муҳаққиқ: Оё ба милитсия ариза додед?
Иштирокчӣ: Ҳа, бо ёрии ҳуқуқшинос. Нозири минтақавӣ омад, бо шавҳарам гап зад, аммо гуфт, ки ин масъалаи оилавӣ аст. Ба ман маслиҳат доданд, ки оиларо вайрон накунам.
Муҳаққиқ: Ба фикри шумо чӣ бояд тағйир ёбад?
Иштирокчӣ: Занҳое, ки аз муҳоҷират бармегарданд, бояд ҷои бехатар ва дастгирӣ дошта бошанд. Милитсия бояд қонунро иҷро кунад, на ин ки моро ба сабр даъват кунад. Ва мо бояд кор дошта бошем, то аз шавҳар вобаста набошем."""

GH_TG_EN = """Researcher: Hello. Our conversation is confidential; your name will not be written anywhere. We can stop whenever you wish.
Participant: Thank you. I am thirty-two, from a district near Bokhtar. For three years I worked in Russia with my husband, washing dishes in a canteen. Last year I came back with my two children.
Researcher: How did life go after you came back?
Participant: My husband stayed in Russia. I live in my mother-in-law's house. At first everything was fine, then my husband sent almost no money. My mother-in-law blamed me for not working. When my husband came home, he beat me. He took the money I had saved in Russia and said I had no right to it.
Researcher: Whom did you turn to?
Participant: At first I told no one; I was ashamed. Then my neighbour brought me to Ghamkhori's women's group. They sent me to the crisis centre. There a psychologist and a lawyer talked with me. Now I know that a protection order can be obtained.
Researcher: Did you file a complaint with the police?
Participant: Yes, with the lawyer's help. The district inspector came and talked to my husband, but said it was a family matter. They advised me not to break up the family.
Researcher: In your opinion, what should change?
Participant: Women who come back from migration should have a safe place and support. The police must apply the law instead of telling us to be patient. And we must have work, so that we do not depend on our husbands."""

GH_RU = """Исследовательница: Спасибо, что пришли. Всё, что вы скажете, останется в нашей команде, имя мы не записываем.
Участница: Мне двадцать семь лет, я из Хатлонской области. Вышла замуж в девятнадцать, через год муж уехал в Россию, потом забрал и меня. Работала в Подмосковье на складе, фасовала овощи.
Исследовательница: Почему вы вернулись?
Участница: Забеременела, и муж отправил меня домой, к своим родителям. Сказал, что там будет легче. Но в доме свекрови мне не давали выходить, мой паспорт свёкор держал у себя. Деньги, которые присылал муж, получала свекровь, мне не давали даже на лекарства для ребёнка.
Исследовательница: Как вы это переживали?
Участница: Было очень тяжело. Меня постоянно упрекали, говорили, что Россия меня испортила. Я перестала спать, боялась говорить. Потом муж позвонил и сказал, что берёт вторую жену, а мне надо ждать.
Исследовательница: Что вы сделали?
Участница: Соседка рассказала мне про группу женщин, которую собирает Гамхори. Я пришла туда тайком. Там я узнала, что то, что со мной происходит, тоже насилие, не только побои. Юрист помогла мне вернуть паспорт через местный хукумат. Сейчас я живу у своей мамы и учусь шить.
Исследовательница: О чём важно сказать в брифере?
Участница: Что жёны мигрантов остаются без защиты. У нас нет своих денег, нет документов, нет голоса в доме. Нужны курсы, работа и место, где женщину выслушают и не отправят обратно."""

DM_TG = """Муҳаққиқ: Ассалому алейкум. Номи шумо навишта намешавад, мо танҳо таҷрибаи шуморо сабт мекунем.
Иштирокчӣ: Ман аз Хуҷанд ҳастам, чилу се сола. Чор сол дар Русия, дар вилояти Маскав кор кардам. Ба он ҷо тавассути як миёнарав рафтам, ӯ ваъда дод, ки ҷои кор ва ҳуҷҷатҳоро омода мекунад.
Муҳаққиқ: Дар он ҷо чӣ шуд?
Иштирокчӣ: Дар анбори сабзавот кор мекардем, рӯзе дувоздаҳ-сенздаҳ соат. Миёнарав шиносномаҳои моро гирифт ва гуфт, ки барои патент лозим аст. Се моҳи охир музди меҳнатро пардохт накарданд, тақрибан навад ҳазор рубл. Вақте ки пул талаб кардем, гуфтанд, ки агар шикоят кунем, моро депорт мекунанд.
Муҳаққиқ: Шумо чӣ тавр баргаштед?
Иштирокчӣ: Бо ёрии ҳамватанон ва консулгарӣ шиносномаамро баргардондам. Пулро ҳеҷ гоҳ нагирифтам. Баргаштам ва ҳоло дар як сехи дӯзандагӣ дар Хуҷанд кор мекунам, аммо дар ин ҷо ҳам шартномаи хаттӣ нест ва музд кам аст.
Муҳаққиқ: Кадом дастгирӣ ба шумо кӯмак мекард?
Иштирокчӣ: Агар пеш аз рафтан медонистам, ки ҳуқуқҳоям чист, шиносномаамро ба касе намедодам. Ҳоло дар гурӯҳи занон дар бораи кори арзанда ва ҳуқуқҳои меҳнатӣ меомӯзем. Мо мехоҳем, ки давлат миёнаравҳоро назорат кунад ва барои занони баргашта ҷойҳои кори арзанда бошад.
Муҳаққиқ: Оё мехоҳед, ки суханони шумо дар брифер оварда шаванд?
Иштирокчӣ: Ҳа, бе ном. Бигзор дигар занон огоҳ бошанд."""

DM_RU = """Исследовательница: Расскажите, пожалуйста, о своей работе сейчас.
Участница: Я вернулась из Екатеринбурга два года назад, когда сын пошёл в школу. Сейчас работаю в швейном цехе в Худжанде. Нас там около тридцати женщин, почти все вернувшиеся мигрантки или жёны мигрантов.
Исследовательница: Какие условия в цехе?
Участница: Работаем с восьми до восьми, шесть дней в неделю. Летом очень жарко, вентиляции нет, пыль от ткани. У одной женщины в прошлом месяце рука попала под машинку, хозяин дал немного денег и сказал никому не говорить. Договоров нет, взносы в соцстрах никто не платит. Значит, и пенсии у нас не будет.
Исследовательница: Пытались ли вы что-то изменить?
Участница: Мы с двумя подругами спросили хозяина про договор. Он ответил, что если нас оформить, зарплата станет меньше из-за налогов. Многие боятся потерять работу, потому что другой работы в городе мало.
Исследовательница: Что дали вам встречи в группе?
Участница: Я поняла, что достойный труд — это не просто зарплата. Это безопасность, отдых, договор, право объединяться. Мы написали обращение в местную инспекцию труда, Дунёи Мухаббат помогла составить текст. Пока ждём ответа.
Исследовательница: Что вы хотите сказать тем, кто принимает решения?
Участница: Вернувшиеся женщины хотят работать дома, рядом с детьми. Но для этого нужны нормальные рабочие места и проверки в таких маленьких цехах. Мы не просим милости, мы просим соблюдать закон."""

# --- The five partnerships ------------------------------------------------------------------------------------

PARTNERS = {
    "ravnyeprava": {
        "participants": [
            p("internal", "25-29", "kg-naryn", "Bishkek, Ak-Zhar", "garment", "kelin", "oral", "ky", NO_NAME),
            p("internal", "30-39", "kg-osh-region", "Bishkek, Ak-Zhar", "garment", "head", "written", "ru", NO_NAME),
            p("internal", "18-24", "kg-batken", "Bishkek, Ak-Zhar", "trade", "daughter", "oral", "ky", NO_NAME),
            p("internal", "40-49", "kg-jalal-abad", "Bishkek, Ak-Zhar", "cleaning", "spouse", "oral", "ru",
              ANALYSIS_ONLY),
            p("internal", "30-39", "kg-talas", "Bishkek, Ak-Zhar", "garment", "kelin", "written", "ky", NO_NAME),
            p("returned", "30-39", "kg-issyk-kul", "Bishkek, Ak-Zhar", "domestic-work", "head", "oral", "ru",
              NOT_SHARED),
            p("internal", "25-29", "kg-naryn", "Bishkek, Ak-Zhar", "trade", "spouse", "oral", "ky", NO_NAME),
            p("internal", "50-59", "kg-osh-region", "Bishkek, Ak-Zhar", "construction", "mother", "oral", "ky",
              NO_NAME),
        ],
        "consultation": {
            "title": "(fictional) Consultation with women of Ak-Zhar on work and wages", "date": D(2023, 4, 15),
            "place": "Community room, Ak-Zhar, Bishkek", "language": "ky", "participants": [0, 2, 3, 4, 6, 7],
            "stakeholders_present": "Women internal migrants living in Ak-Zhar; the partner's lawyer. No officials "
                                    "or employers were present.",
            "outcomes": "Women mapped where they work and who owes them wages; eleven agreed to document unpaid "
                        "wages. The group decided to seek a meeting with the labour inspection and to ask the "
                        "district for a consultation point in Ak-Zhar.",
            "notes": "Held in Kyrgyz and Russian. Childcare was arranged in the next room so that mothers could "
                     "take part.",
        },
        "interviews": [
            {"title": "(fictional) Interview: wages withheld at a sewing workshop (Kyrgyz)", "date": D(2023, 5, 20),
             "place": "Ak-Zhar, Bishkek", "language": "ky", "participants": [0], "transcript": RP_KY,
             "translation_en": RP_KY_EN},
            {"title": "(fictional) Interview: work without a contract (Russian)", "date": D(2023, 6, 3),
             "place": "Ak-Zhar, Bishkek", "language": "ru", "participants": [1], "transcript": RP_RU},
        ],
        "incidents": [
            {"title": "(fictional) Wages withheld for three months at a sewing workshop in Ak-Zhar",
             "narrative": "The owner of a small sewing workshop did not pay eleven women for March to May 2023, "
                          "saying he would pay once the goods were sold. After a complaint to the labour "
                          "inspection part of the wages was paid.",
             "date": D(2023, 3, 1), "date_precision": "month", "end_date": D(2023, 5, 1), "country": "KG",
             "region": "kg-bishkek", "city": "Bishkek, Ak-Zhar", "status": "confirmed",
             "rights": ["icescr-7", "cedaw-11"],
             "acts": [("unpaid-wages", [0, 4], "employer"), ("excessive-hours", [0, 4], "employer")],
             "interventions": [
                 ("labour-inspection", D(2023, 6, 12), "The women, with the partner's lawyer",
                  "The inspection visited the workshop and ordered the owner to pay.",
                  "6,000 som paid to each woman; the rest is still owed.", "ongoing"),
                 ("ngo-legal-aid", D(2023, 6, 1), "Ravnye Prava lawyer", "Complaint drafted with the women.",
                  "", "resolved"),
             ],
             "links": [(0, "victim", "high"), ("consultation", "witness", "medium")],
             "labour": {"employer_type": "private_person", "employer_name": "(fictional) owner of a sewing workshop",
                        "contract": "oral", "wages_owed": Decimal("18000.00"), "currency": "KGS",
                        "wages_period": "March–May 2023", "hours_per_week": 72, "documents_confiscated": False,
                        "recovered_amount": Decimal("6000.00")}},
            {"title": "(fictional) Garment workers kept without written contracts",
             "narrative": "Women sewing workwear in a workshop near Ak-Zhar work twelve-hour days without written "
                          "contracts, sick leave or holidays; a worker who asked for a contract was dismissed the "
                          "next day.",
             "date": D(2023, 1, 1), "date_precision": "year", "country": "KG", "region": "kg-bishkek",
             "city": "Bishkek", "status": "likely", "rights": ["icescr-7", "icescr-9"],
             "acts": [("no-contract", [1], "employer"), ("unfair-dismissal", [], "employer")],
             "interventions": [],
             "links": [(1, "victim", "high")],
             "labour": {"employer_type": "company", "contract": "none", "hours_per_week": 72,
                        "documents_confiscated": False}},
        ],
        "withdrawals": [(2, ["quotes"], D(2024, 3, 12)), (6, ["coordinators"], D(2024, 4, 2)),
                        (5, None, D(2024, 5, 14))],
    },
    "hrac": {
        "participants": [
            p("internal", "30-39", "kg-batken", "Bishkek, new settlement", "trade", "head", "oral", "ru", NO_NAME),
            p("internal", "30-39", "kg-jalal-abad", "Bishkek, new settlement", "services", "spouse", "written", "ky",
              NO_NAME),
            p("internal", "25-29", "kg-osh-region", "Bishkek, new settlement", "cleaning", "kelin", "oral", "ky",
              NO_NAME),
            p("internal", "40-49", "kg-naryn", "Bishkek, new settlement", "hospitality", "mother", "oral", "ky",
              NOT_SHARED),
            p("internal", "18-24", "kg-talas", "Bishkek", "trade", "daughter", "oral", "ru", NO_NAME),
            p("family-left-behind", "30-39", "kg-batken", "Bishkek", "unemployed", "spouse", "written", "ky",
              ANALYSIS_ONLY),
            p("internal", "50-59", "kg-issyk-kul", "Bishkek, new settlement", "domestic-work", "head", "oral", "ru",
              NO_NAME),
        ],
        "consultation": {
            "title": "(fictional) Consultation on registration and access to municipal services",
            "date": D(2023, 5, 20), "place": "Partner's office, Bishkek", "language": "ru",
            "participants": [0, 1, 2, 3, 4],
            "stakeholders_present": "Women internal migrants from new settlements around Bishkek; two lawyers of "
                                    "the partner.",
            "outcomes": "Participants listed the services refused for lack of registration (kindergarten, clinic, "
                        "family allowance). Three women reported demands for money by police at the passport "
                        "office. An appeal to the city hall was drafted; more than a hundred women later signed it.",
            "notes": "Held in Russian and Kyrgyz in the partner's meeting room, with only women present.",
        },
        "interviews": [
            {"title": "(fictional) Interview: registration and a demand for money (Russian)", "date": D(2023, 6, 8),
             "place": "Bishkek", "language": "ru", "participants": [0], "transcript": HRAC_RU},
            {"title": "(fictional) Interview: allowance refused without registration (Kyrgyz)",
             "date": D(2023, 6, 15), "place": "Bishkek", "language": "ky", "participants": [1],
             "transcript": HRAC_KY, "translation_en": HRAC_KY_EN},
        ],
        "incidents": [
            {"title": "(fictional) Money demanded by a police officer at the passport office",
             "narrative": "Leaving the passport office after asking about temporary registration, a woman was "
                          "stopped by a police officer who threatened a fine and took 2,000 som without a receipt. "
                          "Three other women reported the same.",
             "date": D(2022, 9, 1), "date_precision": "month", "country": "KG", "region": "kg-bishkek",
             "city": "Bishkek", "status": "likely", "rights": ["iccpr-12", "iccpr-26"],
             "acts": [("police-extortion", [0], "police")],
             "interventions": [
                 ("prosecutor", D(2023, 7, 3), "The women, with the partner's lawyer", "A formal acknowledgement.",
                  "", "ongoing"),
                 ("ombudsman", D(2023, 7, 3), "The women, with the partner's lawyer", "", "", "ongoing"),
             ],
             "links": [(0, "victim", "high"), ("consultation", "witness", "medium")]},
            {"title": "(fictional) Family allowance and kindergarten refused for lack of registration",
             "narrative": "Women living in a new settlement without land documents cannot register there; the "
                          "social development office and a kindergarten refused them, sending them to their "
                          "villages of registration.",
             "date": D(2023, 2, 1), "date_precision": "approximate", "country": "KG", "region": "kg-bishkek",
             "city": "Bishkek, new settlement", "status": "confirmed",
             "rights": ["icescr-9", "iccpr-26", "iccpr-12"],
             "acts": [("registration-services", [0, 1], "state-official"), ("child-allowance", [1], "state-official")],
             "interventions": [
                 ("local-government", D(2023, 10, 2), "More than a hundred women of the settlement",
                  "Received by the city hall's reception office.", "", "ongoing"),
             ],
             "links": [(1, "victim", "high"), (0, "witness", "medium")]},
        ],
        "withdrawals": [(2, ["quotes", "attribution"], D(2024, 2, 20)), (4, ["un_authorities"], D(2024, 3, 28)),
                        (6, None, D(2024, 4, 30))],
    },
    "awa-fergana": {
        "participants": [
            p("returned", "40-49", "uz-fergana", "Fergana region (returned from Russia)", "agriculture", "kelin",
              "oral", "uz", NO_NAME),
            p("returned", "30-39", "uz-fergana", "Fergana region (returned from Kazakhstan)", "agriculture", "spouse",
              "written", "uz", NO_NAME),
            p("returned", "25-29", "uz-fergana", "Fergana region (returned from Russia)", "unemployed", "kelin",
              "oral", "uz", NO_NAME),
            p("returned", "30-39", "uz-andijan", "Fergana region (returned from Russia)", "garment", "head", "oral",
              "uz", NOT_SHARED),
            p("potential", "18-24", "uz-fergana", "Fergana region", "trade", "daughter", "oral", "uz", NO_NAME),
            p("returned", "40-49", "uz-namangan", "Fergana region (returned from Türkiye)", "care", "mother",
              "written", "ru", NO_NAME),
            p("family-left-behind", "30-39", "uz-fergana", "Fergana region", "agriculture", "kelin", "oral", "uz",
              ANALYSIS_ONLY),
        ],
        "consultation": {
            "title": "(fictional) Consultation with returned women migrants in a Fergana mahalla",
            "date": D(2023, 6, 10), "place": "Mahalla community centre, Fergana region", "language": "uz",
            "participants": [0, 2, 3, 4, 6],
            "stakeholders_present": "Returned women migrants; a women's activist of the mahalla. At the women's "
                                    "request no officials were present.",
            "outcomes": "Women named the main barriers to reintegration: no jobs nearby, refused allowances, and "
                        "stigma. They asked the association to invite the employment centre to a follow-up meeting "
                        "and to collect cases of refused child allowances.",
            "notes": "Held in Uzbek. Tea and childcare were provided; the meeting was set after the cotton harvest.",
        },
        "interviews": [
            {"title": "(fictional) Interview: coming back and the child allowance (Uzbek, Latin script)",
             "date": D(2023, 7, 5), "place": "Fergana region", "language": "uz", "participants": [0],
             "transcript": AWA_LATN, "translation_en": AWA_LATN_EN},
            {"title": "(fictional) Interview: seasonal work in Kazakhstan (Uzbek, Cyrillic script)",
             "date": D(2023, 7, 19), "place": "Fergana region", "language": "uz", "participants": [1],
             "transcript": AWA_CYRL},
        ],
        "incidents": [
            {"title": "(fictional) Child allowance refused after return from Russia",
             "narrative": "A woman who returned from five years of work in Russia applied for the child allowance "
                          "and was refused: she was asked for proof of income abroad, which she could not have "
                          "without a contract. The employment centre registered her but offered nothing.",
             "date": D(2023, 8, 1), "date_precision": "month", "country": "UZ", "region": "uz-fergana",
             "city": "Fergana region", "status": "confirmed", "rights": ["icescr-9", "icrmw-27"],
             "acts": [("child-allowance", [0], "state-official"), ("reintegration-barriers", [0], "state-official")],
             "interventions": [
                 ("local-government", D(2023, 9, 14), "The women's group, with the association",
                  "The district administration promised to review the cases.", "", "ongoing"),
                 ("ngo-legal-aid", D(2023, 9, 1), "AWA Fergana", "Advice on the documents needed.", "", "resolved"),
             ],
             "links": [(0, "victim", "high"), ("consultation", "witness", "medium")]},
            {"title": "(fictional) Passports held and wages unpaid on farms in Kazakhstan",
             "narrative": "An intermediary took women to cotton and vegetable fields in Turkistan region, kept their "
                          "passports and did not pay the last season's wages, saying the farmer had not paid him.",
             "date": D(2022, 1, 1), "date_precision": "year", "country": "KZ", "region": "kz-turkistan",
             "city": "", "status": "likely", "rights": ["icrmw-21", "icrmw-25", "icescr-7"],
             "acts": [("unpaid-wages", [1], "recruiter"), ("confiscated-documents", [1], "recruiter")],
             "interventions": [],
             "links": [(1, "victim", "high")],
             "labour": {"employer_type": "intermediary", "employer_name": "(fictional) labour intermediary",
                        "contract": "none", "wages_owed": Decimal("150000.00"), "currency": "KZT",
                        "wages_period": "Autumn 2022 season", "hours_per_week": 70, "documents_confiscated": True,
                        "documents_confiscated_by": "The intermediary", "recovered_amount": Decimal("0.00")}},
        ],
        "withdrawals": [(3, ["quotes"], D(2024, 3, 6)), (5, ["un_authorities", "coordinators"], D(2024, 4, 11)),
                        (4, None, D(2024, 5, 2))],
    },
    "ghamkhori": {
        "participants": [
            p("returned", "30-39", "tj-khatlon", "Bokhtar (returned from Russia)", "unemployed", "kelin", "oral", "tg",
              NO_NAME),
            p("returned", "25-29", "tj-khatlon", "Bokhtar (returned from Russia)", "garment", "kelin", "oral", "ru",
              NO_NAME),
            p("family-left-behind", "25-29", "tj-khatlon", "Bokhtar", "agriculture", "kelin", "oral", "tg",
              NOT_SHARED),
            p("returned", "40-49", "tj-khatlon", "Bokhtar (returned from Russia)", "trade", "head", "written", "tg",
              NO_NAME),
            p("returned", "30-39", "tj-khatlon", "Bokhtar (returned from Kazakhstan)", "cleaning", "spouse", "oral",
              "tg", ANALYSIS_ONLY),
            p("family-left-behind", "18-24", "tj-khatlon", "Bokhtar", "unemployed", "kelin", "oral", "tg", NO_NAME),
            p("returned", "30-39", "tj-drs", "Bokhtar (returned from Russia)", "agriculture", "mother", "oral", "tg",
              NO_NAME),
        ],
        "consultation": {
            "title": "(fictional) Consultation in a women-only safe space on violence after return",
            "date": D(2023, 6, 24), "place": "Ghamkhori women's centre, Bokhtar", "language": "tg",
            "participants": [0, 2, 3, 4, 5],
            "stakeholders_present": "Returned women migrants and wives of migrants; a psychologist of the crisis "
                                    "centre.",
            "outcomes": "Women described violence and control by husbands and in-laws after return. The group "
                        "agreed on a referral path to the crisis centre and a list of trusted lawyers, and decided "
                        "to write to the district about how police inspectors respond to complaints.",
            "notes": "Held in Tajik in a room without men or officials; a psychologist stayed afterwards for "
                     "individual talks.",
        },
        "interviews": [
            {"title": "(fictional) Interview: violence after return and the crisis centre (Tajik)",
             "date": D(2023, 8, 28), "place": "Bokhtar", "language": "tg", "participants": [0],
             "transcript": GH_TG, "translation_en": GH_TG_EN},
            {"title": "(fictional) Interview: a migrant's wife in her in-laws' house (Russian)",
             "date": D(2023, 9, 9), "place": "Bokhtar", "language": "ru", "participants": [1], "transcript": GH_RU},
        ],
        "incidents": [
            {"title": "(fictional) Domestic violence after return from migration; referral to a crisis centre",
             "narrative": "After returning from Russia a woman living with her in-laws was beaten by her husband, "
                          "who also took her savings; her mother-in-law blamed and insulted her. The women's group "
                          "referred her to the crisis centre; the district police inspector called it a family "
                          "matter.",
             "date": D(2023, 7, 1), "date_precision": "approximate", "country": "TJ", "region": "tj-khatlon",
             "city": "Bokhtar district", "status": "confirmed", "rights": ["cedaw-16", "iccpr-9"],
             "acts": [("physical-assault", [0], "partner"), ("denial-of-resources", [0], "partner"),
                      ("psychological-abuse", [0], "in-laws")],
             "interventions": [
                 ("crisis-centre", D(2023, 8, 3), "Ghamkhori women's group",
                  "A psychologist and a lawyer met her several times.",
                  "A safety plan; she knows how to ask for a protection order.", "resolved"),
                 ("police", D(2023, 8, 20), "The woman, with the crisis centre's lawyer",
                  "The district inspector spoke to the husband and called it a family matter.",
                  "No protection order was issued.", "rejected"),
             ],
             "links": [(0, "victim", "high"), ("consultation", "ngo", "medium")]},
            {"title": "(fictional) Passport kept and money withheld by in-laws",
             "narrative": "A pregnant woman sent home from Russia was kept in her in-laws' house: her father-in-law "
                          "kept her passport and her mother-in-law received all the money her husband sent.",
             "date": D(2022, 1, 1), "date_precision": "year", "country": "TJ", "region": "tj-khatlon",
             "city": "", "status": "confirmed", "rights": ["cedaw-16"],
             "acts": [("denial-of-resources", [1], "in-laws"), ("psychological-abuse", [1], "in-laws")],
             "interventions": [
                 ("ngo-legal-aid", D(2023, 4, 10), "Ghamkhori lawyer",
                  "The lawyer asked the local administration (hukumat) to intervene.",
                  "Her passport was returned; she now lives with her mother.", "resolved"),
             ],
             "links": [(1, "victim", "high")]},
        ],
        "withdrawals": [(3, ["quotes"], D(2024, 2, 27)), (5, ["coordinators"], D(2024, 3, 19)),
                        (6, None, D(2024, 5, 8))],
    },
    "dunyoi-muhabbat": {
        "participants": [
            p("returned", "40-49", "tj-sughd", "Khujand (returned from Russia)", "garment", "head", "oral", "tg",
              NO_NAME),
            p("returned", "30-39", "tj-sughd", "Khujand (returned from Russia)", "garment", "spouse", "written", "ru",
              NO_NAME),
            p("returned", "30-39", "tj-sughd", "Khujand (returned from Russia)", "garment", "kelin", "oral", "tg",
              NO_NAME),
            p("returned", "25-29", "tj-sughd", "Khujand (returned from Kazakhstan)", "trade", "daughter", "oral", "tg",
              NOT_SHARED),
            p("potential", "18-24", "tj-sughd", "Khujand", "unemployed", "daughter", "oral", "tg", NO_NAME),
            p("returned", "50-59", "tj-sughd", "Khujand (returned from Russia)", "hospitality", "mother", "written",
              "ru", ANALYSIS_ONLY),
            p("cross-border", "30-39", "tj-sughd", "Moscow region, Russia", "cleaning", "spouse", "oral", "tg",
              NO_NAME),
            p("returned", "40-49", "tj-sughd", "Khujand (returned from Russia)", "construction", "head", "oral", "tg",
              NO_NAME),
        ],
        "consultation": {
            "title": "(fictional) Consultation on decent work with returned women in Khujand",
            "date": D(2023, 9, 16), "place": "Partner's office, Khujand", "language": "tg",
            "participants": [0, 2, 3, 4, 7],
            "stakeholders_present": "Returned women migrants working in sewing workshops and markets; a labour "
                                    "lawyer.",
            "outcomes": "Women compared working conditions in local workshops with work abroad and defined decent "
                        "work in their own words: a contract, a safe workplace, rest, fair pay and social "
                        "insurance. They decided to write to the labour inspection about unsafe workshops.",
            "notes": "Held in Tajik and Russian, in a women-only space on a Saturday so that workers could come.",
        },
        "interviews": [
            {"title": "(fictional) Interview: an intermediary, a warehouse and unpaid wages (Tajik)",
             "date": D(2023, 10, 7), "place": "Khujand", "language": "tg", "participants": [0],
             "transcript": DM_TG},
            {"title": "(fictional) Interview: a sewing workshop in Khujand (Russian)", "date": D(2023, 10, 21),
             "place": "Khujand", "language": "ru", "participants": [1], "transcript": DM_RU},
        ],
        "incidents": [
            {"title": "(fictional) Wages unpaid and passports held by an intermediary in the Moscow region",
             "narrative": "Women recruited by an intermediary worked twelve to thirteen hours a day in a vegetable "
                          "warehouse; he kept their passports and the last three months' wages were never paid. "
                          "They were threatened with deportation if they complained.",
             "date": D(2022, 10, 1), "date_precision": "month", "end_date": D(2022, 12, 1), "country": "RU",
             "city": "Moscow region", "status": "confirmed", "rights": ["icrmw-21", "icrmw-25", "icescr-7"],
             "acts": [("unpaid-wages", [0], "recruiter"), ("confiscated-documents", [0], "recruiter"),
                      ("excessive-hours", [0], "employer")],
             "interventions": [
                 ("embassy", D(2023, 1, 16), "The woman, with fellow countrymen",
                  "The consulate contacted the intermediary.", "Her passport was returned; the wages were not.",
                  "resolved"),
             ],
             "links": [(0, "victim", "high")],
             "labour": {"employer_type": "intermediary", "employer_name": "(fictional) intermediary from Sughd",
                        "contract": "oral", "wages_owed": Decimal("90000.00"), "currency": "RUB",
                        "wages_period": "October–December 2022", "hours_per_week": 78, "documents_confiscated": True,
                        "documents_confiscated_by": "The intermediary", "recovered_amount": Decimal("0.00")}},
            {"title": "(fictional) No contracts and unsafe conditions at a sewing workshop in Khujand",
             "narrative": "About thirty women work twelve-hour days, six days a week, without contracts, "
                          "ventilation or social insurance contributions; an injured worker was paid to keep quiet.",
             "date": D(2024, 3, 1), "date_precision": "month", "country": "TJ", "region": "tj-sughd",
             "city": "Khujand", "status": "likely", "rights": ["icescr-7", "icescr-9", "cedaw-11"],
             "acts": [("no-contract", [1, 2], "employer"), ("unsafe-work", [1, 2], "employer")],
             "interventions": [
                 ("labour-inspection", D(2024, 4, 15), "Three workers, with Dunyoi Muhabbat", "", "", "ongoing"),
             ],
             "links": [(1, "victim", "high"), ("consultation", "witness", "medium")],
             "labour": {"employer_type": "private_person", "contract": "none", "hours_per_week": 72,
                        "documents_confiscated": False}},
        ],
        "withdrawals": [(3, ["quotes"], D(2024, 2, 14)), (4, ["coordinators"], D(2024, 3, 27)),
                        (5, None, D(2024, 5, 21))],
    },
}
