#!/usr/bin/env python3
"""Writes the broken-scenario corpus: each file is base.yaml with one fault, headed by the errors it must yield.

The expected positions are computed here by searching the faulty text for the token the error must point at
(independently of the C# reader); the messages are written by hand below. Run from this folder:
    python3 make_corpus.py
"""
import os

BASE = open(os.path.join(os.path.dirname(__file__) or ".", "..", "Valid", "mini.yaml")).read()
# drop the schema comment line of the valid file
BASE = "\n".join(l for l in BASE.splitlines() if not l.startswith("#")) + "\n"

def at(text, token, nth=1, offset=0):
    """1-based (line, column) of the nth occurrence of token (plus offset characters)."""
    i = -1
    for _ in range(nth):
        i = text.index(token, i + 1)
    i += offset
    line = text.count("\n", 0, i) + 1
    col = i - (text.rfind("\n", 0, i) + 1) + 1
    return line, col

# name: (description, [(old, new)], [(token, nth, offset, message)])
CASES = {
  "unknown-key-typo": ("a misspelt key in an actor",
    [("    salience: { hostility: 50, repression: 50 }", "    salince: { hostility: 50, repression: 50 }")],
    [("salince", 1, 0, "unknown key 'salince' in an actor (did you mean 'salience'?)"),
     ("id: leader", 1, 0, "missing required key 'salience' in an actor")]),
  "version-missing": ("no format version",
    [("interregnum: 1\n", "")],
    [("id: mini", 1, 0, "missing required key 'interregnum' (the format version: write 'interregnum: 1' first)")]),
  "version-unsupported": ("a format version this program does not read",
    [("interregnum: 1", "interregnum: 3")],
    [("3", 1, 0, "unsupported format version 3; this program reads versions 1 and 2")]),
  "duplicate-dimension-id": ("two dimensions with one id",
    [("actors:\n", "  - { id: hostility, label: Again, low: a, high: b }\nactors:\n")],
    [("hostility, label: Again", 1, 0, "duplicate dimension id 'hostility' (first declared at line @@  - id: hostility@@)")]),
  "unknown-head": ("an organization's head misspelt",
    [("head: general", "head: generl")],
    [("generl", 1, 0, "unknown actor 'generl' (did you mean 'general'?)")]),
  "unknown-incumbent": ("the incumbent is not an actor",
    [("incumbent: leader", "incumbent: nobody")],
    [("nobody", 1, 0, "unknown actor 'nobody'; no actor has that id")]),
  "position-out-of-range": ("a position above 100",
    [("positions: { hostility: 70,", "positions: { hostility: 170,")],
    [("170", 1, 0, "a position must lie in [0, 100], found 170")]),
  "salience-total": ("saliences adding up to more than 100 (by medians)",
    [("salience: { hostility: 30, repression: 30 }", "salience: { hostility: 60, repression: { uniform: [40, 80] } }")],
    [("{ hostility: 60, repression: { uniform", 1, 0, "saliences of 'deputy' add up to 120 (by their medians); an actor's saliences total at most 100")]),
  "missing-position": ("an actor without a position on one dimension",
    [("positions: { hostility: 80, repression: 60 }", "positions: { hostility: 80 }")],
    [("{ hostility: 80 }", 1, 0, "actor 'general' has no position on dimension 'repression' (every actor needs a position on every dimension)")]),
  "nan": ("NaN as a number",
    [("health: 0.8", "health: .nan")],
    [(".nan", 1, 0, "health: NaN and infinity are not allowed; write a finite number")]),
  "infinity": ("infinity as a number",
    [("weights: { crisis: 0.6,", "weights: { crisis: -.inf,")],
    [("-.inf", 1, 0, "a weight: NaN and infinity are not allowed; write a finite number")]),
  "uniform-reversed": ("a uniform range with min above max",
    [("{ uniform: [0.2, 0.6] }", "{ uniform: [0.6, 0.2] }")],
    [("[0.6, 0.2]", 1, 0, "uniform needs min < max, found [0.6, 0.2]")]),
  "triangular-mode-outside": ("a triangular mode outside its range",
    [("{ uniform: [0.2, 0.6] }", "{ triangular: [0.2, 0.9, 0.6] }")],
    [("0.9", 1, 0, "triangular mode 0.9 lies outside [0.2, 0.6]")]),
  "normal-sd-zero": ("a normal with sd 0",
    [("health: 0.8", "health: { normal: { mean: 0.8, sd: 0, min: 0, max: 1 } }")],
    [("sd: 0", 1, 4, "normal needs sd > 0, found 0")]),
  "normal-no-mass": ("a normal whose mass lies outside its bounds",
    [("health: 0.8", "health: { normal: { mean: 50, sd: 1, min: 0, max: 1 } }")],
    [("{ mean: 50", 1, 0, "normal(mean 50, sd 1) has almost no probability inside [0, 1]")]),
  "beta-alpha-negative": ("a beta with alpha below 0",
    [("{ uniform: [0.2, 0.6] }", "{ beta: { alpha: -1, beta: 2 } }")],
    [("-1", 1, 0, "beta needs alpha > 0, found -1")]),
  "distribution-out-of-range": ("a distribution reaching outside the quantity's range",
    [("health: 0.8", "health: { uniform: [0.5, 1.5] }")],
    [("{ uniform: [0.5, 1.5] }", 1, 0, "health must lie in [0, 1], but uniform(0.5, 1.5) reaches 1.5")]),
  "unknown-distribution": ("a misspelt distribution",
    [("{ uniform: [0.2, 0.6] }", "{ unifrom: [0.2, 0.6] }")],
    [("unifrom", 1, 0, "unknown distribution 'unifrom' (did you mean 'uniform'?)")]),
  "quoted-number": ("a number written as a string",
    [("salience: { hostility: 40,", "salience: { hostility: \"40\",")],
    [("\"40\"", 1, 0, "expected a salience (a number), found the string '40'")]),
  "title-list": ("a list where text belongs",
    [("title: Mini", "title: [a, b]")],
    [("[a, b]", 1, 0, "expected 'title' (text), found a list")]),
  "loyalty-over-one": ("loyalty shares totalling more than 1",
    [("loyalty: { head: 0.5,", "loyalty: { head: 0.8,")],
    [("{ head: 0.8", 1, 0, "loyalty shares of 'army' add up to 1.2 (by their medians); they must total at most 1")]),
  "weight-negative": ("a negative weight",
    [("weights: { crisis: 0.6,", "weights: { crisis: -0.6,")],
    [("-0.6", 1, 0, "a weight must be at least 0, found -0.6")]),
  "missing-phase": ("an instrument without a settled weight",
    [("weights: { crisis: 0.4, settled: 0.7 }", "weights: { crisis: 0.4, setled: 0.7 }")],
    [("{ crisis: 0.4, setled", 1, 0, "instrument 'money' has no weight for phase 'settled' (every instrument weighs 'crisis' and 'settled'); is 'setled' a misspelling?")]),
  "candidate-unknown-actor": ("a candidate naming no actor",
    [("actor: general }", "actor: colonel }")],
    [("colonel", 1, 0, "unknown actor 'colonel'; no actor has that id")]),
  "candidate-neither": ("a candidate that is neither an actor nor the acting successor",
    [(", acting_successor: true }", " }")],
    [("{ id: deputy-acting", 1, 0, "candidate 'deputy-acting' needs 'actor' (a person) or 'acting_successor: true' (whoever holds the office's acting role)")]),
  "acting-without-successor": ("an acting-successor candidate when the office has none",
    [("  acting_successor: deputy\n  acting_term_days: 90\n", "")],
    [("{ id: deputy-acting", 1, 0, "candidate 'deputy-acting' is the acting successor, but the office has no 'acting_successor'")]),
  "acting-is-incumbent": ("the incumbent as his own acting successor",
    [("acting_successor: deputy", "acting_successor: leader")],
    [("leader\n  acting_term", 1, 0, "the acting successor 'leader' is the incumbent; the acting successor takes over when the incumbent leaves")]),
  "tie-to-self": ("a tie from an actor to itself",
    [("to: general, type: patronage", "to: leader, type: patronage")],
    [("leader, type", 1, 0, "a tie joins two different actors; 'leader' is tied to itself")]),
  "tie-type-typo": ("a misspelt tie type",
    [("type: patronage", "type: patronag")],
    [("patronag", 1, 0, "unknown tie type 'patronag' (did you mean 'patronage'?)")]),
  "manner-typo": ("a misspelt manner of exit",
    [("manner: natural-death", "manner: natural_death")],
    [("natural_death", 1, 0, "unknown manner 'natural_death' (did you mean 'natural-death'?)")]),
  "effect-without-dimension": ("a position effect without its dimension",
    [("subject: '*', dimension: hostility, ", "subject: '*', ")],
    [("{ target: position", 1, 0, "missing required key 'dimension' in an effect")]),
  "ambition-effect-misfit": ("an ambition effect with a dimension and a shift out of range",
    [("{ target: position, subject: '*', dimension: hostility,", "{ target: ambition, subject: '*', dimension: hostility,")],
    [("dimension: hostility, shift", 1, 0, "'dimension' applies to position and salience effects, not ambition"),
     ("{ uniform: [0, 10] }", 1, 0, "an ambition shift must lie in [-1, 1], but uniform(0, 10) reaches 10")]),
  "natural-death-culprit": ("a natural death with a responsible party",
    [("    manner: natural-death\n", "    manner: natural-death\n    actual: { party: foreign-state, confidence: 0.5 }\n")],
    [("{ party: foreign-state", 1, 0, "a natural death has no responsible party; actual party is 'foreign-state' (use manner 'assassination' or party 'none')")]),
  "unknown-source": ("a citation of an undeclared source",
    [("sources: [src]", "sources: [scr]")],
    [("scr]", 1, 0, "unknown source 'scr' (did you mean 'src'?)")]),
  "bad-id": ("an id with spaces and capitals",
    [("id: mini", "id: Mini Scenario")],
    [("Mini Scenario", 1, 0, "scenario id 'Mini Scenario' must be 1-64 lowercase letters, digits, '-' or '_', starting with a letter or digit")]),
  "duplicate-key": ("a key given twice",
    [("title: Mini\n", "title: Mini\ntitle: Again\n")],
    [("title: Again", 1, 0, "duplicate key 'title' in the scenario")]),
  "missing-name": ("an actor without a name",
    [("    name: Deputy\n", "")],
    [("id: deputy", 1, 0, "missing required key 'name' in an actor")]),
  "birth-year-fraction": ("a fractional year",
    [("birth_year: 1950", "birth_year: 1950.5")],
    [("1950.5", 1, 0, "birth_year must be a whole number, found 1950.5")]),
  "no-coercive": ("no coercive instrument",
    [("    coercive: true\n", "")],
    [("instruments:", 1, 0, "no instrument is coercive; mark the instruments of force with 'coercive: true' (a contested succession is judged by them)")]),
  "loyalty-to-missing-head": ("loyalty to a head the organization does not have",
    [("    head: general\n", "")],
    [("head: 0.5", 1, 0, "organization 'army' has loyalty to its head but no head; add 'head' or set this share to 0")]),
  "bad-date": ("an impossible date",
    [("title: Mini\n", "title: Mini\nas_of: 2024-13-01\n")],
    [("2024-13-01", 1, 0, "expected 'as_of' as a date YYYY-MM-DD, found '2024-13-01'")]),
  "era-reversed": ("an era that ends before it starts",
    [("shocks:\n", "reference_class: { regime_type: personal, era: [2024, 1946] }\nshocks:\n")],
    [("[2024, 1946]", 1, 0, "era runs from 2024 to 1946: the first year must not come after the last")]),
  "regime-type-typo": ("a regime type outside the GWF list",
    [("shocks:\n", "reference_class: { regime_type: personalist }\nshocks:\n")],
    [("personalist", 1, 0, "unknown regime type 'personalist' (did you mean 'personal'?)")]),
  "confidence-out-of-range": ("a confidence above 1",
    [("    manner: natural-death\n", "    manner: natural-death\n    perceived: { party: none, confidence: 1.2 }\n")],
    [("1.2", 1, 0, "confidence must lie in [0, 1], found 1.2")]),
  "risk-out-of-range": ("a risk attitude below -1",
    [("    health: 0.8\n", "    health: 0.8\n    risk_attitude: -2\n")],
    [("-2", 1, 0, "risk_attitude must lie in [-1, 1], found -2")]),
  "duplicate-tie": ("the same tie twice",
    [("office:\n", "  - { from: leader, to: general, type: patronage, weight: 0.2 }\noffice:\n")],
    [("{ from: leader", 2, 0, "duplicate patronage tie from 'leader' to 'general' (first at line @@  - { from: leader@@)")]),
  "many-faults": ("several faults at once: all are reported",
    [("label: Coercion", "lable: Coercion"), ("health: 0.8", "health: 2"), ("head: general", "head: 7")],
    [("lable", 1, 0, "unknown key 'lable' in an instrument (did you mean 'label'?)"),
     ("id: coercion", 1, 0, "missing required key 'label' in an instrument"),
     ("2\n", 1, 0, "health must lie in [0, 1], found 2"),
     ("7\n", 1, 0, "unknown actor '7'; no actor has that id")]),
}

here = os.path.dirname(os.path.abspath(__file__))
for old in os.listdir(here):
    if old.endswith(".yaml"):
        os.remove(os.path.join(here, old))
for name, (description, edits, expects) in CASES.items():
    body = BASE
    for old, new in edits:
        assert body.count(old) >= 1, (name, old)
        body = body.replace(old, new, 1)
    header = ["# broken: " + description] + ["# expect: PLACEHOLDER"] * len(expects)
    text = "\n".join(header) + "\n" + body
    lines = ["# broken: " + description]
    for token, nth, offset, message in expects:
        # positions are taken in the final text: the header has a fixed number of lines
        line, col = at(body, token, nth, offset)
        if "@@" in message:
            # "@@token@@" stands for the line of the token's first occurrence in the final file
            before, token2, after = message.split("@@")
            message = before + str(at(body, token2)[0] + len(header)) + after
        lines.append(f"# expect: {line + len(header)}:{col}: {message}")
    with open(os.path.join(here, name + ".yaml"), "w") as f:
        f.write("\n".join(lines) + "\n" + body)
print(len(CASES), "files")
