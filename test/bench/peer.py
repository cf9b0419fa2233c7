# peer.py: the same job in plain Python (csv module), for the benchmark:
# per indicator the latest period, ranks (competition, best first by the
# catalogue's polarity), the England comparator and a RAG with tolerance.
# Prints authority,indicator,rank,rag for comparison with se-rag.
import csv
import sys

extract, catalogue = sys.argv[1], sys.argv[2]
pol, tol = {}, {}
cur = None
for line in open(catalogue):
    line = line.strip()
    if line.startswith("- id: "):
        cur = line[6:]
    elif line.startswith("title: ") and cur:
        title = line[7:].strip('"')
        pol[title] = pol.pop(cur, None)
        tol[title] = tol.pop(cur, 0.0)
        ids = pol.setdefault("__id__", {})
        ids[title] = cur
        cur = title
    elif line.startswith("polarity: ") and cur:
        pol[cur] = line[10:]
    elif line.startswith("tolerance: ") and cur:
        tol[cur] = float(line[11:])
ids = pol.pop("__id__")
regions = set()
vals = {}
with open(extract, newline="") as f:
    r = csv.DictReader(f)
    for row in r:
        ind, per = row["indicator"], row["time_period"]
        if row["region_name"]:
            regions.add(row["region_name"])
        try:
            v = float(row["value"])
        except ValueError:
            v = None
        vals.setdefault(ind, {}).setdefault(per, {})[row["la_name"]] = v
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["authority", "indicator", "rank", "rag"])
for ind in sorted(vals, key=lambda t: ids.get(t, t)):
    p = pol.get(ind, "none")
    latest = max(vals[ind])
    rows = vals[ind][latest]
    eng = rows.get("England")
    auth = {a: v for a, v in rows.items()
            if a != "England" and a not in regions and v is not None}
    if p == "none":
        continue
    sign = 1 if p == "high" else -1
    ordered = sorted(auth.values(), key=lambda v: -sign * v)
    for a in sorted(auth):
        v = auth[a]
        rank = 1 + sum(1 for w in ordered if sign * w > sign * v)
        rag = ""
        if eng is not None:
            d = sign * (v - eng)
            rag = "green" if d > tol[ind] + 1e-9 else "red" if d < -tol[ind] - 1e-9 else "amber"
        out.writerow([a, ids.get(ind, ind), rank, rag])
