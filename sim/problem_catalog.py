"""Every problem message an author can see, in Dutch and English: ``key: (nl, en)``.

Placeholders are ``str.format`` fields. ``{x!r}`` shows an id, key or value from the
file verbatim in quotes; fragments (``what``, ``kind``, ``hint``) are other entries
of this catalog, rendered in the same language. Both texts of an entry use the same
placeholders (a test checks this). Words as the app uses them: knooppunt, keuze,
einde, variabele, rubriek, onderdeel (of the rubric).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- shown around a message --------------------------------------------------------
    "severity.error": ("fout", "error"),
    "severity.warning": ("waarschuwing", "warning"),
    "hint.did_you_mean": ("; bedoel je {word!r}?", "; did you mean {word!r}?"),
    "hint.allowed": ("; hier toegestaan: {allowed}", "; allowed here: {allowed}"),
    # -- what a value is ---------------------------------------------------------------
    "kind.str": ("tekst", "text"),
    "kind.int": ("een geheel getal", "a whole number"),
    "kind.float": ("een getal", "a number"),
    "kind.bool": ("waar/onwaar (true/false)", "true/false"),
    "kind.null": ("niets (leeg)", "nothing (empty)"),
    "kind.map": ("een mapping (regels 'sleutel: waarde')", "a mapping (key: value lines)"),
    "kind.seq": ("een lijst", "a list"),
    "kind.timestamp": ("een datum", "a date"),
    # -- reading the file ----------------------------------------------------------------
    "file.not_regular": (
        "dit is geen gewoon bestand (maar een pipe, socket of apparaat), dus het kan niet "
        "als scenario worden gelezen",
        "this is not a regular file (a pipe, socket or device), so it cannot be read as a "
        "scenario"),
    "file.too_large": (
        "het bestand is {mb:.1f} MB; de grens is {limit} MB. Verdeel het over kleinere "
        "scenario's.",
        "the file is {mb:.1f} MB; the limit is {limit} MB. Split it into smaller scenarios."),
    "file.folder": ("dit is een map, geen bestand", "this is a folder, not a file"),
    "file.missing": ("dit bestand bestaat niet", "no such file"),
    "file.unreadable": ("het bestand kan niet worden gelezen: {reason}",
                        "cannot read the file: {reason}"),
    # the system's reason (English as the system gives it, in {text}; Dutch our own words)
    "os.ELOOP": ("te veel symbolische koppelingen na elkaar (een lus?){text:.0}", "{text}"),
    "os.EACCES": ("geen toegang (controleer de rechten op het bestand){text:.0}", "{text}"),
    "os.EPERM": ("niet toegestaan (controleer de rechten op het bestand){text:.0}", "{text}"),
    "os.ENAMETOOLONG": ("de naam van het bestand is te lang{text:.0}", "{text}"),
    "os.EIO": ("een lees- of schrijffout van de schijf{text:.0}", "{text}"),
    "file.over_limit": (
        "het bestand is groter dan de grens van {limit} MB. Verdeel het over kleinere "
        "scenario's.",
        "the file is larger than the limit of {limit} MB. Split it into smaller scenarios."),
    "file.not_utf8": (
        "het bestand is geen geldige UTF-8 (byte {byte}); sla het in je editor op als UTF-8",
        "the file is not valid UTF-8 (byte {byte}); save it as UTF-8 in your editor"),
    # -- YAML ----------------------------------------------------------------------------
    "yaml.too_deep": (
        "de YAML is meer dan {depth} niveaus diep genest; dat heeft een scenario nooit nodig",
        "the YAML nests more than {depth} levels deep; a scenario never needs that"),
    "yaml.syntax": (
        "YAML-syntaxis: {detail}. Controleer hier het inspringen en de aanhalingstekens",
        "YAML syntax: {detail}. Check the indentation and quotes here"),
    "yaml.syntax_plain": ("YAML-syntaxis: {detail}", "YAML syntax: {detail}"),
    "yaml.too_deep_or_large": (
        "de YAML is te diep genest of te groot om te lezen",
        "the YAML nests too deeply or is too large to read"),
    "yaml.empty": ("het bestand is leeg; het moet beginnen met 'id:'",
                   "the file is empty; it should start with 'id:'"),
    "yaml.many_documents": (
        "het bestand bevat meer dan één YAML-document ('---'); zet één scenario (of rubriek) "
        "in elk bestand",
        "the file holds more than one YAML document ('---'); put one scenario (or rubric) in "
        "each file"),
    "yaml.anchor_twice": (
        "het anker &{anchor} is twee keer gedefinieerd (eerst op regel {first}); geef elk "
        "anker een eigen naam",
        "the anchor &{anchor} is defined twice (first on line {first}); give each anchor its "
        "own name"),
    "yaml.text_too_long": (
        "deze tekst is {n:,} tekens lang; de grens is {limit:,}. Verdeel hem over meerdere "
        "regels of knooppunten",
        "this text is {n:,} characters long; the limit is {limit:,}. Split it over several "
        "lines or nodes"),
    "yaml.alias_unknown": (
        "de alias *{anchor} verwijst naar geen anker &{anchor} dat ervoor staat",
        "the alias *{anchor} refers to no anchor &{anchor} before it"),
    "yaml.alias_inside": (
        "de alias *{anchor} staat binnen de lijst of mapping &{anchor} zelf; dat zou nooit "
        "eindigen",
        "the alias *{anchor} lies inside the list or mapping &{anchor} itself; that would "
        "never end"),
    "yaml.event": ("onverwacht YAML-onderdeel {event}", "unexpected YAML event {event}"),
    "yaml.alias_bomb": (
        "de aliassen (*naam) in het bestand groeien uit tot meer dan {limit:,} waarden (een "
        "'alias bomb'); verwijder de geneste aliassen",
        "the file's aliases (*name) expand to more than {limit:,} values (an 'alias bomb'); "
        "remove the nested aliases"),
    "yaml.too_many_values": (
        "het bestand bevat meer dan {limit:,} waarden; verdeel het over kleinere bestanden",
        "the file holds more than {limit:,} values; split it into smaller files"),
    "yaml.too_many_items": (
        "deze lijst heeft meer dan {limit:,} items; dat is veel meer dan een scenario nodig "
        "heeft",
        "this list has more than {limit:,} items; that is far more than a scenario needs"),
    "yaml.too_many_keys": (
        "deze mapping heeft meer dan {limit:,} regels; verdeel het bestand",
        "this mapping has more than {limit:,} entries; split the file"),
    "yaml.tag_python": (
        "de tag {tag!r} is niet toegestaan: sovsim-bestanden bevatten gegevens, nooit code. "
        "Verwijder de tag",
        "the tag {tag!r} is not allowed: sovsim files hold data, never code. Remove the tag"),
    "yaml.date": (
        "een datum is hier geen geldige waarde; zet hem tussen aanhalingstekens om er tekst "
        "van te maken",
        "a date is not a value here; put it in quotes to make it text"),
    "yaml.type_unsupported": (
        "het YAML-type {type!r} wordt hier niet ondersteund; verwijder het",
        "the YAML type {type!r} is not supported here; remove it"),
    "yaml.tag": ("de tag {tag!r} is niet toegestaan; verwijder hem",
                 "the tag {tag!r} is not allowed; remove it"),
    # -- mappings ------------------------------------------------------------------------
    "map.not_mapping": (
        "{what} moet een mapping zijn (regels 'sleutel: waarde'), niet {kind}",
        "{what} should be a mapping (key: value lines), not {kind}"),
    "map.key_not_word": ("een sleutel in {what} moet een gewoon woord zijn",
                         "a key in {what} must be a plain word"),
    "map.key_twice": (
        "{key!r} staat twee keer in {what} (eerst op regel {first}); ids en sleutels moeten "
        "uniek zijn",
        "{key!r} appears twice in {what} (first on line {first}); ids and keys must be unique"),
    "map.unknown_key": ("onbekende sleutel {key!r} in {what}{hint}",
                        "unknown key {key!r} in {what}{hint}"),
    "map.missing": ("bij {what} ontbreekt {key!r}", "{what} is missing {key!r}"),
    # -- what a message is about (fragments) ---------------------------------------------
    "what.scenario": ("het scenario", "the scenario"),
    "what.scenario_id": ("de id van het scenario", "the scenario id"),
    "what.version": ("'version'", "version"),
    "what.difficulty": ("'difficulty'", "difficulty"),
    "what.minutes": ("'minutes'", "minutes"),
    "what.start": ("'start'", "start"),
    "what.top.title": ("'title'", "title"),
    "what.top.summary": ("'summary'", "summary"),
    "what.top.role": ("'role'", "role"),
    "what.top.dossier": ("'dossier'", "dossier"),
    "what.top.setting": ("'setting'", "setting"),
    "what.characters": ("'characters'", "characters"),
    "what.character": ("personage {id!r}", "character {id!r}"),
    "what.character_id": ("de id van een personage", "a character id"),
    "what.name_of": ("de naam van {id!r}", "the name of {id!r}"),
    "what.description_of": ("de beschrijving van {id!r}", "the description of {id!r}"),
    "what.variables": ("'variables'", "variables"),
    "what.variable": ("variabele {id!r}", "variable {id!r}"),
    "what.variable_name": ("de naam van een variabele", "a variable name"),
    "what.bound_of": ("{bound} van {id!r}", "{bound} of {id!r}"),
    "what.initial_of": ("de beginwaarde van {id!r}", "the initial value of {id!r}"),
    "what.label_of": ("het label van {id!r}", "the label of {id!r}"),
    "what.nodes": ("'nodes'", "nodes"),
    "what.node": ("knooppunt {id!r}", "node {id!r}"),
    "what.node_id": ("de id van een knooppunt", "a node id"),
    "what.thought_of": ("'thought' van {of}", "thought of {of}"),
    "what.trainer_notes_of": ("'trainer_notes' van {of}", "trainer_notes of {of}"),
    "what.discussion_of": ("'discussion' van {of}", "discussion of {of}"),
    "what.next_of": ("'next' van {of}", "next of {of}"),
    "what.line_of": ("een regel van {of}", "a line of {of}"),
    "what.speaker": ("'speaker'", "speaker"),
    "what.a_choice_of": ("een keuze van {of}", "a choice of {of}"),
    "what.choice_id": ("de id van een keuze", "a choice id"),
    "what.choice_of": ("keuze {id!r} van {of}", "choice {id!r} of {of}"),
    "what.text_of": ("de tekst van {of}", "the text of {of}"),
    "what.target_of": ("het doel ('target') van {of}", "target of {of}"),
    "what.if_of": ("de 'if' van {of}", "'if' of {of}"),
    "what.reason_of": ("de reden ('reason') van {of}", "the reason of {of}"),
    "what.feedback_of": ("de feedback van {of}", "the feedback of {of}"),
    "what.effect_of": ("een effect van {of}", "effect of {of}"),
    "what.scores_of": ("de scores van {of}", "scores of {of}"),
    "what.score_for": ("de score voor {id!r}", "the score for {id!r}"),
    "what.a_route_of": ("een route van {of}", "a route of {of}"),
    "what.route_of": ("een route van {of}", "route of {of}"),
    "what.route_target_of": ("het doel van een route van {of}", "route target of {of}"),
    "what.ending_of": ("het einde van {of}", "the ending of {of}"),
    "what.ending_title_of": ("de titel van het einde van {of}", "the ending title of {of}"),
    "what.ending_text_of": ("de tekst van het einde van {of}", "the ending text of {of}"),
    "what.condition": ("voorwaarde", "condition"),
    "what.effect": ("effect", "effect"),
    # -- hints ---------------------------------------------------------------------------
    "hint.declare_character": ("; neem het op onder 'characters:'",
                               "; declare it under 'characters:'"),
    "hint.declare_variable": ("; neem haar op onder 'variables:'",
                              "; declare it under 'variables:'"),
    "hint.no_variables": (
        "; dit scenario heeft geen variabelen (neem haar op onder 'variables:')",
        "; this scenario declares no variables (add it under 'variables:')"),
    "hint.rubric_has": ("; de rubriek heeft: {ids}", "; the rubric has: {ids}"),
    "hint.add_node": ("; voeg dat knooppunt toe of verbeter de id",
                      "; add that node or fix the id"),
    "rule.var": ("begint met een letter en alleen letters, cijfers en '_' bevat",
                 "starts with a letter and has only letters, digits and '_'"),
    "rule.id": ("alleen letters, cijfers, '-' en '_' bevat (hoogstens 80)",
                "has only letters, digits, '-' and '_' (max 80)"),
    # -- the scenario loader -------------------------------------------------------------
    "load.lang_not_text": ("de {lang!r}-versie van {what} moet tekst zijn, niet {kind}",
                           "the {lang!r} version of {what} should be text, not {kind}"),
    "load.lang_missing": (
        "{what} heeft geen {lang!r}-tekst; voeg '{lang}: ...' toe (elke opgegeven taal "
        "heeft er een nodig)",
        "{what} has no {lang!r} text; add '{lang}: ...' (every declared language needs it)"),
    "load.not_text": (
        "{what} moet tekst zijn, of een mapping met teksten onder 'nl:' en 'en:', niet {kind}",
        "{what} should be text, or a mapping with 'nl:' and 'en:' texts, not {kind}"),
    "load.not_id": ("{what} moet een id zijn (letters, cijfers, '-' of '_')",
                    "{what} should be an id (letters, digits, '-' or '_')"),
    "load.bad_id": ("{what} {value!r} is geen geldige id: gebruik een id die {rule}",
                    "{what} {value!r} is not a valid id: use one that {rule}"),
    "load.number_unusable": ("{what} is geen bruikbaar getal (te groot of niet eindig)",
                             "{what} is not a usable number (too large or not finite)"),
    "load.not_whole": ("{what} moet een geheel getal zijn", "{what} should be a whole number"),
    "load.number_too_large": ("{what} is te groot (hoogstens 10^12)",
                              "{what} is too large (at most 10^12)"),
    "load.not_whole_number": ("{what} moet een geheel getal zijn, niet {kind}",
                              "{what} should be a whole number, not {kind}"),
    "load.not_number": ("{what} moet een getal zijn, niet {kind}",
                        "{what} should be a number, not {kind}"),
    "load.not_expression": (
        "{what} moet een expressie tussen aanhalingstekens zijn, zoals \"trust >= 3\", "
        "niet {kind}",
        "{what} should be an expression in quotes, such as \"trust >= 3\", not {kind}"),
    "load.expr": ("{what}: {error} (in {src!r})", "{what}: {error} (in {src!r})"),
    "load.root": (
        "een scenariobestand moet een mapping zijn die begint met 'id:', 'title:' enzovoort; "
        "dit bestand bevat {kind}",
        "a scenario file must be a mapping that starts with 'id:', 'title:' and so on; this "
        "file holds {kind}"),
    "load.lang_unknown": ("onbekende taal {lang!r}; gebruik nl of en",
                          "unknown language {lang!r}; use nl or en"),
    "load.lang_twice": ("taal {lang!r} staat twee keer in de lijst",
                        "language {lang!r} is listed twice"),
    "load.languages": ("'languages' moet een lijst zijn, zoals [nl, en]",
                       "languages should be a list such as [nl, en]"),
    "load.theme": ("elk thema moet een woord zijn", "each theme should be a word"),
    "load.themes": ("'themes' moet een lijst zijn, zoals [brp, balie]",
                    "themes should be a list such as [brp, balie]"),
    "load.difficulty": ("'difficulty' moet 1 (basis), 2 (gevorderd) of 3 (expert) zijn",
                        "difficulty should be 1 (basis), 2 (gevorderd) or 3 (expert)"),
    "load.minutes": ("'minutes' moet tussen 1 en 600 liggen",
                     "minutes should be between 1 and 600"),
    "load.channel": ("'channel' moet een van deze zijn: {channels}{hint}",
                     "channel should be one of {channels}{hint}"),
    "load.var_reserved": (
        "{name!r} is een woord van de expressietaal; kies een andere naam voor de variabele",
        "{name!r} is a word of the expression language; choose another variable name"),
    "load.var_type": ("'type' moet number, bool of text zijn{hint}",
                      "type should be number, bool or text{hint}"),
    "load.bound_not_number": ("'{bound}' geldt alleen voor variabelen van het type number",
                              "{bound} only applies to number variables"),
    "load.min_over_max": ("min van {id!r} is groter dan de max",
                          "min of {id!r} is larger than its max"),
    "load.initial_outside": ("de beginwaarde van {id!r} ligt buiten min en max",
                             "the initial value of {id!r} lies outside its min and max"),
    "load.gauge": ("'gauge' moet true of false zijn", "gauge should be true or false"),
    "load.gauge_number": ("alleen variabelen van het type number kunnen als meter worden "
                          "getoond",
                          "only number variables can be shown as a gauge"),
    "load.gauge_label": (
        "variabele {id!r} wordt als meter getoond, dus zij heeft een 'label:' nodig "
        "(bijvoorbeeld {{nl: Vertrouwen, en: Trust}})",
        "variable {id!r} is shown as a gauge, so it needs a 'label:' "
        "(e.g. {{nl: Vertrouwen, en: Trust}})"),
    "load.initial_bool": ("de beginwaarde van {id!r} moet true of false zijn",
                          "the initial value of {id!r} should be true or false"),
    "load.initial_text": ("de beginwaarde van {id!r} moet tekst zijn (tussen "
                          "aanhalingstekens)",
                          "the initial value of {id!r} should be text (in quotes)"),
    "load.no_nodes": ("het scenario heeft geen knooppunten", "the scenario has no nodes"),
    "load.too_many_nodes": ("het scenario heeft {n:,} knooppunten; de grens is {limit:,}",
                            "the scenario has {n:,} nodes; the limit is {limit:,}"),
    "load.no_way_out": (
        "{what} heeft geen uitweg: geef het 'choices:', 'next:' of 'ending:'",
        "{what} has no way out: give it 'choices:', 'next:' or 'ending:'"),
    "load.two_exits": (
        "{what} heeft zowel {a!r} als {b!r}; een knooppunt heeft precies één van choices, "
        "next of ending",
        "{what} has both {a!r} and {b!r}; a node has exactly one of choices, next or ending"),
    "load.routes_without_next": (
        "'routes' bij {what} werken alleen met 'next:'; zet routes bij keuzes onder de keuze",
        "'routes' on {what} only work with 'next:'; for choices, put routes under the choice"),
    "load.lines_list": ("de regels ('lines') van {what} moeten een lijst van '- text: ...' "
                        "items zijn",
                        "lines of {what} should be a list of '- text: ...' items"),
    "load.speaker_unknown": ("onbekende spreker {id!r}{hint}", "unknown speaker {id!r}{hint}"),
    "load.choices_list": ("de keuzes ('choices') van {what} moeten een lijst van '- id: ...' "
                          "items zijn",
                          "choices of {what} should be a list of '- id: ...' items"),
    "load.choices_empty": (
        "{what} heeft een lege lijst keuzes; voeg minstens één keuze toe of maak er een "
        "einde van",
        "{what} has an empty list of choices; add at least one choice or make it an ending"),
    "load.too_many_choices": ("{what} heeft {n:,} keuzes; de grens is {limit}",
                              "{what} has {n:,} choices; the limit is {limit}"),
    "load.choice_twice": (
        "keuze-id {id!r} komt twee keer voor in {what} (eerst op regel {first}); de ids van "
        "keuzes moeten binnen een knooppunt uniek zijn",
        "choice id {id!r} appears twice in {what} (first on line {first}); choice ids must be "
        "unique within a node"),
    "load.unavailable": ("'unavailable' moet 'hide' of 'disable' zijn",
                         "unavailable should be 'hide' or 'disable'"),
    "load.disabled_needs_reason": (
        "{what} wordt uitgeschakeld getoond, dus er hoort een 'reason:' bij die zegt waarom "
        "de keuze niet beschikbaar is",
        "{what} is shown disabled, so it needs a 'reason:' saying why it is not available"),
    "load.unavailable_without_if": ("'unavailable' bij {what} doet niets zonder een 'if:'",
                                    "'unavailable' on {what} has no effect without an 'if:'"),
    "load.effect_not_text": (
        "een effect van {what} moet tekst zijn, zoals \"trust += 1\", niet {kind}",
        "an effect of {what} should be text such as \"trust += 1\", not {kind}"),
    "load.dimension_unknown": ("onbekend onderdeel van de rubriek {id!r}{hint}",
                               "unknown rubric dimension {id!r}{hint}"),
    "load.score_range": (
        "de score voor {id!r} moet tussen -100 en 100 liggen (meestal -2 tot +2)",
        "the score for {id!r} should lie between -100 and 100 (usually -2 to +2)"),
    "load.routes_list": (
        "de routes van {what} moeten een lijst van '- if: ...' / 'target: ...' items zijn",
        "routes of {what} should be a list of '- if: ...' / 'target: ...' items"),
    "load.outcome": ("'outcome' moet een van deze zijn: {outcomes}{hint}",
                     "outcome should be one of {outcomes}{hint}"),
    "load.node_unknown": (
        "{what} verwijst naar knooppunt {id!r}, dat niet bestaat{hint}",
        "{what} refers to node {id!r}, which does not exist{hint}"),
    "load.next_circle": (
        "de 'next:'-verwijzingen gaan in een kring rond ({loop}) zonder keuze of route naar "
        "buiten; een oefening zou nooit stoppen. Geef een van deze knooppunten keuzes, "
        "routes of een einde",
        "the 'next:' links go round in a circle ({loop}) with no choice or route out; a run "
        "would never stop. Give one of these nodes choices, routes or an ending"),
    "load.no_ending": (
        "vanaf startknooppunt {start!r} is geen einde te bereiken: elk pad gaat in kringen "
        "rond. Voeg een einde toe, of een keuze die naar een einde leidt",
        "no ending can be reached from the start node {start!r}: every path goes round in "
        "circles. Add an ending, or a choice that leads to one"),
    "load.unreadable": ("het scenario kan niet worden gelezen",
                        "the scenario could not be read"),
    # -- the expression language -------------------------------------------------------
    "type.number": ("een getal", "a number"),
    "type.bool": ("waar/onwaar (true/false)", "true/false"),
    "type.text": ("tekst", "text"),
    "expr.lambda": ("lambda's horen niet bij de expressietaal",
                    "lambdas are not part of the expression language"),
    "expr.loop": ("lussen horen niet bij de expressietaal",
                  "comprehensions and loops are not part of the expression language"),
    "expr.in": ("'in' wordt niet ondersteund; vergelijk in plaats daarvan met ==",
                "'in' is not supported; compare with == instead"),
    "expr.is": ("'is' wordt niet ondersteund; gebruik == of !=",
                "'is' is not supported; use == or !="),
    "expr.inline": (
        "een losse '{word}' wordt niet ondersteund; gebruik in plaats daarvan een route of "
        "een voorwaarde",
        "inline '{word}' is not supported; use a route or a condition instead"),
    "expr.import": ("'import' hoort niet bij de expressietaal",
                    "'import' is not part of the expression language"),
    "expr.no_null": ("{word} bestaat niet; gebruik false, 0 of \"\"",
                     "there is no {word}; use false, 0 or \"\""),
    "expr.lower_case": ("schrijf {word} met kleine letters", "write {word} in lower case"),
    "expr.attribute": ("een punt ('.') voor attributen is niet toegestaan",
                       "attribute access ('.') is not allowed"),
    "expr.indexing": ("indexeren ('{char}') is niet toegestaan",
                      "indexing ('{char}') is not allowed"),
    "expr.use_instead": ("gebruik '{word}' in plaats van '{char}'",
                         "use '{word}' instead of '{char}'"),
    "expr.bang": ("gebruik 'not' of '!=' in plaats van '!'",
                  "use 'not' or '!=' instead of '!'"),
    "expr.unsupported": ("'{char}' wordt niet ondersteund", "'{char}' is not supported"),
    "expr.semicolon": ("er is maar één expressie toegestaan (';' gevonden)",
                       "only one expression is allowed (';' found)"),
    "expr.not_allowed": ("'{char}' is niet toegestaan", "'{char}' is not allowed"),
    "expr.unterminated": (
        "tekst zonder afsluitend aanhalingsteken: sluit hem af met hetzelfde teken",
        "unterminated string: close it with a matching quote"),
    "expr.bad_char": ("onverwacht teken {char!r}", "unexpected character {char!r}"),
    "expr.too_long": ("de expressie is langer dan {limit} tekens",
                      "expression is longer than {limit} characters"),
    "expr.dunder": ("namen die met '__' beginnen zijn niet toegestaan ({name!r})",
                    "names starting with '__' are not allowed ({name!r})"),
    "expr.expected": ("{want!r} verwacht, maar {found!r} gevonden",
                      "expected {want!r} but found {found!r}"),
    "expr.the_end": ("het einde", "the end"),
    "expr.too_deep": ("de expressie is meer dan {depth} niveaus diep genest",
                      "expression nests deeper than {depth} levels"),
    "expr.chained": ("vergelijkingen kunnen niet aan elkaar worden geregen; verbind ze met "
                     "'and'",
                     "comparisons cannot be chained; join them with 'and'"),
    "expr.number_too_large": ("getallen groter dan 10^15 worden niet ondersteund",
                              "numbers larger than 10^15 are not supported"),
    "expr.needs_value_before": ("vóór {word!r} hoort een waarde te staan",
                                "{word!r} needs a value before it"),
    "expr.not_function": (
        "{name!r} is hier geen functie; de enige functie is visits(\"node_id\")",
        "{name!r} is not a function here; the only function is visits(\"node_id\")"),
    "expr.visits_arg": (
        "visits() krijgt één knooppunt-id tussen aanhalingstekens, bijvoorbeeld "
        "visits(\"start\")",
        "visits() takes one quoted node id, e.g. visits(\"start\")"),
    "expr.ends_early": ("de expressie houdt te vroeg op", "the expression ends too early"),
    "expr.unexpected": ("onverwacht {token!r}", "unexpected {token!r}"),
    "expr.not_text": ("een expressie moet tekst zijn", "an expression must be text"),
    "expr.empty": ("de expressie is leeg", "the expression is empty"),
    "expr.single_equals": (
        "vergelijk met '==' ('=' kent een waarde toe, en alleen in effecten)",
        "use '==' to compare ('=' assigns, and only in effects)"),
    "expr.after_end": ("onverwacht {token!r} na het einde van de expressie",
                       "unexpected {token!r} after the end of the expression"),
    "expr.effect_not_text": ("een effect moet tekst zijn, zoals \"trust += 1\"",
                             "an effect must be text such as \"trust += 1\""),
    "expr.effect_empty": ("het effect is leeg", "the effect is empty"),
    "expr.effect_start": (
        "een effect begint met de naam van een variabele, bijvoorbeeld \"trust += 1\"",
        "an effect starts with a variable name, e.g. \"trust += 1\""),
    "expr.not_assignable": ("aan {name!r} kan geen waarde worden toegekend",
                            "{name!r} cannot be assigned to"),
    "expr.effect_double_equals": (
        "een effect kent een waarde toe met '=', '+=' of '-=' ('==' vergelijkt)",
        "an effect assigns with '=', '+=' or '-=' ('==' compares)"),
    # -- authorday: likely operator typos (sim.expr.OPERATOR_TYPOS) ------------------------
    "expr.operator_typo": ("{found!r} is geen operator in deze taal; bedoel je {want!r} "
                           "({meaning})?",
                           "{found!r} is not an operator in this language; did you mean "
                           "{want!r} ({meaning})?"),
    "expr.effect_reversed": (
        "{found!r} staat omgekeerd: schrijf {want!r} om op te tellen of af te trekken, of zet "
        "een spatie na '=' om een waarde toe te kennen (zoals \"x = -1\")",
        "{found!r} is reversed: write {want!r} to add or subtract, or put a space after '=' "
        "to assign a value (such as \"x = -1\")"),
    "op.ge": ("groter dan of gelijk aan", "greater than or equal to"),
    "op.le": ("kleiner dan of gelijk aan", "less than or equal to"),
    "op.ne": ("niet gelijk aan", "not equal to"),
    "op.eq": ("gelijk aan", "equal to"),
    "op.and": ("en: beide moeten waar zijn", "both must hold"),
    "op.or": ("of: één van beide is genoeg", "either one is enough"),
    "op.not": ("keert waar en onwaar om", "turns true into false and back"),
    "expr.effect_op": ("na de naam van de variabele wordt '=', '+=' of '-=' verwacht",
                       "expected '=', '+=' or '-=' after the variable name"),
    "expr.visits_unknown": ("visits(): er is geen knooppunt met id {id!r}",
                            "visits(): no node with id {id!r}"),
    "expr.not_bool": ("'not' heeft een waarde true/false nodig",
                      "'not' needs a true/false value"),
    "expr.neg_number": ("'-' heeft een getal nodig", "'-' needs a number"),
    "expr.joins_bool": ("'{op}' verbindt waarden true/false (voorwaarden)",
                        "'{op}' joins true/false values (conditions)"),
    "expr.compare_types": ("{left} kan niet met {right} worden vergeleken",
                           "cannot compare {left} with {right}"),
    "expr.compare_bool": ("'{op}' vergelijkt getallen of tekst, geen true/false",
                          "'{op}' compares numbers or text, not true/false"),
    "expr.needs_numbers": ("'{op}' heeft aan beide kanten een getal nodig",
                           "'{op}' needs numbers on both sides"),
    "expr.effect_op_numbers": ("'{op}' werkt op getallen; {name!r} is {type}",
                               "'{op}' works on numbers; {name!r} is {type}"),
    "expr.effect_type": ("{name!r} bevat {want}, maar de waarde is {got}",
                         "{name!r} holds {want} but the value is {got}"),
    "expr.unknown_variable": ("onbekende variabele {name!r}{hint}",
                              "unknown variable {name!r}{hint}"),
    "expr.condition_not_bool": (
        "een voorwaarde moet waar of onwaar zijn, bijvoorbeeld \"trust >= 3\"",
        "a condition must be true or false, e.g. \"trust >= 3\""),
    # -- the rubric ----------------------------------------------------------------------
    "rwhat.rubric": ("de rubriek", "the rubric"),
    "rwhat.rubric_id": ("de id van de rubriek", "the rubric id"),
    "rwhat.title": ("de titel", "the title"),
    "rwhat.description": ("de beschrijving", "the description"),
    "rwhat.sources": ("'sources'", "sources"),
    "rwhat.a_source": ("een bron", "a source"),
    "rwhat.source_key": ("de sleutel van de bron", "the source key"),
    "rwhat.source_field": ("de {field} van een bron", "the {field} of a source"),
    "rwhat.sources_of": ("de bronnen van {of}", "the sources of {of}"),
    "rwhat.a_source_of": ("een bron van {of}", "a source of {of}"),
    "rwhat.a_quote": ("een citaat", "a quote"),
    "rwhat.translation": ("de vertaling", "the translation"),
    "rwhat.bands": ("'bands'", "bands"),
    "rwhat.a_band": ("een niveau ('band')", "a band"),
    "rwhat.band_id": ("de id van het niveau", "the band id"),
    "rwhat.band_from": ("'from' van een niveau", "'from' of a band"),
    "rwhat.band_name": ("de naam van een niveau", "the name of a band"),
    "rwhat.band_description": ("de beschrijving van een niveau", "the description of a band"),
    "rwhat.axes": ("'axes'", "axes"),
    "rwhat.axis": ("as {id!r}", "axis {id!r}"),
    "rwhat.name_of": ("de naam van {of}", "the name of {of}"),
    "rwhat.description_of": ("de beschrijving van {of}", "the description of {of}"),
    "rwhat.threshold_of": ("de drempel van {of}", "the threshold of {of}"),
    "rwhat.dimensions_of": ("de onderdelen van {of}", "the dimensions of {of}"),
    "rwhat.dimension_id": ("de id van een onderdeel", "a dimension id"),
    "rwhat.quadrants": ("'quadrants'", "quadrants"),
    "rwhat.a_quadrant": ("een kwadrant", "a quadrant"),
    "rwhat.quadrant_id": ("de id van het kwadrant", "the quadrant id"),
    "rwhat.text_of": ("de tekst van {of}", "the text of {of}"),
    "rwhat.tip_of": ("de tip van {of}", "the tip of {of}"),
    "rwhat.channels": ("'channels'", "channels"),
    "rwhat.themes": ("'themes'", "themes"),
    "rwhat.dimensions": ("'dimensions'", "dimensions"),
    "rwhat.the_dimension_id": ("de id van het onderdeel", "the dimension id"),
    "rwhat.dimension": ("onderdeel {id!r}", "dimension {id!r}"),
    "rwhat.a_dimension": ("een onderdeel", "a dimension"),
    "rwhat.short_of": ("de korte naam van {of}", "the short name of {of}"),
    "rwhat.good_of": ("de goede praktijk van {of}", "the good practice of {of}"),
    "rwhat.good_n_of": ("goede praktijk {n} van {of}", "good practice {n} of {of}"),
    "rwhat.poor_of": ("de zwakke praktijk van {of}", "the poor practice of {of}"),
    "rwhat.poor_n_of": ("zwakke praktijk {n} van {of}", "poor practice {n} of {of}"),
    "ex.words": ("woorden, zoals [a, b]", "words such as [a, b]"),
    "ex.sources": ("'- {{key: S1, title: ...}}' items", "'- {{key: S1, title: ...}}' items"),
    "ex.citations": ("'- {{source: S2, provenance: synthesis}}' items",
                     "'- {{source: S2, provenance: synthesis}}' items"),
    "ex.bands": ("'- {{id: ..., from: 0, name: ...}}' items",
                 "'- {{id: ..., from: 0, name: ...}}' items"),
    "ex.dimension_ids": ("ids van onderdelen, zoals [verbinding, begrip]",
                         "dimension ids such as [verbinding, begrip]"),
    "ex.quadrants": ("'- {{id: ..., contact: high, limits: high, name: ...}}' items",
                     "'- {{id: ..., contact: high, limits: high, name: ...}}' items"),
    "ex.channels": ("kanalen, zoals [writing]", "channels such as [writing]"),
    "ex.id_items": ("'- id: ...' items", "'- id: ...' items"),
    "ex.text_items": ("'- text: ...' items", "'- text: ...' items"),
    "rule.rubric_id": ("kleine letters, cijfers, '-' en '_' (hoogstens 40)",
                       "lowercase letters, digits, '-' and '_' (max 40)"),
    "rule.source_key": ("letters, cijfers, '-' en '_' (hoogstens 20)",
                        "letters, digits, '-' and '_' (max 20)"),
    "hint.use_one_of": ("; gebruik een van deze: {options}", "; use one of {options}"),
    "hint.list_source": ("; neem de bron bovenaan op onder 'sources:'",
                         "; list it under 'sources:' at the top"),
    "hint.it_has": ("; de rubriek heeft: {ids}", "; it has: {ids}"),
    "rub.empty": ("{what} is leeg", "{what} is empty"),
    "rub.needs_both": (
        "{what} heeft een Nederlandse en een Engelse tekst nodig: schrijf "
        "{{nl: \"...\", en: \"...\"}}",
        "{what} needs a Dutch and an English text: write it as {{nl: \"...\", en: \"...\"}}"),
    "rub.text_not_mapping": (
        "{what} moet een mapping zijn met teksten onder 'nl:' en 'en:', niet {kind}",
        "{what} should be a mapping with 'nl:' and 'en:' texts, not {kind}"),
    "rub.lang_not_text": ("de {lang!r}-tekst van {what} moet niet-lege tekst zijn, niet {kind}",
                          "the {lang!r} text of {what} should be non-empty text, not {kind}"),
    "rub.lang_missing": ("{what} heeft geen {lang!r}-tekst; voeg '{lang}: ...' toe",
                         "{what} has no {lang!r} text; add '{lang}: ...'"),
    "rub.lang_empty": ("de {lang!r}-tekst van {what} moet niet-lege tekst zijn",
                       "the {lang!r} text of {what} should be non-empty text"),
    "rub.translation_empty": ("{what} is leeg; geef minstens 'en: ...' of 'nl: ...'",
                              "{what} is empty; give at least 'en: ...' or 'nl: ...'"),
    "rub.not_text": ("{what} moet tekst zijn, niet {kind}", "{what} should be text, not {kind}"),
    "rub.bad_id": ("{what} {value!r} is geen geldige id: gebruik {rule}",
                   "{what} {value!r} is not a valid id: use {rule}"),
    "rub.not_id": ("{what} moet een id zijn, niet {kind}", "{what} should be an id, not {kind}"),
    "rub.whole": ("{what} moet een geheel getal van {lo} tot en met {hi} zijn",
                  "{what} should be a whole number from {lo} to {hi}"),
    "rub.list_empty": ("{what} is leeg; voeg minstens één item toe",
                       "{what} is empty; add at least one item"),
    "rub.not_list": ("{what} moet een lijst van {example} zijn, niet {kind}",
                     "{what} should be a list of {example}, not {kind}"),
    "rub.item_word": ("elk item van {what} moet een woord zijn",
                      "each item of {what} should be a word"),
    "rub.source_twice": (
        "bronsleutel {key!r} komt twee keer voor (eerst op regel {first}); elke bron staat er "
        "één keer",
        "source key {key!r} appears twice (first on line {first}); each source is listed once"),
    "rub.provenance": ("herkomst ('provenance') {prov!r} is onbekend{hint}",
                       "provenance {prov!r} is not known{hint}"),
    "rub.quote_empty": ("het citaat is leeg", "the quote is empty"),
    "rub.quickscan_quote": (
        "herkomst 'quickscan' markeert de eigen woorden van de quickscan, dus er hoort het "
        "'quote:' bij dat wordt geciteerd; gebruik zonder citaat 'synthesis'",
        "provenance 'quickscan' marks the quick scan's own words, so it needs the 'quote:' it "
        "cites; without one, use 'synthesis'"),
    "rub.synthesis_quote": (
        "een 'synthesis' is onze eigen afleiding en kan geen citaat dragen; verwijder het "
        "citaat of geef aan waar het staat (quickscan, letter of guidance)",
        "a 'synthesis' is our own inference and cannot carry a quote; remove the quote or mark "
        "where it stands (quickscan, letter or guidance)"),
    "rub.translation_without_quote": ("'translation' hoort bij een 'quote'",
                                      "'translation' belongs with a 'quote'"),
    "rub.band_twice": ("niveau-id {id!r} komt twee keer voor (eerst op regel {first})",
                       "band id {id!r} appears twice (first on line {first})"),
    "rub.band_order": (
        "niveau {id!r} begint bij {lower}, maar het niveau ervoor begint bij {before}; zet de "
        "niveaus van laag naar hoog, elk hoger beginnend dan het vorige",
        "band {id!r} starts at {lower}, but the band before it starts at {before}; list bands "
        "from low to high, each starting higher than the last"),
    "rub.band_first": (
        "het eerste niveau moet bij 0 beginnen (het begint bij {lower}), zodat elke score een "
        "niveau heeft",
        "the first band should start at 0 (it starts at {lower}), so that every score has a "
        "band"),
    "rub.listed_twice": ("{id!r} staat twee keer in {what}", "{id!r} is listed twice in {what}"),
    "rub.level": ("'{axis}' van een kwadrant moet 'high' of 'low' zijn{hint}",
                  "{axis} of a quadrant should be 'high' or 'low'{hint}"),
    "rub.quadrant_twice": ("kwadrant-id {id!r} komt twee keer voor",
                           "quadrant id {id!r} appears twice"),
    "rub.quadrant_same": (
        "kwadrant {id!r} heeft dezelfde niveaus voor contact en limits als {other!r}; elke "
        "combinatie komt één keer voor",
        "quadrant {id!r} has the same contact and limits levels as {other!r}; each combination "
        "appears once"),
    "rub.quadrant_missing": (
        "bij 'quadrants' ontbreekt een kwadrant voor contact {contact}, limits {limits}; geef "
        "ze alle vier",
        "quadrants has no quadrant for contact {contact}, limits {limits}; give all four"),
    "rub.channel": ("onbekend kanaal {channel!r}{hint}", "unknown channel {channel!r}{hint}"),
    "rub.dimension_twice": (
        "onderdeel-id {id!r} komt twee keer voor (eerst op regel {first}); ids moeten uniek "
        "zijn",
        "dimension id {id!r} appears twice (first on line {first}); ids must be unique"),
    "rub.source_unknown": ("onbekende bron {key!r}{hint}", "unknown source {key!r}{hint}"),
    "rub.dimension_unknown": (
        "{what} verwijst naar onderdeel {id!r}, dat de rubriek niet heeft{hint}",
        "{what} refers to dimension {id!r}, which the rubric does not have{hint}"),
    "rub.root": (
        "een rubriekbestand moet een mapping zijn die begint met 'id:', 'version:' enzovoort; "
        "dit bestand bevat {kind}",
        "a rubric file must be a mapping that starts with 'id:', 'version:' and so on; this "
        "file holds {kind}"),
    "rub.axes_without_quadrants": (
        "de rubriek heeft assen ('axes') maar geen 'quadrants:'; benoem alle vier de "
        "combinaties van contact en limits (high/low)",
        "the rubric has axes but no 'quadrants:'; name all four combinations of contact and "
        "limits (high/low)"),
    "rub.quadrants_without_axes": ("'quadrants' heeft 'axes:' nodig (contact en limits)",
                                   "quadrants need 'axes:' (contact and limits)"),
    "rub.unreadable": ("de rubriek kan niet worden gelezen", "the rubric could not be read"),
    # -- the glossary --------------------------------------------------------------------
    "gwhat.glossary": ("de woordenlijst", "the glossary"),
    "gwhat.in_lang": ("{what} ({lang})", "{what} ({lang})"),
    "gwhat.source": ("bron {key}", "source {key}"),
    "gwhat.title_of": ("de titel van {key}", "the title of {key}"),
    "gwhat.url_of": ("de url van {key}", "the url of {key}"),
    "gwhat.a_term": ("een term", "a term"),
    "gwhat.term_id": ("de id van een term", "a term id"),
    "gwhat.term": ("'term'", "term"),
    "gwhat.meaning": ("'meaning'", "meaning"),
    "gloss.not_text": ("{what} moet een niet-lege tekst zijn",
                       "{what} should be a non-empty text"),
    "gloss.format": ("'format' moet {format!r} zijn", "format should be {format!r}"),
    "gloss.terms": ("'terms' moet een lijst zijn", "terms should be a list"),
    "gloss.sources": (
        "'sources' moet een niet-lege lijst van bronsleutels zijn, zoals [S8]",
        "sources should be a non-empty list of source keys such as [S8]"),
    "gloss.source_unknown": ("onbekende bron {key!r}; neem haar eerst op onder 'sources:'",
                             "unknown source {key!r}; list it under 'sources:' first"),
    "gloss.term_twice": ("term-id {id!r} komt twee keer voor", "term id {id!r} appears twice"),
    # -- lint warnings -----------------------------------------------------------------
    "word.and": ("{a} en {b}", "{a} and {b}"),
    "lwhat.top.title": ("de titel", "the title"),
    "lwhat.top.summary": ("de samenvatting ('summary')", "the summary"),
    "lwhat.top.role": ("de rol ('role')", "the role"),
    "lwhat.top.dossier": ("het dossier", "the dossier"),
    "lwhat.top.setting": ("de setting", "the setting"),
    "lwhat.character_name": ("de naam van personage {id!r}", "the name of character {id!r}"),
    "lwhat.character_description": ("de beschrijving van personage {id!r}",
                                    "the description of character {id!r}"),
    "lwhat.variable_label": ("het label van variabele {id!r}", "the label of variable {id!r}"),
    "lwhat.line": ("regel {n} van knooppunt {id!r}", "line {n} of node {id!r}"),
    "lwhat.node_thought": ("de 'thought' van knooppunt {id!r}", "the thought of node {id!r}"),
    "lwhat.node_trainer_notes": ("de 'trainer_notes' van knooppunt {id!r}",
                                 "the trainer_notes of node {id!r}"),
    "lwhat.node_discussion": ("de 'discussion' van knooppunt {id!r}",
                              "the discussion of node {id!r}"),
    "lwhat.choice_text": ("de tekst van keuze {id!r}", "the text of choice {id!r}"),
    "lwhat.choice_reason": ("de reden ('reason') van keuze {id!r}",
                            "the reason of choice {id!r}"),
    "lwhat.choice_feedback": ("de feedback van keuze {id!r}", "the feedback of choice {id!r}"),
    "lwhat.ending_title": ("de titel van het einde {id!r}", "the ending title of {id!r}"),
    "lwhat.ending_text": ("de tekst van het einde {id!r}", "the ending text of {id!r}"),
    "lint.unreachable": (
        "knooppunt {id!r} is onbereikbaar: geen keuze, 'next:' of route leidt ernaartoe vanaf "
        "de start {start!r}. Verwijs ernaar, of verwijder het",
        "node {id!r} is unreachable: no choice, 'next:' or route leads to it from the start "
        "{start!r}. Link to it, or remove it"),
    "lint.one_choice": (
        "knooppunt {id!r} heeft maar één keuze ({choice!r}), dus de deelnemer beslist hier "
        "niets; voeg een echt alternatief toe, of gebruik 'next:' om automatisch verder te gaan",
        "node {id!r} has only one choice ({choice!r}), so the trainee decides nothing here; "
        "add a real alternative, or use 'next:' for an automatic continuation"),
    "lint.no_scores": (
        "keuze {id!r} van knooppunt {node!r} heeft geen 'scores:'; geef aan wat de keuze laat "
        "zien op de rubriek, bijvoorbeeld scores: {{verbinding: 1}}",
        "choice {id!r} of node {node!r} has no 'scores:'; say what it shows on the rubric, "
        "e.g. scores: {{verbinding: 1}}"),
    "lint.no_feedback": (
        "keuze {id!r} van knooppunt {node!r} heeft geen 'feedback:'; zeg in een zin waarom "
        "deze keuze goed of zwak is, in de termen van de rubriek",
        "choice {id!r} of node {node!r} has no 'feedback:'; say in a sentence why this is good "
        "or poor, in the rubric's terms"),
    "lint.one_language": (
        "{what} staat er maar in één taal; schrijf de tekst per taal: {form}",
        "{what} is in one language only; write it per language: {form}"),
    "lint.empty_lang": ("{what} heeft een lege {lang!r}-tekst; vertaal hem",
                        "{what} has an empty {lang!r} text; translate it"),
    "lint.same_text": ("{what} is in {langs} hetzelfde; vertaal hem",
                       "{what} is the same in {langs}; translate it"),
    "lint.choices_long": (
        "de keuzes van knooppunt {id!r} nemen samen {n} regels in beslag in het {lang} "
        "(op een scherm van 80x24 passen er hoogstens {limit} tegelijk); maak ze korter of "
        "bied er minder aan",
        "the choices of node {id!r} take {n} lines together in {lang} (at most {limit} show "
        "at once on an 80x24 screen); shorten them or offer fewer"),
    "lint.text_long": (
        "de tekst van keuze {id!r}{in_lang} neemt {n} regels in beslag in een keuzelijst van "
        "80 kolommen (er passen hoogstens {limit} regels van {width} kolommen); maak hem "
        "korter (nu {chars} tekens)",
        "the text of choice {id!r}{in_lang} takes {n} lines in an 80-column choice list (at "
        "most {limit} lines of {width} columns fit); shorten it (now {chars} characters)"),
    "lint.reason_long": (
        "de reden ('reason') van keuze {id!r}{in_lang} neemt {n} regels in beslag in een "
        "keuzelijst van 80 kolommen (er passen hoogstens {limit} regels van {width} kolommen); "
        "maak hem korter (nu {chars} tekens)",
        "the reason of choice {id!r}{in_lang} takes {n} lines in an 80-column choice list (at "
        "most {limit} lines of {width} columns fit); shorten it (now {chars} characters)"),
    "lint.only_rewarded": (
        "onderdeel {id!r} wordt in dit scenario alleen beloond, dus de nabespreking kan er "
        "nooit zowel een goed als een zwak resultaat op tonen; voeg een keuze toe die er punten "
        "op aftrekt, of haal het uit de scores",
        "dimension {id!r} is only ever rewarded in this scenario, so the debrief can never "
        "show both a good and a poor result on it; add a choice that penalises it, or drop it "
        "from the scores"),
    "lint.only_penalised": (
        "onderdeel {id!r} kost in dit scenario alleen punten, dus de nabespreking kan er nooit "
        "zowel een goed als een zwak resultaat op tonen; voeg een keuze toe die het beloont, "
        "of haal het uit de scores",
        "dimension {id!r} is only ever penalised in this scenario, so the debrief can never "
        "show both a good and a poor result on it; add a choice that rewards it, or drop it "
        "from the scores"),
    "lint.best_same_place": (
        "bij {n} van de {total} beslissingen staat de best scorende keuze op plaats {place}, "
        "dus een deelnemer kan de plaats leren in plaats van de praktijk; wissel de volgorde "
        "van de keuzes af (hun ids blijven gelijk)",
        "at {n} of {total} decisions the best-scoring option is number {place}, so a trainee "
        "can learn the position instead of the practice; vary the order of the choices (their "
        "ids stay the same)"),
    "lint.not_explored": (
        "dit scenario heeft meer dan {bound:,} verschillende toestanden, te veel om elk "
        "speelpad na te gaan; in plaats daarvan is het met willekeurige rondes gecontroleerd, "
        "dus onbereikte eindes, het hoogste niveau en zeldzame doodlopende punten kunnen "
        "onopgemerkt blijven. Voer 'sovsim analyse' uit voor de details",
        "this scenario has more than {bound:,} distinct states, too many to check every "
        "play-through; random runs checked it instead, so unreached endings, the top band and "
        "rare dead ends may go unnoticed. Run 'sovsim analyse' for details"),
    "lint.ending_unreached": (
        "geen enkel speelpad bereikt einde {id!r} (elk pad nagegaan, lussen afgebroken na "
        "{bound} bezoeken): de voorwaarden en routes onderweg laten het nooit gebeuren",
        "no play-through reaches ending {id!r} (every path checked, loops cut after {bound} "
        "visits): the conditions and routes on the way never let it happen"),
    "lint.node_unreached": (
        "geen enkel speelpad bereikt knooppunt {id!r} (elk pad nagegaan, lussen afgebroken "
        "na {bound} bezoeken): de voorwaarden en routes onderweg laten het nooit gebeuren",
        "no play-through reaches node {id!r} (every path checked, loops cut after {bound} "
        "visits): the conditions and routes on the way never let it happen"),
    "lint.via_path": (" (na: {path})", " (after: {path})"),
    "lint.via_start": (" (bij de start)", " (at the start)"),
    "lint.runtime": (
        "tijdens het spelen: {problem}{via}; de deelnemer zou hier een fout zien. Bescherm de "
        "expressie, bijvoorbeeld door alleen te delen als de deler niet 0 is",
        "while playing, {problem}{via}; the trainee would see an error here. Guard the "
        "expression, e.g. divide only when the divisor is not 0"),
    "lint.after": ("na: {path}", "after: {path}"),
    "lint.at_start": ("bij de start", "at the start"),
    "lint.dead_end": (
        "doodlopend punt bij knooppunt {id!r}: elke keuze is verborgen of uitgeschakeld "
        "({via}{values}); voeg een keuze zonder voorwaarde toe, of versoepel de voorwaarden",
        "dead end at node {id!r}: every choice is hidden or disabled ({via}{values}); add a "
        "choice without a condition, or loosen the conditions"),
    "lint.one_on_offer": (
        "knooppunt {id!r} heeft {n} keuzes, maar in elk speelpad is er maar één "
        "beschikbaar (de voorwaarden van de andere gelden hier nooit), dus de deelnemer beslist "
        "niets",
        "node {id!r} has {n} choices, but in every play-through only one of them is on offer "
        "(the others' conditions never hold here), so the trainee decides nothing"),
    "lint.flat": (
        "elk speelpad scoort {total} op onderdeel {id!r}, dus het zegt de deelnemer niets; "
        "scoor het verschillend op verschillende paden",
        "every play-through scores {total} on dimension {id!r}, so it tells the trainee "
        "nothing; score it differently on different paths"),
    "lint.top_band": (
        "het beste speelpad ({path}: bij elke beslissing de optie met het hoogste totaal, "
        "elk onderdeel beoordeeld tussen de zwakste en de sterkste optie die er bij de "
        "beslissingen op dat pad was) blijft "
        "onder {band} op: {gaps}; laat één pad waarop alles goed gaat het halen op elk "
        "onderdeel dat op dat pad meetelt",
        "the best play-through ({path}: at each decision the option with the highest total, "
        "each dimension judged between the weakest and strongest option on offer at the "
        "decisions on that path) stays below the {band} on: "
        "{gaps}; let one path that does everything right reach it on every dimension at stake "
        "on it"),
    "lint.rubric_top_band": ("het hoogste niveau van de rubriek, {id!r} ({lower} of meer van "
                             "de 100)",
                             "rubric's top band {id!r} ({lower} or more of 100)"),
    "lint.default_top_band": ("het hoogste niveau ({lower} of meer van de 100)",
                              "top band ({lower} or more of 100)"),
    # -- run-time errors found while exploring -------------------------------------------
    "run.at": ("{what}: {error}", "{what}: {error}"),
    "run.route_of": ("routevoorwaarde {src!r} van {of}", "route condition {src!r} of {of}"),
    "run.condition": ("de voorwaarde van keuze {id!r} kan niet worden berekend: {error}",
                      "the condition of choice {id!r} cannot be evaluated: {error}"),
    "run.effect_of": ("effect {src!r} van keuze {id!r}", "effect {src!r} of choice {id!r}"),
    "run.choice": ("keuze {id!r}", "choice {id!r}"),
    "eval.division_by_zero": ("deling door nul", "division by zero"),
    "eval.number_too_large": ("getal te groot (boven 10^15)", "number too large (over 10^15)"),
    "eval.text_too_long": ("tekst langer dan {limit:,} tekens",
                           "text longer than {limit:,} characters"),
    # -- the command line around problems -------------------------------------------------
    "cli.checked": ("{n} bestanden gecontroleerd: {found}", "{n} files checked: {found}"),
    "cli.checked.one": ("{n} bestand gecontroleerd: {found}", "{n} file checked: {found}"),
    "cli.found": ("{errors}, {warnings}", "{errors}, {warnings}"),
    "cli.errors": ("{n} fouten", "{n} errors"),
    "cli.errors.one": ("{n} fout", "{n} error"),
    "cli.warnings": ("{n} waarschuwingen", "{n} warnings"),
    "cli.warnings.one": ("{n} waarschuwing", "{n} warning"),
    "cli.no_problems": ("geen problemen", "no problems"),
    "cli.cannot_play": ("sovsim: {path} kan niet gespeeld worden; los eerst {what} op:",
                        "sovsim: {path} cannot be played; fix {what} first:"),
    "cli.this_problem": ("dit probleem", "this problem"),
    "cli.these_problems": ("deze {n} problemen", "these {n} problems"),
    "watch.start_gone": ("het knooppunt {id!r} waar deze oefening begon, bestaat niet meer",
                         "the node {id!r} this run started at is gone"),
    "watch.replay": ("de oefening kan niet opnieuw worden afgespeeld: {error}", "{error}"),
    # -- the YAML library's own words (shown after "YAML syntax:") --------------------------
    "yaml.context": ("{context}: {problem}", "{context}, {problem}"),
    "libyaml.invalid YAML": ("ongeldige YAML", "invalid YAML"),
    "libyaml.while scanning a simple key": ("bij het lezen van een sleutel",
                                            "while scanning a simple key"),
    "libyaml.while parsing a block mapping": ("bij het lezen van een mapping",
                                              "while parsing a block mapping"),
    "libyaml.while parsing a block collection": ("bij het lezen van een lijst",
                                                 "while parsing a block collection"),
    "libyaml.while parsing a flow mapping": ("bij het lezen van een mapping tussen {{ }}",
                                             "while parsing a flow mapping"),
    "libyaml.while parsing a flow sequence": ("bij het lezen van een lijst tussen [ ]",
                                              "while parsing a flow sequence"),
    "libyaml.while parsing a flow node": ("bij het lezen van een waarde tussen haakjes",
                                          "while parsing a flow node"),
    "libyaml.while parsing a block node": ("bij het lezen van een waarde",
                                           "while parsing a block node"),
    "libyaml.while parsing a node": ("bij het lezen van een waarde", "while parsing a node"),
    "libyaml.while scanning a quoted scalar": (
        "bij het lezen van een tekst tussen aanhalingstekens", "while scanning a quoted scalar"),
    "libyaml.while scanning a plain scalar": ("bij het lezen van een tekst",
                                              "while scanning a plain scalar"),
    "libyaml.while scanning a block scalar": ("bij het lezen van een tekstblok (| of >)",
                                              "while scanning a block scalar"),
    "libyaml.while scanning an anchor": ("bij het lezen van een anker (&)",
                                         "while scanning an anchor"),
    "libyaml.while scanning an alias": ("bij het lezen van een alias (*)",
                                        "while scanning an alias"),
    "libyaml.while scanning a tag": ("bij het lezen van een tag (!)", "while scanning a tag"),
    "libyaml.while scanning a directive": ("bij het lezen van een directive (%)",
                                           "while scanning a directive"),
    "libyaml.could not find expected ':'": ("de verwachte ':' ontbreekt",
                                            "could not find expected ':'"),
    "libyaml.mapping values are not allowed in this context": (
        "een 'sleutel: waarde' is hier niet toegestaan",
        "mapping values are not allowed in this context"),
    "libyaml.mapping values are not allowed here": (
        "een 'sleutel: waarde' is hier niet toegestaan", "mapping values are not allowed here"),
    "libyaml.did not find expected key": ("de verwachte sleutel ontbreekt",
                                          "did not find expected key"),
    "libyaml.did not find expected '-' indicator": ("het verwachte '-' ontbreekt",
                                                    "did not find expected '-' indicator"),
    "libyaml.did not find expected node content": ("de verwachte waarde ontbreekt",
                                                   "did not find expected node content"),
    "libyaml.did not find expected ',' or ']'": ("de verwachte ',' of ']' ontbreekt",
                                                 "did not find expected ',' or ']'"),
    "libyaml.did not find expected ',' or '}'": ("de verwachte ',' of '}}' ontbreekt",
                                                 "did not find expected ',' or '}}'"),
    "libyaml.found character that cannot start any token": (
        "hier staat een teken waarmee niets in YAML kan beginnen",
        "found character that cannot start any token"),
    "libyaml.found unexpected end of stream": ("het bestand houdt onverwacht op",
                                               "found unexpected end of stream"),
    "libyaml.found unknown escape character": ("onbekend escape-teken (\\...)",
                                               "found unknown escape character"),
    "libyaml.found undefined tag handle": ("onbekende tag", "found undefined tag handle"),
    "libyaml.block sequence entries are not allowed in this context": (
        "een lijstitem ('- ...') is hier niet toegestaan",
        "block sequence entries are not allowed in this context"),
    "libyaml.found a tab character that violates indentation": (
        "een tab verstoort hier het inspringen; spring in met spaties",
        "found a tab character that violates indentation"),
    "libyaml.found a tab character where an indentation space is expected": (
        "hier staat een tab waar een spatie voor het inspringen wordt verwacht",
        "found a tab character where an indentation space is expected"),
    "libyaml.did not find expected comment or line break": (
        "hier wordt een commentaar of een nieuwe regel verwacht",
        "did not find expected comment or line break"),
    "libyaml.did not find expected <document start>": (
        "het verwachte begin van een document ontbreekt",
        "did not find expected <document start>"),
    "libyaml.found unexpected document indicator": (
        "onverwachte documentmarkering ('---' of '...')",
        "found unexpected document indicator"),
    "libyaml.did not find expected alphabetic or numeric character": (
        "hier wordt een letter of cijfer verwacht",
        "did not find expected alphabetic or numeric character"),
    # -- authorday: the common YAML mistakes in an author's words (sim.yamlhints) ----------
    "yaml.tab": (
        "YAML-syntaxis: een tab op regel {line}, kolom {column}: YAML springt in met spaties, "
        "niet met tabs. Vervang de tab door spaties (stel je editor zo in dat Tab spaties "
        "invoegt)",
        "YAML syntax: tab character at line {line} col {column}: YAML indents with spaces, "
        "not tabs. Replace the tab with spaces (set your editor to insert spaces for Tab)"),
    "yaml.indent_too_far": (
        "YAML-syntaxis: {key!r} op regel {line} begint in kolom {column}, verder ingesprongen "
        "dan {above!r} erboven (regel {above_line}, kolom {above_column}). Sleutels die bij "
        "elkaar horen, staan precies onder elkaar: zet {key!r} in kolom {above_column} als hij "
        "naast {above!r} hoort (verder inspringen kan alleen onder een sleutel met niets na "
        "de ':')",
        "YAML syntax: {key!r} on line {line} starts at column {column}, indented further than "
        "{above!r} above it (line {above_line}, column {above_column}). Keys that belong "
        "together line up exactly: put {key!r} at column {above_column} if it belongs beside "
        "{above!r} (indenting further only works under a key with nothing after its ':')"),
    "yaml.indent_lines_up_with_nothing": (
        "YAML-syntaxis: {key!r} op regel {line} begint in kolom {column} en staat daarmee "
        "onder geen enkele sleutel erboven (de dichtstbijzijnde is {above!r} in kolom "
        "{above_column}, regel {above_line}). Zet {key!r} precies onder de sleutel waar hij "
        "bij hoort",
        "YAML syntax: {key!r} on line {line} starts at column {column}, which lines up with "
        "no key above it (the nearest is {above!r} at column {above_column}, line "
        "{above_line}). Put {key!r} exactly below the key it belongs with"),
    "yaml.indent_continues_text": (
        "YAML-syntaxis: {key!r} op regel {line} (kolom {column}) is verder ingesprongen dan "
        "{above!r} erboven (regel {above_line}, kolom {above_column}), dus leest YAML hem als "
        "een vervolg van de tekst van {above!r}. Zet {key!r} in de kolom van de sleutel waar "
        "hij bij hoort",
        "YAML syntax: {key!r} on line {line} (column {column}) is indented further than "
        "{above!r} above it (line {above_line}, column {above_column}), so YAML reads it as "
        "more of the text of {above!r}. Put {key!r} at the column of the key it belongs with"),
    "yaml.colon_in_text": (
        "YAML-syntaxis: een ': ' in een tekst zonder aanhalingstekens leest YAML als een "
        "nieuwe sleutel. Zet de hele tekst tussen aanhalingstekens (\"...\")",
        "YAML syntax: YAML reads ': ' in a text without quotes as a new key. Put the whole "
        "text in quotes (\"...\")"),
    "yaml.dash_misaligned": (
        "YAML-syntaxis: het '-' op regel {line} staat in kolom {column}, het '-' van het "
        "lijstitem erboven (regel {above_line}) in kolom {above_column}. Items van één lijst "
        "beginnen in dezelfde kolom: zet het '-' in kolom {above_column}",
        "YAML syntax: the '-' on line {line} is at column {column}, the '-' of the list item "
        "above (line {above_line}) at column {above_column}. Items of one list start in the "
        "same column: put the '-' at column {above_column}"),
    "yaml.unclosed_quote": (
        "YAML-syntaxis: de {quote} op regel {line}, kolom {column} wordt niet gesloten, dus "
        "leest YAML de regels erna als deel van die tekst. Sluit de tekst af met {quote} op "
        "dezelfde regel",
        "YAML syntax: the {quote} at line {line} col {column} is not closed, so YAML reads "
        "the lines after it as part of that text. End the text with {quote} on the same line"),
    "yaml.unclosed_bracket": (
        "YAML-syntaxis: de '{opening}' op regel {line}, kolom {column} wordt niet gesloten "
        "met '{closing}'. Sluit hem op dezelfde regel, of zet tussen de haakjes een komma "
        "tussen de onderdelen",
        "YAML syntax: the '{opening}' at line {line} col {column} is not closed with "
        "'{closing}'. Close it on the same line, or put a comma between the items inside"),
    "yaml.missing_colon": (
        "YAML-syntaxis: na {key!r} op regel {line} ontbreekt de ':'. Schrijf een sleutel, "
        "een dubbele punt en een spatie, en dan de waarde: {fixed!r}",
        "YAML syntax: the ':' after {key!r} on line {line} is missing. Write a key, a colon "
        "and a space, then the value: {fixed!r}"),
    "map.key_too_deep": (
        "{key!r} op regel {line} is te ver ingesprongen: YAML leest hem als deel van "
        "{parent!r} (regel {parent_line}), dus ontbreekt {key!r} bij {what}. Zet {key!r} in "
        "kolom {column}, recht onder {parent!r}",
        "{key!r} on line {line} is indented too far: YAML reads it as part of {parent!r} "
        "(line {parent_line}), so {what} is missing {key!r}. Put {key!r} at column {column}, "
        "in line with {parent!r}"),
    "libyaml.while scanning for the next token": ("bij het lezen van het volgende onderdeel",
                                                  "while scanning for the next token"),
    "libyaml.mapping keys are not allowed in this context": (
        "een sleutel is hier niet toegestaan", "mapping keys are not allowed in this context"),
    "libyaml.did not find expected hexdecimal number": (
        "hier wordt een hexadecimaal getal verwacht", "did not find expected hexdecimal number"),
    "libyaml.found invalid Unicode character escape code": (
        "ongeldige Unicode-code na '\\'", "found invalid Unicode character escape code"),
    # -- authorday: lint warnings that say where to look ----------------------------------
    "lint.best_same_place_at": ("{warning}; het gaat om deze knooppunten: {nodes}",
                                "{warning}; these are the nodes: {nodes}"),
    "lint.top_band_cause": ("{warning}. {cause}", "{warning}. {cause}"),
    "lint.cause_loop": (
        "Oorzaak: een lus. {on_path}Keuze {choice!r} van knooppunt {node!r} levert "
        "{times} keer {scores} op, door de lus {loop} (terug via keuze {back!r} van "
        "{back_node!r}). Zo komt één route steeds weer bij dezelfde beslissing en laat ze "
        "daar elke keer liggen wat de andere opties op andere onderdelen geven; laat de weg "
        "terug uitkomen bij een knooppunt zonder deze "
        "punten, of geef ze alleen de eerste keer (twee varianten van de keuze met "
        "'if: visits(\"{node}\") == 1' en 'if: visits(\"{node}\") > 1')",
        "Cause: a loop. {on_path}Choice {choice!r} of node {node!r} scores {scores} each "
        "time, {times} times in all, through the loop {loop} (back through choice {back!r} of "
        "{back_node!r}). So one route meets the same decision again and again, and each "
        "time passes over what the other options there give on other dimensions; let the way "
        "back lead to a node without these points, or give them "
        "only the first time (two variants of the choice with 'if: visits(\"{node}\") == 1' "
        "and 'if: visits(\"{node}\") > 1')"),
    "lint.on_path": ("Op het pad {path}: ", "On the path {path}: "),
    "lint.cause_tops": (
        "Zo vind je de oorzaak: het hoogste totaal per onderdeel en het pad dat het haalt "
        "({tops}); zie ook 'sovsim analyse'. Laat het pad dat alles goed doet die keuzes ook "
        "kunnen maken, of verlaag wat alleen een ander pad kan halen",
        "To find the cause: the highest total per dimension and the path that reaches it "
        "({tops}); see also 'sovsim analyse'. Let the path that does everything right make "
        "those choices too, or lower what only another path can collect"),
    # -- authorday: the report of `sovsim analyse` (sim.playtest.render_text) -------------
    "analyse.cannot": ("{file}: kan niet worden geanalyseerd; los eerst deze fouten op:",
                       "{file}: cannot be analysed; the loader found these errors:"),
    "analyse.head": ("{title} ({id}, versie {version})", "{title} ({id}, version {version})"),
    "analyse.loops": ("lussen afgekapt na {visits} aan een knooppunt",
                      "loops cut after {visits} to a node"),
    "analyse.visits": ("{n:,} bezoeken", "{n:,} visits"),
    "analyse.visits.one": ("{n:,} bezoek", "{n:,} visit"),
    "analyse.explored": ("Elk speelpad nagegaan: {states}; {loops}.",
                         "Explored every play-through: {states}; {loops}."),
    "analyse.states": ("{n:,} verschillende toestanden", "{n:,} distinct states"),
    "analyse.states.one": ("{n:,} verschillende toestand", "{n:,} distinct state"),
    "analyse.row.paths": ("Paden", "Paths"),
    "analyse.row.shortest": ("Kortste", "Shortest"),
    "analyse.row.longest": ("Langste", "Longest"),
    "analyse.row.decisions": ("Beslissingen", "Decisions"),
    "analyse.row.coverage": ("Bereik", "Coverage"),
    "analyse.row.runs": ("Rondes", "Runs"),
    "analyse.paths": ("{complete} volledig, {dead} doodlopend, {cut} afgekapt door de "
                      "bezoekgrens, {error} met fouten",
                      "{complete} complete, {dead}, {cut} cut by the visit bound, {error} with "
                      "errors"),
    "analyse.dead_ends": ("{n}", "{n} dead ends"),
    "analyse.dead_ends.one": ("{n}", "{n} dead end"),
    "analyse.length": ("{choices} ({decisions}): {path}", "{choices} ({decisions}): {path}"),
    "analyse.choices": ("{n:,} keuzes", "{n:,} choices"),
    "analyse.choices.one": ("{n:,} keuze", "{n:,} choice"),
    "analyse.decisions": ("{n:,} beslissingen", "{n:,} decisions"),
    "analyse.decisions.one": ("{n:,} beslissing", "{n:,} decision"),
    "analyse.no_choices": ("(geen keuzes)", "(no choices)"),
    "analyse.per_path": ("{fewest:,} tot {most:,} per speelpad",
                         "{fewest:,} to {most:,} per play-through"),
    "analyse.coverage": ("{reached:,} van {nodes} bereikt ({pct:.0f}%)",
                         "{reached:,} of {nodes} reached ({pct:.0f}%)"),
    "analyse.nodes": ("{n:,} knooppunten", "{n:,} nodes"),
    "analyse.nodes.one": ("{n:,} knooppunt", "{n:,} node"),
    "analyse.never": ("; nooit: {nodes}", "; never: {nodes}"),
    "analyse.and_more": ("{shown} en nog {n:,}", "{shown} and {n:,} more"),
    "analyse.too_large": (
        "Te groot om elk speelpad na te gaan: meer dan {bound:,} verschillende toestanden "
        "(--max-states).",
        "Too large to explore every play-through: more than {bound:,} distinct states "
        "(--max-states)."),
    "analyse.fell_back": ("In plaats daarvan {runs} gespeeld (seed {seed}); {loops}.",
                          "Fell back to {runs} (seed {seed}); {loops}."),
    "analyse.random_runs": ("{n:,} willekeurige rondes", "{n:,} random runs"),
    "analyse.random_runs.one": ("{n:,} willekeurige ronde", "{n:,} random run"),
    "analyse.runs_status": ("{ending:,} bereikten een einde, {dead} doodlopend, {cut:,} "
                            "afgekapt, {error:,} met fouten",
                            "{ending:,} reached an ending, {dead}, {cut:,} cut, {error:,} with "
                            "errors"),
    "analyse.col.ending": ("Einde", "Ending"),
    "analyse.col.outcome": ("Uitkomst", "Outcome"),
    "analyse.col.dimension": ("Onderdeel", "Dimension"),
    "analyse.col.lowest": ("Laagste", "Lowest"),
    "analyse.col.highest": ("Hoogste", "Highest"),
    "analyse.best": ("beste", "best"),
    "analyse.worst": ("slechtste", "worst"),
    "analyse.totals": ("Totalen per onderdeel over alle volledige speelpaden, met een beste en "
                       "een slechtste pad:",
                       "Totals per dimension over all complete play-throughs, with a best and "
                       "a worst path:"),
    "analyse.totals_random": ("Totalen per onderdeel in de rondes die een einde bereikten:",
                              "Totals per dimension seen in runs that reached an ending:"),
    "analyse.as_well": ("Daarnaast {runs} (seed {seed}): {status}",
                        "{runs} as well (seed {seed}): {status}"),
    "analyse.least": ("Minst bezochte knooppunten (rondes): {nodes}",
                      "Least visited nodes (runs): {nodes}"),
    "analyse.problems": ("Problemen ({n}):", "Problems ({n}):"),
    "analyse.no_problems": ("Geen problemen gevonden.", "No problems found."),
    "analyse.other_warnings": ("{n:,} andere waarschuwingen: 'sovsim validate {file}' toont "
                               "ze.",
                               "{n:,} other warnings: run 'sovsim validate {file}' to see them."),
    "analyse.other_warnings.one": ("{n:,} andere waarschuwing: 'sovsim validate {file}' toont "
                                   "hem.",
                                   "{n:,} other warning: run 'sovsim validate {file}' to see "
                                   "it."),
    "analyse.count": ("{n:,}", "{n:,}"),
    "analyse.saturated": ("10^{power} of meer", "10^{power} or more"),
    # -- a run that cannot go on (sim.engine, sim.playthrough, sim.watch) -------------------
    "run.no_node": ("er is geen knooppunt {node!r} in {scenario!r}",
                    "there is no node {node!r} in {scenario!r}"),
    "run.no_start_node": ("{scenario!r} heeft geen knooppunt {node!r}{hint}",
                          "{scenario!r} has no node {node!r}{hint}"),
    "run.cannot_start": ("het scenario kan niet beginnen bij {node!r}: {detail}",
                         "the scenario cannot start at {node!r}: {detail}"),
    "run.ended_no_choices": ("de oefening is afgelopen; er zijn geen keuzes meer",
                             "the run has ended; no more choices"),
    "run.ended": ("de oefening is afgelopen", "the run has ended"),
    "run.no_choice": ("knooppunt {node!r} heeft geen keuze {choice!r} (wel: {known})",
                      "node {node!r} has no choice {choice!r} (it has: {known})"),
    "run.condition_failed": ("de voorwaarde van {choice!r} kan niet worden berekend: {detail}",
                             "the condition of {choice!r} cannot be evaluated: {detail}"),
    "run.not_available": ("keuze {choice!r} is nu niet beschikbaar",
                          "choice {choice!r} is not available now"),
    "run.choice_failed": ("het scenario kon {choice!r} niet uitvoeren: {detail}",
                          "the scenario could not carry out {choice!r}: {detail}"),
    "run.endless_next": (
        "meer dan {steps} automatische stappen achter elkaar vanaf {node!r}: de "
        "'next:'-verwijzingen gaan eindeloos rond",
        "more than {steps} automatic steps in a row from {node!r}: the 'next:' links form an "
        "endless loop"),
    "run.nothing_to_undo": ("er is niets om terug te nemen", "nothing to undo"),
    "run.undo_coach_only": ("terugnemen kan alleen in coachmodus",
                            "undo is only possible in coach mode"),
    "run.not_a_saved_run": ("dit is geen opgeslagen sovsim-oefening",
                            "this is not a saved sovsim run"),
    "run.other_scenario": ("de opgeslagen oefening hoort bij scenario {saved!r}, niet bij "
                           "{scenario!r}",
                           "the saved run belongs to scenario {saved!r}, not {scenario!r}"),
    "run.damaged": ("de opgeslagen oefening is beschadigd (gegevens ontbreken of zijn van de "
                    "verkeerde soort)",
                    "the saved run is damaged (fields missing or of the wrong kind)"),
    "run.changed_choice": ("het scenario is veranderd sinds deze oefening is bewaard: "
                           "knooppunt {node!r} heeft geen keuze {choice!r} meer",
                           "the scenario has changed since this run was saved: node {node!r} "
                           "no longer has choice {choice!r}"),
    "run.changed_node": ("het scenario is veranderd sinds deze oefening is bewaard: "
                         "knooppunt {node!r} bestaat niet meer",
                         "the scenario has changed since this run was saved: node {node!r} no "
                         "longer exists"),
    # -- the storage of runs (sim.store, sim.sessions) -------------------------------------
    "storage.read_only": ("de gegevensmap {folder} is alleen-lezen; je voortgang kan niet "
                        "worden bewaard",
                        "the data folder {folder} is read-only; progress cannot be saved"),
    "storage.full": ("de schijf met {folder} is vol; je voortgang kan niet worden bewaard",
                   "the disk holding {folder} is full; progress cannot be saved"),
    "storage.damaged": ("{path} is geen sovsim-opslag of is beschadigd",
                      "{path} is not a sovsim store or is damaged"),
    "storage.cannot_open": ("{path} kan niet worden geopend: kijk of de map bestaat en of erin "
                          "geschreven mag worden",
                          "cannot open {path}: check that the folder exists and may be "
                          "written"),
    "storage.unusable": ("de opslag in {path} kan niet worden gebruikt: {detail}",
                       "the store at {path} could not be used: {detail}"),
    "storage.cannot_create": ("de gegevensmap {folder} kan niet worden gemaakt: {detail}",
                            "cannot create the data folder {folder}: {detail}"),
    "storage.foreign": ("{path} is een SQLite-bestand van een ander programma, geen "
                      "sovsim-opslag",
                      "{path} is an SQLite file of another program, not a sovsim store"),
    "storage.newer": ("{path} is gemaakt door een nieuwere sovsim; werk sovsim bij",
                    "{path} was made by a newer sovsim; update sovsim"),
    "storage.no_run": ("er is geen oefening {run!r} in de opslag",
                     "there is no run {run!r} in the store"),
    "storage.run_deleted": ("de trainer heeft deze oefening verwijderd",
                          "this run is no longer kept: the trainer has deleted it"),
    # -- learning records: Learning Record Stores (xAPI) ---------------------------------
    "lrs.bad_name": ("{name!r} is geen bruikbare naam voor een LRS: gebruik letters, cijfers, "
                     "'-', '_' of '.' (hooguit 40 tekens)",
                     "{name!r} is not a usable name for an LRS: use letters, digits, '-', '_' "
                     "or '.' (at most 40 characters)"),
    "lrs.bad_url": ("{url!r} is geen adres: geef een http(s)-adres, bijvoorbeeld "
                    "https://lrs.example.org/xAPI/",
                    "{url!r} is not an address: give an http(s) address, for example "
                    "https://lrs.example.org/xAPI/"),
    "lrs.bad_env": ("{env!r} is geen naam van een omgevingsvariabele (letters, cijfers en _)",
                    "{env!r} is not the name of an environment variable (letters, digits and _)"),
    "lrs.bad_actor": ("{actor!r} kan niet als actor: kies uit {allowed}",
                      "{actor!r} cannot be the actor: choose from {allowed}"),
    "lrs.unknown": ("er is geen LRS met de naam {name!r} (bekend: {known}); voeg er een toe "
                    "met 'sovsim lrs add NAAM URL'",
                    "there is no LRS named {name!r} (known: {known}); add one with "
                    "'sovsim lrs add NAME URL'"),
    "lrs.bad_credentials_env": (
        "de omgevingsvariabele {env} moet 'gebruiker:wachtwoord' bevatten",
        "the environment variable {env} must hold 'user:password'"),
    "lrs.refused_auth": (
        "LRS {name!r} weigert de inloggegevens (HTTP {code}: {detail}); zet de juiste "
        "'gebruiker:wachtwoord' in de omgevingsvariabele {env}",
        "LRS {name!r} refuses the credentials (HTTP {code}: {detail}); put the right "
        "'user:password' in the environment variable {env}"),
    "lrs.conflict": ("LRS {name!r} heeft al een andere verklaring met dezelfde id: {detail}",
                     "LRS {name!r} already holds another statement with the same id: {detail}"),
    "lrs.not_found": ("op {url} is geen xAPI-eindpunt (HTTP 404); geef het adres van het "
                      "xAPI-eindpunt van LRS {name!r}, waar /statements onder ligt",
                      "there is no xAPI endpoint at {url} (HTTP 404); give the address of LRS "
                      "{name!r}'s xAPI endpoint, under which /statements lies"),
    "lrs.http_error": ("LRS {name!r} weigert de verklaringen (HTTP {code}): {detail}",
                       "LRS {name!r} refuses the statements (HTTP {code}): {detail}"),
    "lrs.unreachable": ("LRS {name!r} is niet bereikbaar op {url} ({detail}); er gaat niets "
                        "verloren: wat niet is verstuurd, blijft in de wachtrij",
                        "LRS {name!r} cannot be reached at {url} ({detail}); nothing is lost: "
                        "what was not sent stays in the queue"),
    # -- learning records: the lrs command's own lines --------------------------------------
    "lrsui.added": ("LRS {name!r} toegevoegd: verklaringen gaan naar {url}; de inloggegevens "
                    "komen uit ${env} ('gebruiker:wachtwoord'), nooit uit de opslag",
                    "LRS {name!r} added: statements go to {url}; the credentials come from "
                    "${env} ('user:password'), never from the store"),
    "lrsui.auto_on": ("na elke automatische opslag wordt verstuurd (in een apart proces)",
                      "statements are sent after every autosave (in a separate process)"),
    "lrsui.none": ("er is nog geen LRS ingesteld; voeg er een toe met 'sovsim lrs add NAAM URL'",
                   "no LRS is set up yet; add one with 'sovsim lrs add NAME URL'"),
    "lrsui.auto": ("automatisch", "automatic"),
    "lrsui.manual": ("met de hand", "by hand"),
    "lrsui.removed": ("LRS {name!r} verwijderd", "LRS {name!r} removed"),
    "lrsui.settings": ("homePage van de actoren: {homepage}\nactiviteiten beginnen met: {base}\n"
                       "actor: {actor}",
                       "homePage of the actors: {homepage}\nactivities begin with: {base}\n"
                       "actor: {actor}"),
    "lrsui.sent": ("LRS {name!r}: verklaringen verstuurd: {sent}, geweigerd: {failed}, nog in "
                   "de wachtrij: {queued}",
                   "LRS {name!r}: statements sent: {sent}, refused: {failed}, still queued: "
                   "{queued}"),
    "lrsui.status": ("{name} ({url}): in de wachtrij: {queued}, verstuurd: {sent}, geweigerd: "
                     "{failed}",
                     "{name} ({url}): queued: {queued}, sent: {sent}, refused: {failed}"),
    "lrsui.last_try": ("laatste poging {when}; laatst gelukt {ok}",
                       "last try {when}; last success {ok}"),
    "lrsui.last_error": ("laatste fout: {error}", "last error: {error}"),
    "lrsui.failed_one": ("geweigerd: {id}: {error}", "refused: {id}: {error}"),
    "lrsui.exported": ("xAPI-verklaringen geëxporteerd: {statements}, van oefeningen: {runs}",
                       "xAPI statements exported: {statements}, of runs: {runs}"),
    "lrsui.exported_to": ("xAPI-verklaringen geëxporteerd naar {file}: {statements}, van "
                          "oefeningen: {runs}",
                          "xAPI statements exported to {file}: {statements}, of runs: {runs}"),
    # -- storesafe: hostile files and hurt stores (issue 15, points 4 and 5) ---------------
    "load.more_problems": (
        "... en nog {n:,} problemen (alleen de eerste {shown} staan hierboven; los die eerst "
        "op en controleer opnieuw)",
        "... and {n:,} more problems (only the first {shown} are shown above; fix those "
        "first and check again)"),
    "rub.too_many_dimensions": (
        "de rubriek heeft {n:,} onderdelen; de grens is {limit}. Een nabespreking met zoveel "
        "onderdelen is niet te lezen: voeg onderdelen samen of verdeel ze over rubrieken",
        "the rubric has {n:,} dimensions; the limit is {limit}. A debrief with that many "
        "cannot be read: merge dimensions or split them over rubrics"),
    "storage.damaged_store": (
        "{path} is geen sovsim-opslag of is beschadigd; sovsim schrijft er niets meer in. "
        "Bewaar het bestand (het is misschien te herstellen) en zet een reservekopie terug, "
        "of begin met 'sovsim play' een nieuwe opslag ernaast",
        "{path} is not a sovsim store or is damaged; sovsim writes nothing more into it. "
        "Keep the file (it may be recoverable) and put back a backup, or let 'sovsim play' "
        "start a fresh store beside it"),
    "storage.is_folder": (
        "{path} is een map, geen opslagbestand; sovsim maakt er geen opslag in. Geef de map "
        "erboven als --data-dir, of hernoem of verwijder deze map",
        "{path} is a folder, not a store file; sovsim makes no store inside it. Give the "
        "folder above it as --data-dir, or rename or remove this folder"),
    "storage.cannot_set_aside": (
        "de beschadigde opslag {path} kan niet opzij worden gezet: {detail}",
        "cannot set the damaged store {path} aside: {detail}"),
    "yaml.bool_value": (
        "{value!r} is geen waar/onwaar-waarde; schrijf true of false (of haal !!bool weg om "
        "er tekst van te maken)",
        "{value!r} is not a true/false value; write true or false (or remove !!bool to make "
        "it text)"),
    "data.waiting": (
        "Een ander programma leest de opslag nog (een dashboard, een serve-tabblad, een "
        "back-up?). Wachten tot het sluit ... (nog {left} s)",
        "Another program still reads the store (a dashboard, a serve tab, a backup?). "
        "Waiting for it to close ... ({left} s left)"),
    "data.readers_nothing_deleted": (
        "Niets verwijderd: een ander programma houdt de opslag al {wait:g} s open, en zolang "
        "het dat doet, zouden de gegevens in het bestand blijven staan. Sluit het dashboard, "
        "serve of de back-up en probeer het opnieuw (of geef --wait met meer seconden).",
        "Nothing deleted: another program has kept the store open for {wait:g} s, and while "
        "it does the data would stay in the file. Close the dashboard, serve or backup and "
        "try again (or give --wait with more seconds)."),
    "data.not_erased": (
        "NIET volledig gewist: de gegevens zijn uit de tabellen verwijderd, maar {what} staat "
        "nog in {files}, omdat een ander programma de opslag open houdt. Sluit dat programma "
        "en voer uit: sovsim data delete --finish",
        "NOT fully erased: the data is deleted from the tables, but {what} is still in "
        "{files}, because another program keeps the store open. Close that program and "
        "run: sovsim data delete --finish"),
    "data.erased": (
        "Verwijderd: {people} deelnemer(s) ({names}), {sessions} sessie(s), {runs} "
        "oefening(en) met {events} beslissing(en). Gecontroleerd: geen van deze namen en "
        "id's staat nog in {db} of in het logbestand {wal}.",
        "Removed: {people} participant(s) ({names}), {sessions} session(s), {runs} run(s) "
        "with {events} decision(s). Checked: none of these names and ids is left in {db} "
        "or in its log {wal}."),
    "data.shared_names": (
        "De naam {names} hoort ook bij iemand die bewaard blijft; daarvoor is op id "
        "gecontroleerd.",
        "The name {names} also belongs to someone who is kept; for it the check was by id."),
    "data.not_finished": (
        "Nog niet afgerond: een ander programma houdt de opslag open. Sluit het en probeer "
        "het opnieuw.",
        "Not finished yet: another program keeps the store open. Close it and try again."),
    "data.finished": (
        "Afgerond: het logbestand is leeg en {db} is opnieuw geschreven, zonder "
        "verwijderde pagina's.",
        "Finished: the log is empty and {db} was written anew, with no deleted pages left."),
    # -- joinsafe: one writer per run ----------------------------------------------------
    "storage.lease_lost": ("deze oefening is in een ander venster overgenomen; dit venster "
                           "bewaart niets meer",
                           "this run was taken over in another window; this window no "
                           "longer saves"),
    # -- behaviour catalogue and owned thoughts (issue 12, branch catalogue) ----------------
    "what.behaviour_id": ("de id van een gedraging", "a behaviour id"),
    "what.override_of": ("'override' van {of}", "override of {of}"),
    "what.override_reason_of": ("de reden ('reason') van de override van {of}",
                                "the reason of the override of {of}"),
    "what.thought_by": ("wiens gedachte het is ('by')", "whose thought it is ('by')"),
    "hint.behaviours_list": ("; de gedragingen staan in de rubriek onder 'behaviours:' "
                             "(zie docs/authoring.md)",
                             "; the behaviours are listed in the rubric under 'behaviours:' "
                             "(see docs/authoring.md)"),
    "hint.it_has_characters": ("; het scenario heeft: {ids}", "; the scenario has: {ids}"),
    "load.behaviours_list": (
        "'behaviours' van {what} moet een lijst van ids van gedragingen zijn, zoals "
        "[open-vraag-concreet, grens-en-gevolg], geen {kind}",
        "behaviours of {what} should be a list of behaviour ids such as "
        "[open-vraag-concreet, grens-en-gevolg], not {kind}"),
    "load.behaviours_empty": ("'behaviours' van {what} is leeg; noem minstens één gedraging",
                              "behaviours of {what} is empty; name at least one behaviour"),
    "load.behaviour_unknown": ("onbekende gedraging {id!r}{hint}",
                               "unknown behaviour {id!r}{hint}"),
    "load.behaviour_twice": ("gedraging {id!r} staat twee keer bij {what}",
                             "behaviour {id!r} is listed twice for {what}"),
    "load.override_no_reason": (
        "de override van {what} heeft geen reden; schrijf erbij waarom de score hier anders is "
        "dan de standaard van de gedraging, bijvoorbeeld reason: {{nl: ..., en: ...}}",
        "the override of {what} has no reason; write why the score differs here from the "
        "behaviour's default, for example reason: {{nl: ..., en: ...}}"),
    "load.override_reason_empty": ("de reden van de override van {what} is leeg",
                                   "the reason of the override of {what} is empty"),
    "load.override_nothing": (
        "de override van {what} noemt geen onderdeel; schrijf bijvoorbeeld "
        "override: {{grenzen: 0, reason: ...}}",
        "the override of {what} names no dimension; write for example "
        "override: {{grenzen: 0, reason: ...}}"),
    "load.override_without_behaviours": (
        "{what} heeft een override maar noemt geen gedragingen; een override past de scores "
        "van de gedragingen ('behaviours:') aan",
        "{what} has an override but names no behaviours; an override adjusts the scores of "
        "its behaviours ('behaviours:')"),
    "load.override_with_scores": (
        "{what} heeft zowel 'scores:' als een override; laat 'scores:' weg, dan volgen de "
        "scores uit de gedragingen met de override",
        "{what} has both scores: and an override; leave out scores:, so the scores follow "
        "from the behaviours and the override"),
    "load.thought_by_unknown": ("de gedachte is van {id!r}, maar dat personage bestaat niet{hint}",
                                "the thought belongs to {id!r}, but there is no such "
                                "character{hint}"),
    "load.thought_no_owner": (
        "{what} zegt niet wiens gedachte het is, en het scenario heeft meer dan één personage "
        "({ids}); schrijf thought: {{by: ..., text: {{nl: ..., en: ...}}}}",
        "{what} does not say whose thought it is, and the scenario has more than one character "
        "({ids}); write thought: {{by: ..., text: {{nl: ..., en: ...}}}}"),
    "rwhat.behaviours": ("'behaviours'", "behaviours"),
    "rwhat.a_behaviour": ("een gedraging", "a behaviour"),
    "rwhat.behaviour_id": ("de id van de gedraging", "the behaviour id"),
    "rwhat.behaviour": ("gedraging {id!r}", "behaviour {id!r}"),
    "rwhat.label_of": ("het label van {of}", "the label of {of}"),
    "rwhat.effects_of": ("de effecten ('effects') van {of}", "the effects of {of}"),
    "rwhat.effect_on": ("het effect op {id!r} van {of}", "the effect on {id!r} of {of}"),
    "ex.behaviours": ("'- {{id: ..., label: ..., effects: ..., sources: ...}}' items",
                      "'- {{id: ..., label: ..., effects: ..., sources: ...}}' items"),
    "rub.behaviour_twice": ("gedraging {id!r} staat er al (regel {first})",
                            "behaviour {id!r} is already listed (line {first})"),
    "rub.behaviour_no_effect": (
        "gedraging {id!r} heeft geen effect; noem minstens één onderdeel, zoals "
        "effects: {{zakelijk: -2}}",
        "behaviour {id!r} has no effect; name at least one dimension, such as "
        "effects: {{zakelijk: -2}}"),
    "lint.behaviour_score": (
        "keuze {id!r} noemt {behaviours} (samen {expected}), maar scoort {dim!r} {actual} "
        "zonder reden; laat 'scores:' weg, of schrijf override: {{{dim}: {actual_n}, reason: ...}}",
        "choice {id!r} names {behaviours} (together {expected}), but scores {dim!r} {actual} "
        "without a reason; leave out scores:, or write override: {{{dim}: {actual_n}, "
        "reason: ...}}"),
    "lint.override_default": (
        "de override van keuze {id!r} geeft {dim!r} {value}, gelijk aan de standaard van de "
        "gedragingen; laat hem weg",
        "the override of choice {id!r} gives {dim!r} {value}, the same as the behaviours' "
        "default; leave it out"),
    "lwhat.choice_thought": ("de gedachte na keuze {id!r}", "the thought after choice {id!r}"),
    "lwhat.override_reason": ("de reden van de override van keuze {id!r}",
                              "the reason of the override of choice {id!r}"),
    # -- debrief (issue 12): rubric outcomes, scenario tips, tip lint ----------------------
    "rwhat.outcomes": ("'outcomes'", "outcomes"),
    "rwhat.an_outcome": ("een uitkomst ('outcomes')", "an outcome"),
    "rwhat.outcome": ("uitkomst {id!r}", "outcome {id!r}"),
    "rwhat.rank_of": ("'rank' van {of}", "'rank' of {of}"),
    "rwhat.caps_of": ("'caps' van {of}", "'caps' of {of}"),
    "rwhat.note_of": ("'note' van {of}", "'note' of {of}"),
    "ex.outcomes": ("'- {{id: contact_broken, rank: 1, caps: [contact], note: ...}}' items",
                    "'- {{id: contact_broken, rank: 1, caps: [contact], note: ...}}' items"),
    "ex.caps": ("assen, zoals [contact]", "axes such as [contact]"),
    "rub.outcome_unknown": ("onbekende uitkomst {id!r}{hint}", "unknown outcome {id!r}{hint}"),
    "rub.outcome_twice": ("uitkomst {id!r} komt twee keer voor; noem elke uitkomst één keer",
                          "outcome {id!r} appears twice; name each outcome once"),
    "rub.cap_axis": ("{what} begrenst een onbekende as {axis!r}{hint}",
                     "{what} caps an unknown axis {axis!r}{hint}"),
    "rub.cap_note": ("{what} begrenst een as maar heeft geen 'note:'; schrijf in het Nederlands "
                     "en Engels waarom deze afloop die as begrenst (de nabespreking toont het)",
                     "{what} caps an axis but has no 'note:'; write in Dutch and English why this "
                     "ending caps that axis (the debrief shows it)"),
    "what.tips": ("'tips'", "'tips'"),
    "what.a_tip": ("tip {n}", "tip {n}"),
    "what.tip_text": ("de tekst van tip {n}", "the text of tip {n}"),
    "load.tips_not_list": (
        "'tips' moet een lijst zijn van '- {{dimension: ..., text: {{nl: ..., en: ...}}}}', "
        "niet {kind}",
        "'tips' must be a list of '- {{dimension: ..., text: {{nl: ..., en: ...}}}}', not {kind}"),
    "load.tip_dimension": ("tip {n} noemt een onbekend onderdeel {dim!r}{hint}",
                           "tip {n} names an unknown dimension {dim!r}{hint}"),
    "load.tip_no_dimension": (
        "tip {n} heeft geen 'dimension:'; zeg bij welk onderdeel van de rubriek de tip hoort",
        "tip {n} has no 'dimension:'; say which dimension of the rubric the tip belongs to"),
    "lint.no_tip": (
        "het scenario scoort {dim!r}, maar er is geen tip die bij dit scenario past (geen tip "
        "onder 'tips:' en geen tip in de rubriek voor kanaal {channel!r} en deze thema's); "
        "voeg onder 'tips:' een tip toe met 'dimension: {dim}'",
        "the scenario scores {dim!r}, but no tip fits this scenario (none under 'tips:' and "
        "none in the rubric for channel {channel!r} and these themes); add a tip under "
        "'tips:' with 'dimension: {dim}'"),
}
