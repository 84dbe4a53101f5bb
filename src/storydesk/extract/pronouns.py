"""Pronouns: which person each he, she, him, her and his stands for.

A pronoun joins the only person of its gender named (or described) in its sentence before it
or in the sentence before; with two candidates it stays unresolved unless the syntax says
which (each rule below names its case): a ``who`` clause hangs on its antecedent; a
possessive in a clause goes with the clause's named subject; the he/she of what a named
person is said to say is that person; a sentence-opening he/she goes on with the named
subject before; a quotation's attribution goes on with the speaker of the sentence before it.
A speaker is never the he/him of their own quotation. Resolution runs until a pass adds
nothing, each pass using the genders the last one found.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from storydesk import conventions
from storydesk.extract.drafts import PersonDraft, named_at
from storydesk.extract.mentions import PARENTS_BY_TRADE, Description, NameMention, PronounMention
from storydesk.extract.spans import doc_text

_SPEECH_AFTER_QUOTE = re.compile(r"[,?!.…-]['’\"”][ \t]+$")
_QUOTE_OPEN = re.compile(r"(?:^|(?<=[\s(—–-]))['‘\"“](?=[\w.…])")
REPORTING_VERBS = {"say", "tell", "add", "explain", "state", "report", "confirm", "announce", "write", "note"}
# Verbs that report what someone holds or argues: the he/she of their ccomp is them
_ARGUING_VERBS = REPORTING_VERBS | {
    "argue",
    "claim",
    "insist",
    "admit",
    "deny",
    "accept",
    "suggest",
    "believe",
    "think",
    "warn",
    "maintain",
    "concede",
    "allege",
}
_QUOTE_CLOSE = re.compile(r"(?<=[\w.,!?…])['’\"”](?=\s|$|[,.;:)—–-])")
_SPEECH_VERB = re.compile(r"\s*(?:said|says|added|told|explained|continued|wrote|asked|insisted|recalled)\b")


def _token_of(doc: Doc, pronoun: PronounMention) -> Token | None:
    """The pronoun's token, when its span is exactly one token of the parse."""
    span = doc.char_span(pronoun.start, pronoun.end)
    return span[0] if span is not None and len(span) == 1 else None


def _quote_attributed(text: str, pronoun: PronounMention) -> int | None:
    """Where the quotation opened, for ``he``/``she`` attributing it (``',' she said``)."""
    if pronoun.text.lower() not in {"he", "she"} or not _SPEECH_VERB.match(text, pronoun.end):
        return None
    return quotation_before(text, pronoun.start)


def quotation_before(text: str, position: int) -> int | None:
    """Where the quotation that closes right before ``position`` opened (``'...,' the
    52-year-old said``), if one does."""
    close = _SPEECH_AFTER_QUOTE.search(text, max(0, position - 6), position)
    if close is None:
        return None
    # A quotation runs at most a few paragraphs: look back 1,500 characters for its opening.
    opens = list(_QUOTE_OPEN.finditer(text, max(0, close.start() - 1500), close.start()))
    return opens[-1].start() if opens else None


def _clause_subject(doc: Doc, pronoun: PronounMention) -> tuple[int, int] | None:
    """The subject span of the verb whose object ``him``/``her`` is, when there is one."""
    if pronoun.text.lower() not in {"him", "her"}:
        return None
    token = _token_of(doc, pronoun)
    if token is None or token.tag_ != "PRP" or token.dep_ not in {"dobj", "dative", "iobj"}:
        return None
    subject = next((c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return None
    return subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)


def _relative_clause_owner(doc: Doc, pronoun: PronounMention, candidates: list[PersonDraft]) -> PersonDraft | None:
    """``Osei, who lives in Lakewood with his wife, Abena, ...``: a he/his/she/her inside a
    ``who`` clause is the person the clause hangs on, when that person is a candidate."""
    node = _token_of(doc, pronoun)
    if node is None:
        return None
    for _ in range(8):
        if node.dep_ == "relcl" and any(c.lower_ in {"who", "whose"} for c in node.children):
            return named_at(candidates, node.head.idx)
        if node.head is node:
            return None
        node = node.head
    return None


def _clause_subject_owner(doc: Doc, pronoun: PronounMention, candidates: list[PersonDraft]) -> PersonDraft | None:
    """``Marsh thanked his mother``: a possessive his/her in a clause whose subject is a
    candidate by name is that person's (not across a clause: ``Smith said Jones took his car``
    leaves it open)."""
    token = _token_of(doc, pronoun)
    if token is None or token.tag_ != "PRP$":
        return None
    node = token.head
    for _ in range(6):
        if node.pos_ in {"VERB", "AUX"}:
            break
        if node.head is node:
            return None
        node = node.head
    else:
        return None
    subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    participle = node.dep_ in {"advcl", "acl"} and node.tag_ in {"VBN", "VBG"}
    if subject is None and (node.dep_ == "xcomp" or participle) and node.head.pos_ in {"VERB", "AUX"}:
        # "he had tried not to coach his son", "Colby Keel turned himself in, accompanied by his
        # attorney": the subject of the verb the infinitive or participle hangs on
        subject = next((c for c in node.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.i > token.i:
        return None
    if subject.tag_ == "PRP":
        # a he/she subject already resolved: "Marcus Whitt said he had tried not to coach his son"
        owners = [d for d in candidates if any(p.start == subject.idx for p in d.pronouns)]
        return owners[0] if len(owners) == 1 else None
    return _named_subject(candidates, subject)  # (or named beside it: "His younger brother, Colby Keel,")


_TIME_MARKERS = {"as", "when", "while", "after", "before", "until", "because", "since", "once"}


def _main_subject_of_clause(doc: Doc, pronoun: PronounMention, candidates: list[PersonDraft]) -> PersonDraft | None:
    """``Whitlow, 31, was carried off ... as he tipped a Bamford shot wide``: the he/she subject
    of a clause of time or cause (``as``, ``when``, ``after``...) is the named subject of the
    clause it hangs on, when that subject comes first."""
    token = _token_of(doc, pronoun)
    if token is None or token.dep_ not in {"nsubj", "nsubjpass"} or token.tag_ != "PRP":
        return None
    clause = token.head
    if clause.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _TIME_MARKERS for c in clause.children):
        return None
    if open_quotation(doc_text(doc), pronoun.start) is not None:
        return None
    main = clause.head
    subject = next((c for c in main.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    for _ in range(4):
        # "was carried off after colliding with a post as he tipped it": up through the
        # subjectless verbs to the one with a subject
        if subject is not None or main.dep_ not in {"pcomp", "xcomp", "advcl", "prep", "conj"}:
            break
        main = main.head
        subject = next((c for c in main.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.i > token.i:
        return None
    return named_at(candidates, subject.idx)


def _trailing_attribution(doc: Doc, pronoun: PronounMention, candidates: list[PersonDraft]) -> PersonDraft | None:
    """``Purcell said two deputies knocked on the door. Gambrell opened fire ..., she said.``:
    a he/she saying what came before it, outside quotation marks, goes on with the named
    speaker of the sentence before, whose main verb reports speech."""
    token = _token_of(doc, pronoun)
    if token is None or token.dep_ != "nsubj" or token.head.lemma_ not in REPORTING_VERBS:
        return None
    verb = token.head
    said = [c for c in verb.children if c.dep_ in {"ccomp", "parataxis"} and c.i < token.i]
    if not said and not (verb.dep_ == "parataxis" and verb.head.i < token.i):
        return None
    text = doc_text(doc)
    if (
        open_quotation(text, pronoun.start) is not None
        or "'" in text[token.sent.start_char : pronoun.start]
        or '"' in text[token.sent.start_char : pronoun.start]
    ):
        return None  # a quotation is attributed by _speaker_before
    sent = token.sent
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    if previous.root.lemma_ not in REPORTING_VERBS:
        return None
    subject = next((c for c in previous.root.children if c.dep_ == "nsubj"), None)
    return _named_subject(candidates, subject) if subject is not None else None


def _told_clause(clause: Token) -> bool:
    """A clause the parser hung as a relative clause, with no relative word, on the people
    someone told: what they were told."""
    if clause.dep_ != "relcl" or clause.head.dep_ not in {"dobj", "dative"}:
        return False
    if clause.head.head.lemma_ not in {"tell", "inform", "assure", "warn"}:
        return False
    return not any(c.tag_ in {"WDT", "WP", "WP$"} or c.lower_ == "that" for c in clause.children)


def _reporter_of(doc: Doc, pronoun: PronounMention, candidates: list[PersonDraft]) -> PersonDraft | None:
    """``Bishop said he had dedicated the goal to his friend``: the he/she subject of what a
    named person is reported to say is that person, outside quotation marks."""
    token = _token_of(doc, pronoun)
    if token is not None and token.tag_ == "PRP$" and token.head.dep_ in {"nsubj", "nsubjpass"}:
        token = token.head  # "Amanda Pruitt said her husband was awake": the subject's owner
    if token is None or token.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    clause = token.head
    verb = clause.head
    if _told_clause(clause):
        # "Curt Langer told troopers he felt dizzy", parsed as a relative clause on "troopers"
        clause, verb = clause.head, clause.head.head
    elif clause.dep_ != "ccomp" or verb.lemma_ not in _ARGUING_VERBS:
        return None
    if open_quotation(doc_text(doc), pronoun.start) is not None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ in {"advcl", "xcomp", "conj"} and verb.tag_ in {"VBG", "VBD", "VBZ", "VBP"}:
        # "Howard Bell had asked for probation, arguing that his client developed an addiction":
        # the subject of the verb the participle hangs on
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    told = [c for c in verb.children if c.dep_ in {"dobj", "dative", "iobj"}]
    if any(m.start <= c.idx < m.end for c in told for d in candidates for m in d.names):
        return None  # "Judge Balfour told Gaskell that he had caused months of fear": Gaskell
    if any(c.tag_ == "PRP" for c in told):
        return None  # "The judge told him his driving had been reckless": his is him
    # (or one the subject describes: "The Belgian, whose father Luc was a rider, said he")
    return _named_subject(candidates, subject) or _described_by(candidates, subject)


def _described_by(candidates: list[PersonDraft], subject: Token) -> PersonDraft | None:
    """The one candidate with a description covering ``subject`` (``The Belgian``)."""
    found = [d for d in candidates if any(x.start <= subject.idx < x.end for x in d.descriptions)]
    return found[0] if len(found) == 1 else None


def _said_by_description(doc: Doc, pronoun: PronounMention, candidates: list[PersonDraft]) -> bool:
    """The he/she is the subject of what a described speaker says (``Sam's mother, who asked
    not to be named, said she had reported him missing``), and that speaker is none of the
    candidates: the pronoun is the speaker's, whom the cast may not hold yet."""
    token = _token_of(doc, pronoun)
    if token is None or token.dep_ not in {"nsubj", "nsubjpass"} or pronoun.text.lower() not in {"he", "she"}:
        return False
    clause = token.head
    verb = clause.head
    if clause.dep_ != "ccomp" or verb.lemma_ not in REPORTING_VERBS or open_quotation(doc_text(doc), pronoun.start):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.i > token.i:
        return False  # ("She had fallen, her son said": what is said comes first, about another)
    noun = conventions.person_nouns().get(subject.lemma_.lower())
    if noun is None or noun.gender not in (None, pronoun.gender):
        return False  # ("Police said he was taken to hospital": no person speaks of themselves)
    # ("The judge said she": the judge's, described)
    return _named_subject(candidates, subject) is None and _described_by(candidates, subject) is None


def _subject_continues(doc: Doc, pronoun: PronounMention, candidates: list[PersonDraft]) -> PersonDraft | None:
    """``The Rev. Thomas Akers was sitting behind the driver. He suffered a fractured wrist.``:
    a he/she opening a sentence, as its subject and outside quotation marks, goes on with the
    subject of the sentence before when that subject is one of the candidates."""
    token = _token_of(doc, pronoun) if pronoun.text.lower() in {"he", "she"} else None
    if token is None:
        return None
    sent = token.sent
    # active subjects only: "X sentenced Y. He was also banned" is Y
    if token.i != sent.start or token.dep_ != "nsubj" or sent.start == 0:
        return None
    text = doc_text(doc)
    if open_quotation(text, pronoun.start) is not None:
        return None  # inside a quotation the speaker's "he" may be anyone
    previous = doc[sent.start - 1].sent
    root = previous.root
    speaking = token.head.lemma_ in REPORTING_VERBS
    if root.lemma_ in REPORTING_VERBS and not speaking:
        return None  # "The victim arrived at hospital, Lt. Carrillo said. He was suffering...": not the speaker
    # "'...,' Dr Vickery said. She said she would issue a report": a speaker goes on speaking
    verbs = [t for t in previous if t.lemma_ in REPORTING_VERBS] if speaking else [root]
    subjects = [c for v in verbs for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]
    subject = next(
        (c for c in subjects if any(c.idx in range(m.start, m.end) for d in candidates for m in d.names)), None
    )
    subject = subject or next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return None
    start, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
    owners = [
        d
        for d in candidates
        if any(m.start < end and start < m.end and m.start <= subject.idx < m.end for m in d.names)
    ]
    if not owners:
        # "The trust's medical director, Dr Farah Qureshi, has been appointed ... She said"
        beside = _named_subject(candidates, subject)
        owners = [beside] if beside is not None else []
    if len(owners) != 1:
        return None

    # another person named in that sentence ("Mark Tate met Paul Innes. He said...") leaves
    # it open; one only described there ("sitting behind the driver") does not, nor, for a
    # speaker going on speaking, one named inside the speaker's quotation
    # (nor, for a speaker going on speaking, one named in what the speaker said: "Coroner X said
    # earlier treatment would have saved Mrs Feeney's life. She said she would write ...")
    reported = [
        (c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
        for v in verbs
        for c in v.children
        if speaking and c.dep_ == "ccomp"
    ]

    def counts(m: NameMention) -> bool:
        inside = speaking and open_quotation(text, m.start) is not None
        inside = inside or any(a <= m.start < b for a, b in reported)
        return previous.start_char <= m.start < pronoun.start and not inside

    if any(d is not owners[0] and any(counts(m) for m in d.names) for d in candidates):
        return None
    return owners[0]


_SAID_BEFORE_QUOTE = re.compile(
    r"(?:\s*,\s*\d{1,3}\s*,)?\s+(?:said|says|added|told\s+\w+(?:\s+\w+)?|explained|wrote|insisted)\s*[:,]?\s*$"
)


def _quoting(text: str, pronoun: PronounMention, drafts: list[PersonDraft]) -> PersonDraft | None:
    """The speaker of the quotation a pronoun stands inside, when the quotation opens right
    after ``NAME said:``: ``Steve Ramsdale said: 'Jamal's in a lot of pain and we're all
    gutted for him.'``. Inside their own words a speaker is ``I``, never ``him``."""
    opened = open_quotation(text, pronoun.start)
    if opened is None:
        return None
    for draft in drafts:
        for mention in draft.names:
            if opened - 60 <= mention.end <= opened and _SAID_BEFORE_QUOTE.match(text[mention.end : opened]):
                return draft
    return None


def open_quotation(text: str, position: int) -> int | None:
    """Where the quotation that ``position`` stands inside opened, if it does (within its paragraph)."""
    paragraph = text.rfind("\n", 0, position) + 1
    # a mark right before ``position`` is seen with the character after it ('"He was ...')
    opens = [m for m in _QUOTE_OPEN.finditer(text, paragraph, position + 1) if m.start() < position]
    closes = len(_QUOTE_CLOSE.findall(text, paragraph, position))
    return opens[-1].start() if len(opens) > closes else None


def _speaker_before(doc: Doc, opened: int, candidates: list[PersonDraft]) -> PersonDraft | None:
    """``Bishop, 33, said the players had dedicated the win to Okonjo. 'We did that one for
    Jammo,' he said.``: the he/she attributing a quotation goes on with the speaker of the
    sentence right before the quotation, when that sentence reports speech (``said``) or
    opens the quotation's paragraph, and its subject is one of the candidates by name."""
    span = doc.char_span(opened, opened + 1, alignment_mode="expand")
    if span is None:
        return None
    sent = span[0].sent
    # "Brian Toller said in a statement that Harlan Brothers' "reputation ... for." He said":
    # a quotation inside a sentence that reports its speaker
    if opened > sent.start_char + 2 and sent.root.lemma_ in REPORTING_VERBS:
        own = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
        speaker = _named_subject(candidates, own) if own is not None and own.idx < opened else None
        if speaker is not None:
            return speaker
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    root = previous.root
    # "Dunmere manager Phil Garvey praised the teenager but was angry that the referee ...
    # 'We lose 11 minutes and she gives us seven,' he said": in one paragraph, the quotation
    # goes on with the named subject of the sentence before it, whatever its verb
    text = doc_text(doc)
    same_paragraph = "\n" not in text[previous.end_char : opened]
    if root.lemma_ not in REPORTING_VERBS and not same_paragraph:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    # "A 41-year-old counter assistant ... said the attacker had been shouting. 'I rang
    # 999,' she said": a speaker the text describes and never names
    return _named_subject(candidates, subject) or _described_by([d for d in candidates if not d.named], subject)


def _named_subject(candidates: list[PersonDraft], subject: Token) -> PersonDraft | None:
    """The candidate named by ``subject``, or by a name in apposition to it (``A public
    defender appointed to represent Mercer, Ellen Sorensen, declined to comment``)."""
    named = named_at(candidates, subject.idx)
    if named is not None:
        return named
    # (or hung on the subject's complement: "The landlord of the Drovers Arms, Gary Whitlow,")
    beside = [named_at(candidates, c.idx) for c in subject.subtree if c.dep_ == "appos" and c.pos_ == "PROPN"]
    found = {id(d): d for d in beside if d is not None}
    return next(iter(found.values())) if len(found) == 1 else None


_BEFORE_AND = re.compile(r"(?:,\s*(?:aged\s+)?\d{1,3},?)?\s+and\s+$")


def _owner_before_and(text: str, pronoun: PronounMention, candidates: list[PersonDraft]) -> PersonDraft | None:
    """``identified the dead as Harold Pryce, 78, and his wife``: a his/her right after a name
    (and its age) and ``and`` is that person's."""
    if pronoun.text.lower() not in {"his", "her"}:
        return None
    for draft in candidates:
        for mention in draft.names:
            if 0 < pronoun.start - mention.end <= 16 and _BEFORE_AND.fullmatch(text[mention.end : pronoun.start]):
                return draft
    return None


def _sentence_before_opening(doc: Doc, pronoun: PronounMention) -> Span | None:
    """The sentence before the one ``pronoun`` opens, when it opens one outside quotations."""
    token = _token_of(doc, pronoun)
    if token is None or token.i != token.sent.start or token.sent.start == 0:
        return None
    if open_quotation(doc_text(doc), pronoun.start) is not None:
        return None
    return doc[token.sent.start - 1].sent


def _pronoun_subject_continues(doc: Doc, pronoun: PronounMention, drafts: list[PersonDraft]) -> PersonDraft | None:
    """The person a he/she subject of the sentence before stands for, when ``pronoun`` (a
    his/her/he/she of the same gender) opens its sentence, both outside quotations."""
    previous = _sentence_before_opening(doc, pronoun)
    if previous is None:
        return None
    subject = next((c for c in previous.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.tag_ != "PRP" or open_quotation(doc_text(doc), subject.idx) is not None:
        return None
    owners = [d for d in drafts if any(p.start == subject.idx for p in d.pronouns)]
    if len(owners) != 1 or owners[0].gender != pronoun.gender:
        return None
    return owners[0]


_DEATH_WORDS = {"die", "dead", "pass"}


def _survived_one(doc: Doc, pronoun: PronounMention, drafts: list[PersonDraft]) -> PersonDraft | None:
    """``He is survived by his wife``, ``His brother also survives him``: the he/she whom
    someone survives (or predeceased) is the one person of that gender the report says died
    (``Chief Nwafor ... is dead``), even when other men were named in between."""
    token = _token_of(doc, pronoun)
    survived = token is not None and token.head.lemma_.lower() in {"survive", "predecease"}
    if token is None or not survived or token.dep_ not in {"nsubjpass", "dobj"}:
        return None
    dead: set[int] = set()
    for word in doc:
        if word.lemma_.lower() not in _DEATH_WORDS or (
            word.lemma_.lower() == "pass" and "away" not in {c.lower_ for c in word.children}
        ):
            continue
        verb = word.head if word.dep_ == "acomp" else word
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        while not subjects and verb.dep_ == "conj" and verb.head.i != verb.i:
            # "Walter Ferrante, who poured coffee, flipped eggs ..., died Wednesday" (a misparse)
            verb = verb.head
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        positions = [t.idx for t in subjects]
        if not positions and verb.dep_ == "ROOT":
            # no subject parsed at all: the name the sentence opens with
            positions = [verb.sent.start_char]
        for position in positions:
            for index, draft in enumerate(drafts):
                spans = [(m.start, m.end) for m in draft.names] + [(p.start, p.end) for p in draft.pronouns]
                if any(start <= position < end for start, end in spans):
                    dead.add(index)
    fitting = [drafts[i] for i in dead if drafts[i].likely_gender() in (None, pronoun.gender)]
    return fitting[0] if len(fitting) == 1 else None


def _speaker_about_self(doc: Doc, pronoun: PronounMention, drafts: list[PersonDraft]) -> PersonDraft | None:
    """``Pyle said she had planned to have Marsh deliver the baby. Her husband works nights``:
    a he/she/his/her opening a sentence, outside quotations, is the named speaker of the
    sentence before when what they said was about themselves (its subject a pronoun already
    theirs), whoever else their words name."""
    previous = _sentence_before_opening(doc, pronoun)
    if previous is None:
        return None
    root = previous.root
    if root.lemma_ not in REPORTING_VERBS:
        return None
    speaker = next((c for c in root.children if c.dep_ == "nsubj"), None)
    clause = next((c for c in root.children if c.dep_ == "ccomp"), None)
    reported = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if clause else None
    if speaker is None or reported is None or reported.tag_ != "PRP":
        return None
    owner = named_at(drafts, speaker.idx)
    if owner is None or owner.gender != pronoun.gender:
        return None
    return owner if any(p.start == reported.idx for p in owner.pronouns) else None


def _any_of_gender(candidates: list[PersonDraft], pronoun: PronounMention) -> bool:
    """A candidate whose stated gender does not rule out ``pronoun``."""
    return any(d.gender in (None, pronoun.gender) for d in candidates)


def _chained(
    drafts: list[PersonDraft],
    pronoun: PronounMention,
    window_start: int,
    subject: tuple[int, int] | None,
    speaking: PersonDraft | None,
) -> PersonDraft | None:
    """The one person of the pronoun's gender whose resolved pronouns fall between
    ``window_start`` and the pronoun, if there is exactly one (not the speaker of a quotation
    the pronoun is in, nor the subject of the clause of an object pronoun)."""
    found = [
        d
        for d in drafts
        if d.gender == pronoun.gender
        and d is not speaking
        and any(window_start <= p.start < pronoun.start for p in d.pronouns)
        and not (subject is not None and any(p.start < subject[1] and subject[0] < p.end for p in d.pronouns))
    ]
    return found[0] if len(found) == 1 else None


# what stands between a name and the his/her of its apposition: ", " or ", 41, "
_APPOSITION_BEFORE = re.compile(r",\s+(?:\d{1,3}\s*,\s+)?$")

# verbs whose object says what their subject becomes or stays
_BECOMING_VERBS = {"become", "remain"}


def _predicative(doc: Doc, desc: Description) -> bool:
    """``will relinquish his position as managing director and become the company's honorary
    life president``: a description that says what someone is or becomes (a copula's
    complement, the object of ``as`` or ``become``) brings in no one new."""
    span = doc.char_span(desc.start, desc.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    if head.dep_ in {"attr", "oprd", "acomp"}:
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "as":
        return True
    if head.dep_ == "dobj" and head.head.dep_ == "pcomp" and head.head.head.lower_ == "as":
        return True  # "as managing director", "managing" read as a verb
    return head.dep_ in {"dobj", "xcomp"} and head.head.lemma_.lower() in _BECOMING_VERBS


def resolve_pronouns(
    doc: Doc, drafts: list[PersonDraft], pronouns: list[PronounMention], descs: list[Description]
) -> None:
    sentences = list(doc.sents)
    starts = [s.start_char for s in sentences]

    def sentence_index(char: int) -> int:
        index = 0
        for i, start in enumerate(starts):
            if start <= char:
                index = i
        return index

    assigned = {id(p) for d in drafts for p in d.pronouns}
    # "the son of a fisherman and a net-mender, he left school": no one there the he could be
    parentage = list(PARENTS_BY_TRADE.finditer(doc_text(doc)))
    for pronoun in pronouns:
        if id(pronoun) in assigned:
            continue
        here = sentence_index(pronoun.start)
        window_start, window_end = starts[max(0, here - 1)], pronoun.start
        opened = _quote_attributed(doc_text(doc), pronoun)
        if opened is not None:
            # "'...,' she said": the speaker is named before the quotation, not inside it
            window_start, window_end = starts[max(0, sentence_index(opened) - 1)], opened
        candidates = []
        for draft in drafts:
            positions = [m.start for m in draft.names] + [d.start for d in draft.descriptions]
            if any(window_start <= p < window_end for p in positions):
                candidates.append(draft)
        compatible = [d for d in candidates if d.gender in (None, pronoun.gender)]
        speaking = _quoting(doc_text(doc), pronoun, drafts)
        quoted_from = open_quotation(doc_text(doc), pronoun.start) if opened is None else None
        if speaking is None and quoted_from is not None:
            # "Coroner Dr Miriam Kettlewell said the rail was down. 'Kieron did what he was
            # told,' she said": the speaker of the sentence before is not the "he" of her quote
            speaking = _speaker_before(doc, quoted_from, drafts)
        if speaking is not None:
            compatible = [d for d in compatible if d is not speaking]
        # "Lee Whitlow, 41, her former husband": the her of an apposition is not the name's
        apposed = _APPOSITION_BEFORE.search(doc_text(doc), max(0, pronoun.start - 12), pronoun.start)
        if apposed is not None:
            compatible = [d for d in compatible if not any(m.end == apposed.start() for m in d.names)]
        subject = _clause_subject(doc, pronoun)
        if subject is not None:
            # "The judge told him": an object pronoun is never its own clause's subject
            compatible = [
                d
                for d in compatible
                if not any(
                    start < subject[1] and subject[0] < end
                    for start, end in [(m.start, m.end) for m in d.names] + [(x.start, x.end) for x in d.descriptions]
                )
            ]
        # A singular description that is no-one's (``a knifeman``) may be the antecedent:
        # it makes the pronoun ambiguous.
        table = conventions.person_nouns()
        linked = {id(x) for d in drafts for x in d.descriptions}
        blockers = [
            x
            for x in descs
            if id(x) not in linked
            and not x.plural
            and window_start <= x.start < window_end
            and (table[x.noun].gender if x.noun in table else None) in (None, pronoun.gender)
            and x.noun not in {"person", "individual"}
            and not _predicative(doc, x)
            and not any(m.start() - 4 <= x.start < m.end() for m in parentage)
        ]
        if len(compatible) == 1 and any(m.start == starts[here] for m in compatible[0].names):
            # "Ronald Petchey, aged 78, and his wife Beryl": a name opening the pronoun's own
            # sentence is nearer than a description in the sentence before
            blockers = [x for x in blockers if x.start >= starts[here]]
        related = _survived_one(doc, pronoun, drafts)
        if related is None and len(compatible) > 1:
            related = (
                _owner_before_and(doc_text(doc), pronoun, compatible)
                or _relative_clause_owner(doc, pronoun, compatible)
                or _clause_subject_owner(doc, pronoun, compatible)
                or _reporter_of(doc, pronoun, compatible)
                or _main_subject_of_clause(doc, pronoun, compatible)
            )
        if related is None and len(compatible) == 1 and blockers:
            # "A member of the family has led the company; Claire Vandermeer took over from her
            # father": the his/her of a clause its one candidate is the subject of, by name
            related = _owner_before_and(doc_text(doc), pronoun, compatible) or _clause_subject_owner(
                doc, pronoun, compatible
            )
        if related is None and opened is None:
            # "He is survived by his wife ...; five children, including Dr Chinedu Nwafor. His
            # younger brother, Pa Festus Nwafor, also survives him": the his opening a sentence
            # goes on with the he the sentence before had for subject
            related = _pronoun_subject_continues(doc, pronoun, drafts) or _speaker_about_self(doc, pronoun, drafts)
        if related is None and len(compatible) == 1 and _said_by_description(doc, pronoun, compatible):
            compatible = []  # "Sam's mother said she had reported him missing": she is the mother
        if related is not None and related.likely_gender() not in (None, pronoun.gender):
            related = None  # a misparse: "Ruth Ann Kessler, 81; Gary Hoffmann, 67, and his wife"
        if related is not None:
            compatible, blockers = [related], []
        # (a description no-one carries in between, "the junior doctor who saw her", does not
        # stop a named subject going on)
        open_to_many = len(compatible) > 1 or (len(compatible) == 1 and bool(blockers))
        if open_to_many and opened is None:
            continuing = _subject_continues(doc, pronoun, compatible) or _trailing_attribution(doc, pronoun, compatible)
            if continuing is not None:
                compatible, blockers = [continuing], []
        elif open_to_many and opened is not None:
            speaker = _speaker_before(doc, opened, compatible)
            if speaker is not None:
                compatible, blockers = [speaker], []
        if related is None:
            # "Philip Yates and Teresa Gagnon ... she": a forename nearly always given to the
            # other gender rules a candidate out (and leaves a pronoun with no other open)
            compatible = [d for d in compatible if d.likely_gender() in (None, pronoun.gender)]
        if (
            not compatible
            and not blockers
            and quoted_from is None
            and opened is None
            and not _any_of_gender(candidates, pronoun)
        ):
            # "Karen Pryce ... She had since separated from her husband, Stephen ... Her son":
            # no named person of the pronoun's gender in reach, but the pronouns of one person
            # run through the sentence before: the chain goes on (outside quotations, whose
            # his and her may be anyone's)
            chained = _chained(drafts, pronoun, window_start, subject, speaking)
            compatible = [chained] if chained is not None else []
        if len(compatible) == 1 and not blockers:
            draft = compatible[0]
            draft.pronouns.append(pronoun)
            if draft.gender is None:
                draft.gender, draft.gender_span = pronoun.gender, (pronoun.start, pronoun.end)
