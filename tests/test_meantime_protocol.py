"""MEANTIME scorer protocol: only the fully annotated sentences are scored (issue 4, round 6).

The XML sample is written for this test (fictional names), shaped like a MEANTIME file: typed
mentions in the first sentences, a later mention with no syntactic type (an event participant).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.evaluation import meantime


def _sample(sentences: int) -> str:
    tokens = []
    for number in range(sentences):
        tokens.append(f'<token number="{2 * number}" sentence="{number}" t_id="{2 * number + 1}">Velmont</token>')
        tokens.append(f'<token number="{2 * number + 1}" sentence="{number}" t_id="{2 * number + 2}">grew</token>')
    last = 2 * (sentences - 1) + 1
    return f"""<?xml version="1.0" ?><Document doc_id="1" doc_name="sample">
{chr(10).join(tokens)}
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2"><token_anchor t_id="{last}"/></ENTITY_MENTION>
<ENTITY ent_type="ORG" m_id="10"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="2"/><target m_id="10"/></REFERS_TO>
</Relations></Document>"""


def test_predictions_after_the_annotated_sentences_are_not_scored(tmp_path: Path) -> None:
    path = tmp_path / "sample.xml"
    path.write_text(_sample(9), encoding="utf-8")
    gold = meantime.read_document(path)
    lines = gold.text.split("\n")
    assert len(lines) == 9 and gold.mentions == ((0, 7, "ORG"),)  # the untyped mention is not gold
    assert gold.annotated_end == sum(len(line) + 1 for line in lines[:6]) - 1  # sentences 0-5
    starts = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines))]
    predicted = [(start, start + 7, "ORG") for start in starts]  # "Velmont" of every sentence
    scoped, whole = meantime._new(), meantime._new()
    scoped.add(gold.mentions, predicted, gold.annotated_end)
    whole.add(gold.mentions, predicted)
    assert scoped.prf()[0] == pytest.approx(1 / 6)  # six predictions in the annotated sentences
    assert whole.prf()[0] == pytest.approx(1 / 9)


def test_a_short_article_is_scored_whole(tmp_path: Path) -> None:
    path = tmp_path / "short.xml"
    path.write_text(_sample(3), encoding="utf-8")
    gold = meantime.read_document(path)
    assert gold.annotated_end == len(gold.text)
