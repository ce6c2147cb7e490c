"""The commented starting point that ``sovsim new ID`` writes: a small, complete
scenario in Dutch and English that validates without warnings."""

from __future__ import annotations

import re

NEW_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}\Z")

TEMPLATE = """\
# A new sovsim scenario. Replace the example texts with your own case; keep the
# structure until 'sovsim validate __ID__.yaml' is clean, then grow it.
# The guide: docs/authoring.md. Editor help (VS Code, YAML extension): run
#   sovsim schema -o scenario.schema.json
# and make this the first line of the file:
#   # yaml-language-server: $schema=scenario.schema.json
#
# Every text is either one string (the same in every language; fine for names)
# or one text per language: {nl: "...", en: "..."}.

id: __ID__                # stable: runs and reports are kept under this id
version: 1                # raise it when you change the content
languages: [nl, en]
title: {nl: "Nieuwe casus", en: "New scenario"}
summary:                  # 2-4 sentences for the scenario library
  nl: Een bewoner wil een verklaring laten tekenen. Oefen met luisteren, niet tekenen en een grens stellen.
  en: A resident wants a statement signed. Practise listening, not signing and setting a limit.
role: {nl: "Medewerker burgerzaken", en: "Civil affairs clerk"}   # the trainee's role
dossier:                  # the case file the trainee can read during play
  nl: |-
    Bewoner: Sam (45), ingeschreven op dit adres.
    Geen eerdere contacten over dit onderwerp.
  en: |-
    Resident: Sam (45), registered at this address.
    No earlier contact about this matter.
setting: {nl: "Balie burgerzaken, maandagochtend", en: "Civil affairs desk, Monday morning"}
themes: [balie]           # free lowercase tags
difficulty: 1             # 1 basis, 2 gevorderd, 3 expert
minutes: 5                # estimated playing time
channel: face_to_face     # face_to_face | writing | online | phone | meeting

characters:
  sam:                    # the id lines use as 'speaker:'
    name: Sam             # never a real person's name
    description: {nl: "Bewoner, 45", en: "Resident, 45"}

variables:                # number, bool or text; numbers clamp to min/max
  vertrouwen: {type: number, initial: 4, min: 0, max: 10, gauge: true, label: {nl: Vertrouwen, en: Trust}}
  spanning: {type: number, initial: 3, min: 0, max: 10, gauge: true, label: {nl: Spanning, en: Tension}}

start: aankomst           # the first node

nodes:
  aankomst:               # a node with 'next:' goes on by itself (no decision)
    lines:
      - text: {nl: "Sam legt een vel papier op de balie.", en: "Sam puts a sheet of paper on the counter."}
    next: begin

  begin:
    lines:                # no speaker = narration
      - speaker: sam
        text: {nl: "Ik erken uw gezag niet. Teken hier dat ik vrij ben.", en: "I do not recognise your authority. Sign here that I am free."}
    thought: {by: sam, text: {nl: "Ze luisteren toch nooit.", en: "They never listen anyway."}}   # whose thought; coach mode only
    discussion: {nl: "Wat vraagt Sam eigenlijk?", en: "What is Sam really asking?"}   # for group sessions
    choices:              # each: id, text, behaviours, feedback, target
      - id: luisteren
        text: {nl: "Wat is er gebeurd dat u hier komt?", en: "What happened that brings you here?"}
        effects: ["vertrouwen += 1"]
        behaviours: [open-vraag-concreet, niet-in-discussie]   # from the rubric's catalogue; they give the scores
        feedback: {nl: "Je vraagt naar de zorg onder het verzoek (verbinding houden).", en: "You ask about the worry beneath the request (keeping contact)."}
        target: grens-moment
      - id: discussie
        text: {nl: "U bent gewoon een burger, net als iedereen.", en: "You are simply a citizen, like everyone else."}
        effects: ["spanning += 3", "vertrouwen -= 1"]
        behaviours: [ideologie-debatteren]
        feedback: {nl: "Je gaat in discussie over het gedachtegoed; de spanning stijgt.", en: "You argue about the ideology; the tension rises."}
        target: grens-moment

  grens-moment:
    lines:
      - speaker: sam
        text: {nl: "Teken nou gewoon! Ik blijf hier staan tot u tekent.", en: "Just sign it! I am staying here until you sign."}
    choices:
      - id: grens
        text: {nl: "Ik teken dit niet. Als u blijft roepen, stop ik het gesprek.", en: "I will not sign this. If you keep shouting, I will end this conversation."}
        behaviours: [niet-tekenen, grens-en-gevolg]
        feedback: {nl: "Je benoemt het gedrag rustig en zegt wat er gebeurt als het doorgaat (grenzen stellen).", en: "You name the behaviour calmly and say what happens if it goes on (setting limits)."}
        target: afronden
        routes:           # conditional targets: the first whose 'if' holds wins
          - if: "spanning >= 6"
            target: einde-grens
      - id: toegeven
        text: {nl: "Goed, geef maar, dan teken ik.", en: "All right, give it here, I will sign."}
        behaviours: [eigen-papier-tekenen, intimidatie-toelaten]
        feedback: {nl: "Onder druk tekenen beloont intimidatie.", en: "Signing under pressure rewards intimidation."}
        target: einde-getekend

  afronden:
    lines:
      - speaker: sam
        text: {nl: "Hm. En wat nu?", en: "Hm. And now what?"}
    choices:
      - id: afspraak
        text: {nl: "Ik maak een afspraak met een collega die u verder helpt.", en: "I will make an appointment with a colleague who can help you further."}
        behaviours: [contact-en-datum]
        feedback: {nl: "Een concrete volgende stap met een vast aanspreekpunt.", en: "A concrete next step with a named contact."}
        target: einde-partner
      - id: afwimpelen
        text: {nl: "Daar kan ik niets mee. Volgende graag.", en: "I cannot do anything with that. Next, please."}
        behaviours: [kortaf-afwijzen, vaag-blijven]
        feedback: {nl: "Je sluit af zonder vervolg; Sam haakt af.", en: "You close without a follow-up; Sam drops out."}
        target: einde-weg

  einde-partner:          # an ending: outcome, title and text
    ending:
      outcome: partner    # partner | contact_broken | escalation | gave_in | open
      title: {nl: "Contact gehouden", en: "Contact kept"}
      text: {nl: "Je tekende niets en Sam komt terug voor de afspraak.", en: "You signed nothing and Sam will come back for the appointment."}
  einde-grens:
    ending:
      outcome: escalation
      title: {nl: "Grens gesteld", en: "Limit set"}
      text: {nl: "Je stelde een grens; het contact is voor nu gespannen.", en: "You set a limit; contact is strained for now."}
  einde-getekend:
    ending:
      outcome: gave_in
      title: {nl: "Getekend", en: "Signed"}
      text: {nl: "Je gaf toe; het papier wordt later tegen de gemeente gebruikt.", en: "You gave in; the paper will later be used against the municipality."}
  einde-weg:
    ending:
      outcome: contact_broken
      title: {nl: "Contact verbroken", en: "Contact broken"}
      text: {nl: "Sam loopt weg en is uit beeld.", en: "Sam walks off and is out of sight."}
"""


def scaffold(scenario_id: str) -> str:
    """The text of a new scenario file with this id."""
    if not NEW_ID.match(scenario_id):
        raise ValueError(f"{scenario_id!r} is not a usable scenario id: use lowercase letters, "
                         "digits and '-', starting with a letter or digit (at most 80)")
    return TEMPLATE.replace("__ID__", scenario_id)
