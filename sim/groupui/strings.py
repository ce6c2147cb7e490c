"""The group screens' texts: key -> (Dutch, English). Placeholders in {braces} must match.

Every key starts with ``group.``; they join the app's catalog (:mod:`sim.i18n`).
"""

from __future__ import annotations

from ..text import DEFAULT_LANG

STRINGS: dict[str, tuple[str, str]] = {
    # -- keys ----------------------------------------------------------------------------
    "group.key.quit": ("Afsluiten", "Quit"),
    "group.key.back": ("Terug", "Back"),
    "group.key.refresh": ("Verversen", "Refresh"),
    "group.key.next_scenario": ("Volgend scenario", "Next scenario"),
    "group.key.close_session": ("Sessie afsluiten", "Close session"),
    "group.key.anonymise": ("Namen verbergen", "Hide names"),
    "group.key.export_csv": ("CSV opslaan", "Save CSV"),
    "group.key.export_html": ("Groepsrapport", "Group report"),
    "group.key.export_md": ("Markdown opslaan", "Save Markdown"),
    "group.key.save_html": ("HTML opslaan", "Save HTML"),
    "group.key.notes": ("Trainersnotities", "Trainer notes"),
    "group.key.votes_clear": ("Opnieuw tellen", "Count again"),
    "group.key.vote_less": ("Eén stem eraf", "One vote less"),
    "group.key.pick": ("Gemarkeerde kiezen", "Pick highlighted"),
    "group.key.follow": ("Meerderheid volgen", "Follow majority"),
    "group.key.bookmark": ("Bladwijzer", "Bookmark"),
    "group.key.go_back": ("Terug naar keuze", "Back to a decision"),
    "group.key.debrief": ("Nabespreking", "Debrief"),
    "group.key.lang": ("English", "Nederlands"),
    "group.key.language": ("Taal", "Language"),
    # -- general -------------------------------------------------------------------------
    "group.app.title": ("sovsim — groepssessie", "sovsim — group session"),
    "group.mode.coach": ("coachmodus", "coach mode"),
    "group.mode.assessment": ("toetsmodus", "assessment mode"),
    "group.yes": ("Ja", "Yes"),
    "group.no": ("Nee", "No"),
    "group.cancel": ("Annuleren", "Cancel"),
    "group.saved_to": ("Opgeslagen: {path}", "Saved: {path}"),
    "group.not_saved": ("Niet opgeslagen: {reason}", "Not saved: {reason}"),
    "group.you": ("Jij", "You"),
    # -- joining -------------------------------------------------------------------------
    "group.join.title": ("Meedoen aan een groepssessie", "Join a group session"),
    "group.join.intro": (
        "Vul de deelnamecode in die de trainer laat zien, en een naam. Een schuilnaam mag: "
        "de trainer ziet deze naam bij je resultaten.",
        "Enter the join code the trainer shows, and a name. A pseudonym is fine: the trainer "
        "sees this name with your results."),
    "group.join.code": ("Deelnamecode", "Join code"),
    "group.join.name": ("Naam of schuilnaam", "Name or pseudonym"),
    "group.join.button": ("Meedoen", "Join"),
    "group.join.trainer": ("Ik ben de trainer", "I am the trainer"),
    "group.join.rejoin": (
        "Was je al bezig? Dit tabblad gaat vanzelf verder. In een nieuw tabblad: dezelfde code "
        "en naam, en de trainer keurt het goed.",
        "Already started? This tab continues by itself. In a new tab: the same code and name, "
        "and the trainer approves."),
    "group.join.no_session": (
        "Deze code hoort niet bij een sessie. Controleer de code op het scherm van de trainer.",
        "This code does not belong to a session. Check the code on the trainer's screen."),
    "group.join.closed": ("Deze sessie is afgesloten; nieuwe deelnemers kunnen niet meer meedoen.",
                    "This session has been closed; new participants can no longer join."),
    "group.join.name_needed": ("Vul een naam in (een schuilnaam mag).",
                         "Enter a name (a pseudonym is fine)."),
    "group.join.seat_taken": (
        "Iemand speelt nu al onder deze naam. Kies een andere naam, of wacht een minuut als "
        "je eigen andere scherm net is gesloten.",
        "Someone is playing under this name right now. Choose another name, or wait a minute "
        "if your own other screen has just closed."),
    "group.join.gone": ("Deze sessie of je deelname bestaat niet meer (de trainer heeft de gegevens "
                  "verwijderd).", "This session or your participation no longer exists (the "
                  "trainer has deleted the data)."),
    "group.join.store": ("De sessie kan nu niet worden geopend: {reason}",
                   "The session cannot be opened now: {reason}"),
    # -- the trainee's session home ------------------------------------------------------
    "group.home.title": ("{session} — {name}", "{session} — {name}"),
    "group.home.intro": ("Kies een scenario. Je voortgang wordt na elke keuze bewaard.",
                   "Choose a scenario. Your progress is saved after every choice."),
    "group.home.not_started": ("nog niet begonnen", "not started"),
    "group.home.playing": ("bezig: {n} keuze(s) gemaakt — verder spelen",
                     "under way: {n} choice(s) made — continue"),
    "group.home.finished": ("klaar: {ending} — nabespreking bekijken",
                      "finished: {ending} — see the debrief"),
    "group.home.closed": ("De trainer heeft de sessie afgesloten.",
                    "The trainer has closed the session."),
    "group.home.none": ("Geen van de scenario's van deze sessie kan worden geladen. Meld dit aan de "
                  "trainer.", "None of this session's scenarios can be loaded. Tell the trainer."),
    # -- playing: the app's play screen, with these texts where a session differs ----------
    "group.play.unavailable": ("nu niet mogelijk", "not possible now"),
    "group.pause.home": ("Naar de scenario's van de sessie", "Go to the session's scenarios"),
    "group.pause.saved": (
        "Je voortgang is bewaard bij de trainer. Kies het scenario opnieuw om verder te gaan; "
        "ook na een gesloten tabblad: meld je aan met dezelfde code en naam.",
        "Your progress is saved with the trainer. Choose the scenario again to continue; also "
        "after a closed tab: join with the same code and name."),
    "group.help.about": (
        "Zo werkt het: kies een scenario van de sessie, lees wat er gebeurt en kies steeds wat "
        "jij zegt of doet. In coachmodus krijg je na elke keuze feedback en mag je terugnemen; in "
        "toetsmodus zie je pas in de nabespreking hoe het ging (de trainer kiest de modus). Elke "
        "keuze wordt meteen bewaard: sluit je het tabblad, meld je dan opnieuw aan met dezelfde "
        "code en naam en je gaat verder waar je was. Je ziet alleen je eigen oefeningen. Zodra "
        "de trainer de sessie afsluit, laat je nabespreking zien hoe de groep koos op jouw "
        "belangrijkste momenten. De muis werkt ook.",
        "How it works: choose one of the session's scenarios, read what happens and each time "
        "choose what you say or do. In coach mode you get feedback after every choice and may "
        "undo; in assessment mode you only see how it went in the debrief (the trainer chooses "
        "the mode). Every choice is saved at once: if you close the tab, join again with the "
        "same code and name and you continue where you were. You see only your own runs. Once "
        "the trainer closes the session, your debrief shows how the group chose at your key "
        "moments. The mouse works too."),
    "group.cmd.home": ("Scenario's van de sessie", "The session's scenarios"),
    "group.cmd.home.help": ("Terug naar de scenario's van deze sessie",
                            "Back to this session's scenarios"),
    "group.cmd.settings.help": ("Taal, thema en tekstsnelheid", "Language, theme and text pace"),
    "group.settings.explain": (
        "Kies met ↑ ↓ en Enter of spatie; Tab gaat naar de volgende groep. Wijzigingen gelden "
        "meteen, voor dit tabblad. De trainer kiest de modus van de sessie.",
        "Choose with ↑ ↓ and Enter or Space; Tab moves to the next group. Changes apply at once, "
        "for this tab. The trainer chooses the session's mode."),
    # -- a trainee's debrief: the app's, with the group once the session is closed -------
    "group.debrief.keys": (
        "M: bewaar als Markdown · H: bewaar als HTML (printbaar) · R: opnieuw spelen (zolang de "
        "sessie open is) · Esc: naar de scenario's van de sessie · PgUp/PgDn: bladeren",
        "M: save as Markdown · H: save as HTML (printable) · R: play again (while the session "
        "is open) · Esc: the session's scenarios · PgUp/PgDn: page through"),
    "group.debrief.quadrant": ("Kwadrant: {name} (contact {contact}, grenzen {limits})",
                         "Quadrant: {name} (contact {contact}, limits {limits})"),
    "group.debrief.group": ("Hoe de groep koos op jouw belangrijkste momenten",
                      "How the group chose at your key moments"),
    "group.debrief.group_wait": (
        "Zodra de trainer de sessie afsluit, zie je hier hoe de groep koos op jouw belangrijkste "
        "momenten.",
        "Once the trainer closes the session, you see here how the group chose at your key "
        "moments."),
    "group.debrief.group_none": ("Er waren geen momenten met verschil tussen de opties.",
                           "There were no moments where the options differed."),
    "group.debrief.same": ("{same} van de {total} keer koos de groep hier hetzelfde als jij.",
                     "{same} of {total} times the group chose the same as you here."),
    "group.debrief.your_choice": ("jouw keuze", "your choice"),
    # -- the trainer's code and dashboard ------------------------------------------------
    "group.trainer.title": ("Trainersdashboard openen", "Open the trainer dashboard"),
    "group.trainer.code": ("Trainerscode", "Trainer code"),
    "group.trainer.open": ("Openen", "Open"),
    "group.trainer.wrong": ("Deze trainerscode klopt niet.", "This trainer code is not right."),
    "group.dash.title": ("Dashboard: {title}", "Dashboard: {title}"),
    # learning records (xAPI): a session's statements sent to each LRS
    "group.dash.lrs": ("xAPI {name}: verstuurd {sent}, wachtrij {queued}",
                       "xAPI {name}: sent {sent}, queued {queued}"),
    "group.dash.untitled": ("sessie {id}", "session {id}"),
    "group.dash.sub": ("deelnamecode {code} · {state} · {people} deelnemer(s) · {mode}",
                 "join code {code} · {state} · {people} participant(s) · {mode}"),
    "group.dash.open": ("open", "open"),
    "group.dash.closed": ("afgesloten", "closed"),
    "group.dash.people": ("Deelnemers", "Participants"),
    "group.dash.nobody": ("Nog niemand. Laat de deelnamecode {code} zien.",
                    "Nobody yet. Show the join code {code}."),
    "group.dash.loading": ("De cijfers worden opgehaald…", "Reading the figures…"),
    "group.dash.decisions": ("Keuzes per beslismoment", "Choices at each decision"),
    "group.dash.no_decisions": ("Nog geen keuzes gemaakt.", "No choices made yet."),
    "group.dash.dimensions": ("Gemiddelde en spreiding per dimensie (afgeronde runs)",
                        "Average and spread per dimension (finished runs)"),
    "group.dash.no_scores": ("Nog geen afgeronde runs.", "No finished runs yet."),
    "group.dash.quadrant": ("Kwadrant (één stip per afgeronde run)",
                      "Quadrant (one dot per finished run)"),
    "group.dash.endings": ("Eindes", "Endings"),
    "group.dash.poor": ("Vaakst gekozen zwakke opties", "Poor options chosen most often"),
    "group.dash.no_poor": ("Geen zwakke opties gekozen.", "No poor options chosen."),
    "group.dash.better": ("beter: {text}", "better: {text}"),
    "group.dash.scenario": ("Scenario {i}/{n}: {title}", "Scenario {i}/{n}: {title}"),
    "group.dash.finished": ("klaar: {ending}", "finished: {ending}"),
    "group.dash.playing": ("keuze {n} van max. {max}", "decision {n} of at most {max}"),
    "group.dash.playing_open": ("{n} keuze(s)", "{n} choice(s)"),
    "group.dash.not_started": ("nog niet begonnen", "not started"),
    "group.dash.away": ("weg", "away"),
    "group.dash.stat": ("gem. {mean} · sd {sd} · n {n}", "mean {mean} · sd {sd} · n {n}"),
    "group.dash.close_q": (
        "Sessie afsluiten? Niemand kan daarna nog nieuw meedoen, en iedereen ziet in de "
        "nabespreking hoe de groep koos.",
        "Close the session? Nobody new can join after that, and everyone sees in their "
        "debrief how the group chose."),
    "group.dash.closed_now": ("Sessie afgesloten.", "Session closed."),
    "group.dash.missing": ("Scenario niet gevonden: {ids}", "Scenario not found: {ids}"),
    "group.dash.contact": ("contact →", "contact →"),
    "group.dash.limits": ("grenzen ↑", "limits ↑"),
    # -- the trainer's corner of the app ------------------------------------------------
    "group.trainer.menu": ("Voor trainers", "For trainers"),
    "group.home.trainer": ("Voor trainers: plenair of dashboard",
                           "For trainers: plenary or dashboard"),
    "group.trainer.intro": (
        "Speel een scenario plenair met een groep (op een projector), of open het dashboard "
        "van een live sessie met de trainerscode.",
        "Play a scenario with a group (on a projector), or open the dashboard of a live "
        "session with its trainer code."),
    "group.trainer.dashboard": ("Trainersdashboard van een live sessie…",
                                "Trainer dashboard of a live session…"),
    "group.trainer.continue": ("Verder met de plenaire sessie: {title}",
                               "Continue the plenary: {title}"),
    "group.trainer.plenary": ("Plenair: {title}", "Plenary: {title}"),
    "group.trainer.live_help": (
        "Een live sessie op de eigen apparaten van de deelnemers maak je op de opdrachtregel: "
        "sovsim session create SCENARIO, dan sovsim serve --host 0.0.0.0. Zie docs/trainers.md.",
        "A live session on the trainees' own devices is made on the command line: "
        "sovsim session create SCENARIO, then sovsim serve --host 0.0.0.0. See docs/trainers.md."),
    "group.trainer.no_session": ("Geen open sessie heeft deze trainerscode.",
                                 "No open session has this trainer code."),
    # -- the plenary ---------------------------------------------------------------------
    "group.plen.title": ("Plenair: {scenario}", "Plenary: {scenario}"),
    "group.plen.decision": ("Beslismoment {n}", "Decision {n}"),
    "group.plen.branch": ("tak {n} van {total}", "branch {n} of {total}"),
    "group.plen.discuss": ("Bespreek", "Discuss"),
    "group.plen.votes": ("Stemmen", "Votes"),
    "group.plen.votes_help": (
        "Tel de handen: cijfertoets = +1 voor die optie, − = één eraf, 0 = opnieuw tellen. "
        "Enter volgt de meerderheid; K kiest de gemarkeerde optie (↑/↓).",
        "Count the hands: number key = +1 for that option, − = one less, 0 = count again. "
        "Enter follows the majority; K picks the highlighted option (↑/↓)."),
    "group.plen.no_votes": ("Nog geen stemmen: tel eerst de handen.",
                      "No votes yet: count the hands first."),
    "group.plen.tie": ("De stemmen staken; markeer een optie met ↑/↓ en kies met K.",
                 "The votes are tied; highlight an option with ↑/↓ and pick it with K."),
    "group.plen.notes": ("Trainersnotities", "Trainer notes"),
    "group.plen.no_notes": ("Geen trainersnotities bij dit moment.", "No trainer notes at this point."),
    "group.plen.thought": ("Wat de ander denkt", "What the other person thinks"),
    "group.plen.ended": ("Einde: {title}", "Ending: {title}"),
    "group.plen.ended_help": (
        "G: terug naar een eerder beslismoment om de andere weg te verkennen · "
        "D: groepsnabespreking",
        "G: back to an earlier decision to explore the road not taken · D: group debrief"),
    "group.plen.bookmarked": ("Bladwijzer gezet bij beslismoment {n}.", "Bookmark set at decision {n}."),
    "group.plen.unbookmarked": ("Bladwijzer weggehaald.", "Bookmark removed."),
    "group.plen.back_title": ("Terug naar een eerder beslismoment",
                        "Back to an earlier decision"),
    "group.plen.back_help": (
        "Kies een moment: er begint een nieuwe tak vanaf daar; alle takken blijven bewaard.",
        "Pick a moment: a new branch starts from there; every branch is kept."),
    "group.plen.back_item": ("Tak {branch} · moment {n}: {prompt} (gekozen: {choice})",
                       "Branch {branch} · decision {n}: {prompt} (chosen: {choice})"),
    "group.plen.none_back": ("Er is nog geen eerder beslismoment.", "There is no earlier decision yet."),
    "group.plen.forked": ("Nieuwe tak vanaf beslismoment {n}.", "New branch from decision {n}."),
    "group.plen.debrief": ("Groepsnabespreking: {scenario}", "Group debrief: {scenario}"),
    "group.plen.majority": ("meerderheid", "majority"),
    "group.plen.chosen": ("gekozen", "chosen"),
    "group.plen.other_than_majority": ("(anders dan de meerderheid)", "(not the majority)"),
    "group.plen.branch_main": ("Tak {n}: de weg van de groep", "Branch {n}: the group's road"),
    "group.plen.branch_from": ("Tak {n}: terug naar beslismoment {seq} van tak {parent}",
                         "Branch {n}: back to decision {seq} of branch {parent}"),
    "group.plen.option": ("Optie", "Option"),
    "group.plen.unfinished": ("nog niet afgerond", "not finished yet"),
    # -- joinsafe: joining that cannot be abused ---------------------------------------
    "group.join.wait": (
        "Te veel verkeerde codes. Wacht {s} seconden en probeer het dan opnieuw.",
        "Too many wrong codes. Wait {s} seconds, then try again."),
    "group.join.wrong_wait": (
        "Deze code hoort niet bij een sessie. Controleer de code op het scherm van de trainer; "
        "je kunt het over {s} seconden opnieuw proberen.",
        "This code does not belong to a session. Check the code on the trainer's screen; you "
        "can try again in {s} seconds."),
    "group.join.locked": (
        "Te veel verkeerde codes: meedoen vanaf hier is geblokkeerd tot {time}. De trainer kan "
        "de blokkade eerder opheffen op het dashboard.",
        "Too many wrong codes: joining from here is locked until {time}. The trainer can lift "
        "the lock sooner on the dashboard."),
    "group.join.lookalike": (
        "Deze naam lijkt te veel op de naam van iemand anders in deze sessie (bijvoorbeeld "
        "letters uit een ander alfabet die er hetzelfde uitzien). Kies een naam die duidelijk "
        "anders is, bijvoorbeeld met een initiaal erbij.",
        "This name looks too much like the name of someone else in this session (for example "
        "letters of another alphabet that look the same). Choose a name that is clearly "
        "different, for example with an initial added."),
    "group.join.resume_failed": (
        "Je vorige deelname kon niet automatisch worden hervat. Vul de code en je naam in.",
        "Your earlier participation could not be resumed by itself. Enter the code and your "
        "name."),
    "group.join.refused": ("De trainer heeft het verzoek niet goedgekeurd.",
                           "The trainer did not approve the request."),
    "group.takeover.title": ("Deze naam is al in gebruik", "This name is already in use"),
    "group.takeover.text": (
        "Er doet al iemand mee onder de naam {name}. Ben jij dat, bijvoorbeeld in een nieuw "
        "tabblad of op een ander apparaat? Vraag de trainer dan om je verzoek goed te keuren "
        "op het dashboard. Zodra dat gebeurt, ga je hier verder waar je was.\n\nIs het niet "
        "jouw naam? Annuleer en kies een andere naam.",
        "Someone has already joined under the name {name}. Is that you, for example in a new "
        "tab or on another device? Then ask the trainer to approve your request on the "
        "dashboard. As soon as that happens, you continue here where you were.\n\nNot your "
        "name? Cancel and choose another name."),
    "group.takeover.waiting": ("Wachten op de trainer…", "Waiting for the trainer…"),
    "group.key.takeovers": ("Overnemen goedkeuren", "Approve take-overs"),
    "group.key.joins": ("Aanmeldingen", "Joins"),
    "group.dash.alert_takeovers": ("Vraagt een naam over te nemen: {n} (T)",
                                   "Asks to take over a name: {n} (T)"),
    "group.dash.alert_locked": ("Geblokkeerd na verkeerde codes: {n} (L)",
                                "Locked out after wrong codes: {n} (L)"),
    "group.dash.alert_failed": ("Mislukt meedoen, laatste 15 min: {n} (L)",
                                "Failed joins, last 15 min: {n} (L)"),
    "group.takeovers.title": ("Verzoeken om een naam over te nemen",
                              "Requests to take over a name"),
    "group.takeovers.explain": (
        "Keur alleen goed als de deelnemer in de zaal zegt dat het zijn of haar naam is (een "
        "nieuw tabblad, een ander apparaat). Het nieuwe tabblad gaat dan verder met die "
        "oefeningen; het oude bewaart niets meer.",
        "Approve only when the participant in the room says it is their name (a new tab, "
        "another device). The new tab then continues their runs; the old one no longer saves."),
    "group.takeovers.none": ("Geen verzoeken.", "No requests."),
    "group.takeovers.row": ("{name} · gevraagd om {time}{where}",
                            "{name} · asked at {time}{where}"),
    "group.takeovers.approve": ("Goedkeuren", "Approve"),
    "group.takeovers.refuse": ("Weigeren", "Refuse"),
    "group.takeovers.approved": ("Goedgekeurd: {name} gaat verder in het nieuwe tabblad.",
                                 "Approved: {name} continues in the new tab."),
    "group.takeovers.refused": ("Geweigerd.", "Refused."),
    "group.joins.title": ("Aanmeldingen en mislukte pogingen", "Joins and failed attempts"),
    "group.joins.locked_head": ("Geblokkeerd of wachtend", "Locked out or waiting"),
    "group.joins.none_locked": ("Niemand geblokkeerd.", "Nobody locked out."),
    "group.joins.locked_row": ("{who} · {n} verkeerde code(s) · {state}",
                               "{who} · {n} wrong code(s) · {state}"),
    "group.joins.locked_until": ("geblokkeerd tot {time}", "locked until {time}"),
    "group.joins.wait_until": ("wacht tot {time}", "waiting until {time}"),
    "group.joins.tab": ("tabblad {id}", "tab {id}"),
    "group.joins.address": ("adres {address}", "address {address}"),
    "group.joins.lift": ("Blokkade opheffen", "Lift the lock"),
    "group.joins.lifted": ("Blokkade opgeheven.", "Lock lifted."),
    "group.joins.log_head": ("Logboek (nieuwste eerst)", "Log (newest first)"),
    "group.joins.empty": ("Nog niets.", "Nothing yet."),
    "group.joins.event.joined": ("nieuw meegedaan", "joined (new)"),
    "group.joins.event.rejoined": ("opnieuw meegedaan (eigen token)", "rejoined (own token)"),
    "group.joins.event.resumed": ("hervat na verbinding (eigen token)",
                                  "resumed after reconnecting (own token)"),
    "group.joins.event.wrong_code": ("verkeerde code", "wrong code"),
    "group.joins.event.locked": ("verkeerde code, nu geblokkeerd", "wrong code, now locked out"),
    "group.joins.event.bad_token": ("onbekend hervattoken", "unknown resume token"),
    "group.joins.event.lookalike": ("geweigerd: lijkt op een bestaande naam",
                                    "refused: looks like an existing name"),
    "group.joins.event.takeover_asked": ("vraagt een bestaande naam over te nemen",
                                         "asks to take over an existing name"),
    "group.joins.event.takeover_approved": ("overnemen goedgekeurd", "take-over approved"),
    "group.joins.event.takeover_refused": ("overnemen geweigerd", "take-over refused"),
    "group.joins.event.takeover_done": ("naam overgenomen (na goedkeuring)",
                                        "name taken over (approved)"),
    "group.joins.event.lockout_lifted": ("blokkade opgeheven door de trainer",
                                         "lock lifted by the trainer"),
    "group.cli.waiting": ("{n} verzoek(en) om een naam over te nemen wacht(en) op goedkeuring",
                          "{n} take-over request(s) waiting for approval"),
    "group.cli.held": ("{n} tabblad(en)/adres(sen) tegengehouden na verkeerde codes",
                       "{n} tab(s)/address(es) held back after wrong codes"),
    "group.cli.failed": ("{n} mislukte poging(en) om mee te doen in de laatste 15 minuten",
                         "{n} failed join attempt(s) in the last 15 minutes"),
    # -- owned thoughts (issue 12, branch catalogue) --
    "group.plen.thought_of": ("Wat {name} denkt", "What {name} thinks"),
    # -- trainerday (issue 14, trainers): progress, plurals, the report, the projector ----
    "group.td.playing_open": ("keuze {n}", "decision {n}"),
    "group.td.runs.one": ("{n} run", "{n} run"),
    "group.td.runs.many": ("{n} runs", "{n} runs"),
    "group.td.finished": ("{n} afgerond", "{n} finished"),
    "group.td.people.one": ("{n} deelnemer", "{n} participant"),
    "group.td.people.many": ("{n} deelnemers", "{n} participants"),
    "group.td.sub": ("deelnamecode {code} · {state} · {people} · {mode}",
                     "join code {code} · {state} · {people} · {mode}"),
    "group.td.decision": ("Beslismoment {n}", "Decision {n}"),
    "group.td.poor_legend": ("rood = zwakke optie", "red = poor option"),
    "group.td.report_title": ("Groepsrapport: {title}", "Group report: {title}"),
    "group.td.report_dates": ("Sessie van {date} · rapport gemaakt op {made}",
                              "Session of {date} · report made on {made}"),
    "group.td.report_legend": (
        "In rood: een zwakke optie, een keuze die in de rubriek per saldo negatief scoort. "
        "Bij de vaakst gekozen zwakke opties staat de best scorende optie die op dat moment "
        "openstond (beter: …).",
        "In red: a poor option, a choice that scores negative overall in the rubric. With the "
        "poor options chosen most often, the best-scoring option that was on offer at that "
        "moment is given (better: …)."),
    "group.td.mean": ("gemiddeld", "mean"),
    "group.td.sd": ("sd", "sd"),
    "group.td.range": ("min–max", "min–max"),
    "group.td.months": (
        "januari februari maart april mei juni juli augustus september oktober november "
        "december",
        "January February March April May June July August September October November "
        "December"),
    "group.td.key.scenario": ("Scenario", "Scenario"),
    "group.td.key.show_names": ("Namen tonen", "Show names"),
    "group.td.key.csv": ("CSV", "CSV"),
    "group.td.key.report": ("Rapport", "Report"),
    "group.td.key.close": ("Sessie sluiten", "Close session"),
    "group.td.key.majority": ("Meerderheid", "Majority"),
    "group.td.key.pick": ("Kiezen", "Pick"),
    "group.td.key.notes": ("Notities", "Notes"),
    "group.td.key.go_back": ("Terug", "Go back"),
    "group.td.votes_help": (
        "Cijfertoets = +1 stem · - = laatste stem eraf · 0 = opnieuw tellen · Enter volgt de "
        "meerderheid · ↑/↓ markeert, K kiest de gemarkeerde · B = bladwijzer",
        "Number key = +1 vote · - = last vote off · 0 = count again · Enter follows the "
        "majority · ↑/↓ highlights, K picks the highlighted · B = bookmark"),
    "group.td.votes_line": ("Stemmen: {total} · meerderheid: optie {n}",
                            "Votes: {total} · majority: option {n}"),
    "group.td.plen_saved": (
        "Plenaire sessie {id} is bewaard. Ga later verder met: sovsim group --session {id}",
        "Plenary {id} is saved. Continue it with: sovsim group --session {id}"),
    "group.td.debrief_dates": ("{title} · {date}", "{title} · {date}"),
}

def _register() -> dict[str, dict[str, str]]:
    """Add these texts to the app's one catalog (:mod:`sim.i18n`)."""
    from .. import i18n

    entries = dict(STRINGS)
    clash = [k for k in entries if k in i18n.CATALOG and i18n.CATALOG[k] != dict(
        zip(("nl", "en"), entries[k], strict=True))]
    if clash:
        raise ValueError(f"group texts clash with the app's: {', '.join(clash)}")
    for key, (nl, en) in entries.items():
        i18n.CATALOG[key] = {"nl": nl, "en": en}
    return i18n.CATALOG


CATALOG = _register()


def t(key: str, lang: str = DEFAULT_LANG, /, **values: object) -> str:
    """The text of ``key`` (a ``group.`` key) in ``lang``, with ``values`` filled in."""
    from ..i18n import t as app_t

    return app_t(key, lang, **values)
