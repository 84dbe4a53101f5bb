"""Attribution of marked text: the cue, the speaker span, the channel, direct or partial.

Finds, for one outermost marked stretch, in this order:

- a cue before it ending in a colon or comma: ``X said: '...'``, ``X tweeted today: '...'``,
  ``In a statement, X said: '...'``, ``From Chairwoman X: "..."``, ``X: "..."``, also when
  the colon ends the previous paragraph;
- a cue after it: ``'...,' X said``, ``'...,' said X``, ``'...,' he told Sky News``, and the
  byline dash ``"..." -Commissioner X``;
- for a fragment inside the reporter's sentence (a partial quote), the cue verb that governs
  it in the parse (``said he has been 'living a nightmare'``);
- for a whole sentence in marks with no cue, the speaker of the previous attributed quote in
  the same or the previous paragraph (a speech running on: ``'...,' she said. '...'``).

The channel comes from the words around the cue (``tweeted``, ``in a statement``, ``in a
video``, ``told Sky News``). Deliberately not done here: resolving the speaker span to an
entity (``resolve``), reported speech without marks (``indirect``), and deciding what
unattributed marked text is (``terms``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from storydesk.extract.quotes.cues import CueTable
from storydesk.extract.quotes.marks import MARKS, MarkedSpan
from storydesk.extract.quotes.resolve import SpeakerSpan
from storydesk.extract.quotes.terms import looks_like_name, looks_like_title
from storydesk.extract.spans import doc_text

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_DASHES = "-–—"
# A cue after the quote is looked for within this many tokens of the closing mark
# (news style puts it within the next five or so: ``,' Detective Inspector Jo Bryce said``).
# Set by hand, not tuned.
_AFTER_WINDOW = 14
# After a quote ending in a comma, a cue whose subject opens right after the closing mark is
# looked for this far (a name with age, home town and a relative clause). Set by hand, not tuned.
_LONG_AFTER_WINDOW = 40
_SENTENCE_END = re.compile(r"[.!?]['\"’”]*\s*$")


@dataclass(frozen=True)
class Attribution:
    kind: Literal["direct", "partial"]
    cue_start: int
    cue_end: int
    speaker: SpeakerSpan | None
    channel: str | None


def cue_lemma(token: Token, table: CueTable, *, marked: bool = False) -> bool:
    """A verb of saying by its lemma: a cue verb, one with its particle or object (``put
    it``, ``shot back``), and, for words in quotation marks (``marked``), the verbs that only
    attribute marked words (``the sign read``)."""
    lemma = token.lemma_.lower()
    if lemma in table.cue_verbs:
        return True
    if marked and lemma in table.marked_cue_verbs:
        # the sign read "...": a subject that reads, never the imperative "Read the updates:"
        return any(c.dep_ in _SUBJECT_DEPS for c in token.children)
    particles = table.particles_for(lemma)
    return bool(particles) and any(
        c.dep_ in ("prt", "dobj", "advmod") and c.lower_ in particles and c.i > token.i for c in token.children
    )


def is_cue(token: Token, table: CueTable, *, marked: bool = False) -> bool:
    return (
        token.pos_ in ("VERB", "AUX")
        and token.dep_ not in ("amod", "acl", "relcl")
        and cue_lemma(token, table, marked=marked)
    )


def _inside(char: int, spans: Sequence[MarkedSpan]) -> bool:
    return any(s.content_start <= char < s.content_end for s in spans)


def _trim_punct(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    return tokens


def speaker_span(tokens: list[Token], head: Token, table: CueTable) -> SpeakerSpan | None:
    tokens = _trim_punct(tokens)
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    doc = head.doc
    name = [head]
    # the whole name around the head: Detective Chief Inspector Neil Rawlinson
    for left in reversed(list(head.lefts)):
        if left.dep_ in ("compound", "flat") and left.i == name[0].i - 1:
            name.insert(0, left)
    lowered = head.lower_
    group = lowered in table.group_heads and (
        any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
        or any(c.dep_ == "poss" for c in head.children)
        # Neighbours said: capitalised at the start of a sentence, the parse may call it a name
        or (lowered not in table.organisation_nouns and head.tag_ in ("NNS", "NNPS"))
        or (lowered not in table.organisation_nouns and bool(head.is_sent_start) and lowered.endswith("s"))
    )
    statement = lowered in table.statement_nouns or lowered in table.organisation_nouns
    text = doc_text(doc)[start:end]
    return SpeakerSpan(
        start=start,
        end=end,
        head_start=name[0].idx,
        head_end=head.idx + len(head.text),
        text=text,
        head_text=head.text,
        group=group,
        statement=statement,
        plural=head.tag_ in ("NNS", "NNPS"),
        noun=head.pos_ in ("NOUN", "PROPN"),
    )


def speaker_of_cue(cue: Token, quoted: Sequence[MarkedSpan], table: CueTable) -> SpeakerSpan | None:
    """The subject of a cue verb (climbing through ``and``-coordinated verbs), as a span."""
    verb: Token | None = cue
    subject: Token | None = None
    for _ in range(3):
        if verb is None:
            break
        subject = next(
            (c for c in verb.children if c.dep_ in _SUBJECT_DEPS and not _inside(c.idx, quoted)),
            None,
        )
        if subject is not None:
            break
        if verb.dep_ == "acl" and verb.head.head.pos_ in ("VERB", "AUX") and verb.head.head != verb.head:
            verb = verb.head.head  # Ryan issued a statement saying, '...': the issuer speaks
            continue
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head  # Obama ended his list by saying '...': the one ending speaks
            continue
        verb = verb.head if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head != verb else None
    if subject is None or verb is None:
        return None
    after_subject = max(t.i for t in subject.subtree) + 1
    opener = after_subject < len(subject.doc) and subject.doc[after_subject].text == ","
    if subject.pos_ == "NOUN" or opener:
        # Dell's fiancée, Keisha Monroe, said: the parser may give the name as a second subject;
        # Sentencing, Mrs Justice Hollins told him: an opening word taken for a first subject
        named = next(
            (
                c
                for c in verb.children
                if c.dep_ in _SUBJECT_DEPS and c.i > subject.i and c.pos_ == "PROPN" and not _inside(c.idx, quoted)
            ),
            None,
        )
        subject = named or subject
    head = subject
    if subject.pos_ in ("NOUN", "VERB"):
        # Abraham's lawyer Mohammed Akunjee / the force's spokesman, Jo Bell / Outside court,
        # Macleod's solicitor, Iain Drummond, said: the name in apposition speaks
        head = _named_appositive(subject, cue) or subject
    limit = max(t.i for t in head.subtree) if head is not subject else subject.i
    tokens: list[Token] = []
    for token in subject.subtree:
        if _inside(token.idx, quoted):
            break
        # figures published by the force: who published a document is who speaks in it
        published = token.dep_ == "acl" and token.head == subject and subject.lower_ in table.document_nouns
        if token.i > limit and (token.dep_ in ("relcl", "appos", "acl") or token.text == ",") and not published:
            break
        if token.i > limit and token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
            break  # a jogger who found him: the relative clause is not part of the name
        tokens.append(token)
    return speaker_span(tokens, head, table)


def _named_appositive(subject: Token, cue: Token) -> Token | None:
    """The first name reached from ``subject`` through a chain of appositions, before the cue."""
    frontier = [subject]
    while frontier:
        node = frontier.pop(0)
        for child in node.children:
            if child.dep_ != "appos" or child.i > cue.i:
                continue
            if child.pos_ == "PROPN" or child.ent_type_ in ("PERSON", "ORG"):
                return child
            if child.pos_ == "NOUN":
                frontier.append(child)
    return None


def channel_of(tokens: Sequence[Token], cue: Token | None, table: CueTable) -> str | None:
    if cue is not None:
        lemma = cue.lemma_.lower()
        if lemma == "tweet":
            return "tweet"
        if lemma in table.interview_outlet_verbs and any(
            c.dep_ in ("dobj", "dative", "iobj") and (c.ent_type_ in ("ORG", "NORP") or c.pos_ == "PROPN")
            for c in cue.children
        ):
            return "interview"
    words = [t.lower_ for t in tokens]
    joined = " " + " ".join(words) + " "
    # the signal written first wins: "in a video posted on Facebook" is a video
    best: tuple[int, str] | None = None
    for channel, signals in table.channels:
        for signal in signals:
            at = joined.find(f" {signal} ")
            if at >= 0 and (best is None or at < best[0]):
                best = (at, channel)
    return best[1] if best is not None else None


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return list(span) if span is not None else []


def _sentence_start(doc: Doc, char: int) -> int:
    while char > 0 and doc_text(doc)[char].isspace():
        char -= 1
    span = doc.char_span(char, min(len(doc_text(doc)), char + 1), alignment_mode="expand")
    if span is None or len(span) == 0:
        return char
    sent: Span = span[0].sent
    return int(sent.start_char)


def _after_window(
    doc: Doc,
    mark: MarkedSpan,
    para_end: int,
    outer: Sequence[MarkedSpan],
    table: CueTable,
    limit: int = _AFTER_WINDOW,
) -> list[Token]:
    """The tokens after the closing mark where a cue may follow (``,' she said``).

    A quote that ends its sentence (``...in the ward."``) and is followed by a line break has
    no cue after it: the next line is a new sentence even when no blank line separates the
    paragraphs (``"...in the ward."\nNeither of them acknowledged...`` is not a cue).
    """
    tokens: list[Token] = []
    ends_sentence = bool(_SENTENCE_END.search(doc_text(doc)[mark.content_start : mark.content_end]))
    for token in _tokens(doc, mark.end, para_end):
        if token.idx < mark.end:
            continue
        if ends_sentence and token.is_space and "\n" in token.text:
            break
        opening = token.text[0] in MARKS and token.lower_ not in ("'s", "’s")  # a mark, not the dairy's
        if _inside(token.idx, outer) or (opening and token.idx > mark.end + 2):
            break
        tokens.append(token)
        # the full stop of an abbreviated rank (Lt. Rosa Whitfield) does not end the sentence
        stop = token.text == "." and not (token.pos_ == "PROPN" or _abbreviated_title(tokens[-2:-1], table))
        if token.text in ("!", "?", ";") or stop or len(tokens) >= limit:
            break
    return tokens


def _abbreviated_title(before: Sequence[Token], table: CueTable) -> bool:
    """The token before a full stop is a title or rank (``Lt``, ``Sgt``, ``Dr``)."""
    if not before:
        return False
    word = before[0].lower_
    titles = table.male_titles | table.female_titles | table.neutral_titles
    return word in titles or any(word in words for _, words in table.role_titles)


def _dash_speaker(tokens: list[Token], table: CueTable) -> tuple[Token, SpeakerSpan] | None:
    """``"..." -Commissioner Jane Roe``: a dash, then a name, then the end of the line."""
    if not tokens or (tokens[0].text not in _DASHES and not tokens[0].text.startswith(tuple(_DASHES))):
        return None
    rest = _trim_punct(tokens[1:])
    names = [t for t in rest if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG")]
    if not names or len(rest) > 8:
        return None
    head = names[-1]
    speaker = speaker_span(rest, head, table)
    return (tokens[0], speaker) if speaker is not None else None


def _near(after: Sequence[Token], cue: Token, table: CueTable) -> bool:
    """The cue follows the quote closely: within six tokens, or after nothing but its subject
    (``,' Dearfield's chief executive, Raymond Szabo, said``)."""
    if not after or cue.i - after[0].i <= 6:
        return True
    subjects = [c for c in cue.children if c.dep_ in _SUBJECT_DEPS]
    covered = {t.i for s in subjects for t in s.subtree}
    # a rank before the subject's name may hang elsewhere in the parse (Sgt. Mina Coyle)
    between = [t for t in after if t.i < cue.i and not (t.is_punct or _abbreviated_title([t], table))]
    return (bool(subjects) and all(t.i in covered for t in between)) or _subject_first(after, cue, table)


def _subject_first(after: Sequence[Token], cue: Token, table: CueTable) -> bool:
    """The words right after the closing mark open the cue's subject, however long the
    subject and whatever comes between it and the cue (``,' Blunt, after a long pause, said``;
    ``,' Ivo Marsh, 61, of Dunmore, who runs the ferry, said``)."""
    first = next((t for t in after if not (t.is_punct or t.is_space or _abbreviated_title([t], table))), None)
    if first is None or first.i >= cue.i:
        return False
    return any(first.i in {t.i for t in c.subtree} for c in cue.children if c.dep_ in _SUBJECT_DEPS)


def _misparsed_cue(pre: list[Token], table: CueTable) -> tuple[Token, SpeakerSpan] | None:
    """``His father, now a summariser for a local radio station, posted on Twitter: '...'``:
    the parse hangs the cue verb off a noun, so its subject is the noun phrase the sentence
    opens with."""
    body = _trim_punct(pre)
    cues = [t for t in body if t.pos_ == "VERB" and t.lemma_.lower() in table.cue_verbs]
    if not cues or not body:
        return None
    root = body[0].sent.root
    if root.pos_ not in ("NOUN", "PROPN") or root.i >= cues[0].i or root.i < body[0].i:
        return None
    head = _named_appositive(root, cues[0]) or root
    tokens = [t for t in root.subtree if t.i < cues[0].i]
    end = max(t.i for t in head.subtree) if head is not root else root.i
    speaker = speaker_span([t for t in tokens if t.i <= end], head, table)
    return (cues[0], speaker) if speaker is not None else None


def _from_speaker(pre: list[Token], table: CueTable) -> tuple[Token, SpeakerSpan] | None:
    """``From Chairwoman X: "..."`` or a bare ``X: "..."`` naming a person or organisation."""
    body = _trim_punct(pre)
    if not body:
        return None
    cue = body[0]
    if cue.lower_ == "from":
        body = body[1:]
    names = [t for t in body if t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PROPN"]
    if not names or len(body) > 8 or any(t.pos_ == "VERB" for t in body):
        return None
    head = names[-1]
    speaker = speaker_span(body, head, table)
    return (cue, speaker) if speaker is not None else None


def attribute(
    doc: Doc,
    mark: MarkedSpan,
    para: tuple[int, int],
    prev_para: tuple[int, int] | None,
    outer: Sequence[MarkedSpan],
    table: CueTable,
) -> Attribution | None:
    """How ``mark`` (an outermost marked stretch) is attributed, or None when it is not."""
    text = doc_text(doc)
    lo, hi = para
    # a quote earlier in the sentence ends the stretch searched for this one's cue; a name or
    # title in marks does not (On "Morning Desk" Tuesday, she said, "...")
    prior_ends = [
        s.end for s in outer if lo <= s.end <= mark.start and not _label(text[s.content_start : s.content_end])
    ]
    pre_start = max([lo, _sentence_start(doc, max(lo, mark.start - 1)), *prior_ends])
    pretext = text[pre_start : mark.start]
    if _SENTENCE_END.search(pretext) or (
        pre_start in prior_ends and pretext.strip()[:1].isupper() and not _second_cue(doc, pre_start, pretext, table)
    ):
        pre_start, pretext = mark.start, ""
    stripped = pretext.rstrip()
    if (
        not stripped
        and not text[lo : mark.start].strip()
        and prev_para is not None
        and text[prev_para[0] : prev_para[1]].rstrip().endswith(":")
    ):
        pre_start = max(prev_para[0], _sentence_start(doc, prev_para[1] - 2))
        stripped = text[pre_start : prev_para[1]].rstrip()
    pre_tokens = [t for t in _tokens(doc, pre_start, pre_start + len(stripped)) if not _inside(t.idx, outer)]
    after = _after_window(doc, mark, hi, outer, table)
    content = text[mark.content_start : mark.content_end].strip()

    def found(
        kind: Literal["direct", "partial"], cue: Token, speaker: SpeakerSpan | None, frame: list[Token]
    ) -> Attribution:
        return Attribution(kind, cue.idx, cue.idx + len(cue.text), speaker, channel_of(frame, cue, table))

    # 1. X said: '...'  /  In a statement, X said, '...'  /  From X: '...'
    if stripped.endswith((":", ",")) or (pre_tokens and is_cue(pre_tokens[-1], table, marked=True)):
        cues = [t for t in pre_tokens if is_cue(t, table, marked=True)]
        if cues:
            cue = cues[-1]
            # the cue right before the marks, no comma or colon, and the reporter's sentence
            # going on after them (said "it was a mistake" every time): a fragment, not the
            # whole quotation
            fragment = not stripped.endswith((":", ",")) and (content[:1].islower() or _runs_on(text, mark.end, hi))
            if fragment:
                return _partial(doc, mark, outer, pre_start, table) or found(
                    "partial", cue, speaker_of_cue(cue, outer, table), pre_tokens
                )
            return found("direct", cue, speaker_of_cue(cue, outer, table), pre_tokens)
        if stripped.endswith(":"):
            named = _from_speaker(pre_tokens, table) or _misparsed_cue(pre_tokens, table)
            if named is not None:
                return found("direct", named[0], named[1], pre_tokens)
        framing = (
            _framing_cue(pre_tokens, table) if stripped.endswith((":", ",")) and not looks_like_name(content) else None
        )
        if framing is not None:
            return found("direct", framing, speaker_of_cue(framing, outer, table), pre_tokens)
    sentence_initial = not stripped or stripped.endswith((":", ","))
    # 2. '...,' X said  /  '...,' said X  /  "..." -Commissioner X
    after_cues = [t for t in after if is_cue(t, table, marked=True)]
    if not after_cues and content.rstrip(MARKS).endswith(","):
        # '...,' Ivo Marsh, 61, of Dunmore, who runs the ferry, said: a long subject, then the cue
        longer = _after_window(doc, mark, hi, outer, table, _LONG_AFTER_WINDOW)
        late = [t for t in longer if is_cue(t, table, marked=True)]
        if late and _subject_first(longer, late[0], table):
            after, after_cues = longer, late[:1]
    if after_cues and (sentence_initial or not stripped):
        cue = after_cues[0]
        new_sentence = bool(_SENTENCE_END.search(content)) and after and after[0].text[:1].isupper()
        bare = not any(c.dep_ in ("ccomp",) for c in cue.children)
        if _near(after, cue, table) and (not new_sentence or bare):
            speaker = (
                speaker_of_cue(cue, outer, table)
                or _between_speaker(after, cue, table)
                or _inverted_speaker(after, cue, table)
            )
            if speaker is not None:
                return found("direct", cue, speaker, after)
    dash = _dash_speaker(after, table)
    if dash is not None and sentence_initial:
        return found("direct", dash[0], dash[1], after)
    if (stripped and not stripped.endswith((":", ","))) or content[:1].islower():
        return _partial(doc, mark, outer, pre_start, table)
    return None


def _runs_on(text: str, end: int, para_end: int) -> bool:
    """The sentence goes on after a closing mark: a word follows on the same line."""
    rest = text[end:para_end]
    stripped = rest.lstrip(" \t\u00a0")
    return bool(stripped) and stripped[0].isalnum()


def _label(content: str) -> bool:
    """Marked words that name something (a person, a show, a slogan in title case) rather than
    report speech: no closing punctuation, and a name or title by their capitals."""
    content = content.strip()
    return (
        bool(content)
        and not content.endswith((".", ",", "!", "?", ";", ":", "…"))
        and (looks_like_name(content) or looks_like_title(content))
    )


def _between_speaker(after: Sequence[Token], cue: Token, table: CueTable) -> SpeakerSpan | None:
    """``'..., Mr. President,' Representative Jo Roe told him``: the parse took a word inside
    the quote for the subject, so the name between the closing mark and the cue speaks."""
    between = _trim_punct([t for t in after if t.i < cue.i])
    if not between or len(between) > 12:
        return None
    inside = {t.i for t in between}
    roots = [t for t in between if t.head.i not in inside or t.head == t]
    head = roots[0] if roots else None
    if head is None or not (head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG")):
        return None
    return speaker_span(between, head, table)


def _inverted_speaker(after: Sequence[Token], cue: Token, table: CueTable) -> SpeakerSpan | None:
    """``'...,' recalled Ada Brook, the club's secretary.``: the cue straight after the quote
    and the name after the cue, which the parse may take for the cue's object."""
    first = next((t for t in after if not (t.is_punct or t.is_space)), None)
    if first is None or first.i != cue.i:
        return None
    named = next(
        (
            c
            for c in cue.rights
            if c.dep_ in ("dobj", "npadvmod", "attr", "oprd", "dative")
            and (c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG"))
        ),
        None,
    )
    if named is None:
        return None
    tokens: list[Token] = []
    for token in named.subtree:
        if token.i > named.i and (token.dep_ in ("relcl", "appos", "acl") or token.text == ","):
            break
        tokens.append(token)
    return speaker_span(tokens, named, table)


def _framing_cue(pre: list[Token], table: CueTable) -> Token | None:
    """``issued a statement saying, '...'`` / ``an ad in which he declares, '...'``: a cue
    verb the parse hangs off a noun (so ``is_cue`` refuses it), accepted when it is the last
    verb before the comma or colon that opens the quote."""
    verbs = [t for t in _trim_punct(pre) if t.pos_ in ("VERB", "AUX")]
    last = verbs[-1] if verbs else None
    lemma = last.lemma_.lower() if last is not None else ""
    if (
        last is not None
        and last.pos_ == "VERB"
        and lemma in table.cue_verbs
        and lemma not in table.cue_verbs_need_clause
    ):
        return last
    return None


def _second_cue(doc: Doc, start: int, pretext: str, table: CueTable) -> bool:
    """``'...,' Trump said, adding, '...'``: between two quotes, the first's cue and a second
    cue ending in a comma or colon, which introduces the next quote."""
    stripped = pretext.rstrip()
    if not stripped.endswith((":", ",")):
        return False
    cues = [
        t
        for t in _tokens(doc, start, start + len(stripped))
        if t.pos_ == "VERB" and t.lemma_.lower() in table.cue_verbs
    ]
    return len(cues) >= 2


def _partial(
    doc: Doc, mark: MarkedSpan, outer: Sequence[MarkedSpan], pre_start: int, table: CueTable
) -> Attribution | None:
    """A fragment in the reporter's sentence: the cue verb that governs it, if any."""
    inside = _tokens(doc, mark.content_start, mark.content_end)
    inside = [t for t in inside if mark.content_start <= t.idx < mark.content_end and not t.is_punct]
    if not inside:
        return None
    roots = [t for t in inside if not (mark.content_start <= t.head.idx < mark.content_end) or t.head == t]
    root = roots[0] if roots else inside[0]
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in inside)
    if (
        not has_verb
        and root.dep_ in ("pobj", "compound", "amod", "nmod", "appos", "poss")
        and root.head.pos_
        in (
            "NOUN",
            "PROPN",
            "ADP",
        )
    ):
        head = root.head.head if root.head.pos_ == "ADP" else root.head
        if head.pos_ in ("NOUN", "PROPN") or root.dep_ != "pobj":
            return None  # a noun phrase inside a noun phrase: a term, not words someone said
    if not has_verb and (
        root.dep_ in ("nsubj", "nsubjpass", "compound", "amod")
        or doc_text(doc)[max(0, mark.start - 12) : mark.start].lower().rstrip().endswith(("so-called", "so called"))
    ):
        return None  # a scare-quoted label in the reporter's sentence, not reported words
    cue: Token | None = None
    node = root
    for _ in range(12):
        if node.head == node:
            break
        node = node.head
        if (is_cue(node, table, marked=True) or _relative_cue(node, table)) and not _inside(node.idx, outer):
            cue = node
            if not _evidence_verb(node, table):
                break
    if cue is None:
        return None
    speaker = speaker_of_cue(cue, outer, table)
    if speaker is None:
        return None
    return Attribution(
        "partial", cue.idx, cue.idx + len(cue.text), speaker, channel_of(cue_frame(cue, outer), cue, table)
    )


def _relative_cue(token: Token, table: CueTable) -> bool:
    """``messages in which Hale told an aide to '...'``: a cue verb in a relative clause with a
    named or personal subject of its own speaks for that subject, not for the verb above."""
    if token.dep_ != "relcl" or token.pos_ != "VERB" or not cue_lemma(token, table, marked=True):
        return False
    if token.lemma_.lower() in table.cue_verbs_need_clause:
        return False  # the trial that CCTV showed him '...': evidence, not a speaker
    return any(
        c.dep_ in _SUBJECT_DEPS and (c.pos_ == "PROPN" or c.tag_ == "PRP") and c.tag_ not in ("WP", "WDT")
        for c in token.children
    )


def _evidence_verb(cue: Token, table: CueTable) -> bool:
    """``the audit showed '...'`` inside ``X said ...``: a thing shows, the person above speaks."""
    subject = next((c for c in cue.children if c.dep_ in _SUBJECT_DEPS), None)
    return (
        cue.dep_ == "ccomp"
        and cue.lemma_.lower() in table.cue_verbs_need_clause
        and subject is not None
        and subject.pos_ == "NOUN"
        and subject.ent_type_ == ""
    )


def cue_frame(cue: Token, quoted: Sequence[MarkedSpan]) -> list[Token]:
    """The words of the attribution itself: the cue's subtree without what it reports."""
    reported = {
        t.i for c in cue.children if c.dep_ in ("ccomp", "xcomp", "dobj") and c.pos_ != "PROPN" for t in c.subtree
    }
    return [t for t in cue.subtree if t.i not in reported and not _inside(t.idx, quoted)]
