"""The desk finds a report's copies as it is written, from its LSH index, on both backends."""

from __future__ import annotations

from storydesk import analyze
from storydesk.store import Desk

BODY = [
    "A lorry shed its load of timber across both lanes of the Brackwater bypass on Thursday morning.",
    "Traffic was held for more than three hours while crews cleared the carriageway near the Mill Lane junction.",
    "Nobody was hurt, Harwood County Police said, but the driver was spoken to by officers at the scene.",
    "A police spokesperson said: 'We thank drivers for their patience while the road was made safe.'",
    "The bypass reopened shortly after midday and the council said the road surface had not been damaged.",
    "It is the second time this year that a load has been lost on the same stretch of road.",
]


def test_copies_are_found_on_write(desk: Desk) -> None:
    original = analyze(
        "\n\n".join(BODY), published="2024-06-06", outlet="Brackwater Mercury", url="https://bm.example/a"
    )
    copy = analyze(
        "\n\n".join(BODY[:-1]),
        published="2024-06-06",
        title="Timber spill shuts bypass",
        outlet="Shire Daily",
        url="https://sd.example/b",
    )
    other = analyze(
        "Councillors in Brackwater approved a new cycle lane on Mill Lane after a long debate on Tuesday evening.\n\n"
        "The scheme will cost about two hundred thousand pounds and work is due to start in the spring.",
        published="2024-06-07",
        outlet="Brackwater Mercury",
        url="https://bm.example/c",
    )
    for case in (original, copy, other):
        desk.store(case)
    (link,) = desk.copies(copy.article.id)
    assert link.other_id == original.article.id
    assert link.share_of_article == 1.0 and 0.7 < link.share_of_other < 1.0
    (back,) = desk.copies(original.article.id[:10])
    assert back.other_id == copy.article.id and back.share_of_article == link.share_of_other
    assert desk.copies(other.article.id) == []
    # a new version of the report at the same URL is a version, not a copy
    updated = analyze(
        "\n\n".join([*BODY, "Update: the driver has since been reported for driving without due care."]),
        published="2024-06-07",
        outlet="Brackwater Mercury",
        url="https://bm.example/a",
    )
    assert desk.store(updated).status == "new_version"
    assert {c.other_id for c in desk.copies(updated.article.id)} == {copy.article.id}
