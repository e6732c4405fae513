"""Score sitrep's movements on a long-article probe (see README.md here).

    python3 score_movements.py PROBE_DIR PREDICTIONS.jsonl [--detail]

A prediction matches a gold movement when its evidence covers 60% of the gold evidence's words
(one to one, greedy); a prediction that matches only an optional gold movement (a retelling)
counts neither way. Fields are compared loosely (names folded, one's words inside the other's).
"""
import json, re, glob, sys, collections, os
PRED = os.path.abspath(sys.argv[2])
DETAIL = "--detail" in sys.argv
os.chdir(sys.argv[1])
ALIAS = {"us":"united states","usa":"united states","u.s.":"united states","america":"united states",
         "idf":"israel","uk":"united kingdom","britain":"united kingdom","drc":"dr congo","fardc":"dr congo",
         "congo":"dr congo","prc":"china","pla":"china","dprk":"north korea","rok":"south korea",
         "tatmadaw":"myanmar","saf":"sudan","sudanese army":"sudan"}
def norm(s):
    s = (s or "").lower().strip().strip(".'\"")
    s = re.sub(r"^the ", "", s)
    return ALIAS.get(s, s)
def alts(s):
    return [norm(a) for a in s.split("|")] if s else []
def loose(gold, pred):
    if not gold: return pred is None or pred == ""
    if not pred: return False
    p = norm(pred)
    for g in alts(gold):
        if g and (g in p or p in g): return True
        gw = set(re.findall(r"\w+", g)) - {"the","of","s","forces","army","military"}
        pw = set(re.findall(r"\w+", p)) - {"the","of","s","forces","army","military"}
        if gw and pw and len(gw & pw) / min(len(gw), len(pw)) >= 0.5: return True
    return False
def words(text, s, e):
    return [(m.start()+s, m.end()+s) for m in re.finditer(r"\w+", text[s:e])]
def mainplace(d):
    for k in ("destination","location","origin"):
        v = d.get(k)
        if v: return v["mention"] if isinstance(v, dict) else v
    return None
def gold_main(g):
    for k in ("destination","location","origin"):
        if g.get(k): return g[k]
    return None
def obs_ok(g, p):
    if g and "-" in g.split("|"):
        if not p or re.search(r"correspondent|reporter|our ", p, re.I): return True
        g = "|".join(a for a in g.split("|") if a != "-")
    if not g:
        return (not p) or bool(re.search(r"correspondent|reporter|our ", p, re.I))
    return loose(g, p)
def act_ok(g, p):
    return loose(g, p)

preds = {}
for line in open(PRED):
    d = json.loads(line); preds[d["id"]] = d
S = collections.Counter(); rows = []
for gf in sorted(glob.glob("gold/*.json")):
    k = gf.split("/")[-1][:-5]
    text = open(f"in/{k}.txt").read()
    gold = json.load(open(gf))
    P = preds.get(k, {}).get("movements", [])
    for g in gold:
        s = text.find(g["evidence"]); g["_s"], g["_e"] = s, s + len(g["evidence"])
    pairs = []
    for gi, g in enumerate(gold):
        gw = words(text, g["_s"], g["_e"])
        for pi, p in enumerate(P):
            ps, pe = p["evidence"]["start"], p["evidence"]["end"]
            cov = sum(1 for a, b in gw if a >= ps and b <= pe) / max(1, len(gw))
            if cov >= 0.6:
                pairs.append((g["optional"], -(p["status"] in g.get("status_alternatives", [g["status"]])), -act_ok(g["actor"], p.get("actor")), -cov, gi, pi))
    pairs.sort()
    ug, up = {}, {}
    for opt, sm, am, c, gi, pi in pairs:
        if gi in ug or pi in up: continue
        ug[gi] = pi; up[pi] = gi
    for gi, g in enumerate(gold):
        if g["optional"]:
            continue
        S["gold"] += 1
        if gi not in ug:
            S["miss"] += 1
            rows.append(("MISS", k, g["status"], g["actor"], gold_main(g), g["observer"], g["evidence"], "")); continue
        S["tp"] += 1
        p = P[ug[gi]]
        st = p["status"] in g.get("status_alternatives", [g["status"]]); ac = act_ok(g["actor"], p.get("actor"))
        gm, pm = gold_main(g), mainplace(p)
        pl = loose(gm, pm) if gm else pm is None
        ob = obs_ok(g["observer"], p.get("observed_by"))
        anyp = pm is not None and any(loose(g.get(k2), pm) for k2 in ("destination","location","origin") if g.get(k2))
        S["place_any"] += (pl or anyp)
        S["status_ok"] += st; S["actor_ok"] += ac; S["place_ok"] += pl; S["obs_ok"] += ob
        flags = []
        if not st: flags.append(f"STATUS {p['status']}!={g['status']}")
        if not ac: flags.append(f"ACTOR {p.get('actor')}!={g['actor']}")
        if not pl: flags.append(f"PLACE {pm}!={gm}")
        if not ob: flags.append(f"OBS {p.get('observed_by')}!={g['observer']}")
        rows.append(("TP" if not flags else "TPX", k, g["status"], g["actor"], gm, g["observer"], g["evidence"], "; ".join(flags) + f" [{p['rule']}]"))
    for pi, p in enumerate(P):
        S["pred"] += 1
        if pi in up:
            if gold[up[pi]]["optional"]: S["opt_absorbed"] += 1
            continue
        S["fp"] += 1
        rows.append(("FP", k, p["status"], p.get("actor"), mainplace(p), p.get("observed_by"), p["evidence"]["text"], p["rule"]))
tp = S["tp"]; prec_den = S["pred"] - S["opt_absorbed"]
print(f"gold={S['gold']} pred={S['pred']} (opt-absorbed {S['opt_absorbed']}) TP={tp} miss={S['miss']} FP={S['fp']}")
print(f"recall={tp/S['gold']:.3f} precision={tp/max(1,prec_den):.3f}")
for f in ("status_ok","actor_ok","place_ok","place_any","obs_ok"):
    print(f"{f}: {S[f]}/{tp} = {S[f]/max(1,tp):.3f}")
if DETAIL:
    for r in rows:
        print("\t".join(str(x) for x in r))
