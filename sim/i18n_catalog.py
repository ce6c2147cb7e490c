"""The user-interface strings: key -> (Dutch, English). Placeholders in {braces} must match."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # -- keys (footer and help) ----------------------------------------------------------
    "key.help": ("Hulp", "Help"),
    "key.quit": ("Afsluiten", "Quit"),
    "key.palette": ("Opdrachten", "Commands"),
    "key.back": ("Terug", "Back"),
    "key.cancel": ("Annuleren", "Cancel"),
    "key.close": ("Sluiten", "Close"),
    "key.continue": ("Verder spelen", "Continue"),
    "key.library": ("Scenario's", "Scenarios"),
    "key.results": ("Mijn resultaten", "My results"),
    "key.settings": ("Instellingen", "Settings"),
    "key.start": ("Beginnen", "Start"),
    "key.dossier": ("Dossier", "Case file"),
    "key.glossary": ("Begrippen", "Glossary"),
    "key.undo": ("Terugnemen", "Undo"),
    "key.pause": ("Pauze", "Pause"),
    "key.resume": ("Verder", "Resume"),
    "key.skip": ("Alles tonen", "Show all"),
    "key.space": ("Spatie", "Space"),
    "key.open": ("Openen", "Open"),
    "key.export_md": ("Markdown", "Markdown"),
    "key.export_html": ("HTML", "HTML"),
    "key.replay": ("Opnieuw", "Play again"),
    "key.home": ("Beginscherm", "Home"),
    "key.delete": ("Verwijderen", "Delete"),
    # -- command palette -----------------------------------------------------------------
    "palette.placeholder": ("Zoek een opdracht…", "Search for a command…"),
    "cmd.home": ("Beginscherm", "Home"),
    "cmd.home.help": ("Terug naar het beginscherm", "Back to the home screen"),
    "cmd.library": ("Scenario's", "Scenarios"),
    "cmd.library.help": ("Kies een scenario om te spelen", "Choose a scenario to play"),
    "cmd.results": ("Mijn resultaten", "My results"),
    "cmd.results.help": ("Je eerdere oefeningen en hun nabespreking",
                         "Your earlier runs and their debriefs"),
    "cmd.settings": ("Instellingen", "Settings"),
    "cmd.settings.help": ("Taal, thema, modus en tekstsnelheid",
                          "Language, theme, mode and text pace"),
    "cmd.help": ("Hulp en toetsen", "Help and keys"),
    "cmd.help.help": ("Welke toetsen wat doen", "Which keys do what"),
    "cmd.lang": ("Switch to English", "Wissel naar Nederlands"),
    "cmd.lang.help": ("Toon sovsim in het Engels", "Show sovsim in Dutch"),
    "cmd.theme": ("Thema: {theme}", "Theme: {theme}"),
    "cmd.theme.help": ("Verander de kleuren", "Change the colours"),
    "cmd.quit": ("Afsluiten", "Quit"),
    "cmd.quit.help": ("Sluit sovsim af (je voortgang is bewaard)",
                      "Close sovsim (your progress is saved)"),
    "cmd.dossier.help": ("Lees het dossier van deze zaak", "Read this case's file"),
    "cmd.glossary.help": ("Wat betekenen de termen die soevereinen gebruiken?",
                          "What do the terms sovereigns use mean?"),
    "cmd.undo.help": ("Neem je laatste keuze terug (coachmodus)",
                      "Take back your last choice (coach mode)"),
    "cmd.pause.help": ("Pauzeer of verlaat het scenario", "Pause or leave the scenario"),
    "cmd.export_md.help": ("Bewaar deze nabespreking als Markdown-bestand",
                           "Save this debrief as a Markdown file"),
    "cmd.export_html.help": ("Bewaar deze nabespreking als HTML-pagina (om te printen)",
                             "Save this debrief as an HTML page (for printing)"),
    "cmd.replay.help": ("Speel dit scenario opnieuw", "Play this scenario again"),
    "quit.how": ("Druk op Ctrl+Q om af te sluiten.", "Press Ctrl+Q to quit."),
    "quit.title": ("Afsluiten?", "Quit?"),
    # -- general -------------------------------------------------------------------------
    "lang.nl": ("Nederlands", "Dutch (Nederlands)"),
    "lang.en": ("Engels (English)", "English"),
    "theme.dark": ("Donker", "Dark"),
    "theme.light": ("Licht", "Light"),
    "theme.contrast": ("Hoog contrast", "High contrast"),
    "mode.coach": ("Coachmodus", "Coach mode"),
    "mode.assessment": ("Toetsmodus", "Assessment mode"),
    "mode.coach.short": ("Na elke keuze feedback; terugnemen mag.",
                         "Feedback after every choice; undo allowed."),
    "mode.assessment.short": ("Geen feedback tot de nabespreking; niet terugnemen.",
                              "No feedback until the debrief; no undo."),
    "mode.coach.tag": ("coach", "coach"),
    "mode.assessment.tag": ("toets", "assessment"),
    "mode.question": ("Hoe wil je spelen?", "How do you want to play?"),
    "mode.coach.button": ("Coachmodus", "Coach mode"),
    "mode.assessment.button": ("Toetsmodus", "Assessment mode"),
    "mode.coach.explain": (
        "Na elke keuze zie je kort wat die deed, op welk punt van de rubriek, en wat de ander "
        "dacht. Je mag een keuze terugnemen.",
        "After every choice you see briefly what it did, on which point of the rubric, and what "
        "the other person was thinking. You may take a choice back."),
    "mode.assessment.explain": (
        "Je speelt zonder hulp: geen feedback en geen meters tot de nabespreking, en terugnemen "
        "kan niet.",
        "You play without help: no feedback and no gauges until the debrief, and no undo."),
    "pace.normal": ("Rustig leestempo", "Calm reading pace"),
    "pace.fast": ("Snel", "Fast"),
    "pace.off": ("Alles direct", "All at once"),
    "difficulty.1": ("basis", "basic"),
    "difficulty.2": ("gevorderd", "intermediate"),
    "difficulty.3": ("expert", "expert"),
    "dialog.back": ("Terug", "Back"),
    "dialog.cancel": ("Annuleren", "Cancel"),
    "dialog.close_hint": ("Esc: sluiten", "Esc: close"),
    "dim.verbinding": ("Contact houden", "Keeping contact"),
    "dim.begrip": ("Grieven begrijpen", "Understanding grievances"),
    "dim.zakelijk": ("Bij de zaak blijven", "Staying on the matter"),
    "dim.rechtmatig": ("Rechtmatig handelen", "Lawful procedure"),
    "dim.helder": ("Heldere taal", "Clear language"),
    "dim.grenzen": ("Grenzen stellen", "Setting limits"),
    "dim.veiligheid": ("Veiligheid", "Safety"),
    "outcome.partner": ("Betrouwbare partner", "Reliable partner"),
    "outcome.contact_broken": ("Contact verbroken", "Contact broken"),
    "outcome.escalation": ("Escalatie", "Escalation"),
    "outcome.gave_in": ("Toegegeven", "Gave in"),
    "outcome.open": ("Open einde", "Open ending"),
    "outcome.abandoned": ("Niet af te maken", "Could not be finished"),
    # -- home ----------------------------------------------------------------------------
    "home.subtitle": ("Oefenen met lastige gesprekken", "Practising difficult conversations"),
    "home.welcome": (
        "Welkom bij sovsim. Hier oefen je gesprekken met inwoners die zich soeverein of "
        "autonoom noemen: contact houden, begrijpen wat eronder zit, en grenzen stellen. "
        "Kies met de pijltjes en Enter, of klik met de muis. F1 toont alle toetsen.",
        "Welcome to sovsim. Here you practise conversations with residents who call themselves "
        "sovereign or autonomous: keeping contact, understanding what lies underneath, and "
        "setting limits. Choose with the arrow keys and Enter, or click. F1 shows every key."),
    "home.continue": ("▶ Verder met: {title}", "▶ Continue: {title}"),
    "home.continue.detail": ("{mode}, {n} keuze(s) gemaakt - je voortgang is bewaard",
                             "{mode}, {n} choice(s) made - your progress is saved"),
    "home.library": ("Scenario's kiezen", "Choose a scenario"),
    "home.results": ("Mijn resultaten", "My results"),
    "home.settings": ("Instellingen (taal, thema, modus)", "Settings (language, theme, mode)"),
    "home.help": ("Hulp en toetsen", "Help and keys"),
    "home.quit": ("Afsluiten", "Quit"),
    "home.status": ("Modus: {mode} · Taal: {lang} · Thema: {theme}",
                    "Mode: {mode} · Language: {lang} · Theme: {theme}"),
    "home.nothing_to_continue": ("Er is geen onderbroken oefening.", "There is no unfinished run."),
    # -- resume --------------------------------------------------------------------------
    "resume.damaged": (
        "Je onderbroken oefening is beschadigd opgeslagen en kan niet verder. De rest van je "
        "oefeningen is niet aangeraakt.\n({reason})",
        "Your unfinished run was saved damaged and cannot continue. Your other runs are "
        "untouched.\n({reason})"),
    "resume.changed": (
        "Dit scenario is veranderd sinds je eraan begon, daardoor kan je oefening niet verder "
        "waar je was.\n({reason})",
        "This scenario has changed since you started it, so your run cannot continue where you "
        "were.\n({reason})"),
    "resume.missing": (
        "Het scenario van je onderbroken oefening ('{id}') is niet meer te vinden of bevat "
        "fouten, dus de oefening kan niet verder.",
        "The scenario of your unfinished run ('{id}') can no longer be found or has errors, "
        "so the run cannot continue."),
    "resume.restart": ("Opnieuw beginnen", "Start again"),
    "resume.set_aside": ("Oefening opzijzetten", "Set the run aside"),
    # -- store ---------------------------------------------------------------------------
    "store.title": ("Opslaan lukt niet", "Cannot save"),
    "store.unavailable": ("Let op: je voortgang kan niet worden bewaard. {reason}",
                          "Note: your progress cannot be saved. {reason}"),
    "store.cannot_start": (
        "Je voortgang kan niet worden bewaard: {reason}\nJe kunt wel spelen, maar als je "
        "stopt, ben je deze oefening kwijt.",
        "Your progress cannot be saved: {reason}\nYou can still play, but if you stop, this "
        "run is lost."),
    "store.cannot_save": (
        "Je laatste keuze kon niet worden bewaard: {reason}",
        "Your last choice could not be saved: {reason}"),
    "store.play_unsaved": ("Spelen zonder opslaan", "Play without saving"),
    "store.retry": ("Opnieuw proberen", "Try again"),
    "store.playing_unsaved": ("Je speelt nu zonder opslaan.", "You are now playing without saving."),
    "store.saved_again": ("Bewaard.", "Saved."),
    "store.not_saved_short": ("Dat kon niet worden bewaard.", "That could not be saved."),
    # -- library -------------------------------------------------------------------------
    "library.title": ("Scenario's", "Scenarios"),
    "library.filter": ("Typ om te zoeken · ↑ ↓ kiest · Enter begint",
                       "Type to search · ↑ ↓ picks · Enter starts"),
    "library.none": ("Geen scenario's gevonden. Wis de zoektekst met Esc.",
                     "No scenarios found. Clear the search with Esc."),
    "library.broken": ("bevat fouten, kan niet gespeeld worden", "has errors, cannot be played"),
    "library.broken_detail": (
        "Dit scenariobestand bevat {n} probleem/problemen en kan niet gespeeld worden. Druk op "
        "Enter om ze te zien.",
        "This scenario file has {n} problem(s) and cannot be played. Press Enter to see them."),
    "library.minutes": ("{n} min", "{n} min"),
    "library.minutes_long": ("ongeveer {n} minuten", "about {n} minutes"),
    "library.best_short": ("beste: {best}", "best: {best}"),
    "library.role": ("Jouw rol", "Your role"),
    "library.setting": ("Situatie", "Setting"),
    "library.themes": ("Thema's", "Themes"),
    "library.level": ("Niveau", "Level"),
    "library.best": ("Jouw beste resultaat", "Your best result"),
    "library.not_played": ("nog niet gespeeld", "not played yet"),
    "library.enter_to_start": ("Enter: beginnen", "Enter: start"),
    # -- play ----------------------------------------------------------------------------
    "play.role": ("Jouw rol", "Your role"),
    "play.you": ("Jij", "You"),
    "play.coach": ("Coach", "Coach"),
    "play.ending": ("Einde", "Ending"),
    "play.thought": ("Gedacht, niet gezegd:", "Thought, not said:"),
    "play.no_scores": ("Deze keuze telt niet mee voor de rubriek.",
                       "This choice does not count for the rubric."),
    "play.unavailable": ("niet mogelijk", "not possible"),
    "play.skip_hint": ("Spatie of Enter: alles direct tonen", "Space or Enter: show everything now"),
    "play.choose_hint": ("Kies met 1–{n}, of ↑ ↓ en Enter. PgUp: terugbladeren. Esc: pauze.",
                         "Choose with 1–{n}, or ↑ ↓ and Enter. PgUp: scroll back. Esc: pause."),
    "play.choose_hint_one": ("Kies met 1, of met Enter. Esc: pauze.",
                             "Choose with 1, or with Enter. Esc: pause."),
    "play.finished_hint": ("Het scenario is afgelopen. PgUp/PgDn: teruglezen. Enter: nabespreking.",
                           "The scenario has ended. PgUp/PgDn: read back. Enter: debrief."),
    "play.to_debrief": ("Naar de nabespreking", "Go to the debrief"),
    "play.progress": ("Keuze {n} · in totaal {total} keuzes", "Choice {n} · {total} choices in all"),
    "play.progress_open": ("Keuze {n}", "Choice {n}"),
    "play.progress_done": ("Afgelopen na {n} keuzes", "Ended after {n} choices"),
    "play.gauges": ("Hoe de ander erbij staat", "How the other person is doing"),
    "play.progress_head": ("Voortgang", "Progress"),
    "play.not_saving": ("niet opgeslagen", "not saved"),
    "play.choice_broken": ("het scenario kan deze keuze nu niet beoordelen ({error})",
                           "the scenario cannot judge this choice now ({error})"),
    "play.cannot_start": ("Dit scenario kan niet beginnen: {reason}",
                          "This scenario cannot start: {reason}"),
    "play.no_such_choice": ("Er is geen keuze {n}; kies 1–{count}.",
                            "There is no choice {n}; choose 1–{count}."),
    "play.choice_unavailable": ("Die keuze kan nu niet: {reason}",
                                "That choice is not possible now: {reason}"),
    "play.nothing_to_undo": ("Er is niets om terug te nemen.", "There is nothing to undo."),
    "play.undone": ("Je laatste keuze is teruggenomen.", "Your last choice was taken back."),
    "pause.title": ("Pauze", "Paused"),
    "pause.saved": ("Je voortgang is bewaard. Via 'Verder' op het beginscherm ga je later "
                    "verder waar je was.",
                    "Your progress is saved. 'Continue' on the home screen takes you back "
                    "to where you were."),
    "pause.unsaved": ("Let op: deze oefening wordt niet bewaard.",
                      "Note: this run is not being saved."),
    "pause.resume": ("Verder spelen", "Resume"),
    "pause.home": ("Naar het beginscherm", "Go to the home screen"),
    "pause.quit": ("Afsluiten", "Quit"),
    # -- case file and glossary ----------------------------------------------------------
    "dossier.title": ("Dossier", "Case file"),
    "dossier.setting": ("Situatie", "Setting"),
    "dossier.people": ("Betrokkenen", "People involved"),
    "dossier.file": ("Dossier", "Case file"),
    "dossier.empty": ("(geen dossier)", "(no case file)"),
    "glossary.title": ("Begrippen die soevereinen gebruiken", "Terms sovereigns use"),
    "glossary.note": (
        "Deze lijst legt uit wat mensen beweren. Het zijn beweringen, geen feiten.",
        "This list explains what people claim. These are claims, not facts."),
    "glossary.filter": ("Typ om te zoeken…", "Type to search…"),
    "glossary.none": ("Geen begrip gevonden.", "No term found."),
    "glossary.sources": ("Bronnen", "Sources"),
    "glossary.source_list": ("Bronnen (uit het onderzoek achter sovsim)",
                             "Sources (from the research behind sovsim)"),
    "glossary.hint": ("↑ ↓: scrollen · Esc: sluiten", "↑ ↓: scroll · Esc: close"),
    # -- settings ------------------------------------------------------------------------
    "settings.title": ("Instellingen", "Settings"),
    "settings.lang": ("Taal", "Language"),
    "settings.theme": ("Thema", "Theme"),
    "settings.mode": ("Standaardmodus", "Default mode"),
    "settings.pace": ("Tekstsnelheid", "Text pace"),
    "settings.explain": (
        "Kies met ↑ ↓ en Enter of spatie; Tab gaat naar de volgende groep. Wijzigingen gelden "
        "meteen en worden bewaard.",
        "Choose with ↑ ↓ and Enter or Space; Tab moves to the next group. Changes apply at once "
        "and are saved."),
    "settings.data": ("Je oefeningen worden bewaard in {path}", "Your runs are saved in {path}"),
    "settings.not_saved": ("Instelling niet bewaard: {reason}", "Setting not saved: {reason}"),
    # -- help ----------------------------------------------------------------------------
    "help.title": ("Hulp en toetsen", "Help and keys"),
    "help.palette": ("Opdrachten zoeken", "Search commands"),
    "help.tab": ("Naar het volgende onderdeel", "Move to the next part"),
    "help.close": ("↑ ↓: scrollen · Esc of F1: sluiten", "↑ ↓: scroll · Esc or F1: close"),
    "help.play.numbers": ("Kies dat antwoord", "Choose that answer"),
    "help.play.arrows": ("Kies met de pijltjes", "Choose with the arrow keys"),
    "help.play.scroll": ("Blader door het gesprek", "Page through the conversation"),
    "help.play.skip": ("Toon alle tekst meteen", "Show all text at once"),
    "help.about": (
        "Zo werkt het: kies een scenario, lees wat er gebeurt en kies steeds wat jij zegt of "
        "doet. In coachmodus krijg je na elke keuze feedback en mag je terugnemen; in toetsmodus "
        "zie je pas in de nabespreking hoe het ging. Je voortgang wordt na elke keuze bewaard: "
        "stop gerust en ga later verder via het beginscherm. De muis werkt ook.",
        "How it works: choose a scenario, read what happens and each time choose what you say "
        "or do. In coach mode you get feedback after every choice and may undo; in assessment "
        "mode you only see how it went in the debrief. Your progress is saved after every "
        "choice: feel free to stop and continue later from the home screen. The mouse works "
        "too."),
    # -- problems ------------------------------------------------------------------------
    "problems.title": ("Fouten in scenario", "Errors in scenario"),
    "problems.intro": (
        "{path} kan niet gespeeld worden: {errors} fout(en), {warnings} waarschuwing(en).",
        "{path} cannot be played: {errors} error(s), {warnings} warning(s)."),
    "problems.where": ("regel {line}, kolom {column}", "line {line}, column {column}"),
    "problems.whole_file": ("het hele bestand", "the whole file"),
    "problems.error": ("Fout", "Error"),
    "problems.warning": ("Waarschuwing", "Warning"),
    "problems.hint": (
        "Pas het bestand aan en probeer het opnieuw; 'sovsim validate BESTAND' toont dezelfde "
        "lijst. Esc: terug.",
        "Fix the file and try again; 'sovsim validate FILE' shows the same list. Esc: back."),
    # -- results -------------------------------------------------------------------------
    "results.title": ("Mijn resultaten", "My results"),
    "results.empty": ("Je hebt nog geen oefeningen gedaan. Kies een scenario op het beginscherm.",
                      "You have not done any runs yet. Choose a scenario on the home screen."),
    "results.date": ("Datum", "Date"),
    "results.scenario": ("Scenario", "Scenario"),
    "results.mode": ("Modus", "Mode"),
    "results.outcome": ("Uitkomst", "Outcome"),
    "results.score": ("Score", "Score"),
    "results.unfinished": ("onderbroken", "unfinished"),
    "results.hint": ("Enter: nabespreking openen (of verder spelen)",
                     "Enter: open the debrief (or continue playing)"),
    "results.cannot_open": ("Deze oefening kan niet geopend worden: {reason}",
                            "This run cannot be opened: {reason}"),
    # -- debrief -------------------------------------------------------------------------
    "debrief.title": ("Nabespreking", "Debrief"),
    "debrief.role": ("Rol", "Role"),
    "debrief.decisions.one": ("{n} beslissing", "{n} decision"),
    "debrief.decisions.many": ("{n} beslissingen", "{n} decisions"),
    "debrief.ending": ("Afloop", "Ending"),
    "debrief.quadrant": ("Jouw positie", "Where you stand"),
    "debrief.no_quadrant": ("Geen kwadrant: dit scenario beoordeelt niet beide assen.",
                            "No quadrant: this scenario does not assess both axes."),
    "debrief.high": ("hoog", "high"),
    "debrief.low": ("laag", "low"),
    "debrief.threshold": ("drempel {n}", "threshold {n}"),
    "debrief.dimensions": ("Per onderdeel van de rubriek (0–100)",
                           "Per part of the rubric (0–100)"),
    "debrief.not_assessed": ("niet beoordeeld", "not assessed"),
    "debrief.bands": ("Banden", "Bands"),
    "debrief.moments": ("Sleutelmomenten", "Key moments"),
    "debrief.no_moments": ("Geen keuzes met een duidelijk positief of negatief effect.",
                           "No choices with a clearly positive or negative effect."),
    "debrief.decision": ("Beslissing {n}", "Decision {n}"),
    "debrief.good": ("sterk", "strong"),
    "debrief.poor": ("kan beter", "could be better"),
    "debrief.you_chose": ("Jouw keuze", "Your choice"),
    "debrief.better": ("Beter was geweest", "A better option was"),
    "debrief.no_better": ("Er was op dat moment geen betere keuze.",
                          "No better option was available at that moment."),
    "debrief.tips": ("Probeer volgende keer", "Try next time"),
    "debrief.source": ("Bron", "Source"),
    "debrief.path": ("Jouw route", "Your path"),
    "debrief.sources": ("Bronnen", "Sources"),
    "debrief.keys": (
        "M: bewaar als Markdown · H: bewaar als HTML (printbaar) · R: opnieuw spelen · "
        "Esc: naar het beginscherm · PgUp/PgDn: bladeren",
        "M: save as Markdown · H: save as HTML (printable) · R: play again · "
        "Esc: home screen · PgUp/PgDn: page through"),
    "debrief.saved_to": ("Opgeslagen: {path}", "Saved: {path}"),
    "debrief.not_saved": ("Opslaan lukte niet: {reason}", "Could not save: {reason}"),
    "debrief.unavailable": ("De nabespreking kan niet worden gemaakt: {reason}",
                            "The debrief cannot be made: {reason}"),
    # -- plain mode ----------------------------------------------------------------------
    "plain.role": ("Jouw rol: {role} · {mode}", "Your role: {role} · {mode}"),
    "plain.intro": (
        "Typ het nummer van je keuze en druk op Enter. ? = hulp, d = dossier, g = begrippen, "
        "q = stoppen.",
        "Type the number of your choice and press Enter. ? = help, d = case file, "
        "g = glossary, q = stop."),
    "plain.intro_undo": (
        "Typ het nummer van je keuze en druk op Enter. ? = hulp, d = dossier, g = begrippen, "
        "u = terugnemen, q = stoppen.",
        "Type the number of your choice and press Enter. ? = help, d = case file, "
        "g = glossary, u = undo, q = stop."),
    "plain.help": (
        "Een nummer: kies dat antwoord. l: de keuzes nog eens. d: dossier. g: begrippen. "
        "q: stoppen (je voortgang blijft bewaard).",
        "A number: choose that answer. l: the choices again. d: case file. g: glossary. "
        "q: stop (your progress stays saved)."),
    "plain.help_undo": (
        "Een nummer: kies dat antwoord. l: de keuzes nog eens. d: dossier. g: begrippen. "
        "u: laatste keuze terugnemen. q: stoppen (je voortgang blijft bewaard).",
        "A number: choose that answer. l: the choices again. d: case file. g: glossary. "
        "u: take back your last choice. q: stop (your progress stays saved)."),
    "plain.what_now": ("Wat doe je?", "What do you do?"),
    "plain.type_number": ("Typ een nummer, of ? voor hulp.", "Type a number, or ? for help."),
    "plain.not_saving": ("Let op: deze oefening wordt niet bewaard.",
                         "Note: this run is not being saved."),
    "plain.stopped_saved": (
        "Gestopt. Je voortgang is bewaard; start hetzelfde scenario opnieuw om verder te gaan.",
        "Stopped. Your progress is saved; start the same scenario again to continue."),
    "plain.stopped": ("Gestopt.", "Stopped."),
    "plain.resumed": ("Verder waar je was ({n} keuze(s) gemaakt).",
                      "Continuing where you were ({n} choice(s) made)."),
    "plain.ask_resume": (
        "Je was nog bezig met dit scenario ({mode}, {n} keuze(s) gemaakt). Verder waar je was?",
        "You have an unfinished run of this scenario ({mode}, {n} choice(s) made). Continue "
        "where you were?"),
    "plain.yes_no": ("[J/n] ", "[Y/n] "),
    "plain.go_on_unsaved": ("Toch spelen, zonder opslaan? [j/N] ",
                            "Play anyway, without saving? [y/N] "),
    "plain.no_undo_assessment": ("In toetsmodus kun je niet terugnemen.",
                                 "There is no undo in assessment mode."),
    "plain.debrief_follows": ("Het scenario is afgelopen. Hier is je nabespreking.",
                              "The scenario has ended. Here is your debrief."),
    "plain.choices_format": (
        "--choices verwacht nummers of keuze-id's met komma's ertussen, zoals 2,1,3 "
        "(niet {given!r})",
        "--choices takes numbers or choice ids separated by commas, like 2,1,3 "
        "(not {given!r})"),
    "plain.choices_wrong_id": (
        "--choices: bij keuze {i} (knooppunt {node!r}) is er geen keuze {id!r}; mogelijk: {valid}",
        "--choices: at decision {i} (node {node!r}) there is no choice {id!r}; possible: {valid}"),
    "plain.choices_wrong": (
        "--choices: bij keuze {i} (knooppunt {node!r}) is er geen keuze {n}; mogelijk: {valid}",
        "--choices: at decision {i} (node {node!r}) there is no choice {n}; possible: {valid}"),
    "plain.choices_short": (
        "--choices houdt op na {n} keuze(s), maar het scenario is nog niet afgelopen "
        "(knooppunt {node!r}; mogelijk: {valid})",
        "--choices stops after {n} choice(s), but the scenario has not ended "
        "(node {node!r}; possible: {valid})"),
    "plain.choices_too_many": (
        "--choices: het scenario is al afgelopen na {n} keuze(s); haal {extra} weg",
        "--choices: the scenario ended after {n} choice(s); remove {extra}"),
    # -- authors: test play, watch mode, author view --------------------------------------
    "key.author": ("Auteur", "Author"),
    "key.play_here": ("Speel vanaf hier", "Play from here"),
    "key.reload": ("Opnieuw laden", "Reload"),
    "cmd.author": ("Auteursweergave", "Author view"),
    "cmd.author.help": ("Alle knooppunten van het scenario met hun status",
                        "Every node of the scenario with its status"),
    "cmd.play_here.help": ("Speel het scenario vanaf het gekozen knooppunt",
                           "Play the scenario from the chosen node"),
    "cmd.reload.help": ("Lees het scenariobestand opnieuw", "Read the scenario file again"),
    "help.author.arrows": ("Kies een knooppunt", "Choose a node"),
    "test.bar": ("Testspel voor auteurs · telt niet mee in je resultaten",
                 "Author's test play · does not count in your results"),
    "test.bar.watch": ("Testspel · {file} · laadt opnieuw als je opslaat",
                       "Test play · {file} · reloads when you save"),
    "watch.broken": ("Het opgeslagen bestand bevat fouten ({n}); de vorige versie speelt door.",
                     "The saved file has errors ({n}); the previous version plays on."),
    "watch.broken_head": ("Fouten in het opgeslagen bestand ({n}); de vorige versie speelt door:",
                          "Errors in the saved file ({n}); the previous version plays on:"),
    "watch.more": ("… en nog {n}", "… and {n} more"),
    "watch.reloaded": ("Opnieuw geladen; {n} van {total} keuzes opnieuw gespeeld.",
                       "Reloaded; {n} of {total} choices replayed."),
    "watch.replay_stopped": (
        "Opnieuw geladen, maar keuze {n} van {total} kon niet opnieuw: {why}. "
        "Je speelt verder vanaf daar.",
        "Reloaded, but choice {n} of {total} could not be replayed: {why}. "
        "Play on from there."),
    "watch.why.ended": ("het scenario eindigt nu eerder", "the scenario now ends before it"),
    "watch.why.missing": ("'{choice}' bestaat niet meer bij '{node}'",
                          "'{choice}' no longer exists at '{node}'"),
    "watch.why.refused": ("'{choice}' kan nu niet ({detail})",
                          "'{choice}' is not possible now ({detail})"),
    "author.title": ("Auteursweergave", "Author view"),
    "author.nodes": ("{n} knooppunten", "{n} nodes"),
    "author.paths": ("{n} speelpaden (lussen hooguit {bound} keer)",
                     "{n} play-throughs (loops at most {bound} times)"),
    "author.not_explored": ("te groot om elk speelpad na te gaan",
                            "too large to explore every play-through"),
    "author.count.unreachable": ("{n} onbereikbaar", "{n} unreachable"),
    "author.count.dead-end": ("{n} doodlopend", "{n} dead end(s)"),
    "author.count.warnings": ("{n} met waarschuwingen", "{n} with warnings"),
    "author.general": ("{n} waarschuwing(en) over het geheel", "{n} warning(s) on the whole"),
    "author.broken": ("Het opgeslagen bestand bevat fouten ({n}); dit is de vorige versie.",
                      "The saved file has errors ({n}); this is the previous version."),
    "author.reloaded": ("Opnieuw geladen.", "Reloaded."),
    "author.status.unreachable": ("onbereikbaar", "unreachable"),
    "author.status.dead-end": ("doodlopend: soms is er niets te kiezen",
                               "dead end: sometimes there is nothing to choose"),
    "author.status.warnings": ("{n} waarschuwing(en)", "{n} warning(s)"),
    "author.status.ending": ("einde: {outcome}", "ending: {outcome}"),
    "author.status.ok": ("in orde", "fine"),
    "author.kind.choices": ("{n} keuzes", "{n} choices"),
    "author.kind.auto": ("gaat vanzelf naar {target}", "continues to {target}"),
    "author.kind.ending": ("einde", "ending"),
    "author.kind.ending_paths": ("einde · paden: {n}", "ending · paths: {n}"),
    "author.whole": ("Het scenario als geheel", "The scenario as a whole"),
    "author.whole.enter": ("Enter: speel vanaf het begin", "Enter: play from the start"),
    "author.short.dead-end": ("doodlopend", "dead end"),
    "author.start": ("(begin)", "(start)"),
    "author.via": ("Bereikt via:", "Reached via:"),
    "author.via_start": ("het begin", "the start"),
    "author.via_none": ("Geen speelpad komt hier.", "No play-through gets here."),
    "author.more_lines": ("… nog {n} regels", "… {n} more lines"),
    "author.if": ("als", "if"),
    "author.ending_is": ("Einde: {outcome} · {title}", "Ending: {outcome} · {title}"),
    "author.warnings": ("Waarschuwingen", "Warnings"),
    "author.enter_replay": ("Enter: speel vanaf hier (de weg hierheen wordt eerst nagespeeld)",
                            "Enter: play from here (the way here is replayed first)"),
    "author.enter_direct": ("Enter: begin hier, met de beginwaarden",
                            "Enter: start here, with the initial values"),
    "library.author_hint": ("F2: auteursweergave", "F2: author view"),
    # -- storesafe: a damaged store, a full disk (issue 15.4) -----------------------------
    "store.damaged_title": ("De opslag is beschadigd", "The store is damaged"),
    "store.damaged_offer": (
        "{reason}\n\nJe kunt spelen zonder opslaan, of een nieuwe opslag beginnen naast de "
        "beschadigde. Het beschadigde bestand blijft dan bewaard (met de tijd in de naam), "
        "zodat het later misschien te herstellen is.",
        "{reason}\n\nYou can play without saving, or start a fresh store beside the damaged "
        "one. The damaged file is then kept (renamed with the time), so it may be recovered "
        "later."),
    "store.fresh": ("Nieuwe opslag beginnen", "Start a fresh store"),
    "store.fresh_started": (
        "Nieuwe opslag begonnen in {path}; de beschadigde is bewaard als {kept}.",
        "A fresh store was started in {path}; the damaged one is kept as {kept}."),
    "store.play_on_retry": ("Verder spelen, later bewaren", "Play on, save later"),
    "store.will_retry": (
        "Je speelt verder. Bij elke volgende keuze probeert sovsim opnieuw te bewaren; zodra "
        "dat lukt, zijn ook deze keuzes bewaard.",
        "You play on. sovsim tries to save again at every next choice; once that works, "
        "these choices are saved too."),
    "store.still_not_saved": (
        "Nog niet bewaard ({reason}); sovsim probeert het bij je volgende keuze opnieuw.",
        "Not saved yet ({reason}); sovsim tries again at your next choice."),
    "store.caught_up": ("Weer bewaard: ook je keuzes van daarvoor staan nu in de opslag.",
                        "Saved again: your choices since the problem are stored too."),
    "store.stopped_not_saved": (
        "Gestopt zonder verder te spelen. Je laatste keuze is niet bewaard; wat eerder "
        "bewaard is, blijft bewaard. Maak ruimte en start hetzelfde scenario opnieuw om "
        "verder te gaan.",
        "Stopped without playing on. Your last choice is not saved; what was saved before "
        "is kept. Free some space and start the same scenario again to continue."),
    "store.lost_on_stop": (
        "Gestopt. Je keuzes sinds het probleem konden niet worden bewaard ({reason}); wat "
        "daarvoor bewaard is, blijft bewaard.",
        "Stopped. Your choices since the problem could not be saved ({reason}); what was "
        "saved before is kept."),
    "plain.damaged_choices": (
        "  1. Spelen zonder opslaan\n  2. Een nieuwe opslag beginnen naast de beschadigde "
        "(die blijft bewaard)\n  q. Stoppen\n> ",
        "  1. Play without saving\n  2. Start a fresh store beside the damaged one (it is "
        "kept)\n  q. Stop\n> "),
    # -- joinsafe: one writer per run (a run open in another window) ---------------------
    "lease.title": ("Open in een ander venster", "Open in another window"),
    "lease.elsewhere": (
        "Deze oefening is nu open in {where} (daar {ago} geleden nog actief). Speel je hier "
        "verder, dan bewaart dat andere venster vanaf nu niets meer. Je kunt ook alleen "
        "meekijken.",
        "This run is open in {where} right now (active there {ago} ago). If you continue "
        "here, that other window saves nothing from now on. You can also just watch."),
    "lease.where.app": ("een ander venster van de app", "another window of the app"),
    "lease.where.plain": ("een ander venster in tekstmodus", "another window in plain mode"),
    "lease.where.browser": ("een ander browsertabblad", "another browser tab"),
    "lease.where.other": ("een ander venster", "another window"),
    "lease.ago": ("{n} s", "{n} s"),
    "lease.take_over": ("Hier verder spelen", "Continue here"),
    "lease.watch": ("Alleen meekijken", "Just watch"),
    "lease.taken": (
        "Deze oefening is in een ander venster overgenomen. Dit venster bewaart niets meer; "
        "je kijkt nu alleen mee.",
        "This run was taken over in another window. This window no longer saves; you are "
        "only watching now."),
    "lease.watching": ("Meekijken · alleen lezen · O: hier verder spelen",
                       "Watching · read only · O: continue here"),
    "lease.watch_hint": (
        "Je kijkt mee: wat in het andere venster wordt gekozen, verschijnt hier vanzelf.",
        "You are watching: what is chosen in the other window appears here by itself."),
    "lease.now_here": ("Je speelt nu hier verder; het andere venster bewaart niets meer.",
                       "You now continue here; the other window no longer saves."),
    "key.take_over": ("Hier verder spelen", "Continue here"),
    "plain.lease.ask": ("o = hier verder spelen, m = meekijken, q = stoppen: ",
                        "o = continue here, m = watch, q = stop: "),
    "plain.lease.watching": (
        "Je kijkt mee (alleen lezen). Enter: bijwerken · o: hier verder spelen · q: stoppen",
        "You are watching (read only). Enter: update · o: continue here · q: stop"),
    "plain.lease.no_change": ("Nog geen nieuwe keuze in het andere venster.",
                              "No new choice in the other window yet."),
    # -- serve: the page around a browser tab, refusals (serveguard: hardened serve) ----------
    "serve.refused.origin": ("sovsim weigert deze verbinding: ze komt van een andere webpagina "
                             "({origin}), niet van de pagina van sovsim zelf.",
                             "sovsim refuses this connection: it comes from another web page "
                             "({origin}), not from sovsim's own page."),
    "serve.refused.host": ("sovsim weigert dit adres ({host}). Gebruik het adres dat de trainer "
                           "noemt.",
                           "sovsim refuses this address ({host}). Use the address the trainer "
                           "gave."),
    "serve.full.title": ("Deze sessie is vol", "This session is full"),
    "serve.full.total": ("Het grootste aantal tabbladen dat deze sessie toestaat ({n}) is al "
                         "open. Sluit een tabblad dat je niet meer gebruikt, of vraag de "
                         "trainer om ruimte.",
                         "The most tabs this session allows ({n}) are open already. Close a "
                         "tab you no longer use, or ask the trainer to make room."),
    "serve.full.address": ("Het grootste aantal tabbladen dat één apparaat mag hebben ({n}) is "
                           "al open. Sluit een tabblad dat je niet meer gebruikt.",
                           "The most tabs one device may have ({n}) are open already. Close "
                           "a tab you no longer use."),
    "serve.full.retry": ("Deze pagina probeert het elke {seconds} seconden opnieuw.",
                         "This page tries again every {seconds} seconds."),
    "serve.page.lost": ("De verbinding is weg. sovsim verbindt vanzelf opnieuw zodra het netwerk "
                        "terug is. Wat je nu typt, komt niet aan.",
                        "The connection is gone. sovsim reconnects by itself as soon as the "
                        "network is back. What you type now does not arrive."),
    "serve.page.reconnecting": ("Opnieuw verbinden…", "Reconnecting…"),
    "serve.page.ended": ("Dit tabblad is afgesloten. Opnieuw meedoen kan met dezelfde code en "
                         "naam.",
                         "This tab has ended. Rejoin with the same code and name."),
    "serve.page.timeout": ("Dit tabblad is gesloten omdat er te lang niet mee is gedaan. Opnieuw "
                           "beginnen kan met Opnieuw.",
                           "This tab was closed because nobody joined for too long. Start "
                           "again with Again."),
    "serve.page.stopped": ("Dit tabblad is gestopt: het gebruikte te veel geheugen of rekentijd, "
                           "of er ging iets mis. Opnieuw meedoen kan met dezelfde code en naam.",
                           "This tab has stopped: it used too much memory or processor time, "
                           "or something went wrong. Rejoin with the same code and name."),
    "serve.page.again": ("Opnieuw", "Again"),
    "serve.page.loading": ("sovsim wordt geladen…", "Loading sovsim…"),
    "serve.console.refused": ("Geweigerd: een verbinding van {what}.",
                              "Refused: a connection from {what}."),
    "serve.console.tab_stopped": ("Een tabblad is gestopt ({why}).", "A tab stopped ({why})."),
    "serve.console.why.cpu": ("te veel rekentijd", "too much processor time"),
    "serve.console.why.signal": ("beëindigd met signaal {signal}", "ended by signal {signal}"),
    "serve.console.why.error": ("een fout, code {code}; de details met --verbose",
                                "an error, code {code}; the details with --verbose"),
    "serve.console.full": ("Een tabblad geweigerd: de sessie is vol (maximum: {n}).",
                           "A tab was refused: the session is full (maximum: {n})."),
    "serve.console.limits": ("  Tabbladen: hoogstens {n} tegelijk, {m} per apparaat.",
                             "  Tabs: at most {n} at once, {m} per device."),
    "serve.console.limits_total": ("  Tabbladen: hoogstens {n} tegelijk.",
                                   "  Tabs: at most {n} at once."),
    # -- the gauges in the debrief (issue 12, branch catalogue) --
    "debrief.gauges": ("Meters tijdens het gesprek", "Gauges during the conversation"),
    "debrief.gauges_note": ("De stand bij de start en na elke beslissing.",
                            "The value at the start and after each decision."),
    # -- trainee day (issue 14): small windows, undo at an ending, plain mode, list ------
    "play.too_small": (
        "Dit venster is te klein om te spelen: {w} × {h} tekens. Nodig is minstens 80 × 24 "
        "(of, op een smal scherm zoals een telefoon, {min_w} breed en {min_h} hoog). Maak "
        "het venster groter of de letters kleiner; je voortgang is bewaard. Esc: pauze.",
        "This window is too small to play in: {w} × {h} characters. It needs at least "
        "80 × 24 (or, on a narrow screen such as a phone, {min_w} wide and {min_h} high). "
        "Make the window larger or the font smaller; your progress is saved. Esc: pause."),
    "play.too_small_keys": ("Maak het venster eerst groter: zo kun je niet lezen wat je kiest.",
                            "Make the window larger first: you cannot read what you choose."),
    "play.no_undo_at_end": (
        "Het scenario is afgelopen: een einde neem je niet terug. In de nabespreking zie je "
        "wat beter kon, en met R speel je het opnieuw.",
        "The scenario has ended: an ending cannot be taken back. The debrief shows what "
        "could have gone better, and R plays it again."),
    "key.read": ("Beschrijving lezen", "Read description"),
    "library.detail_more": ("Tab, dan ↓ of PgDn: lees verder",
                            "Tab, then ↓ or PgDn: read on"),
    "library.detail_back": ("↑ ↓ PgDn: lezen · Tab: zoeken",
                            "↑ ↓ PgDn: read · Tab: search"),
    "plain.gauges": ("Stand: {gauges}.", "Now: {gauges}."),
    "plain.gauge": ("{label} {value} van {max}", "{label} {value} of {max}"),
    "plain.typo": ("Typ een nummer van 1 tot {n}; l herhaalt de keuzes, ? geeft hulp.",
                   "Type a number from 1 to {n}; l repeats the choices, ? gives help."),
    "plain.no_such": ("Er is geen keuze {n}; typ 1 tot {count}, of l om de keuzes te horen.",
                      "There is no choice {n}; type 1 to {count}, or l to hear the choices."),
    "list.id": ("ID", "ID"),
    "list.title": ("Titel", "Title"),
    "list.role": ("Rol", "Role"),
    "list.level": ("Niveau", "Level"),
    "list.minutes": ("Min.", "Min."),
    "list.play": ("Speel er een met: sovsim play ID (bijvoorbeeld sovsim play {example})",
                  "Play one with: sovsim play ID (for example sovsim play {example})"),
    "list.broken": ("kan niet geladen worden: {path}", "cannot be loaded: {path}"),
    "list.none": ("Er zijn geen scenario's gevonden.", "No scenarios were found."),
}
