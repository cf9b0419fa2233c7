#!/usr/bin/env python3
"""Regenerate the Midshires example data (fictional) deterministically.

    python3 examples/data/make-data.py      # from the repository root

Writes indicators.yaml, extract-long.csv, extract-wide.csv and
neighbours.csv beside this script.  Every authority, value and person
here is invented.  The England rows are national-looking, not official.
The stories the data tells are set by OVERRIDES and STRENGTH below and
described in examples/README.md.
"""
import csv, hashlib, io, os

HERE = os.path.dirname(os.path.abspath(__file__))

AUTH = [  # code, name, children aged 0-17
    ("E99000001", "Anyshire", 172000), ("E99000002", "Any City", 70000),
    ("E99000003", "Any Borough", 55000), ("E99000004", "Any Dale", 90000),
    ("E99000005", "Any Moor", 40000), ("E99000006", "Any Port", 60000),
    ("E99000007", "Any Vale", 85000), ("E99000008", "Any Forest", 22000),
    ("E99000009", "Any Wick", 45000)]
REGION = "Midshires"
FY = ["2013-14", "2014-15", "2015-16", "2016-17", "2017-18", "2018-19"]
CY = ["2013", "2014", "2015", "2016", "2017", "2018"]

# How well each authority does, per domain, in standard deviations
# (positive is better).  Any Moor is on an improvement journey.
STRENGTH = {
    "Anyshire":    dict(CSC=-0.2, EDU=1.3, SEND=0.2, YJ=0.9, HLT=0.4),
    "Any City":    dict(CSC=-0.4, EDU=-1.2, SEND=-0.5, YJ=-0.8, HLT=-1.1),
    "Any Borough": dict(CSC=0.3, EDU=0.2, SEND=0.5, YJ=0.0, HLT=0.0),
    "Any Dale":    dict(CSC=0.8, EDU=0.6, SEND=0.3, YJ=0.4, HLT=0.6),
    "Any Moor":    None,
    "Any Port":    dict(CSC=-1.0, EDU=-0.9, SEND=-0.4, YJ=-0.6, HLT=-0.9),
    "Any Vale":    dict(CSC=1.1, EDU=1.0, SEND=0.9, YJ=0.8, HLT=1.0),
    "Any Forest":  dict(CSC=0.2, EDU=0.1, SEND=-0.2, YJ=0.3, HLT=0.5),
    "Any Wick":    dict(CSC=0.0, EDU=-0.2, SEND=0.0, YJ=-0.1, HLT=-0.2),
}
# Need (for context measures with polarity none): +1 means 15% above England.
NEED = {"Anyshire": -0.3, "Any City": 1.2, "Any Borough": 0.3, "Any Dale": -0.6,
        "Any Moor": 0.6, "Any Port": 1.5, "Any Vale": -0.8, "Any Forest": -0.5,
        "Any Wick": 0.2}

# Areas: em-2012 area ids and ria-2018 section ids (formats/ria-2018/).
# id, title, unit, polarity, areas, compare, tolerance, precision,
# thresholds, source, aliases, file, periods, england, sd, naming
# naming: id | title | alias | mixed (alias in older periods, id later)
I = []
def ind(**k):
    k.setdefault("precision", 1); k.setdefault("thresholds", None)
    k.setdefault("aliases", []); k.setdefault("naming", "id")
    k.setdefault("pct", False); k.setdefault("periods", "fy")
    I.append(k)

# ---- children's social care (long extract) ----
ind(id="CSC-001", title="Referrals to children's social care per 10,000 children", unit="rate",
    polarity="none", areas=["front-door", "early-help"], compare="england", tolerance=0,
    source="Children in need census (LAIT)", aliases=["Rate of referrals per 10,000 children aged under 18"],
    file="long", england=[573.0, 548.3, 532.2, 548.2, 552.5, 544.5], sd=60, naming="alias")
ind(id="CSC-002", title="Re-referrals to children's social care within 12 months", unit="percent",
    polarity="low", areas=["front-door", "children-in-need", "service-delivery"], compare="england",
    tolerance=1.0, source="ChAT, Annex A list 3; Children in need census",
    aliases=["Re-referrals within 12 months (%)", "Percentage of referrals that were re-referrals within 12 months"],
    file="long", england=[24.0, 22.3, 22.3, 21.9, 21.9, 22.6], sd=2.5, naming="mixed")
ind(id="CSC-003", title="Assessments completed within 45 working days", unit="percent",
    polarity="high", areas=["front-door", "children-in-need", "service-delivery"], compare="england",
    tolerance=2.0, source="Children in need census", aliases=["Single assessments completed within 45 working days (%)"],
    file="long", england=[82.2, 81.5, 83.4, 82.9, 82.7, 83.8], sd=5, naming="title", pct=True)
ind(id="CSC-004", title="Children in need per 10,000 children", unit="rate", polarity="none",
    areas=["children-in-need"], compare="england", tolerance=0, source="Children in need census (LAIT)",
    aliases=["Rate of children in need per 10,000 children aged under 18"],
    file="long", england=[346.4, 337.3, 337.7, 330.1, 341.0, 334.2], sd=40)
ind(id="CSC-005", title="Children subject of a child protection plan per 10,000 children", unit="rate",
    polarity="none", areas=["children-in-need"], compare="england", tolerance=0,
    source="Children in need census (LAIT)", aliases=["CPP rate per 10,000"],
    file="long", england=[42.1, 42.9, 43.1, 43.3, 45.3, 43.7], sd=8)
ind(id="CSC-006", title="Child protection plans starting that were a second or subsequent plan", unit="percent",
    polarity="low", areas=["children-in-need", "service-delivery"], compare="england", tolerance=1.0,
    source="ChAT, Annex A list 4; Children in need census",
    aliases=["Children becoming the subject of a CPP for a second or subsequent time (%)"],
    file="long", england=[16.1, 16.6, 17.9, 18.7, 20.2, 20.8], sd=3, naming="alias")
ind(id="CSC-007", title="Child protection cases reviewed within required timescales", unit="percent",
    polarity="high", areas=["children-in-need", "managing-performance"], compare="thresholds",
    tolerance=0, thresholds={"green": 95, "red": 90}, source="Children in need census",
    aliases=["CP reviews within timescale (%)"],
    file="long", england=[94.0, 93.7, 93.7, 92.4, 91.9, 91.5], sd=3)
ind(id="CSC-008", title="Children looked after per 10,000 children", unit="rate", polarity="none",
    areas=["children-in-care"], compare="england", tolerance=0, source="SSDA903 (LAIT)",
    aliases=["Rate of children looked after at 31 March per 10,000 children aged under 18"],
    file="long", england=[60.0, 60.0, 60.0, 62.0, 64.0, 65.0], sd=10, naming="title")
ind(id="CSC-009", title="Number of children looked after at 31 March", unit="count", polarity="none",
    areas=["children-in-care"], compare="england", tolerance=0, precision=0, source="SSDA903",
    aliases=["Children looked after at 31 March (number)"],
    file="long", england=[68840, 69500, 70440, 72610, 75370, 78150], sd=0)
ind(id="CSC-010", title="Children looked after with three or more placements during the year", unit="percent",
    polarity="low", areas=["children-in-care", "commissioning"], compare="england", tolerance=1.0,
    source="SSDA903 (LAIT)", aliases=["Placement stability: 3+ placements in year (%)"],
    file="long", england=[11.0, 10.0, 10.0, 10.0, 10.0, 10.0], sd=2)
ind(id="CSC-011", title="Children looked after in the same placement for at least two years", unit="percent",
    polarity="high", areas=["children-in-care", "permanence", "commissioning"], compare="neighbours",
    tolerance=2.0, source="SSDA903 (LAIT)", aliases=["Long-term placement stability (%)"],
    file="long", england=[67.0, 68.0, 68.0, 70.0, 70.0, 69.0], sd=4, naming="alias")
ind(id="CSC-012", title="Average days between entering care and moving in with an adoptive family", unit="days",
    polarity="low", areas=["permanence"], compare="thresholds", tolerance=0, precision=0,
    thresholds={"green": 426, "red": 547}, source="Adoption scorecard (three-year average)",
    aliases=["A1: average time between entering care and moving in with adoptive family (days)"],
    file="long", england=[628, 593, 558, 520, 486, 500], sd=60)
ind(id="CSC-013", title="Care leavers aged 19-21 in education, employment or training", unit="percent",
    polarity="high", areas=["care-leavers", "outcomes"], compare="england", tolerance=2.0,
    source="SSDA903 (LAIT)", aliases=["Care leavers in EET aged 19-21 (%)"],
    file="long", england=[45.0, 48.0, 49.0, 50.0, 51.0, 52.0], sd=5)
ind(id="CSC-014", title="Care leavers aged 19-21 in suitable accommodation", unit="percent",
    polarity="high", areas=["care-leavers", "outcomes"], compare="england", tolerance=2.0,
    source="SSDA903 (LAIT)", aliases=["Care leavers in suitable accommodation aged 19-21 (%)"],
    file="long", england=[78.0, 81.0, 83.0, 84.0, 84.0, 85.0], sd=4, pct=True)
ind(id="CSC-015", title="Children's social worker turnover rate", unit="percent", polarity="low",
    areas=["workforce", "managing-resources"], compare="region", tolerance=1.5,
    source="Children's social work workforce (30 September)", aliases=["Social worker turnover (%)"],
    file="long", periods="cy", england=[16.0, 17.0, 15.1, 13.6, 14.1, 15.2], sd=3)
ind(id="CSC-016", title="Agency social workers as a percentage of all social workers", unit="percent",
    polarity="low", areas=["workforce", "managing-resources"], compare="region", tolerance=1.5,
    source="Children's social work workforce (30 September)", aliases=["Agency worker rate (%)"],
    file="long", periods="cy", england=[15.4, 16.1, 16.4, 15.8, 15.8, 15.4], sd=4, naming="title")
ind(id="CSC-017", title="Average caseload of children's social workers", unit="ratio", polarity="low",
    areas=["workforce", "managing-resources"], compare="neighbours", tolerance=1.0,
    source="Children's social work workforce (30 September)", aliases=["Average caseload per social worker"],
    file="long", periods="cy", england=[16.5, 16.4, 16.1, 16.1, 17.8, 17.4], sd=2.5)

# ---- SEND ----
ind(id="SEND-001", title="New EHC plans issued within 20 weeks, excluding exceptions", unit="percent",
    polarity="high", areas=["ehc-plans", "service-delivery"], compare="england", tolerance=3.0,
    source="SEN2", aliases=["EHCPs issued within 20 weeks (excl. exceptions) (%)"],
    file="long", periods="cy", england=[55.0, 58.6, 59.2, 58.6, 64.9, 60.4], sd=12, naming="alias")
ind(id="SEND-002", title="Pupils with an EHC plan or statement", unit="percent", polarity="none",
    areas=["sen-support", "send-inclusion"], compare="england", tolerance=0,
    source="Special educational needs in England (January census)", aliases=["% pupils with EHC plan"],
    file="long", england=[2.8, 2.8, 2.8, 2.8, 2.9, 3.1], sd=0.3)
ind(id="SEND-003", title="Pupils receiving SEN support", unit="percent", polarity="none",
    areas=["sen-support"], compare="england", tolerance=0,
    source="Special educational needs in England (January census)", aliases=["% pupils on SEN support"],
    file="long", england=[15.1, 12.6, 11.6, 11.6, 11.7, 11.9], sd=1.5)
ind(id="SEND-004", title="Attainment 8 score of pupils receiving SEN support", unit="score",
    polarity="high", areas=["send-inclusion", "outcomes"], compare="england", tolerance=1.0,
    source="KS4 performance tables", aliases=["KS4 Attainment 8 - SEN support"],
    file="wide", england=[31.8, 32.0, 31.9, 32.2, 32.5, 32.6], sd=2)
ind(id="SEND-005", title="Persistent absence of pupils with an EHC plan", unit="percent", polarity="low",
    areas=["send-inclusion", "participation"], compare="england", tolerance=1.5,
    source="Pupil absence in schools in England", aliases=["Persistent absentees with EHCP (%)"],
    file="long", england=[24.1, 23.6, 23.0, 22.9, 24.0, 24.6], sd=3)

# ---- youth justice ----
ind(id="YJ-001", title="First time entrants to the youth justice system per 100,000 aged 10-17", unit="rate",
    polarity="low", areas=["out-of-court-disposals", "partnership"], compare="england", tolerance=20, precision=0,
    source="Youth justice statistics (PNC)", aliases=["FTE rate per 100,000 10-17 year olds"],
    file="long", periods="cy", england=[470, 409, 368, 327, 295, 238], sd=80, naming="alias")
ind(id="YJ-002", title="Proven re-offending by young people (binary rate)", unit="percent",
    polarity="low", areas=["post-court-supervision", "partnership"], compare="england", tolerance=2.0,
    source="Proven reoffending statistics", aliases=["Reoffending rate - young people (%)"],
    file="long", england=[37.8, 37.9, 37.7, 42.2, 40.6, 40.0], sd=5)
ind(id="YJ-003", title="Custodial sentences per 1,000 young people aged 10-17", unit="rate", polarity="low",
    areas=["post-court-supervision"], compare="england", tolerance=0.05, precision=2,
    source="Youth justice statistics", aliases=["Use of custody rate per 1,000"],
    file="long", england=[0.45, 0.41, 0.37, 0.37, 0.35, 0.32], sd=0.12)
ind(id="YJ-004", title="Young people in suitable education, training or employment at the end of their order",
    unit="percent", polarity="high", areas=["post-court-supervision", "outcomes"], compare="region", tolerance=3.0,
    source="YJB quarterly returns", aliases=["ETE at end of order (%)"],
    file="long", england=[72.0, 71.5, 70.8, 69.9, 70.3, 70.1], sd=6, naming="title")

# ---- education (long) ----
ind(id="EDU-006", title="Overall absence rate", unit="percent", polarity="low",
    areas=["behaviour-attendance", "outcomes"], compare="england", tolerance=0.2,
    source="Pupil absence in schools in England", aliases=["Overall absence (% of sessions)"],
    file="long", england=[4.5, 4.6, 4.6, 4.7, 4.8, 4.7], sd=0.4, pct=True)
ind(id="EDU-007", title="Persistent absence rate (10% or more sessions missed)", unit="percent",
    polarity="low", areas=["behaviour-attendance"], compare="england", tolerance=0.5,
    source="Pupil absence in schools in England", aliases=["Persistent absentees (%)"],
    file="long", england=[11.0, 10.5, 10.5, 10.8, 11.2, 10.9], sd=1.5, naming="alias")
ind(id="EDU-008", title="Permanent exclusions as a percentage of pupils", unit="percent", polarity="low",
    areas=["behaviour-attendance", "participation"], compare="england", tolerance=0.02, precision=2,
    source="Permanent and fixed-period exclusions in England", aliases=["Permanent exclusion rate"],
    file="long", england=[0.06, 0.07, 0.08, 0.08, 0.10, 0.10], sd=0.03)
ind(id="EDU-009", title="Fixed period exclusions as a percentage of pupils", unit="percent", polarity="low",
    areas=["behaviour-attendance"], compare="england", tolerance=0.3, precision=2,
    source="Permanent and fixed-period exclusions in England", aliases=["Fixed period exclusion rate"],
    file="long", england=[3.50, 3.88, 4.29, 4.76, 5.08, 5.36], sd=1.0)
ind(id="EDU-010", title="16-17 year olds not in education, employment or training or activity not known",
    unit="percent", polarity="low", areas=["destinations", "partnership"], compare="thresholds",
    tolerance=0, thresholds={"green": 5.0, "red": 8.0}, source="NCCIS",
    aliases=["NEET and not known 16-17 (%)"], file="long", england=[8.1, 7.4, 6.6, 6.0, 6.0, 5.5], sd=1.5)
ind(id="EDU-011", title="Children known to be electively home educated", unit="count", polarity="none",
    areas=["behaviour-attendance"], compare="region", tolerance=0, precision=0,
    source="Local returns (no national collection)", aliases=["EHE (number)"],
    file="long", england=None, sd=0)

# ---- health (long) ----
ind(id="HLT-006", title="Under-18 conceptions per 1,000 females aged 15-17", unit="rate", polarity="low",
    areas=["effective", "outcomes"], compare="england", tolerance=1.0,
    source="Conception statistics (PHE Fingertips)", aliases=["Under 18s conception rate / 1,000"],
    file="long", periods="cy", england=[24.3, 22.9, 20.8, 18.8, 17.9, 16.7], sd=4)
ind(id="HLT-007", title="Hospital admissions as a result of self-harm, aged 10-24, per 100,000", unit="rate",
    polarity="low", areas=["safe", "outcomes"], compare="england", tolerance=20, precision=0,
    source="Hospital Episode Statistics (PHE Fingertips)", aliases=["Self-harm admissions 10-24 (DSR per 100,000)"],
    file="long", england=[412.1, 398.8, 430.5, 404.6, 421.2, 444.0], sd=80)

# ---- education (wide) ----
ind(id="EDU-001", title="Good level of development at the end of the Early Years Foundation Stage", unit="percent",
    polarity="high", areas=["outcomes-trends", "outcomes"], compare="england", tolerance=1.0,
    source="EYFS profile results", aliases=["EYFSP: good level of development (%)"],
    file="wide", england=[60.4, 66.3, 69.3, 70.7, 71.5, 71.8], sd=3)
ind(id="EDU-002", title="Key stage 2 reading, writing and maths at the expected standard", unit="percent",
    polarity="high", areas=["outcomes-trends", "outcomes"], compare="england", tolerance=1.0,
    source="KS2 attainment", aliases=["KS2 RWM expected standard (%)"],
    file="wide", england=[50.0, 52.0, 53.0, 61.0, 64.0, 65.0], sd=4)
ind(id="EDU-003", title="Key stage 4 Progress 8 score", unit="score", polarity="high",
    areas=["outcomes-trends", "outcomes"], compare="england", tolerance=0.05, precision=2,
    source="KS4 performance tables", aliases=["Progress 8"],
    file="wide", england=[-0.05, -0.04, -0.03, -0.03, -0.02, -0.03], sd=0.12)
ind(id="EDU-004", title="Key stage 4 Attainment 8 score", unit="score", polarity="high",
    areas=["outcomes-trends", "outcomes"], compare="england", tolerance=0.5,
    source="KS4 performance tables", aliases=["Attainment 8"],
    file="wide", england=[47.2, 47.4, 48.5, 46.4, 46.6, 46.8], sd=2.5)
ind(id="EDU-005", title="Key stage 2 attainment gap between disadvantaged pupils and others", unit="percent",
    polarity="low", areas=["vulnerable-groups", "outcomes"], compare="england", tolerance=1.0,
    source="KS2 attainment (disadvantaged pupils)", aliases=["KS2 RWM disadvantaged gap (percentage points)"],
    file="wide", england=[22.0, 21.0, 21.0, 22.0, 20.0, 20.0], sd=3)
ind(id="EDU-012", title="Schools judged good or outstanding at their latest inspection", unit="percent",
    polarity="high", areas=["inspection-judgements", "outcomes"], compare="thresholds", tolerance=0,
    thresholds={"green": 90, "red": 80}, source="Ofsted management information (31 August)",
    aliases=["% schools good or better"], file="wide", england=[79.0, 82.0, 85.0, 89.0, 86.0, 86.0], sd=5)
ind(id="EDU-013", title="Young people qualified to level 3 by age 19", unit="percent", polarity="high",
    areas=["destinations", "outcomes"], compare="england", tolerance=1.0,
    source="Level 2 and 3 attainment by age 19", aliases=["L3 by 19 (%)"],
    file="wide", england=[56.7, 57.3, 57.2, 57.4, 56.9, 57.0], sd=3)
ind(id="EDU-014", title="16-17 year olds in apprenticeships", unit="percent", polarity="high",
    areas=["destinations", "achievement-progression"], compare="england", tolerance=0.5,
    source="NCCIS", aliases=["16-17s in apprenticeships (%)"],
    file="wide", england=[5.8, 5.6, 5.7, 5.6, 5.6, 5.2], sd=1.0)

# ---- health (wide) ----
ind(id="HLT-001", title="Mothers smoking at time of delivery", unit="percent", polarity="low",
    areas=["effective"], compare="england", tolerance=0.5, source="PHE Fingertips",
    aliases=["Smoking status at time of delivery (%)"],
    file="wide", england=[12.0, 11.4, 10.6, 10.7, 10.8, 10.6], sd=2)
ind(id="HLT-002", title="Breastfeeding prevalence at 6-8 weeks after birth", unit="percent", polarity="high",
    areas=["effective"], compare="england", tolerance=2.0, source="PHE Fingertips",
    aliases=["Breastfeeding at 6-8 weeks (%)"],
    file="wide", england=[45.8, 43.8, 43.1, 44.4, 42.7, 46.2], sd=6)
ind(id="HLT-003", title="Children receiving a 2-2.5 year development review", unit="percent", polarity="high",
    areas=["responsive", "early-help"], compare="thresholds", tolerance=0, thresholds={"green": 90, "red": 75},
    source="Health visitor service delivery metrics", aliases=["2-2.5 year reviews completed (%)"],
    file="wide", england=[70.0, 74.0, 75.0, 77.0, 78.0, 77.6], sd=8)
ind(id="HLT-004", title="Reception children with excess weight", unit="percent", polarity="low",
    areas=["effective"], compare="england", tolerance=0.5, source="National Child Measurement Programme",
    aliases=["Excess weight, Reception (%)"],
    file="wide", england=[22.5, 21.9, 22.1, 22.6, 22.4, 22.6], sd=1.5)
ind(id="HLT-005", title="Year 6 children with excess weight", unit="percent", polarity="low",
    areas=["effective"], compare="england", tolerance=0.5, source="National Child Measurement Programme",
    aliases=["Excess weight, Year 6 (%)"],
    file="wide", england=[33.5, 33.2, 34.2, 34.2, 34.3, 34.3], sd=2)
ind(id="HLT-008", title="Children receiving two doses of MMR vaccine by age 5", unit="percent",
    polarity="high", areas=["safe"], compare="thresholds", tolerance=0,
    thresholds={"green": 95, "red": 90}, source="COVER programme", aliases=["MMR2 at 5 years (%)"],
    file="wide", england=[88.3, 88.6, 88.2, 87.6, 87.2, 86.4], sd=3)
ind(id="HLT-009", title="Children looked after with an up-to-date health assessment", unit="percent",
    polarity="high", areas=["children-in-care", "safe"], compare="england", tolerance=2.0,
    source="SSDA903 health outcomes", aliases=["CLA health assessments up to date (%)"],
    file="wide", england=[88.0, 90.0, 89.0, 89.0, 88.0, 90.0], sd=5)

# Hand-written series: the stories.  A string is written as is (a marker).
OVR = {
    # Anyshire: re-referrals fell to 2015-16, then rose three years running; red vs England.
    ("Anyshire", "CSC-002"): [22.0, 21.5, 20.9, 22.8, 24.6, 26.3],
    ("Anyshire", "CSC-003"): [88.0, 86.1, 84.0, 80.2, 76.5, 73.9],
    ("Anyshire", "CSC-006"): [15.0, 16.2, 18.5, 21.0, 23.4, 24.9],
    ("Anyshire", "CSC-007"): [98.8, 98.1, 97.5, 97.9, 98.4, 98.6],
    ("Anyshire", "CSC-013"): [52.0, 51.0, 50.0, 48.0, 44.0, 40.0],
    ("Anyshire", "CSC-015"): [13.0, 14.0, 15.0, 17.0, 19.0, 21.0],
    ("Anyshire", "CSC-016"): [8.0, 9.0, 11.0, 13.0, 16.0, 18.0],
    ("Anyshire", "CSC-017"): [16.0, 16.5, 17.0, 18.5, 19.8, 21.2],
    ("Anyshire", "SEND-001"): [70.0, 68.0, 66.0, 61.0, 55.0, 47.0],
    ("Anyshire", "YJ-001"): [420, 360, 300, 240, 196, 150],
    ("Anyshire", "YJ-002"): [36.0, 35.1, 34.0, 36.2, 33.0, 30.4],
    # Any Port: re-referrals red and worsening too (a second red-red).
    ("Any Port", "CSC-002"): [26.0, 25.1, 25.6, 26.4, 27.9, 29.5],
    # Any Forest: small numbers, suppressed.
    ("Any Forest", "YJ-002"): [31.0, 33.3, "c", "c", 29.4, "c"],
    ("Any Forest", "YJ-003"): ["c", "c", "c", 0.00, "c", "c"],
    ("Any Forest", "CSC-012"): [512, "x", 480, 455, 430, 418],
    # Any Wick: a missing return in 2017-18, so no direction this year.
    ("Any Wick", "CSC-013"): [47.0, 49.0, 50.0, 51.0, "..", 53.0],
    ("Any Wick", "CSC-014"): [80.0, 82.0, 83.0, 85.0, "..", 86.0],
    # Any City: early data not published.
    ("Any City", "HLT-006"): ["x", 31.2, 29.0, 26.1, 24.9, 23.8],
}
# Rows left out of the long extract entirely: (name, id, period index).
# England has no published row for SEND-005 in 2018-19 (median fallback).
OMIT = {("England", "SEND-005", 5)}

def strength(name, dom, t):
    if STRENGTH[name] is None:  # Any Moor: from well below to above England
        return -1.2 + 0.34 * t
    return STRENGTH[name][dom]

def noise(*key):
    h = hashlib.sha256("|".join(map(str, key)).encode()).digest()
    return (int.from_bytes(h[:4], "big") / 2**32) - 0.5   # [-0.5, 0.5)

def fmt(v, prec):
    if isinstance(v, str):
        return v
    return "%.*f" % (prec, v)

def series(spec, name, pop):
    if (name, spec["id"]) in OVR:
        return OVR[(name, spec["id"])]
    dom = spec["id"].split("-")[0]
    out = []
    for t in range(6):
        if spec["id"] == "EDU-011":   # EHE count, rising everywhere
            out.append(round(pop / 10000 * (3.0 + 0.6 * t) * (1 + 0.2 * noise(name, "ehe", t))))
            continue
        e = spec["england"][t]
        if spec["polarity"] == "none":
            v = e * (1 + 0.15 * NEED[name] + 0.04 * noise(name, spec["id"], t))
        else:
            s = strength(name, dom, t) + 0.6 * noise(name, spec["id"]) + 0.35 * noise(name, spec["id"], t)
            sign = 1 if spec["polarity"] == "high" else -1
            v = e + sign * spec["sd"] * s
            if spec["unit"] == "percent":
                v = min(max(v, 0.0), 100.0)
            v = max(v, 0.0)
        out.append(round(v, spec["precision"]))
    return out

def build():
    data = {}   # (name, id) -> list
    for s in I:
        if s["id"] == "CSC-009":
            continue
        for code, name, pop in AUTH:
            data[(name, s["id"])] = series(s, name, pop)
    # CLA count from the CLA rate and the child population.
    for code, name, pop in AUTH:
        rate = data[(name, "CSC-008")]
        data[(name, "CSC-009")] = [round(r * pop / 10000) for r in rate]
    return data

def regional(s, data):
    vals = []
    for t in range(6):
        xs = [data[(n, s["id"])][t] for _, n, _ in AUTH if not isinstance(data[(n, s["id"])][t], str)]
        v = sum(xs) if s["unit"] == "count" else sum(xs) / len(xs)
        vals.append(round(v, s["precision"]))
    return vals

def label(s, t):
    n = s["naming"]
    if n == "title":
        return s["title"]
    if n == "alias":
        return s["aliases"][0]
    if n == "mixed":
        return s["aliases"][0] if t < 3 else s["id"]
    return s["id"]

def cell(s, v):
    if isinstance(v, str):
        return v
    if s["unit"] == "count" and v >= 1000:
        return "{:,}".format(int(v))
    txt = fmt(v, s["precision"])
    return txt + "%" if s["pct"] else txt

def periods(s):
    return CY if s["periods"] == "cy" else FY

def rows_for(s, data):
    reg = regional(s, data)
    rows = []
    if s["england"] is not None:
        rows.append(("E92000001", "England", "", s["england"]))
    rows.append(("", REGION, REGION, reg))
    for code, name, pop in AUTH:
        rows.append((code, name, REGION, data[(name, s["id"])]))
    return rows

def write_long(data):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["la_code", "la_name", "region", "indicator", "period", "value"])
    for s in I:
        if s["file"] != "long":
            continue
        for code, name, region, vals in rows_for(s, data):
            for t, p in enumerate(periods(s)):
                if (name, s["id"], t) in OMIT:
                    continue
                w.writerow([code, name, region, label(s, t), p, cell(s, vals[t])])
    open(os.path.join(HERE, "extract-long.csv"), "w", newline="").write(buf.getvalue())

def write_wide(data):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["LA_Code", "LA_Name", "Region", "Measure"] + FY)
    blanks = {("Any Wick", "HLT-002", 0), ("Any Forest", "HLT-003", 1)}
    for s in I:
        if s["file"] != "wide":
            continue
        for code, name, region, vals in rows_for(s, data):
            cells = []
            for t in range(6):
                c = cell(s, vals[t])
                if (name, s["id"], t) in blanks:
                    c = ""
                cells.append(c)
            w.writerow([code, name, region, s["aliases"][0] if s["id"] in ("EDU-002", "HLT-008") else s["title"]] + cells)
    open(os.path.join(HERE, "extract-wide.csv"), "w", newline="", encoding="utf-8-sig").write(buf.getvalue())

NEIGHBOURS = {
    "Anyshire": ["Any Dale", "Any Vale", "Any Forest", "Any Wick"],
    "Any City": ["Any Port", "Any Borough", "Any Moor", "Any Wick"],
    "Any Borough": ["Any City", "Any Wick", "Any Port", "Any Moor"],
    "Any Dale": ["Anyshire", "Any Vale", "Any Forest", "Any Borough"],
    "Any Moor": ["Any Port", "Any City", "Any Wick", "Any Forest"],
    "Any Port": ["Any City", "Any Moor", "Any Borough", "Any Wick"],
    "Any Vale": ["Any Dale", "Anyshire", "Any Forest", "Any Wick"],
    "Any Forest": ["Any Vale", "Any Dale", "Anyshire", "Any Moor"],
    "Any Wick": ["Any Borough", "Anyshire", "Any Moor", "Any Dale"],
}

def write_neighbours():
    with open(os.path.join(HERE, "neighbours.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["authority", "neighbour", "rank"])
        for a, ns in NEIGHBOURS.items():
            for r, n in enumerate(ns, 1):
                w.writerow([a, n, r])

def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

def write_catalogue():
    out = ["# The Midshires indicator catalogue (fictional region; national-looking measures",
           "# in the style of the ADCS common KPIs, LAIT and ChAT).  Generated by make-data.py.",
           "kind: indicators", "framework: shared", "title: Midshires tartan rug and data profile measures",
           "indicators:"]
    order = sorted(I, key=lambda s: (["CSC", "EDU", "SEND", "YJ", "HLT"].index(s["id"].split("-")[0]), s["id"]))
    for s in order:
        out.append("  - id: %s" % s["id"])
        out.append("    title: %s" % q(s["title"]))
        out.append("    unit: %s" % s["unit"])
        out.append("    polarity: %s" % s["polarity"])
        out.append("    areas: [%s]" % ", ".join(s["areas"]))
        out.append("    compare: %s" % s["compare"])
        if s["polarity"] != "none":
            out.append("    tolerance: %s" % s["tolerance"])
        if s["thresholds"]:
            out.append("    thresholds: {green: %s, red: %s}" % (s["thresholds"]["green"], s["thresholds"]["red"]))
        out.append("    precision: %d" % s["precision"])
        out.append("    source: %s" % q(s["source"]))
        out.append("    aliases: [%s]" % ", ".join(q(a) for a in s["aliases"]))
    open(os.path.join(HERE, "indicators.yaml"), "w").write("\n".join(out) + "\n")

if __name__ == "__main__":
    d = build()
    write_long(d); write_wide(d); write_neighbours(); write_catalogue()
