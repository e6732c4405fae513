"""Score sitrep's claims on a long-article probe (see README.md here).

    python3 score_claims.py PROBE_DIR PREDICTIONS.jsonl [--detail]

A prediction matches a gold claim when low and high are equal (an open bound compared on the
stated number) and its evidence holds 30% of the gold evidence's words; subject and claimant
are compared leniently (demonyms as countries, one's words inside the other's, alternatives
the gold lists)."""
import json, re, sys, glob, os
from collections import Counter, defaultdict

BASE = sys.argv[1]
OUT = sys.argv[2]
DETAIL = "--detail" in sys.argv

METRIC_MAP = {"civilians_killed": "killed", "vehicles_lost": "equipment_lost", "tanks_lost": "equipment_lost",
              "aircraft_lost": "equipment_lost", "ships_lost": "equipment_lost", "out_of_action": "killed_or_wounded",
              "reservists": "troops", "volunteers": "troops"}
DEMONYMS = {"russian": "russia", "russians": "russia", "ukrainian": "ukraine", "ukrainians": "ukraine",
            "israeli": "israel", "israelis": "israel", "lebanese": "lebanon", "syrian": "syria",
            "sudanese": "sudan", "yemeni": "yemen", "yemenis": "yemen", "congolese": "congo",
            "democratic republic of the congo": "congo", "dr congo": "congo", "drc": "congo",
            "somali": "somalia", "ethiopian": "ethiopia", "burmese": "myanmar", "haitian": "haiti",
            "haitians": "haiti", "colombian": "colombia", "nigerian": "nigeria", "mexican": "mexico",
            "armenian": "armenia", "azerbaijani": "azerbaijan", "azerbaijanis": "azerbaijan", "indian": "india",
            "pakistani": "pakistan", "kenyan": "kenya", "kenyans": "kenya", "malian": "mali", "nigerien": "niger",
            "burkinabe": "burkina faso", "north korean": "north korea", "north koreans": "north korea",
            "rwandan": "rwanda", "burundian": "burundi", "american": "united states", "us": "united states",
            "u.s.": "united states", "usa": "united states", "filipino": "philippines", "filipinos": "philippines",
            "nepali": "nepal", "rapid support forces": "rsf", "tigrayans": "tigray", "gazans": "palestinians",
            "un": "un", "united nations": "un", "palestinians": "palestine", "palestinian": "palestine",
            "congo": "congo"}
CLAIM_ALIAS = {"united nations": "un", "un refugee agency": "unhcr", "armed conflict location & event data project": "acled",
               "committee to protect journalists": "cpj", "reporters without borders": "rsf",
               "syrian observatory for human rights": "sohr", "war monitor": "sohr",
               "u.s. africa command": "africom", "u.s. central command": "centcom", "central command": "centcom"}
REFWORDS = {"territory", "country", "enclave"}
CLAIM_DEMONYM = {"israeli": "israel", "russian": "russia", "ukrainian": "ukraine", "ukraine's": "ukraine"}

def norm_subj(s):
    if s is None: return None
    s = s.strip().lower()
    s = re.sub(r"^the\s+", "", s)
    return DEMONYMS.get(s, s)

STOP = {"the", "of", "a", "an", "in", "s", "'s", "’s"}
def words(s):
    s = s.lower().replace("’", "'")
    s = re.sub(r"'s\b", "", s)
    return {CLAIM_DEMONYM.get(w, w) for w in re.findall(r"[\w\-&.]+", s) if w not in STOP}

def claim_forms(c):
    forms = {c, re.sub(r"\s*\([^)]*\)", "", c)} | set(re.findall(r"\(([^)]*)\)", c))
    out = set()
    for f in forms:
        f = re.sub(r"^the\s+", "", f.strip().lower())
        out.add(f)
        if f in CLAIM_ALIAS: out.add(CLAIM_ALIAS[f])
    return out

def claimant_ok(pred, gold_list):
    for g in gold_list:
        if g is None and pred is None: return True
        if g is None or pred is None: continue
        for pf in claim_forms(pred):
            for gf in claim_forms(g):
                a, b = words(pf) - REFWORDS, words(gf) - REFWORDS
                if a and b and (a <= b or b <= a): return True
    return False

def ev_words(s): return set(re.findall(r"\w+", s.lower()))

gold = {}
for f in sorted(glob.glob(os.path.join(BASE, "gold", "*.json"))):
    gold[os.path.basename(f)[:-5]] = json.load(open(f))
pred = {}
for line in open(OUT):
    d = json.loads(line)
    pred[d["id"]] = d.get("claims", [])

tp = 0; n_gold = 0; n_pred = 0
met_ok = subj_ok = subj_strict = claim_ok = 0
rows = []; misses = []; fps = []
for did, gl in gold.items():
    pl = pred.get(did, [])
    for p in [*pl, *gl]:  # open bounds ("at least 61" -> low 61, high null): compare on the stated number
        if p["low"] is None: p["low"] = p["high"]
        if p["high"] is None: p["high"] = p["low"]
    n_gold += len(gl); n_pred += len(pl)
    cands = []
    for gi, g in enumerate(gl):
        gw = ev_words(g["evidence"])
        for pi, p in enumerate(pl):
            if float(p["low"]) != float(g["low"]) or float(p["high"]) != float(g["high"]): continue
            ov = len(gw & ev_words(p["evidence"]["text"])) / max(1, len(gw))
            if ov >= 0.3: cands.append((ov, gi, pi))
    cands.sort(reverse=True)
    ug, up = set(), set()
    for ov, gi, pi in cands:
        if gi in ug or pi in up: continue
        ug.add(gi); up.add(pi)
        g, p = gl[gi], pl[pi]
        tp += 1
        # both sides on the coarse scale (long-claims-1's gold writes "killed" for civilians)
        pm, gm = (METRIC_MAP.get(x["metric"], x["metric"]) for x in (p, g))
        m_ok = pm == gm or (gm == "detained" and pm == "captured")
        subs = [g["subject"]] + g.get("alt_subjects", [])
        s_ok = norm_subj(p["subject"]) in {norm_subj(x) for x in subs}
        s_strict = norm_subj(p["subject"]) == norm_subj(g["subject"])
        c_ok = claimant_ok(p["claimant"], [g["claimant"]] + g.get("alt_claimants", []))
        met_ok += m_ok; subj_ok += s_ok; subj_strict += s_strict; claim_ok += c_ok
        rows.append(dict(id=did, gi=gi, value=g["low"], g_metric=g["metric"], p_metric=p["metric"], m_ok=m_ok,
                         g_subj=g["subject"], alt=g.get("alt_subjects", []), p_subj=p["subject"], s_ok=s_ok,
                         g_claim=g["claimant"], alt_c=g.get("alt_claimants", []), p_claim=p["claimant"], c_ok=c_ok,
                         rule=p.get("rule"), gold_ev=g["evidence"], pred_ev=p["evidence"]["text"]))
    for gi, g in enumerate(gl):
        if gi not in ug: misses.append(dict(id=did, gi=gi, **g))
    for pi, p in enumerate(pl):
        if pi not in up: fps.append(dict(id=did, metric=p["metric"], low=p["low"], high=p["high"], subject=p["subject"],
                                         claimant=p["claimant"], rule=p.get("rule"), ev=p["evidence"]["text"]))

core_gold = sum(1 for gl in gold.values() for g in gl if g["metric"] != "other")
core_miss = sum(1 for m in misses if m["metric"] != "other")
print(f"docs {len(gold)}  gold {n_gold} (non-'other' {core_gold})  pred {n_pred}  matched {tp}")
print(f"precision {tp/n_pred:.3f}  recall {tp/n_gold:.3f}  recall(non-other gold) {(core_gold-core_miss)/core_gold:.3f}")
print(f"among matched: metric {met_ok/tp:.3f}  subject {subj_ok/tp:.3f} (strict {subj_strict/tp:.3f})  claimant {claim_ok/tp:.3f}")
print(f"wrong subject {tp-subj_ok}  wrong claimant {tp-claim_ok}  wrong metric {tp-met_ok}  misses {len(misses)} (non-other {core_miss})  FPs {len(fps)}")
if DETAIL:
    print("\n== WRONG SUBJECT ==")
    for r in rows:
        if not r["s_ok"]: print(f"{r['id']}#{r['gi']} {r['value']} gold={r['g_subj']}{r['alt']} pred={r['p_subj']} [{r['rule']}] :: {r['gold_ev'][:150]}")
    print("\n== WRONG CLAIMANT ==")
    for r in rows:
        if not r["c_ok"]: print(f"{r['id']}#{r['gi']} {r['value']} gold={r['g_claim']}{r['alt_c']} pred={r['p_claim']} [{r['rule']}] :: {r['gold_ev'][:150]}")
    print("\n== WRONG METRIC ==")
    for r in rows:
        if not r["m_ok"]: print(f"{r['id']}#{r['gi']} {r['value']} gold={r['g_metric']} pred={r['p_metric']} :: {r['gold_ev'][:120]}")
    print("\n== MISSES ==")
    for m in misses: print(f"{m['id']}#{m['gi']} {m['metric']} {m['low']}-{m['high']} subj={m['subject']} cl={m['claimant']} :: {m['evidence'][:150]}")
    print("\n== FALSE POSITIVES ==")
    for f in fps: print(f"{f['id']} {f['metric']} {f['low']}-{f['high']} subj={f['subject']} cl={f['claimant']} [{f['rule']}] :: {f['ev'][:150]}")
