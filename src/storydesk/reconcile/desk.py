"""Story desks: in memory (:class:`StoryDesk`) and on the database (:class:`DeskStories`).

:class:`StoryDesk` is the library without a database: it keeps case files, the candidate
index and the corrections; stories are built on demand from the set of reports, so the same
reports and corrections give the same stories in any order of arrival.

:class:`DeskStories` keeps stories on a :class:`storydesk.store.Desk` (tables in
:mod:`storydesk.store.tables`): each report is assigned once, after its commit, by

1. reading its candidates from the ``story_keys`` index (reports sharing a name, place,
   organisation, month or frequent word with it, within the time window; never every
   stored report);
2. loading the *features* (word counts and keys, not case files) of every member of the
   candidates' stories, and letting the reconciler's :class:`Assigner` cluster that
   neighbourhood, with every correction ever made (``story_corrections``);
3. the report's cluster becomes its story: members of old stories that fall in it join it
   (two stories merge when the report bridges them), the rest of each old story stays one
   story; only now are case files loaded, of the report's story (and any remainder), to build
   it (:func:`build_story`) and say what the report brings (:func:`whats_new`); candidate
   stories that give the report's story no member are left as they are, unread and unwritten;
4. memberships and story summaries are written in one transaction (assignments take turns).

Deterministic: the neighbourhood is a set, clustered in article-id order, so the same reports
give the same stories whatever their order of arrival, as long as each story's last report
sees the whole story among its candidates (what the time window and the keys are for).
:meth:`DeskStories.rebuild` clusters the whole desk at once, as the in-memory desk does.
Statistics (IDF of words and keys) are those of the neighbourhood, not of the whole desk.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.engine import Connection, Engine

from storydesk import errors
from storydesk.model import CaseFile
from storydesk.reconcile.assign import AssignConfig, Assigner
from storydesk.reconcile.features import Features, features
from storydesk.reconcile.model import Appearance, Correction, Story, WhatsNew
from storydesk.reconcile.story import build_story, canonical, story_id
from storydesk.reconcile.whatsnew import whats_new
from storydesk.store import stories as db
from storydesk.store.engine import WRITE_OPTION
from storydesk.store.query import resolve_id
from storydesk.store.stories import Group, StoryRow


def effective(corrections: Iterable[Correction]) -> list[Correction]:
    """The corrections in force: a later correction of a report replaces every earlier one that
    moved or split that report (a person who moves a report, then splits it off, means the
    split), so they never pin it to two places. Earlier ones stay on record."""
    kept: list[Correction] = []
    for correction in corrections:
        named = set(correction.articles)
        kept = [c for c in kept if not named & set(c.articles)]
        kept.append(correction)
    return kept


class UnknownItem(KeyError):
    """An article or story id the desk does not hold."""


class StoryDesk:
    def __init__(self, config: AssignConfig | None = None, corrections: Iterable[Correction] = ()) -> None:
        self.assigner = Assigner(config)
        self.cases: dict[str, CaseFile] = {}
        for correction in effective(corrections):
            self.assigner.correct(correction)

    def add(self, case: CaseFile) -> WhatsNew:
        """Add a report; returns the story it joined and what it brings to it."""
        article_id = case.article.id
        self.cases[article_id] = case
        members = self.assigner.add(features(case))
        story = self._story(members)
        return whats_new(story, article_id, new_story=members == [article_id])

    def add_all(self, cases: Iterable[CaseFile]) -> None:
        for case in cases:
            self.cases[case.article.id] = case
            self.assigner.index.add(features(case))

    def stories(self) -> list[Story]:
        """Every story, newest first publication last (sorted by first publication, then id)."""
        found = [self._story(members) for members in self.assigner.stories()]
        return sorted(found, key=lambda s: (s.first_published is None, s.first_published, s.id))

    def story(self, story_ref: str) -> Story:
        """A story by its id, or the story holding an article id."""
        for members in self.assigner.stories():
            anchor = canonical([self.cases[a] for a in members])[0].article.id
            if story_id(anchor) == story_ref or story_ref in members:
                return self._story(members)
        raise UnknownItem(story_ref)

    def move(self, article_id: str, story_ref: str) -> Correction:
        """Put a report in another story; kept as a correction, re-applied on every run."""
        if article_id not in self.cases:
            raise UnknownItem(article_id)
        target = self.story(story_ref)
        current = self.story(article_id)
        correction = Correction(
            kind="move",
            articles=[article_id],
            target=target.members[0].article_id,
            apart_from=[m.article_id for m in current.members if m.article_id != article_id],
        )
        self.assigner.correct(correction)
        self.assigner.corrections = effective(self.assigner.corrections)
        return correction

    def split(self, article_ids: list[str]) -> Correction:
        """Make these reports a story of their own, apart from the rest of their story."""
        missing = [a for a in article_ids if a not in self.cases]
        if missing:
            raise UnknownItem(missing[0])
        rest = {m.article_id for a in article_ids for m in self.story(a).members} - set(article_ids)
        correction = Correction(kind="split", articles=list(article_ids), apart_from=sorted(rest))
        self.assigner.correct(correction)
        self.assigner.corrections = effective(self.assigner.corrections)
        return correction

    @property
    def corrections(self) -> list[Correction]:
        return list(self.assigner.corrections)

    def _story(self, members: list[str]) -> Story:
        corrected = frozenset(a for c in self.assigner.corrections for a in c.articles if a in members)
        scores = {
            a: round(sum(self.assigner.similarity(a, b) for b in members if b != a) / (len(members) - 1), 4)
            for a in members
            if len(members) > 1
        }
        return build_story([self.cases[a] for a in members], corrected=corrected, scores=scores)


# -- stories on the database -------------------------------------------------------------------


@dataclass(frozen=True)
class Placed:
    """The story a report was put in when its summary was left for later (:meth:`DeskStories.place`)."""

    article_id: str
    story_id: str
    new_story: bool


@dataclass(frozen=True)
class CorrectionMade:
    """A correction and the stories it left: the story each of its reports is in now."""

    correction: Correction
    stories: dict[str, str]


# The candidates a report is compared with on the desk: the reports sharing the most blocking
# keys with it, at most MAX_CANDIDATES; and the reports of their stories clustered with it, at
# most MAX_NEIGHBOURHOOD (candidate stories taken best candidate first while they fit; a story
# too big to fit is left out, smaller ones after it may still come in). Without caps the
# neighbourhood grows with the desk's density, and every assignment with it. Rules, not tuned;
# measured with benchmarks/reconcile_desk.py, adding ECB+'s 772 reports (a report's candidates
# are its whole topic, up to 136): desk B3 0.929 without caps, 0.925 with 60 candidates,
# 0.921 with both (library 0.967); gold stories 1.00 in all three.
MAX_CANDIDATES = 60
MAX_NEIGHBOURHOOD = 150
# Features kept in memory between assignments (about 50 kB each): several neighbourhoods.
FEATURES_KEPT = 3000


def _anchor_key(f: Features) -> tuple[dt.date, str]:
    return (f.published or dt.date.min, f.article_id)


class DeskStories:
    """Stories kept on a desk's database; see the module docstring."""

    def __init__(self, engine: Engine, config: AssignConfig | None = None, max_candidates: int | None = None) -> None:
        self.engine = engine
        self.config = config or AssignConfig()
        self.max_candidates = MAX_CANDIDATES if max_candidates is None else max_candidates
        self.max_neighbourhood = MAX_NEIGHBOURHOOD
        # Features of recently read reports, by article id: a stored report's features never
        # change (an older storydesk's are recomputed before they are returned), and the
        # neighbourhoods of reports added in date order overlap, so most are read once.
        self._features: OrderedDict[str, Features] = OrderedDict()
        self._features_lock = threading.Lock()

    def _write(self) -> Connection:
        return self.engine.connect().execution_options(**{WRITE_OPTION: True})

    # -- assignment ----------------------------------------------------------------------------

    def assign(self, article_id: str, case: CaseFile | None = None) -> WhatsNew | None:
        """Put a stored report in a story (an existing one, or its own); returns what it brings
        to that story. None for a superseded version (its newer version is assigned instead)."""
        with self._write() as connection, connection.begin():
            placed = self._place(connection, article_id, case)
            if placed is None:
                return None
            assigner, cluster, changed, groups, _found = placed
            cases = db.case_files(connection, [a for g in groups for a in g if a != article_id or case is None])
            if case is not None:
                cases[article_id] = case
            seen = db.appearances(connection, list(cases))
            built = [self._group(assigner, g, cases, seen) for g in groups]
            db.write_groups(connection, changed, built)
            story = built[0].story
        return whats_new(story, article_id, new_story=cluster == [article_id])

    def place(self, article_id: str, case: CaseFile | None = None) -> Placed | None:
        """Put a stored report in a story as :meth:`assign` does, the same memberships and
        scores, but leave the summaries of the stories it changed to :meth:`summarise_pending`
        (no case file is read, no story built): what a corpus load wants, where building every
        story again for each of its reports would cost more than everything else. None for a
        superseded version."""
        with self._write() as connection, connection.begin():
            placed = self._place(connection, article_id, case)
            if placed is None:
                return None
            assigner, cluster, changed, groups, found = placed
            named = [(story_id(min(g, key=lambda a: _anchor_key(found[a]))), g) for g in groups]
            db.write_members(connection, changed, [(sid, g, self._scores(assigner, g)) for sid, g in named])
        return Placed(article_id=article_id, story_id=named[0][0], new_story=cluster == [article_id])

    def summarise_pending(self, on_progress: Callable[[int, int], None] | None = None) -> int:
        """Build and write the summary of every story that has members but no summary (left by
        :meth:`place`, or by a run killed between the two); returns how many. One transaction
        per story; ``on_progress(done, total)`` after each."""
        with self.engine.connect() as connection:
            waiting = db.unsummarised(connection)
        for done, sid in enumerate(waiting, 1):
            with self._write() as connection, connection.begin():
                db.lock(connection)
                ids = db.members(connection, [sid]).get(sid, [])
                if ids and not db.has_summary(connection, sid):
                    db.write_groups(connection, [sid], [self._stored_group(connection, ids)[0]])
            if on_progress is not None:
                on_progress(done, len(waiting))
        return len(waiting)

    def _place(
        self, connection: Connection, article_id: str, case: CaseFile | None = None
    ) -> tuple[Assigner, list[str], set[str], list[list[str]], dict[str, Features]] | None:
        """Decide the story of a stored report, in the caller's write transaction: the assigner
        (for scores), the report's cluster, the stories it changes (ids) and the groups that
        replace them (the cluster first), and the features read. None for a superseded version."""
        db.lock(connection)
        published, superseded, previous_id = db.article_state(connection, article_id)
        if superseded:
            return None
        db.ensure_indexed(connection, article_id, case)
        shrunk: set[str] = set()  # the story that loses the report's previous version
        if previous_id is not None:
            old = db.drop_membership(connection, previous_id)
            if old is not None:
                shrunk.add(old)
        keys = db.selective_keys(connection, db.keys_of(connection, article_id), self.config.index.max_block)
        ranked = db.candidates(
            connection, article_id, keys, published, self.config.index.window_days, limit=self.max_candidates
        )
        before = self._neighbourhood(connection, ranked, shrunk)
        hood = sorted({article_id, *(a for m in before.values() for a in m)})
        found = self._read_features(connection, hood)
        assigner = self._assigner(found, db.corrections(connection))
        cluster = assigner.story_of(article_id)
        # Only stories that give reports to the cluster (or lost the previous version) change;
        # every other candidate story keeps its members, so it is neither rebuilt nor rewritten.
        changed = shrunk | {sid for sid, ids in before.items() if not set(ids).isdisjoint(cluster)}
        rests = [sorted(set(before[sid]) - set(cluster)) for sid in sorted(changed) if sid in before]
        return assigner, cluster, changed, [cluster, *(rest for rest in rests if rest)], found

    def refresh(self, article_id: str) -> Story | None:
        """Rewrite the story of a report whose text was seen at a new place (a mirror): the
        same members, with the new appearance among its outlets. None when it is in no story."""
        with self._write() as connection, connection.begin():
            db.lock(connection)
            found = db.story_of(connection, [article_id]).get(article_id)
            if found is None:
                return None
            group = self._stored_group(connection, db.members(connection, [found]).get(found, []))[0]
            db.write_groups(connection, [found], [group])
        return group.story

    def assign_pending(
        self, on_story: Callable[[str, WhatsNew | None], None] | None = None, *, summarise: bool = True
    ) -> int:
        """Assign every current report that is in no story yet (stored before stories were
        kept, or by a run killed between its commit and its assignment), oldest first. With
        ``summarise`` False they are placed (:meth:`place`), their stories summarised later."""
        with self.engine.connect() as connection:
            waiting = db.pending(connection)
        for article_id in waiting:
            if summarise:
                made = self.assign(article_id)
                if on_story is not None:
                    on_story(article_id, made)
            else:
                self.place(article_id)
        if summarise:
            self.summarise_pending()
        return len(waiting)

    def rebuild(self) -> int:
        """Cluster every current report at once (with every correction) and rewrite all stories.
        Returns the number of stories."""
        self.assign_pending()  # every report indexed and in a story first
        with self._write() as connection, connection.begin():
            db.lock(connection)
            db.refresh_stale(connection)
            assigner = Assigner(self.config)
            for found in db.all_features(connection):
                assigner.index.add(found)
            for correction in effective(db.corrections(connection)):
                assigner.correct(correction)
            clusters = assigner.stories()
            db.clear(connection)
            for cluster in clusters:
                cases = db.case_files(connection, cluster)
                seen = db.appearances(connection, cluster)
                db.write_groups(connection, (), [self._group(assigner, cluster, cases, seen)])
        return len(clusters)

    def _read_features(self, connection: Connection, article_ids: Sequence[str]) -> dict[str, Features]:
        with self._features_lock:
            found = {a: f for a in article_ids if (f := self._features.get(a)) is not None}
        missing = [a for a in article_ids if a not in found]
        if missing:
            found.update(db.features(connection, missing))
        with self._features_lock:
            for article_id in article_ids:
                if article_id in found:
                    self._features[article_id] = found[article_id]
                    self._features.move_to_end(article_id)
            while len(self._features) > FEATURES_KEPT:
                self._features.popitem(last=False)
        return found

    def _neighbourhood(self, connection: Connection, ranked: Sequence[str], shrunk: set[str]) -> dict[str, list[str]]:
        """The stories of the candidates (best candidates' first), with their members, while
        they hold at most ``max_neighbourhood`` reports in all (the best one always), and the
        story that lost the report's previous version."""
        owner = db.story_of(connection, ranked)
        order = list(dict.fromkeys(owner[a] for a in ranked if a in owner))
        found = db.members(connection, {*order, *shrunk})
        chosen: dict[str, list[str]] = {sid: found[sid] for sid in shrunk if sid in found}
        size = sum(len(ids) for ids in chosen.values())
        for sid in order:
            ids = found.get(sid, [])
            if chosen and size + len(ids) > self.max_neighbourhood:
                continue
            chosen[sid] = ids
            size += len(ids)
        return chosen

    def _assigner(self, found: dict[str, Features], corrections: Iterable[Correction]) -> Assigner:
        assigner = Assigner(self.config)
        for article_id in sorted(found):
            assigner.index.add(found[article_id])
        for correction in effective(corrections):
            assigner.correct(correction)
        assigner.prime(found)  # a neighbourhood is small: every pair at once, as matrices
        return assigner

    def _group(
        self,
        assigner: Assigner,
        members: Sequence[str],
        cases: dict[str, CaseFile],
        seen: Mapping[str, Sequence[Appearance]] | None = None,
    ) -> Group:
        corrected = frozenset(a for c in assigner.corrections for a in c.articles if a in members)
        scores = self._scores(assigner, members)
        story = build_story([cases[a] for a in members], corrected=corrected, scores=scores, appearances=seen)
        return Group(story=story, scores=scores)

    @staticmethod
    def _scores(assigner: Assigner, members: Sequence[str]) -> dict[str, float]:
        """Each member's mean similarity to the rest of its story (none for a story of one)."""
        return {
            a: round(sum(assigner.similarity(a, b) for b in members if b != a) / (len(members) - 1), 4)
            for a in members
            if len(members) > 1
        }

    # -- reading -------------------------------------------------------------------------------

    def listing(self, *, since: dt.date | None = None, limit: int | None = None) -> list[StoryRow]:
        with self.engine.connect() as connection:
            return db.listing(connection, since=since, limit=limit)

    def story(self, ref: str) -> Story:
        """A story by its id, or the story of an article id (or unique prefix)."""
        return self.story_with_cases(ref)[0]

    def story_with_cases(self, ref: str) -> tuple[Story, dict[str, CaseFile]]:
        with self.engine.connect() as connection:
            found = db.resolve_story(connection, ref)
            ids = db.members(connection, [found]).get(found, [])
            if not ids:
                raise errors.no_story(ref)
            group, cases = self._stored_group(connection, ids)
        return group.story, cases

    @staticmethod
    def _stored_group(connection: Connection, ids: Sequence[str]) -> tuple[Group, dict[str, CaseFile]]:
        """The story of these stored members as the desk has them (their scores, appearances
        and the corrections in force), and their case files."""
        cases = db.case_files(connection, ids)
        scores = db.scores(connection, ids)
        seen = db.appearances(connection, ids)
        in_force = effective(db.corrections(connection))
        corrected = frozenset(a for c in in_force for a in c.articles if a in cases)
        story = build_story(list(cases.values()), corrected=corrected, scores=scores, appearances=seen)
        return Group(story=story, scores=scores), cases

    # -- corrections ---------------------------------------------------------------------------

    def move(self, article_ref: str, story_ref: str, *, made_by: str) -> CorrectionMade:
        """Put a report in another story; kept as a correction, re-applied on every assignment."""
        with self._write() as connection, connection.begin():
            db.lock(connection)
            article_id = resolve_id(connection, article_ref)
            source = db.resolve_story(connection, article_id)
            target = db.resolve_story(connection, story_ref)
            if source == target:
                raise errors.bad_correction(f"report {article_id} is already in story {target}")
            before = db.members(connection, [source, target])
            found = db.features(connection, before[target])
            anchor = min(found.values(), key=_anchor_key).article_id
            correction = Correction(
                kind="move",
                articles=[article_id],
                target=anchor,
                apart_from=[a for a in before[source] if a != article_id],
            )
            return CorrectionMade(correction, self._apply(connection, correction, before, made_by=made_by))

    def split(self, article_refs: Sequence[str], *, made_by: str) -> CorrectionMade:
        """Make these reports a story of their own, apart from the rest of their stories."""
        if not article_refs:
            raise errors.bad_correction("name the reports to split off")
        with self._write() as connection, connection.begin():
            db.lock(connection)
            ids = sorted({resolve_id(connection, ref) for ref in article_refs})
            before = db.members(connection, {db.resolve_story(connection, a) for a in ids})
            rest = sorted({a for m in before.values() for a in m} - set(ids))
            if not rest:
                raise errors.bad_correction("these reports already make a story of their own")
            correction = Correction(kind="split", articles=ids, apart_from=rest)
            return CorrectionMade(correction, self._apply(connection, correction, before, made_by=made_by))

    def _apply(
        self, connection: Connection, correction: Correction, before: dict[str, list[str]], *, made_by: str = ""
    ) -> dict[str, str]:
        db.add_correction(connection, correction, made_by or "unknown")
        union = sorted({a for m in before.values() for a in m})
        assigner = self._assigner(db.features(connection, union), db.corrections(connection))
        cases = db.case_files(connection, union)
        seen = db.appearances(connection, union)
        built = [self._group(assigner, cluster, cases, seen) for cluster in assigner.stories()]
        db.write_groups(connection, before, built)
        return {m.article_id: g.story.id for g in built for m in g.story.members if m.article_id in correction.articles}
