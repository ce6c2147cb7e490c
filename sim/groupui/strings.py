"""The group screens' texts: key -> (Dutch, English). Placeholders in {braces} must match."""

from __future__ import annotations

from ..text import DEFAULT_LANG

STRINGS: dict[str, tuple[str, str]] = {
    # -- keys ----------------------------------------------------------------------------
    "key.quit": ("Afsluiten", "Quit"),
    "key.back": ("Terug", "Back"),
    "key.undo": ("Terugnemen", "Undo"),
    "key.refresh": ("Verversen", "Refresh"),
    "key.next_scenario": ("Volgend scenario", "Next scenario"),
    "key.close_session": ("Sessie afsluiten", "Close session"),
    "key.anonymise": ("Namen verbergen", "Hide names"),
    "key.export_csv": ("CSV opslaan", "Save CSV"),
    "key.export_html": ("Groepsrapport", "Group report"),
    "key.export_md": ("Markdown opslaan", "Save Markdown"),
    "key.save_html": ("HTML opslaan", "Save HTML"),
    "key.notes": ("Trainersnotities", "Trainer notes"),
    "key.votes_clear": ("Opnieuw tellen", "Count again"),
    "key.vote_less": ("Eén stem eraf", "One vote less"),
    "key.pick": ("Gemarkeerde kiezen", "Pick highlighted"),
    "key.follow": ("Meerderheid volgen", "Follow majority"),
    "key.bookmark": ("Bladwijzer", "Bookmark"),
    "key.go_back": ("Terug naar keuze", "Back to a decision"),
    "key.debrief": ("Nabespreking", "Debrief"),
    "key.lang": ("English", "Nederlands"),
    "key.language": ("Taal", "Language"),
    # -- general -------------------------------------------------------------------------
    "app.title": ("sovsim — groepssessie", "sovsim — group session"),
    "mode.coach": ("coachmodus", "coach mode"),
    "mode.assessment": ("toetsmodus", "assessment mode"),
    "yes": ("Ja", "Yes"),
    "no": ("Nee", "No"),
    "cancel": ("Annuleren", "Cancel"),
    "saved_to": ("Opgeslagen: {path}", "Saved: {path}"),
    "not_saved": ("Niet opgeslagen: {reason}", "Not saved: {reason}"),
    "you": ("Jij", "You"),
    # -- joining -------------------------------------------------------------------------
    "join.title": ("Meedoen aan een groepssessie", "Join a group session"),
    "join.intro": (
        "Vul de deelnamecode in die de trainer laat zien, en een naam. Een schuilnaam mag: "
        "de trainer ziet deze naam bij je resultaten.",
        "Enter the join code the trainer shows, and a name. A pseudonym is fine: the trainer "
        "sees this name with your results."),
    "join.code": ("Deelnamecode", "Join code"),
    "join.name": ("Naam of schuilnaam", "Name or pseudonym"),
    "join.button": ("Meedoen", "Join"),
    "join.trainer": ("Ik ben de trainer", "I am the trainer"),
    "join.rejoin": (
        "Was je al bezig? Gebruik dezelfde code en dezelfde naam: je gaat verder waar je was.",
        "Already started? Use the same code and the same name: you continue where you were."),
    "join.no_session": (
        "Deze code hoort niet bij een sessie. Controleer de code op het scherm van de trainer.",
        "This code does not belong to a session. Check the code on the trainer's screen."),
    "join.closed": ("Deze sessie is afgesloten; nieuwe deelnemers kunnen niet meer meedoen.",
                    "This session has been closed; new participants can no longer join."),
    "join.name_needed": ("Vul een naam in (een schuilnaam mag).",
                         "Enter a name (a pseudonym is fine)."),
    "join.seat_taken": (
        "Iemand speelt nu al onder deze naam. Kies een andere naam, of wacht een minuut als "
        "je eigen andere scherm net is gesloten.",
        "Someone is playing under this name right now. Choose another name, or wait a minute "
        "if your own other screen has just closed."),
    "join.gone": ("Deze sessie of je deelname bestaat niet meer (de trainer heeft de gegevens "
                  "verwijderd).", "This session or your participation no longer exists (the "
                  "trainer has deleted the data)."),
    "join.store": ("De sessie kan nu niet worden geopend: {reason}",
                   "The session cannot be opened now: {reason}"),
    # -- the trainee's session home ------------------------------------------------------
    "home.title": ("{session} — {name}", "{session} — {name}"),
    "home.intro": ("Kies een scenario. Je voortgang wordt na elke keuze bewaard.",
                   "Choose a scenario. Your progress is saved after every choice."),
    "home.not_started": ("nog niet begonnen", "not started"),
    "home.playing": ("bezig: {n} keuze(s) gemaakt — verder spelen",
                     "under way: {n} choice(s) made — continue"),
    "home.finished": ("klaar: {ending} — nabespreking bekijken",
                      "finished: {ending} — see the debrief"),
    "home.closed": ("De trainer heeft de sessie afgesloten.",
                    "The trainer has closed the session."),
    "home.none": ("Geen van de scenario's van deze sessie kan worden geladen. Meld dit aan de "
                  "trainer.", "None of this session's scenarios can be loaded. Tell the trainer."),
    # -- playing -------------------------------------------------------------------------
    "play.role": ("Jouw rol: {role}", "Your role: {role}"),
    "play.choose": ("Wat doe je? (cijfertoets of pijltjes en Enter)",
                    "What do you do? (number key, or arrows and Enter)"),
    "play.unavailable": ("nu niet mogelijk", "not possible now"),
    "play.feedback": ("Feedback", "Feedback"),
    "play.saved": ("Bewaard na elke keuze.", "Saved after every choice."),
    "play.not_saved": ("Je keuze kon niet worden bewaard: {reason}",
                       "Your choice could not be saved: {reason}"),
    "play.ended": ("Einde: {title}", "Ending: {title}"),
    "play.to_debrief": ("Naar de nabespreking", "To the debrief"),
    "play.decisions": ("Keuze {n}", "Decision {n}"),
    "play.no_undo": ("Terugnemen kan alleen in de coachmodus.",
                     "Undo is only possible in coach mode."),
    # -- a trainee's debrief -------------------------------------------------------------
    "debrief.title": ("Nabespreking: {scenario}", "Debrief: {scenario}"),
    "debrief.scores": ("Je scores (0-100, tegen het laagst en hoogst haalbare in dit scenario)",
                       "Your scores (0-100, against the lowest and highest reachable in this "
                       "scenario)"),
    "debrief.not_assessed": ("niet beoordeeld", "not assessed"),
    "debrief.quadrant": ("Kwadrant: {name} (contact {contact}, grenzen {limits})",
                         "Quadrant: {name} (contact {contact}, limits {limits})"),
    "debrief.group": ("Hoe de groep koos op jouw belangrijkste momenten",
                      "How the group chose at your key moments"),
    "debrief.group_wait": (
        "Zodra de trainer de sessie afsluit, zie je hier hoe de groep koos op jouw belangrijkste "
        "momenten.",
        "Once the trainer closes the session, you see here how the group chose at your key "
        "moments."),
    "debrief.group_none": ("Er waren geen momenten met verschil tussen de opties.",
                           "There were no moments where the options differed."),
    "debrief.same": ("{same} van de {total} keer koos de groep hier hetzelfde als jij.",
                     "{same} of {total} times the group chose the same as you here."),
    "debrief.your_choice": ("jouw keuze", "your choice"),
    "debrief.path": ("Je pad", "Your path"),
    "debrief.again": ("Opnieuw spelen", "Play again"),
    # -- the trainer's code and dashboard ------------------------------------------------
    "trainer.title": ("Trainersdashboard openen", "Open the trainer dashboard"),
    "trainer.code": ("Trainerscode", "Trainer code"),
    "trainer.open": ("Openen", "Open"),
    "trainer.wrong": ("Deze trainerscode klopt niet.", "This trainer code is not right."),
    "dash.title": ("Dashboard: {title}", "Dashboard: {title}"),
    "dash.untitled": ("sessie {id}", "session {id}"),
    "dash.sub": ("deelnamecode {code} · {state} · {people} deelnemer(s) · {mode}",
                 "join code {code} · {state} · {people} participant(s) · {mode}"),
    "dash.open": ("open", "open"),
    "dash.closed": ("afgesloten", "closed"),
    "dash.people": ("Deelnemers", "Participants"),
    "dash.nobody": ("Nog niemand. Laat de deelnamecode {code} zien.",
                    "Nobody yet. Show the join code {code}."),
    "dash.decisions": ("Keuzes per beslismoment", "Choices at each decision"),
    "dash.no_decisions": ("Nog geen keuzes gemaakt.", "No choices made yet."),
    "dash.dimensions": ("Gemiddelde en spreiding per dimensie (afgeronde runs)",
                        "Average and spread per dimension (finished runs)"),
    "dash.no_scores": ("Nog geen afgeronde runs.", "No finished runs yet."),
    "dash.quadrant": ("Kwadrant (één stip per afgeronde run)",
                      "Quadrant (one dot per finished run)"),
    "dash.endings": ("Eindes", "Endings"),
    "dash.poor": ("Vaakst gekozen zwakke opties", "Poor options chosen most often"),
    "dash.no_poor": ("Geen zwakke opties gekozen.", "No poor options chosen."),
    "dash.better": ("beter: {text}", "better: {text}"),
    "dash.scenario": ("Scenario {i}/{n}: {title}", "Scenario {i}/{n}: {title}"),
    "dash.finished": ("klaar: {ending}", "finished: {ending}"),
    "dash.playing": ("keuze {n} van max. {max}", "decision {n} of at most {max}"),
    "dash.playing_open": ("{n} keuze(s)", "{n} choice(s)"),
    "dash.not_started": ("nog niet begonnen", "not started"),
    "dash.away": ("weg", "away"),
    "dash.stat": ("gem. {mean} · sd {sd} · n {n}", "mean {mean} · sd {sd} · n {n}"),
    "dash.close_q": (
        "Sessie afsluiten? Niemand kan daarna nog nieuw meedoen, en iedereen ziet in de "
        "nabespreking hoe de groep koos.",
        "Close the session? Nobody new can join after that, and everyone sees in their "
        "debrief how the group chose."),
    "dash.closed_now": ("Sessie afgesloten.", "Session closed."),
    "dash.missing": ("Scenario niet gevonden: {ids}", "Scenario not found: {ids}"),
    "dash.contact": ("contact →", "contact →"),
    "dash.limits": ("grenzen ↑", "limits ↑"),
    # -- the plenary ---------------------------------------------------------------------
    "plen.title": ("Plenair: {scenario}", "Plenary: {scenario}"),
    "plen.decision": ("Beslismoment {n}", "Decision {n}"),
    "plen.branch": ("tak {n} van {total}", "branch {n} of {total}"),
    "plen.discuss": ("Bespreek", "Discuss"),
    "plen.votes": ("Stemmen", "Votes"),
    "plen.votes_help": (
        "Tel de handen: cijfertoets = +1 voor die optie, − = één eraf, 0 = opnieuw tellen. "
        "Enter volgt de meerderheid; K kiest de gemarkeerde optie (↑/↓).",
        "Count the hands: number key = +1 for that option, − = one less, 0 = count again. "
        "Enter follows the majority; K picks the highlighted option (↑/↓)."),
    "plen.no_votes": ("Nog geen stemmen: tel eerst de handen.",
                      "No votes yet: count the hands first."),
    "plen.tie": ("De stemmen staken; markeer een optie met ↑/↓ en kies met K.",
                 "The votes are tied; highlight an option with ↑/↓ and pick it with K."),
    "plen.notes": ("Trainersnotities", "Trainer notes"),
    "plen.no_notes": ("Geen trainersnotities bij dit moment.", "No trainer notes at this point."),
    "plen.thought": ("Wat de ander denkt", "What the other person thinks"),
    "plen.ended": ("Einde: {title}", "Ending: {title}"),
    "plen.ended_help": (
        "G: terug naar een eerder beslismoment om de andere weg te verkennen · "
        "D: groepsnabespreking",
        "G: back to an earlier decision to explore the road not taken · D: group debrief"),
    "plen.bookmarked": ("Bladwijzer gezet bij beslismoment {n}.", "Bookmark set at decision {n}."),
    "plen.unbookmarked": ("Bladwijzer weggehaald.", "Bookmark removed."),
    "plen.back_title": ("Terug naar een eerder beslismoment",
                        "Back to an earlier decision"),
    "plen.back_help": (
        "Kies een moment: er begint een nieuwe tak vanaf daar; alle takken blijven bewaard.",
        "Pick a moment: a new branch starts from there; every branch is kept."),
    "plen.back_item": ("Tak {branch} · moment {n}: {prompt} (gekozen: {choice})",
                       "Branch {branch} · decision {n}: {prompt} (chosen: {choice})"),
    "plen.none_back": ("Er is nog geen eerder beslismoment.", "There is no earlier decision yet."),
    "plen.forked": ("Nieuwe tak vanaf beslismoment {n}.", "New branch from decision {n}."),
    "plen.debrief": ("Groepsnabespreking: {scenario}", "Group debrief: {scenario}"),
    "plen.majority": ("meerderheid", "majority"),
    "plen.chosen": ("gekozen", "chosen"),
    "plen.other_than_majority": ("(anders dan de meerderheid)", "(not the majority)"),
    "plen.branch_main": ("Tak {n}: de weg van de groep", "Branch {n}: the group's road"),
    "plen.branch_from": ("Tak {n}: terug naar beslismoment {seq} van tak {parent}",
                         "Branch {n}: back to decision {seq} of branch {parent}"),
    "plen.option": ("Optie", "Option"),
    "plen.unfinished": ("nog niet afgerond", "not finished yet"),
}

CATALOG: dict[str, dict[str, str]] = {k: {"nl": nl, "en": en} for k, (nl, en) in STRINGS.items()}


def t(key: str, lang: str = DEFAULT_LANG, /, **values: object) -> str:
    """The text of ``key`` in ``lang`` (Dutch when missing), with ``values`` filled in."""
    entry = CATALOG.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**values) if values else text
