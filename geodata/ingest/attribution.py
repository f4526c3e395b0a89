"""How news English marks quotations and says who spoke: the patterns ``quotes`` reads.

Verbs of saying, names with their titles and honorifics, roles and trades, unnamed speakers
(people, institutions, outlets, documents), the words that may stand between a speaker and
a quote, and the patterns that find a speaker after a quote and before it.
"""

from __future__ import annotations

import re

# Verbs that may stand before their subject: '"...," said Peskov', 'added the minister'.
# 'told' never does: 'told AFP' names who listened.
SAY_INVERTED = (
    r"(?:said|says|added|adds|stated|states|reads|noted|notes|stressed|declared|explained|"
    r"warned|insisted|wrote|writes|continued|replied|asked|asks|cautioned|suggested|observed|"
    r"conceded|maintained|clarified|countered|responded|remarked|argued|recalled|commented|"
    r"concluded|acknowledged|admitted|claimed|confirmed|announced|emphasi[sz]ed|quipped|"
    r"warns|insists|argues|explains|stresses|recalls|admits|acknowledges|claims|concludes|"
    r"observes|suggests|continues|replies|responds|confirms|announces|asserts|affirms)"
)
# A participle that carries the speaker of its clause to the quote after it: 'Ali Musa
# dismissed the plan, saying: "..."', 'Ishiba condemned the strike, saying it "..."'.
PARTICIPLE = (
    r"(?:saying|stating|adding|noting|writing|warning|stressing|arguing|insisting|declaring|"
    r"explaining|asserting|claiming|emphasi[sz]ing|telling|indicating)"
)
SAY = (
    r"(?:(?:was|were|is|has\s+been)\s+(?:quoted|reported|cited)(?:\s+by\s+[\w\s.-]{2,40}?)?"
    r"\s+as\s+saying|"
    rf"{SAY_INVERTED}|{PARTICIPLE}|"
    r"say|told|tells|wondered|predicted|complained|lamented|alleged|revealed|disclosed|went\s+on|"
    r"underlined|underscored|pointed out|denied|urged|described|called|"
    r"reported|reports|quoted|posted|tweeted|pledged|vowed|promised|asserted|affirmed|"
    r"reiterated|repeated|describing|calling|calls|describes|urges|denies|"
    # Verbs of stance that take a quote: 'the sheikhs denounced "attacks that ..."'.
    r"denounced|condemned|critici[sz]ed|slammed|hailed|welcomed|praised|rejected|dismissed|"
    r"demanded|accused|blamed|decried|lauded|downplayed|spoke\s+of)"
)
# Adverbs, and a short time phrase, between a speaker and the verb: 'Lavrov also said',
# 'Sharaa in December noted', 'Peskov on Monday said'.
ADVERB = (
    r"(?:\s+(?:\w+ly|also|later|then|earlier|previously|further|"
    r"(?:on|in)\s+(?:[A-Z][a-z]+|\d{1,2}\s+[A-Z][a-z]+)(?:\s+\d{1,2})?|"
    r"(?:last|this)\s+(?:week|month|year)))*"
)
# A lower-case particle is part of a name only joined to it ('al-Sharaa') or before a
# capitalised word ('bin Salman'): 'Lavrov also said' does not make 'also' a name.
NAME = r"(?:[A-Z]\.|[A-Z][\w'’-]+|(?:al|el|bin|ibn|de|van|von)(?:-[\w'’-]+|(?=\s+[A-Z])))"
# An honorific belongs to the name it precedes ('said Mr. Peskov'); it is dropped when the
# name is resolved.
HONORIFIC = r"(?:Mr|Mrs|Ms|Dr)\.?\s+(?=[A-Z])"
# A name may begin with a particle joined to it ('al-Ansari said').
PERSON = (
    rf"(?P<name>(?:{HONORIFIC})?(?:(?:al|el|ad|as|ash|an|ar)-)?[A-Z][\w'’-]+(?:\s+{NAME}){{0,3}})"
)
# Words of a role before a name ('Iran's foreign ministry spokesman , Ali Rubaie said'); a
# stray comma is tolerated, as copy-edited text sometimes leaves one.
ROLE_WORDS = r"(?:[A-Z]?[\w'’.-]+\s+){0,5}?"
ROLE_WORDS_LOOSE = r"(?:[A-Z]?[\w'’.-]+,?\s+|,\s+){0,5}?"
# Nouns of a person's role or trade ('Kremlin spokesman', 'aid worker', 'farmer').
ROLE_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson minister president secretary envoy ambassador "
    "commander chief adviser advisor leader head official officer diplomat general director "
    "admiral governor mayor representative negotiator analyst expert researcher professor "
    "journalist correspondent activist resident fighter soldier worker farmer fisherman "
    "teacher doctor engineer lawyer student driver shopkeeper owner historian economist "
    "lawmaker senator councillor councilor sheikh cleric elder imam priest preacher speaker "
    "specialist instructor volunteer medic nurse guard pilot sailor trader merchant vendor "
    "businessman businesswoman".split()
)
ROLE_NOUN = "(?:" + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True)) + ")"
# After a verb, a name may follow only titles, capitalised words and words ending in a role
# ('said Defence Secretary John Healey', 'said the country's deputy foreign minister Mikhail
# Bogdanov', 'said aid worker Mona Idris'), never ordinary words ('said a news conference
# in Tehran' names no speaker).
TITLE_VOCABULARY = (
    r"(?:the|[\w-]+['’]s|foreign|deputy|defen[cs]e|press|regional|senior|former|top|vice|"
    r"interior|state|prime|presidential|military|army|government|ministry|national|security|"
    rf"{ROLE_NOUN}|[a-z][\w-]*(?=\s+(?:[a-z][\w-]*\s+)?{ROLE_NOUN}\s+[A-Z]))"
)
SAID_ROLE = rf"(?:(?:[A-Z][\w'’.-]*|{TITLE_VOCABULARY}),?\s+){{0,6}}?"
# 'It' is an institution the text has shown speaking ('The agency reported ... It said').
PRONOUN = r"(?:(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey)|(?P<it>[Ii]t))"
PRONOUN_OBJECT = r"(?P<pronoun>him|her|them)"
# Who speaks without a name: institutions, unnamed officials and sources, documents.
# Nouns that end the name of an institution ('Union of Relief Committees', 'the company').
BODY_WORDS = (
    r"(?:compan(?:y|ies)|group|union|committees?|councils?|organi[sz]ation|movement|party|"
    r"coalition|authority|commission|court|bank|fund|firm|operator|institute|network|"
    r"front|directorate|coordination|monitor|ministry|agency|observatory|command)"
)
# Head nouns of who speaks without a name: people ('a senior official') and institutions,
# outlets and documents ('the ministry', 'state television', 'the statement').
# Either case ('the Foreign Ministry', 'the ministry'); an acronym only in capitals.
PEOPLE_HEADS = (
    rf"(?i:{ROLE_NOUN}s?|officials?|sources?|members?|witness(?:es)?|residents?|diplomats?|"
    r"employees?|person|people|representatives?|workers?|observers?|wom[ae]n|m[ae]n|"
    r"mothers?|fathers?|villagers?|refugees?|survivors?|civilians?|protesters?|voters?)"
)
INSTITUTION_HEADS = (
    r"(?:(?i:ministry|statement|document|report|decree|letter|communiqu[eé]|army|military|"
    r"government|authorities|agency|forces|observatory|presidency|embassy|office|council|"
    r"committee|command|police|media|intelligence|Kremlin|department|service|administration|"
    r"television|TV|radio|newspaper|daily|channel|broadcaster|outlet|website|"
    r"sides?|parties|countries|"
    rf"{BODY_WORDS})|[A-Z]{{2,6}})"
)
HEADS = rf"(?:{PEOPLE_HEADS}|{INSTITUTION_HEADS})"
DETERMINER = r"(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne|[Tt]wo|[Ss]everal|[Ss]ome|[Mm]any|[A-Z][\w'’.-]*)"


def noun_phrase(first: str) -> str:
    """A phrase naming who speaks: 'the British defence ministry', 'one Western diplomat',
    'sources close to the talks' (a bare plural), 'State television'."""
    return (
        rf"(?P<np>\b(?:{first}(?:\s+(?!{SAY}\b)[\w'’.-]+){{0,6}}?\s+)?{HEADS}\b"
        rf"(?!\s+{HEADS}\b)"
        r"(?:\s+(?:of|in|from|at|for|with|close to|familiar with|guarding)\s+"
        # ... and it ends on a word that can end a phrase: 'a doctor at the hospital'.
        r"\w[^,;\"“”«»]{0,60}?\b(?<!\bthe)(?<!\ba)(?<!\ban)(?<!\bof)(?<!\bin)(?<!\bat))?)"
    )


NP = noun_phrase(DETERMINER)
# Right after a quote or 'according to', people in the plural may follow an adjective
# ('"...," local residents said'), though not a conjunction ('while officials warned').
NP_AFTER = noun_phrase(
    rf"(?:{DETERMINER}|(?!(?:while|and|but|as|when|after|because|though|although|whereas|"
    rf"which|who)\b)[a-z][\w-]*(?=\s+(?:{ROLE_NOUN}s|officials|sources|residents|"
    r"witnesses|diplomats|people|workers|observers)\b))"
)
# An institution by its proper name: 'The United Nations', 'the White House', 'The Syrian
# Democratic Forces (SDF)'.
PROPER_BODY = (
    r"(?P<np>\b[Tt]he\s+[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[A-Z][\w'’-]*){0,5})"
    r"(?:\s+\([A-Z]{2,6}\))?"
)
COMPLEMENT = re.compile(r"\s+(?:of|in|from|at|for|with|close to|familiar with|guarding)\s.*$")
# Only these words ignore case: a name after them must still be capitalised.
ACCORDING_TO = r"(?i:according\s+to)"
# Double marks of any style (a quote may run to the end of its paragraph), or single ones,
# curly or straight, which must open after and close before a non-letter so that
# apostrophes ('Assad's', 'don't') neither open nor end them.
OPENING_MARKS = ('"', "“", "«", "„", "‘")
CLOSING = "\"”»“’'"
QUOTED = re.compile(
    r"[\"“«„](?P<words>[^\"“”«»„]+)(?:[\"”»“]|$)"
    r"|(?<![\w’'])‘(?P<single>(?:[^‘’\"“”]|’(?=\w))+?)’(?!\w)"
    r"|(?<![\w’'])'(?=\w)(?P<straight>(?:[^'\"“”‘’]|'(?=\w))+?)(?<=[\w.,!?])'(?!\w)",
    re.MULTILINE,
)
# Words between who speaks and the verb: an aside ('Peskov, in a call with reporters,
# said'), or a relative pronoun ('Ali Demir, who said', 'a statement, which said').
ASIDE = r"(?:,[^,]{3,90},|,\s+(?:who|which)|\s+[—–]\s*[^—–\"“”«»]{3,90}?\s*[—–])?"
# What stands between a verb of saying and the quote after it; reported speech opened by
# 'that' may run on longer before it quotes ('He added that ... and called for summits to
# "..."').
TAIL = r"(?:\s+that\b[^\"“”«»]{0,240}?|[^\"“”«»]{0,200}?)[:,]?\s*$"
# Who a report quotes: ', the newspaper reported, quoting an unnamed ministry employee',
# ', Reuters quoted him as saying'. The one quoted speaks, not the one reporting.
QUOTING = (
    rf"{SAY},?\s+quoting\s+(?:(?P<role>{SAID_ROLE}){PERSON}|"
    r"(?P<np>(?:an?|the)\s+[^,.;:\"“”«»]{2,60}?)(?=\s*(?:[,.;:]|$)))"
)
QUOTED_AS = (
    rf"(?:quoted|quotes|cited|cites)\s+(?:{PRONOUN_OBJECT}|(?P<role>{SAID_ROLE}){PERSON}|"
    r"(?P<np>(?:an?|the)\s+[^,.;:\"“”«»]{2,60}?))\s+as\s+saying"
)
# Whose post, statement or remarks: 'according to the spokesman's post on X' (or Peskov's).
OWNER = rf"(?:{PERSON}|(?P<the>the\s+[a-z][\w-]*))(?=['’])"
HEAD_WORD = re.compile(HEADS)
# An institution's name as the text first gives it: 'The Union of Relief Committees in Idlib'.
BODY_NAME = re.compile(
    r"\b(?P<body>[A-Z][\w'’-]+(?:\s+(?:of|for|and|the)\s+[A-Z][\w'’-]+|\s+[A-Z][\w'’-]+)*)"
)
# A participle carries the speaker of the quote before it on to the next one in the
# sentence: '"...," adding that "..."', 'said the movement "...", noting "..."', and so do
# quotes joined by 'and' ('said that "..." and "...".', 'said the bases were "..." and that
# Moscow "..."') and a quote whose attribution stands between its two parts ('"...," said
# Dan Oru, "..."').
CONTINUES = re.compile(
    r"^\s*(?:,?\s*(?:and|or|as well as)\s*)?$|"
    r"^\s*,?\s*(?:and|or)\s+that\b[^\"“”«»]{0,120}$|"
    r"^[^\"“”«»]{0,100},\s*$|"
    r"^(?:[^\"“”«»]{0,120}?[,\s])?\s*(?:adding|saying|noting|stressing|warning|insisting|continuing)\b"
    r"[^\"“”«»]{0,100}?[:,]?\s*$"
)
REPORTING = (
    re.compile(rf"^[\s,—–-]*[^\"“”«»]{{0,80}}?\b{QUOTING}"),
    re.compile(rf"^[\s,—–-]*[^\"“”«»]{{0,80}}?\b{QUOTED_AS}"),
)
# ', according to Reuters': who reported it, unless the sentence already named a speaker.
ACCORDING = (
    re.compile(rf"^[\s,—–-]*{ACCORDING_TO}\s+(?P<role>{ROLE_WORDS}){PERSON}(?!\s+{HEADS}\b)"),
    re.compile(rf"^[\s,—–-]*{ACCORDING_TO}\s+{NP_AFTER}"),
)
# 'said Peskov.', 'said Foreign Minister Ali Kassem on Thursday': the name ends the clause;
# in 'stressed Iran would respond' the name is the reported clause's subject.
NAME_ENDS = (
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:on|in|at|during|after|before|to|as|when|while|from|"
    r"last|this|earlier|later|according)\b)"
)
# ', writes Ana Ruiz': an inverted verb and the name that speaks, later in a clause.
INVERTED_NAME = rf",\s+{SAY_INVERTED}\s+(?P<role>{SAID_ROLE}){PERSON}{NAME_ENDS}"
# The rest of a clause after a quote, up to where it may name its speaker.
CLAUSE_RUNS_ON = r"^[^\"“”«»]{0,120}?"
# After the quote (and a comma or dash): ', he said', ', said Peskov', '» — said Peskov',
# ', Kremlin spokesman Dmitry Peskov told ...'
AFTER = (
    *REPORTING,
    re.compile(rf"^[\s,—–-]*{PRONOUN}{ADVERB}\s+{SAY}\b"),
    # '"Men, women and children" live inside, she said.': the clause ends on its speaker.
    re.compile(rf"{CLAUSE_RUNS_ON},\s+{PRONOUN}{ADVERB}\s+{SAY}\s*(?:[.,;]|$)"),
    re.compile(rf"^[\s,—–-]*{SAY_INVERTED}\s+(?P<role>{SAID_ROLE}){PERSON}"),
    # '"Most of the resources" remain at the bases, writes Ana Ruiz, an expert, on X.'
    re.compile(CLAUSE_RUNS_ON + INVERTED_NAME),
    re.compile(rf"^[\s,—–-]*(?P<role>{ROLE_WORDS_LOOSE}){PERSON}{ASIDE},?{ADVERB}\s+{SAY}\b"),
    re.compile(rf"^[\s,—–-]*{NP_AFTER}{ASIDE}{ADVERB}\s+{SAY}\b"),
    # 'said a Kurdish woman in the village, speaking ...': the phrase runs to the comma.
    re.compile(rf"^[\s,—–-]*{SAY_INVERTED}\s+{NP}(?=\s*(?:[,.;:]|$))"),
    re.compile(rf"^[\s,—–-]*{SAY_INVERTED}\s+{NP}"),
    re.compile(rf"^[\s,—–-]*{PROPER_BODY}{ASIDE},?{ADVERB}\s+{SAY}\b"),
    re.compile(rf"^[\s,—–-]*{SAY_INVERTED}\s+{PROPER_BODY}"),
    # Not 'according to the UN agency': a capitalised word before a head noun names a body.
    *ACCORDING,
    # ', the Observatory's chief, Rami Abdurrahman, referring to ...': named with no verb.
    re.compile(
        rf"^[\s,—–-]*(?P<role>(?:the\s+)?(?:[\w'’-]+\s+){{0,4}}?{HEADS}),\s+{PERSON}\s*(?:,|\.|$)"
    ),
    re.compile(rf"^[\s,—–-]*according\s+to\s+{OWNER}['’]s?\s"),
    # ', the coordination said': a definite description, resolved to whom it names.
    re.compile(
        rf"^[\s,—–-]*(?P<the>the\s+(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]+){ADVERB}\s+{SAY}\b"
    ),
)
# Before the quote: 'Peskov said: "...', 'the ministry said, describing it as a "...'
BEFORE = (
    # 'SANA quoted an unnamed official as saying that after ..., people fled "in what ..."'
    re.compile(rf"\b{QUOTED_AS}\b[^\"“”«»]{{0,240}}?$"),
    re.compile(rf"^[Aa]ccording\s+to\s+{OWNER}['’]s?\s+[^,\"“”«»]{{0,60}}?,"),
    # 'Ali Musa dismissed the plan, saying: "...': the clause's subject speaks, whatever
    # word stands before the comma ('concern about the games with China, saying').
    re.compile(rf",\s+(?P<participle>{PARTICIPLE})\b{TAIL}"),
    re.compile(rf"\b(?P<role>{ROLE_WORDS_LOOSE}){PERSON}{ASIDE},?{ADVERB}\s+{SAY}\b{TAIL}"),
    re.compile(rf"\b{PRONOUN}{ADVERB}\s+{SAY}\b{TAIL}"),
    re.compile(rf"{NP}{ASIDE}{ADVERB}\s+{SAY}\b{TAIL}"),
    re.compile(rf"{PROPER_BODY}{ASIDE},?{ADVERB}\s+{SAY}\b{TAIL}"),
    re.compile(rf"\b{ACCORDING_TO}\s+(?P<role>{ROLE_WORDS}){PERSON},?\s*$"),
    re.compile(rf"^According to\s+{NP},"),
    # 'Ali Musa was blunt: "..."': a colon after a clause whose subject is a named person.
    re.compile(
        rf"^(?P<role>{ROLE_WORDS}){PERSON}{ASIDE}{ADVERB}(?!\s+{TITLE_VOCABULARY}\b)"
        r"\s+[a-z][^\"“”«»:]{0,80}:\s*$"
    ),
    # 'According to him, the bases "..."', 'In her words, "..."': the one last named.
    re.compile(
        r"^(?:According\s+to\s+(?P<pronoun>him|her|them)|In\s+(?P<possessive>his|her|their)"
        r"\s+words)\b[^\"“”«»]{0,100}$"
    ),
)
SPEAKING = re.compile(rf"{PERSON}{ASIDE},?{ADVERB}\s+(?:{SAY}|did not|had|spoke)\b")
# Who a sentence is about, before its verb: whom a pronoun later in it means.
SUBJECT = re.compile(
    rf"^(?P<role>{ROLE_WORDS}){PERSON}{ASIDE}{ADVERB}(?!\s+{TITLE_VOCABULARY}\b)\s+[a-z]"
)
SUBJECT_BODY = re.compile(rf"^{NP}{ASIDE}{ADVERB}\s+[a-z]")
BODY_SPEAKING = (
    re.compile(rf"{NP}{ASIDE}{ADVERB}\s+{SAY}\b"),
    re.compile(rf"{PROPER_BODY}{ASIDE},?{ADVERB}\s+{SAY}\b"),
)
# 'the bases in Tartus, writes Ana Ruiz': the name after the verb speaks, not Tartus.
INVERTED = re.compile(rf"\s*{INVERTED_NAME}")
# 'The mayor of Harlow, Peter Lund, told AFP': the name between commas is who speaks.
APPOSITIVE = re.compile(rf",\s+{PERSON}\s*,")
SAID_NAME = re.compile(rf"\b{SAY_INVERTED}\s+(?P<role>{SAID_ROLE}){PERSON}{NAME_ENDS}")
NOT_NAMES = frozenset(
    "The A An He She They It This That In On At Moscow Russia Kremlin Syria Syrian Russian "
    "We I But And When After Before As If While Asked Speaking According Earlier Later "
    "Meanwhile Also However Moscow's Russia's Commenting Turning Under Mr Mrs Ms "
    # Sentence adverbs that open a sentence with a comma, like an aside after a name.
    "Indeed Still Yet Instead Moreover Separately Nonetheless Nevertheless Furthermore "
    "Additionally Today Yesterday Now Then Thus Therefore Finally Previously Regarding "
    "Notably Similarly Likewise Overall Recently Otherwise Accordingly Hence "
    # Determiners and possessives: 'Many warships dock ...', 'His visit ...'.
    "Many Some Several Most Few Other Others Both All Each Every No Such Any "
    "His Her Their Its Our My Your "
    # Days, months and participles that open a sentence ('Noting that ...').
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "June July August September October November December Noting Saying Adding Stressing "
    "Warning Referring Describing Calling Citing Quoting Responding Pointing Highlighting "
    "Addressing Reiterating Emphasizing Emphasising Recalling Explaining".split()
)
TITLE_WORDS = frozenset(
    "foreign deputy russian syrian turkish prime defence defense special presidential interior "
    "kremlin minister president spokesman spokeswoman envoy ambassador general state first "
    "secretary chief head leader commander mr. mrs. ms. mr mrs ms dr. dr governor mayor brigadier "
    "colonel lieutenant sergeant captain admiral senator gen. col. lt. gov. sen. regional".split()
)
ROLE_START = re.compile(r"^(?:the|a|an|another|and|but|while|as|then|later|also)\s+", re.IGNORECASE)
PARTICLE = re.compile(r"^(?:al|el|ad|ash|as|ar|an|at|az)-", re.IGNORECASE)
PHRASE_BEFORE = re.compile(rf"\b{NP}$")
PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|from|near|of|for)\s+$")
# A name after a preposition belongs to the phrase before it: the phrase is the speaker.
COMPLEMENT_OF = re.compile(
    r"(?P<owner>[A-Z][\w'’-]+(?:\s+(?:of|for|and)\s+[A-Z][\w'’-]+|"
    r"\s+[A-Z][\w'’-]+)*)\s+(?:in|at|from|near|of|for)\s+$"
)
STOP = frozenset("and said told the a an of".split())
TITLE_LINKS = frozenset("of the and for in on a an to with at by".split())
