"""A multilingual news-like corpus and synthetic gazetteers for the benchmarks.

The corpus mixes the seed article, the golden sentences and template sentences in six languages
whose place slots are filled with real names from the gazetteer (about one mention per 100-150
characters, like wire copy). Synthetic gazetteers add N variant names made of syllables in Latin,
Cyrillic and Armenian letters, 1-3 words each, to the bundled entries.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]

TEMPLATES = {
    "en": [
        "Officials in {p} said on Tuesday that talks with the delegation from {p} would continue next week.",
        "The ministry reported that the situation near {p} remained tense after overnight shelling.",
        "Prices of grain and fuel rose again this month, the statistics office said in its monthly review.",
        "A spokesman declined to comment on the report, saying the investigation was still under way.",
        "Trade between {p} and {p} grew by nine percent in the first half of the year.",
    ],
    "ru": [
        "По словам представителей {p}, переговоры с делегацией продолжатся на следующей неделе.",
        "Министерство сообщило, что обстановка остается напряженной после ночного обстрела.",
        "Цены на зерно и топливо в этом месяце снова выросли, говорится в обзоре статистического ведомства.",
        "Делегация из {p} прибыла в {p} для консультаций по вопросам транспорта.",
    ],
    "az": [
        "Nümayəndə heyəti {p} şəhərində keçirilən görüşdə iştirak edib.",
        "Nazirlik bildirib ki, gecə ərzində atəşkəs rejimi pozulmayıb.",
        "Taxıl və yanacaq qiymətləri bu ay yenidən artıb, statistika idarəsi bildirib.",
    ],
    "tr": [
        "{p} ile {p} arasındaki ticaret yılın ilk yarısında yüzde dokuz arttı.",
        "Bakanlık yaptığı açıklamada durumun gergin olmaya devam ettiğini belirtti.",
        "Sözcü, soruşturmanın sürdüğünü söyleyerek rapor hakkında yorum yapmadı.",
    ],
    "fr": [
        "Les autorités de {p} ont indiqué mardi que les pourparlers reprendraient la semaine prochaine.",
        "Le ministère a précisé que la situation restait tendue après les tirs de la nuit.",
        "Les prix du blé et du carburant ont encore augmenté ce mois-ci, selon l'office statistique.",
    ],
    "hy": [
        "Պատվիրակությունը մասնակցել է {p} կայացած հանդիպմանը։",
        "Նախարարությունը հայտնել է, որ իրավիճակը շարունակում է լարված մնալ։",
        "Հացահատիկի և վառելիքի գները այս ամիս կրկին աճել են։",
    ],
}
FILL = {
    "en": ["Baku", "Yerevan", "Tbilisi", "Moscow", "Ganja", "Gyumri", "Azerbaijan", "Armenia", "Georgia", "Turkey", "France"],
    "ru": ["Баку", "Ереван", "Тбилиси", "Москва", "Гянджа", "Азербайджан", "Армения", "Грузия"],
    "az": ["Bakı", "Gəncə", "Şuşa", "Xankəndi", "Sumqayıt"],
    "tr": ["Azerbaycan", "Türkiye", "Gürcistan", "Ermenistan", "Rusya"],
    "fr": ["Bakou", "Erevan", "Tbilissi", "Moscou", "Paris"],
    "hy": ["Երևանում", "Գյումրիում", "Բաքվում", "Թբիլիսիում"],
}


def news_corpus(size_bytes: int, seed: int = 7) -> list[str]:
    """Documents of about 2 KB each, adding up to `size_bytes` of UTF-8."""
    rng = random.Random(seed)
    base = [(ROOT / "seeds" / "tass-2020-07-16-rudenko-bulbuloglu-border.txt").read_text(encoding="utf-8")]
    for path in sorted((ROOT / "tests" / "golden").glob("*.yaml")):
        base += [c["text"] for c in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]]
    docs: list[str] = []
    total = 0
    while total < size_bytes:
        lang = rng.choice(list(TEMPLATES))
        parts = []
        while sum(len(p.encode()) for p in parts) < 2000:
            if rng.random() < 0.15:
                parts.append(rng.choice(base))
            else:
                t = rng.choice(TEMPLATES[lang])
                while "{p}" in t:
                    t = t.replace("{p}", rng.choice(FILL[lang]), 1)
                parts.append(t)
        doc = " ".join(parts)
        docs.append(doc)
        total += len(doc.encode())
    return docs


_LATIN = "ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zi zo zu sha shi kha gha dzh ar er or ul an en in on".split()
_CYR = "ба бе би бо бу ка ке ки ко ку ла ле ли ло лу ма ме ми мо му на не ни но ну ра ре ри ро ру са се си со су та те ти то ту ва ве ви во за зе зи зо шу жа ха".split()
_ARM = "բա բե բի կա կե կի լա լե լի մա մե մի նա նե նի ռա րե րի սա սե սի տա տե տի վա վե վի զա զե շա խա".split()


def synthetic_names(n: int, seed: int = 11) -> list[str]:
    """n distinct synthetic variant names (1-3 words, Latin, Cyrillic or Armenian syllables)."""
    rng = random.Random(seed)
    out: set[str] = set()
    while len(out) < n:
        sylls = rng.choice((_LATIN, _LATIN, _LATIN, _CYR, _ARM))
        words = []
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            w = "".join(rng.choice(sylls) for _ in range(rng.randint(2, 4)))
            words.append(w[0].upper() + w[1:])
        out.add(" ".join(words))
    return sorted(out)


def synthetic_gazetteer(n_names: int):
    """The bundled gazetteer plus n synthetic names on synthetic villages (4 names each)."""
    import exonym
    from exonym.gazetteer import Gazetteer
    from exonym.model import Entry, Name

    base = exonym.load()
    entries = dict(base.entries.items())
    names = synthetic_names(n_names)
    for i in range(0, len(names), 4):
        group = names[i : i + 4]
        eid = f"synthetic-{i // 4}"
        entries[eid] = Entry(
            id=eid,
            type="village",
            name=group[0],
            names=tuple(Name(t, ("und",), "variant" if j else "official", "Zyyy", ("geonames",)) for j, t in enumerate(group)),
        )
    return Gazetteer(entries, base.sources), names
