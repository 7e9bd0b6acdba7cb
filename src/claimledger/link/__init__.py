"""Across sources: metrics, relations between claims, and checking a claim against the corpus.

The flow of ``claimledger link``::

    people.resolve_people()    a surname-only person ("COL. WHITFIELD:") gets the id and full
                               name of the one full-name person of the ledger with that surname
      -> corpus.load(ledger)   claims with their quantities, places, topics and dates
      -> metrics.assign()      one metric key per claim that measures something (UPDATE claims)
      -> candidates.pairs()    blocking: same metric, same topic + place, near-identical text;
                               never all pairs (a sliding window in time inside big blocks)
      -> relations.decide()    agree / contradict / update / duplicate / same_metric, only through
                               intervals (values) and dates (DateValue), with one readable sentence
      -> ledger.replace_links()

``check.check_text()`` runs the same decisions between a new claim and the stored ones, and
``read`` answers ``conflicts`` and ``timeline``.
"""

from __future__ import annotations

from claimledger.link.linker import LinkSummary, link_ledger

__all__ = ["LinkSummary", "link_ledger"]
