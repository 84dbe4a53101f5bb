"""Short fictional reports for the desk's tests (written for storydesk; nobody here is real)."""

from __future__ import annotations

import json
from pathlib import Path

STALKING_URL = "https://news.kelsford.example/crime/weather-presenter-stalker-jailed"

STALKING = {
    "title": "Man jailed for breaching stalking order against weather presenter",
    "outlet": "Kelsford Evening Post",
    "url": STALKING_URL,
    "published": "2022-01-25",
    "text": (
        "A man who breached a stalking order by following a television weather presenter has been "
        "jailed for 18 months.\n\n"
        "Leon McCaskie, 34, of Harwell Road, Kelsford, admitted the offence at Kelsford Crown Court "
        "on Tuesday.\n\n"
        "The court heard McCaskie had sent Zoë Marchetti, 29, more than 200 messages after the order "
        "was made in March.\n\n"
        "Judge Patricia Okafor said: 'You showed a complete disregard for the order and for "
        "Ms Marchetti's safety.'\n\n"
        "Det Sgt Ruth Collins, of Kelsford Police, said McCaskie's behaviour had been frightening."
    ),
}

STALKING_UPDATED = {
    **STALKING,
    "text": STALKING["text"]
    + "\n\nMcCaskie was also made subject to a restraining order for ten years, the court said.",
}

FIRE = {
    "title": "Children rescued from house fire in Marhampton",
    "outlet": "Marhampton Mercury",
    "url": "https://www.marhampton-mercury.example/news/quarry-lane-fire",
    "published": "2022-01-23",
    "text": (
        "Firefighters rescued two children from a burning house in Marhampton early on Sunday.\n\n"
        "Crews were called to the terraced house in Quarry Lane at about 03:40, Marhampton Fire and "
        "Rescue Service said.\n\n"
        "Station manager Gareth Pryce, 51, said the children were treated for smoke inhalation.\n\n"
        "'The smoke alarm saved their lives,' Mr Pryce said. Their mother, Hannah Doyle, 33, thanked "
        "the crews.\n\n"
        "Investigators believe the fire started in the kitchen."
    ),
}

COUNCIL = {
    "title": "Ashbury council leader resigns after budget defeat",
    "outlet": "Ashbury Gazette",
    "url": "https://ashbury-gazette.example/politics/leader-resigns",
    "published": "2021-11-18",
    "text": (
        "The leader of Ashbury Council has resigned after a vote on the town's budget was lost by "
        "three votes.\n\n"
        "Councillor Martin Greaves, 62, announced his resignation at a meeting on Thursday evening.\n\n"
        "His deputy, Priya Raman, 45, will lead the council until a new leader is elected next "
        "month.\n\n"
        "'I have served this town for twelve years and it is time for someone new,' Mr Greaves said."
    ),
}

ALL = (STALKING, FIRE, COUNCIL)


def write_jsonl(path: Path, records: tuple[dict[str, str], ...] | list[dict[str, str]] = ALL) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def page(record: dict[str, str]) -> str:
    """The report as a news web page."""
    paragraphs = "".join(f"<p>{p}</p>\n" for p in record["text"].split("\n\n"))
    return (
        "<!DOCTYPE html><html><head>"
        f"<title>{record['title']}</title>"
        f'<meta property="og:title" content="{record["title"]}">'
        f'<meta property="og:site_name" content="{record["outlet"]}">'
        f'<meta property="article:published_time" content="{record["published"]}T09:00:00Z">'
        "</head><body><header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
        f"<article><h1>{record['title']}</h1>\n{paragraphs}</article>"
        "<footer>Copyright the publisher</footer></body></html>"
    )
