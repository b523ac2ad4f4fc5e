"""`diplowatch eval`: measure the contact detector on labelled documents."""

from __future__ import annotations

import json
from pathlib import Path

import click

from contacts import KnowledgeBase, detect_contacts
from contacts.evaluate import evaluate, select_half


@click.group("eval")
def command() -> None:
    """Measure the detector against labelled data."""


@command.command("contacts")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--errors", is_flag=True, help="Also list every miss and false alarm.")
@click.option(
    "--split",
    type=click.Choice(["tune", "holdout"]),
    default=None,
    help="Score one fixed half of the file (by a hash of each document id); default: all.",
)
def contacts(path: Path, errors: bool, split: str | None) -> None:
    """Score contact detection on a JSON Lines file of labelled documents (contacts-dev format).

    Prints precision, recall, F1, type accuracy (call vs in person among found contacts) and the
    false-alarm rate on complete documents that hold no contact. Rules are tuned on the `tune`
    half of a file only; `--split holdout` is the honest number.

    Example: diplowatch eval contacts news-dev.jsonl --split holdout --errors
    """
    docs = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                docs.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise click.ClickException(f"{path}:{number}: not JSON ({exc.msg})") from exc
    docs = select_half(docs, "tune" if split == "tune" else "holdout" if split else None)
    kb = KnowledgeBase.load_default()
    report = evaluate(docs, lambda text, published: detect_contacts(text, published, kb=kb), kb)
    c = report.counts
    click.echo(f"documents           {len(docs)}")
    click.echo(f"precision           {report.precision:.3f}  ({c['correct']}/{c['predicted']})")
    click.echo(f"recall              {report.recall:.3f}  ({c['found']}/{c['required']})")
    click.echo(f"f1                  {report.f1:.3f}")
    click.echo(f"type accuracy       {report.type_accuracy:.3f}  ({c['type_ok']}/{c['typed']})")
    click.echo(
        f"false-alarm rate    {report.false_alarm_rate:.3f}  "
        f"({c['empty_docs_alarmed']}/{c['empty_docs']} contact-free complete documents)"
    )
    if not errors:
        return
    for miss in report.misses:
        names = ", ".join(p["name"] for p in miss["gold"]["participants"])
        click.echo(f"MISS  {miss['id']}: {miss['gold']['type']} {names}")
    for alarm in report.false_alarms:
        contact = alarm["contact"]
        names = ", ".join(p["name"] for p in contact["participants"])
        evidence = contact["evidence"][0] if contact["evidence"] else ""
        click.echo(f"FALSE {alarm['id']}: {contact['type']} {names} | {evidence[:160]}")
