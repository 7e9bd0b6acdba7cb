"""People across documents: a person one document names by surname only gets the id of the one
person the ledger knows by full name with that surname.

Within a document extraction already links "Whitfield" to "Colonel Dana Whitfield"
(``names.link_people``). A transcript that only says "COL. WHITFIELD:" cannot see the briefing
that gave the full name, so its mentions and speakers get an id of their own (or none). This
stage, the first of ``claimledger link``, looks at the ledger as a whole:

1. full names: the PERSON entity ids whose canonical name has two words or more, by surname;
2. surnames: PERSON mentions whose canonical name is one word, and quote and claim speakers whose
   name is one word, with no entity id or that one-word person's id;
3. a surname is resolved when exactly one full-name person has it; when several do, by title:
   "ADM. CALDER" is the one Calder whose roles include admiral ("Admiral Tom Calder", not
   "Senator Ruth Calder"), document by document for mentions and role by role for speakers. A
   surname several people share with no title to tell them apart ("CALDER:" alone, or
   "Clinton" with both Hillary and Bill Clinton) stays as it is: skipping is better than a wrong
   link;
4. the rows are rewritten, one statement per distinct name rather than per row: mentions get the
   person's id and full canonical name (their ``text`` stays as written); speakers get the id
   and the full name (their role stays); the mentions' roles (``entity_roles``) move to the
   person, merged with a row the person already has for the same role and document; a resolved
   speaker's role is added there too when the document gives it no other way.

Speakers named in full but without an id ("Dana Whitfield", found by a cue the entity
recognizer missed) get the id of the PERSON entity with exactly that name.

A resolved row no longer has a one-word name, so running ``link`` again changes nothing; an
earlier resolution is not undone when a second full name with the surname arrives later.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from claimledger.ids import make_id
from claimledger.store.base import INSERT_ROLE, Ledger
from claimledger.values import names


@dataclass(frozen=True, slots=True)
class Person:
    """A full-name person of the ledger: entity id and the canonical name most mentions use."""

    entity: str
    name: str


@dataclass(slots=True)
class PeopleSummary:
    """What one resolution pass did: surnames resolved, rows rewritten, surnames left ambiguous."""

    surnames: int = 0
    by_title: int = 0  # of those, (surname, person) pairs told apart by a title
    mentions: int = 0
    speakers: int = 0
    roles: int = 0
    ambiguous: int = 0

    def record(self) -> dict[str, int]:
        return {"surnames": self.surnames, "by_title": self.by_title, "mentions": self.mentions,
                "speakers": self.speakers, "roles": self.roles, "ambiguous": self.ambiguous}


def person_id(name: str) -> str:
    """The entity id extraction gives a person of this name (``extract.entities``)."""
    return make_id("entity", "person", names.name_key(name))


def _words(name: str) -> list[str]:
    return names.name_key(names.split_role(name).name).split()


def full_names(ledger: Ledger) -> dict[str, list[Person]]:
    """Surname key -> the distinct full-name persons of the ledger with that surname."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in ledger.iter_query(
        "SELECT entity, canonical, count(*) AS n FROM entities WHERE label = 'PERSON' "
        "AND entity IS NOT NULL AND canonical IS NOT NULL GROUP BY entity, canonical"
    ):
        if len(_words(row["canonical"])) >= 2:
            counts[row["entity"]][row["canonical"]] += int(row["n"])
    by_surname: dict[str, list[Person]] = defaultdict(list)
    for entity, written in sorted(counts.items()):
        name = min(written, key=lambda w: (-written[w], w))  # the most used form, then the first
        by_surname[names.surname_key(name)].append(Person(entity, name))
    return by_surname


def titles(ledger: Ledger) -> dict[tuple[str, str | None], frozenset[str]]:
    """(entity, doc) -> the title words of the entity's roles in that document, and
    (entity, None) -> those of all its documents."""
    out: dict[tuple[str, str | None], frozenset[str]] = defaultdict(frozenset)
    for row in ledger.iter_query("SELECT entity, doc, role FROM entity_roles"):
        words = names.title_words(row["role"])
        out[row["entity"], row["doc"]] |= words
        out[row["entity"], None] |= words
    return out


def resolve_people(ledger: Ledger) -> PeopleSummary:
    """Give surname-only people the id and name of the one full-name person with that surname
    (or, when several have it, of the one whose roles share the surname-only person's title)."""
    summary = PeopleSummary()
    persons = full_names(ledger)
    known_titles = titles(ledger)
    by_key = {names.name_key(p.name): p for found in persons.values() for p in found}
    resolved: dict[str, Person] = {}  # surname key -> person
    by_title: set[tuple[str, str]] = set()
    ambiguous: set[str] = set()

    def match(word: str, title: frozenset[str] = frozenset()) -> Person | None:
        key = names.surname_key(word)
        found = persons.get(key, [])
        if len(found) == 1:
            resolved[key] = found[0]
            return found[0]
        fits = [p for p in found if known_titles.get((p.entity, None), frozenset()) & title]
        if len(fits) == 1:
            by_title.add((key, fits[0].entity))
            return fits[0]
        if found:
            ambiguous.add(key)
        return None

    cursor = ledger.connection.cursor()
    try:
        # 2-4a. mentions: one UPDATE per one-word person id (per document when a title decides)
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
            cursor.execute(ledger.sql(
                f"UPDATE entities SET entity = ?, canonical = ? WHERE label = 'PERSON' AND entity = ?{in_doc}"
            ), (person.entity, person.name, single, *([] if doc is None else [doc])))
            summary.mentions += max(cursor.rowcount, 0)
        summary.roles += _move_roles(ledger, cursor, moved)
        # 2-4b. speakers of quotes and claims: one UPDATE per distinct (name, entity, role)
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
        if len(words) == 1 and entity in (None, person_id(name)):
            found = match(name, names.title_words(role or ""))
            if found is not None:
                update, params = "speaker_entity = ?, speaker_name = ?", [found.entity, found.name]
        elif len(words) >= 2 and entity is None:
            found = by_key.get(" ".join(words))
            if found is not None:
                update, params = "speaker_entity = ?", [found.entity]
        if found is None or found.entity == entity:
            continue
        if table == "quotes" and entity is None:
            roles += _speaker_roles(ledger, cursor, name, role, found.entity, found.name)
        same_entity = "speaker_entity IS NULL" if entity is None else "speaker_entity = ?"
        same_role = "speaker_role IS NULL" if role is None else "speaker_role = ?"
        cursor.execute(ledger.sql(
            f"UPDATE {table} SET {update} WHERE speaker_name = ? AND {same_entity} AND {same_role} "
            "AND speaker_anonymous = 0"
        ), (*params, name, *([] if entity is None else [entity]), *([] if role is None else [role])))
        changed += max(cursor.rowcount, 0)
    return changed, roles


_MERGE_ROLE = (
    INSERT_ROLE + " ON CONFLICT (entity, role_key, doc) DO UPDATE SET "
    "mentions = entity_roles.mentions + excluded.mentions, "
    "start = CASE WHEN excluded.start < entity_roles.start THEN excluded.start ELSE entity_roles.start END, "
    '"end" = CASE WHEN excluded.start < entity_roles.start THEN excluded."end" ELSE entity_roles."end" END'
)


def _move_roles(ledger: Ledger, cursor: Any, moved: dict[tuple[str, str | None], Person]) -> int:
    """Move the role rows of the resolved one-word ids (in all documents, or in the one that
    decided) to their person; rows moved."""
    singles = sorted({single for single, _ in moved})
    if not singles:
        return 0
    marks = ", ".join("?" for _ in singles)
    rows = ledger.query(
        'SELECT entity, role_key, doc, role, date, start, "end", mentions FROM entity_roles '
        f"WHERE entity IN ({marks}) ORDER BY entity, role_key, doc", singles)
    count = 0
    for row in rows:
        person = moved.get((row["entity"], None)) or moved.get((row["entity"], row["doc"]))
        if person is None:
            continue
        cursor.execute(ledger.sql(_MERGE_ROLE), (
            person.entity, row["role_key"], row["doc"], person.name, row["role"], row["date"],
            row["start"], row["end"], row["mentions"]))
        cursor.execute(ledger.sql("DELETE FROM entity_roles WHERE entity = ? AND role_key = ? AND doc = ?"),
                       (row["entity"], row["role_key"], row["doc"]))
        count += 1
    return count


def _speaker_roles(ledger: Ledger, cursor: Any, name: str, role: str | None, entity: str, full_name: str) -> int:
    """Role rows for the quotes of an id-less speaker about to get ``entity``, as ingest makes them
    for speakers with an id: one per role and document, at the first quote, unless the person
    already has that role there; rows added."""
    have = {(r["role_key"], r["doc"]) for r in ledger.query(
        "SELECT role_key, doc FROM entity_roles WHERE entity = ?", (entity,))}
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
        cursor.execute(ledger.sql(INSERT_ROLE + " ON CONFLICT DO NOTHING"), (
            entity, key, row["doc"], full_name, shown, row["published_date"], row["start"], row["end"], 1))
        added += 1
    return added
