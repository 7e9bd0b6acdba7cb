"""People across documents: a person one document names by surname only gets the id of the one
person the ledger knows by full name with that surname.

Within a document extraction already links "Whitfield" to "Colonel Dana Whitfield"
(``names.link_people``). A transcript that only says "COL. WHITFIELD:" cannot see the briefing
that gave the full name, so its mentions and speakers get an id of their own (or none). This
stage, the first of ``claimledger link``, looks at the ledger as a whole:

1. full names: the PERSON entity ids whose canonical name has two words or more, by surname
   (mentions this stage rewrote do not count: they are not what a document wrote);
2. undo: every earlier resolution is chosen again (rule 4) on the ledger as it is now; a row
   whose surname no longer picks the person it went to (a second "... Whitfield" has arrived and
   no title tells which one the row meant) gets back what extraction gave it: its one-word name,
   its own entity id or none, and its roles (the parts this stage merged into the person's role
   rows are taken out again, see ``person_link_roles``);
3. surnames: PERSON mentions whose canonical name is one word, and quote and claim speakers whose
   name is one word, with no entity id or that one-word person's id;
4. a surname is resolved when exactly one full-name person has it; when several do, by title:
   "ADM. CALDER" is the one Calder whose roles include admiral ("Admiral Tom Calder", not
   "Senator Ruth Calder"), document by document for mentions and role by role for speakers. A
   surname several people share with no title to tell them apart ("CALDER:" alone, or
   "Clinton" with both Hillary and Bill Clinton) stays as it is: skipping is better than a wrong
   link. Titles are the persons' own roles, not those this stage gave them;
5. the rows are rewritten, one statement per distinct name rather than per row: mentions get the
   person's id and full canonical name (their ``text`` stays as written); speakers get the id
   and the full name (their role stays); the mentions' roles (``entity_roles``) move to the
   person, merged with a row the person already has for the same role and document; a resolved
   speaker's role is added there too when the document gives it no other way. What each row was
   before is written to ``person_links`` and ``person_link_roles`` (migration 0008), which is
   what step 2 reads.

Speakers named in full but without an id ("Dana Whitfield", found by a cue the entity
recognizer missed) get the id of the PERSON entity with exactly that name; that never depends on
other documents, so it is not recorded and never undone.

A resolved row no longer has a one-word name and an undone row is chosen again only when the
choice has changed, so running ``link`` again changes nothing. A row undone because a title
now picks the other person goes on to that person in the same pass.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from claimledger.ids import make_id
from claimledger.store.base import INSERT_ROLE, Ledger
from claimledger.values import names

Titles = dict[tuple[str, str | None], frozenset[str]]


@dataclass(frozen=True, slots=True)
class Person:
    """A full-name person of the ledger: entity id and the canonical name most mentions use."""

    entity: str
    name: str


@dataclass(slots=True)
class PeopleSummary:
    """What one resolution pass did: surnames resolved, rows rewritten, surnames left ambiguous,
    rows given back because their surname no longer picks the person they went to."""

    surnames: int = 0
    by_title: int = 0  # of those, (surname, person) pairs told apart by a title
    mentions: int = 0
    speakers: int = 0
    roles: int = 0
    ambiguous: int = 0
    undone: int = 0  # mention and speaker rows given back (counted again above if a title moved them on)

    def record(self) -> dict[str, int]:
        return {"surnames": self.surnames, "by_title": self.by_title, "mentions": self.mentions,
                "speakers": self.speakers, "roles": self.roles, "ambiguous": self.ambiguous,
                "undone": self.undone}


def person_id(name: str) -> str:
    """The entity id extraction gives a person of this name (``extract.entities``)."""
    return make_id("entity", "person", names.name_key(name))


def _words(name: str) -> list[str]:
    return names.name_key(names.split_role(name).name).split()


def full_names(ledger: Ledger) -> dict[str, list[Person]]:
    """Surname key -> the distinct full-name persons of the ledger with that surname (mentions
    as documents wrote them: not those this stage rewrote)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in ledger.iter_query(
        "SELECT entity, canonical, count(*) AS n FROM entities WHERE label = 'PERSON' "
        "AND entity IS NOT NULL AND canonical IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person_links l "
        "WHERE l.kind = 'mention' AND l.id = entities.id) GROUP BY entity, canonical"
    ):
        if len(_words(row["canonical"])) >= 2:
            counts[row["entity"]][row["canonical"]] += int(row["n"])
    by_surname: dict[str, list[Person]] = defaultdict(list)
    for entity, written in sorted(counts.items()):
        name = min(written, key=lambda w: (-written[w], w))  # the most used form, then the first
        by_surname[names.surname_key(name)].append(Person(entity, name))
    return by_surname


def titles(ledger: Ledger) -> Titles:
    """(entity, doc) -> the title words of the entity's roles in that document, and
    (entity, None) -> those of all its documents: the roles as extraction gave them (a person's
    row as it was before this stage merged into it, a one-word id's rows where they were)."""
    out: Titles = defaultdict(frozenset)
    for row in ledger.iter_query(
        "SELECT entity, doc, role FROM entity_roles r WHERE NOT EXISTS (SELECT 1 FROM person_link_roles p "
        "WHERE p.person = r.entity AND p.role_key = r.role_key AND p.doc = r.doc) "
        "UNION ALL SELECT source, doc, role FROM person_link_roles WHERE source <> ''"
    ):
        words = names.title_words(row["role"])
        out[row["entity"], row["doc"]] |= words
        out[row["entity"], None] |= words
    return out


def choose(persons: dict[str, list[Person]], known_titles: Titles, word: str,
           title: frozenset[str] = frozenset()) -> tuple[Person | None, str]:
    """The person a one-word name with these title words is, and why: "only" (the one full name
    with the surname), "title" (the one whose roles share the title), "ambiguous" or "unknown"."""
    found = persons.get(names.surname_key(word), [])
    if len(found) == 1:
        return found[0], "only"
    fits = [p for p in found if known_titles.get((p.entity, None), frozenset()) & title]
    if len(fits) == 1:
        return fits[0], "title"
    return None, "ambiguous" if found else "unknown"


def _title_text(words: frozenset[str] | None) -> str:
    return " ".join(sorted(words or ()))


def resolve_people(ledger: Ledger) -> PeopleSummary:
    """Give surname-only people the id and name of the one full-name person with that surname
    (or, when several have it, of the one whose roles share the surname-only person's title),
    after giving back the rows an earlier pass resolved that the ledger no longer resolves so."""
    summary = PeopleSummary()
    persons = full_names(ledger)
    known_titles = titles(ledger)
    by_key = {names.name_key(p.name): p for found in persons.values() for p in found}
    resolved: dict[str, Person] = {}  # surname key -> person
    by_title: set[tuple[str, str]] = set()
    ambiguous: set[str] = set()

    def pick(word: str, title: frozenset[str] = frozenset()) -> Person | None:
        return choose(persons, known_titles, word, title)[0]

    def match(word: str, title: frozenset[str] = frozenset()) -> Person | None:
        key = names.surname_key(word)
        person, why = choose(persons, known_titles, word, title)
        if person is not None and why == "only":
            resolved[key] = person
        elif person is not None:
            by_title.add((key, person.entity))
        elif why == "ambiguous":
            ambiguous.add(key)
        return person

    cursor = ledger.connection.cursor()
    try:
        # 2. earlier resolutions the ledger no longer supports are given back
        summary.undone = _undo_rows(ledger, cursor, pick)
        _undo_roles(ledger, cursor, pick)
        # 3-5a. mentions: one UPDATE per one-word person id (per document when a title decides)
        moved: dict[tuple[str, str | None], Person] = {}  # (one-word person id, doc or all) -> person
        for row in ledger.query(
            "SELECT entity, canonical, doc FROM entities WHERE label = 'PERSON' "
            "AND entity IS NOT NULL AND canonical IS NOT NULL GROUP BY entity, canonical, doc ORDER BY entity, doc"
        ):
            single = row["entity"]
            if len(_words(row["canonical"])) != 1 or (single, None) in moved:
                continue
            shared = len(persons.get(names.surname_key(row["canonical"]), [])) > 1
            person = match(row["canonical"], known_titles.get((single, row["doc"]), frozenset()))
            if person is not None and person.entity != single:
                moved[single, row["doc"] if shared else None] = person
        for (single, doc), person in sorted(moved.items(), key=lambda item: (item[0][0], item[0][1] or "")):
            in_doc = "" if doc is None else " AND doc = ?"
            params = (single, *([] if doc is None else [doc]))
            _record(ledger, cursor, "mention", person, known_titles, ledger.query(
                f"SELECT id, doc, canonical AS name, entity FROM entities WHERE label = 'PERSON' "
                f"AND entity = ?{in_doc}", params))
            cursor.execute(ledger.sql(
                f"UPDATE entities SET entity = ?, canonical = ? WHERE label = 'PERSON' AND entity = ?{in_doc}"
            ), (person.entity, person.name, *params))
            summary.mentions += max(cursor.rowcount, 0)
        summary.roles += _move_roles(ledger, cursor, moved, known_titles)
        # 3-5b. speakers of quotes and claims: one UPDATE per distinct (name, entity, role)
        for table in ("quotes", "claims"):
            speakers, roles = _speakers(ledger, cursor, table, match, by_key)
            summary.speakers += speakers
            summary.roles += roles
        ledger.commit()
    except BaseException:
        ledger.connection.rollback()
        raise
    summary.surnames = len(set(resolved) | {key for key, _ in by_title})
    summary.by_title = len(by_title)
    summary.ambiguous = len(ambiguous)
    return summary


_RECORD = ("INSERT INTO person_links (kind, id, doc, name, entity, title, person) VALUES (?, ?, ?, ?, ?, ?, ?) "
           "ON CONFLICT (kind, id) DO NOTHING")  # a row's first record is what extraction gave it
_RECORD_ROLE = ('INSERT INTO person_link_roles (person, role_key, doc, source, name, role, date, start, "end", '
                "mentions, title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")


def _record(ledger: Ledger, cursor: Any, kind: str, person: Person, known_titles: Titles,
            rows: Iterable[dict[str, Any]], title: frozenset[str] | None = None) -> None:
    """Write what these rows (id, doc, name, entity) were before they go to ``person``; the title
    is the speaker's, or for mentions the one-word id's roles in the row's document."""
    cursor.executemany(ledger.sql(_RECORD), [
        (kind, row["id"], row["doc"], row["name"], row["entity"],
         _title_text(title if title is not None else known_titles.get((row["entity"], row["doc"]))), person.entity)
        for row in rows])


# kind -> (table, entity column, name column) of the rows person_links records
_ROWS = {"mention": ("entities", "entity", "canonical"), "quote": ("quotes", "speaker_entity", "speaker_name"),
         "claim": ("claims", "speaker_entity", "speaker_name")}


def _undo_rows(ledger: Ledger, cursor: Any, pick: Callable[[str, frozenset[str]], Person | None]) -> int:
    """Give the recorded mention and speaker rows whose name and title no longer pick the person
    they went to their name and entity id back; rows given back."""
    undone = 0
    for row in ledger.query("SELECT kind, id, name, entity, title, person FROM person_links ORDER BY kind, id"):
        if not _lost(pick, row["name"], row["title"], row["person"]):
            continue
        table, entity, name = _ROWS[row["kind"]]
        cursor.execute(ledger.sql(f"UPDATE {table} SET {entity} = ?, {name} = ? WHERE id = ? AND {entity} = ?"),
                       (row["entity"], row["name"], row["id"], row["person"]))
        undone += max(cursor.rowcount, 0)
        cursor.execute(ledger.sql("DELETE FROM person_links WHERE kind = ? AND id = ?"), (row["kind"], row["id"]))
    return undone


def _undo_roles(ledger: Ledger, cursor: Any, pick: Callable[[str, frozenset[str]], Person | None]) -> None:
    """Take the parts whose name and title no longer pick their person out of the person's role
    rows: a moved row goes back to its one-word id, an added one goes, and the person's row is
    its remaining parts merged again (the row it had before first)."""
    parts = ledger.query(
        'SELECT person, role_key, doc, source, name, role, date, start, "end", mentions, title '
        "FROM person_link_roles ORDER BY person, role_key, doc, source")
    for (entity, key, doc), rows in groupby(parts, key=lambda p: (p["person"], p["role_key"], p["doc"])):
        group = list(rows)
        gone = [p for p in group if p["source"] != entity and _lost(pick, p["name"], p["title"], entity)]
        if not gone:
            continue
        for part in gone:
            if part["source"]:
                cursor.execute(ledger.sql(INSERT_ROLE + " ON CONFLICT DO NOTHING"), (
                    part["source"], key, doc, part["name"], part["role"], part["date"], part["start"],
                    part["end"], part["mentions"]))
            cursor.execute(ledger.sql("DELETE FROM person_link_roles WHERE person = ? AND role_key = ? AND doc = ? "
                                      "AND source = ?"), (entity, key, doc, part["source"]))
        kept = sorted((p for p in group if p not in gone), key=lambda p: p["source"] != entity)
        row = ledger.query("SELECT name FROM entity_roles WHERE entity = ? AND role_key = ? AND doc = ?",
                           (entity, key, doc))
        cursor.execute(ledger.sql("DELETE FROM entity_roles WHERE entity = ? AND role_key = ? AND doc = ?"),
                       (entity, key, doc))
        if not kept or not row:
            continue
        first = kept[0]
        start, end, mentions = first["start"], first["end"], 0
        for part in kept:  # merged as _MERGE_ROLE merges: mentions added, the first start kept
            mentions += part["mentions"]
            if part["start"] < start:
                start, end = part["start"], part["end"]
        cursor.execute(ledger.sql(INSERT_ROLE), (entity, key, doc, row[0]["name"], first["role"], first["date"],
                                                 start, end, mentions))
        if [p["source"] for p in kept] == [entity]:  # the person's own row, as it was: nothing to record
            cursor.execute(ledger.sql("DELETE FROM person_link_roles WHERE person = ? AND role_key = ? AND doc = ?"),
                           (entity, key, doc))


def _lost(pick: Callable[[str, frozenset[str]], Person | None], name: str, title: str, person: str) -> bool:
    """Whether a recorded name and title no longer pick the person they went to."""
    found = pick(name, frozenset(title.split()))
    return found is None or found.entity != person


def _speakers(ledger: Ledger, cursor: Any, table: str, match: Callable[[str, frozenset[str]], Person | None],
              by_key: dict[str, Person]) -> tuple[int, int]:
    """Rewrite the surname-only (and id-less full-name) speakers of ``table``, one statement per
    name, id and role; rows changed and role rows added."""
    changed = roles = 0
    for row in ledger.query(
        f"SELECT speaker_name, speaker_entity, speaker_role FROM {table} WHERE speaker_name IS NOT NULL "
        "AND speaker_anonymous = 0 GROUP BY speaker_name, speaker_entity, speaker_role "
        "ORDER BY speaker_name, speaker_entity, speaker_role"
    ):
        name, entity, role = row["speaker_name"], row["speaker_entity"], row["speaker_role"]
        words = _words(name)
        found: Person | None = None
        update, params = "", []
        title = names.title_words(role or "")
        surname = len(words) == 1 and entity in (None, person_id(name))
        if surname:
            found = match(name, title)
            if found is not None:
                update, params = "speaker_entity = ?, speaker_name = ?", [found.entity, found.name]
        elif len(words) >= 2 and entity is None:
            found = by_key.get(" ".join(words))
            if found is not None:
                update, params = "speaker_entity = ?", [found.entity]
        if found is None or found.entity == entity:
            continue
        if table == "quotes" and entity is None:
            roles += _speaker_roles(ledger, cursor, name, role, found, title if surname else None)
        same_entity = "speaker_entity IS NULL" if entity is None else "speaker_entity = ?"
        same_role = "speaker_role IS NULL" if role is None else "speaker_role = ?"
        where = f"speaker_name = ? AND {same_entity} AND {same_role} AND speaker_anonymous = 0"
        keys = (name, *([] if entity is None else [entity]), *([] if role is None else [role]))
        if surname:
            _record(ledger, cursor, {"quotes": "quote", "claims": "claim"}[table], found, {}, ledger.query(
                f"SELECT id, doc, speaker_name AS name, speaker_entity AS entity FROM {table} WHERE {where}", keys),
                title)
        cursor.execute(ledger.sql(f"UPDATE {table} SET {update} WHERE {where}"), (*params, *keys))
        changed += max(cursor.rowcount, 0)
    return changed, roles


_MERGE_ROLE = (
    INSERT_ROLE + " ON CONFLICT (entity, role_key, doc) DO UPDATE SET "
    "mentions = entity_roles.mentions + excluded.mentions, "
    "start = CASE WHEN excluded.start < entity_roles.start THEN excluded.start ELSE entity_roles.start END, "
    '"end" = CASE WHEN excluded.start < entity_roles.start THEN excluded."end" ELSE entity_roles."end" END'
)
_ROLE_COLUMNS = 'name, role, date, start, "end", mentions'


def _move_roles(ledger: Ledger, cursor: Any, moved: dict[tuple[str, str | None], Person],
                known_titles: Titles) -> int:
    """Move the role rows of the resolved one-word ids (in all documents, or in the one that
    decided) to their person, recording each as a part of the person's row (and the row the
    person had there before, the first time); rows moved."""
    singles = sorted({single for single, _ in moved})
    if not singles:
        return 0
    marks = ", ".join("?" for _ in singles)
    rows = ledger.query(
        f"SELECT entity, role_key, doc, {_ROLE_COLUMNS} FROM entity_roles "
        f"WHERE entity IN ({marks}) ORDER BY entity, role_key, doc", singles)
    count = 0
    for row in rows:
        person = moved.get((row["entity"], None)) or moved.get((row["entity"], row["doc"]))
        if person is None:
            continue
        target = (person.entity, row["role_key"], row["doc"])
        had = ledger.query(f'SELECT {_ROLE_COLUMNS} FROM entity_roles WHERE entity = ? AND role_key = ? AND doc = ?',
                           target)
        if had and not ledger.query("SELECT 1 AS one FROM person_link_roles WHERE person = ? AND role_key = ? "
                                    "AND doc = ?", target):
            _record_role(ledger, cursor, target, person.entity, had[0], frozenset())
        _record_role(ledger, cursor, target, row["entity"], row, known_titles.get((row["entity"], row["doc"])))
        cursor.execute(ledger.sql(_MERGE_ROLE), (
            person.entity, row["role_key"], row["doc"], person.name, row["role"], row["date"],
            row["start"], row["end"], row["mentions"]))
        cursor.execute(ledger.sql("DELETE FROM entity_roles WHERE entity = ? AND role_key = ? AND doc = ?"),
                       (row["entity"], row["role_key"], row["doc"]))
        count += 1
    return count


def _record_role(ledger: Ledger, cursor: Any, target: tuple[str, str, str], source: str, part: dict[str, Any],
                 title: frozenset[str] | None) -> None:
    cursor.execute(ledger.sql(_RECORD_ROLE), (*target, source, part["name"], part["role"], part["date"],
                                              part["start"], part["end"], part["mentions"], _title_text(title)))


def _speaker_roles(ledger: Ledger, cursor: Any, name: str, role: str | None, person: Person,
                   title: frozenset[str] | None) -> int:
    """Role rows for the quotes of an id-less speaker about to get ``person``, as ingest makes them
    for speakers with an id: one per role and document, at the first quote, unless the person
    already has that role there; rows added. With ``title`` (a surname resolution) each row added
    is recorded, so that it can be taken out again."""
    have = {(r["role_key"], r["doc"]) for r in ledger.query(
        "SELECT role_key, doc FROM entity_roles WHERE entity = ?", (person.entity,))}
    added = 0
    for row in ledger.query(
        'SELECT q.speaker_role, q.doc, q.start, q."end", d.published_date FROM quotes q '
        "JOIN documents d ON d.id = q.doc WHERE q.speaker_name = ? AND q.speaker_entity IS NULL "
        'AND q.speaker_role = ? AND q.speaker_anonymous = 0 ORDER BY q.doc, q.start, q."end"',
        (name, role),
    ):
        shown = names.clean_role(row["speaker_role"])
        key = names.role_key(shown)
        if not key or (key, row["doc"]) in have:
            continue
        have.add((key, row["doc"]))
        values = {"name": name, "role": shown, "date": row["published_date"], "start": row["start"],
                  "end": row["end"], "mentions": 1}
        if title is not None:
            _record_role(ledger, cursor, (person.entity, key, row["doc"]), "", values, title)
        cursor.execute(ledger.sql(INSERT_ROLE + " ON CONFLICT DO NOTHING"), (
            person.entity, key, row["doc"], person.name, shown, row["published_date"], row["start"], row["end"], 1))
        added += 1
    return added
