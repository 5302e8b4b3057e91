"""The `eventwire` command line: ingest, code, articles, events, export, eval, explain, gazetteer.

Every verb prints what it did in one summary line on stderr and its data on stdout, so output can
be piped. Problems with single records are warnings; `--strict` turns them into a failing exit.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from eventwire.errors import EventwireError
from eventwire.store.db import DEFAULT_DB

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn news text into political event data (CAMEO and PLOVER), offline.",
)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = typer.Option(DEFAULT_DB, "--db", help="DuckDB file to read and write.")
ActorsOption = typer.Option(None, "--actors", help="PETRARCH/Phoenix actor dictionary (repeatable).")
AgentsOption = typer.Option(None, "--agents", help="PETRARCH/Phoenix agent dictionary (repeatable).")
ReplaceOption = typer.Option(False, "--replace-actors",
                             help="Use --actors/--agents instead of the built-in base, not with it.")
VerbsOption = typer.Option(None, "--verbs", help="PETRARCH/TABARI verb dictionary (repeatable), added to the lexicon.")
ReplaceVerbsOption = typer.Option(False, "--replace-verbs",
                                  help="Use --verbs instead of the bundled lexicon, not with it.")


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(code)


def _run_ingest(paths: list[str], db: str, max_chars: int, strict: bool, command: str,
                quiet: bool = False):
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from eventwire.ingest import ingest_paths
    from eventwire.store import Store

    store = Store(db)
    with Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"),
                  BarColumn(), TextColumn("{task.completed} records"), TimeElapsedColumn(),
                  console=err, transient=True, disable=quiet or not err.is_terminal) as bar:
        task = bar.add_task("ingesting", total=None)
        summary = ingest_paths(paths, store, max_chars=max_chars, command=command,
                               progress=lambda n: bar.advance(task, n))
    for problem in summary.problems:
        colour = "yellow" if problem.severity == "skipped" else "cyan"
        err.print(f"[{colour}]warning:[/] {problem}")
    err.print(summary.line())
    return store, summary


def _exit_for(summary, strict: bool) -> None:
    if summary.warnings:
        err.print(f"{summary.warnings} warning(s)")
        if strict:
            raise typer.Exit(1)


BareCountriesOption = typer.Option(
    False, "--bare-countries",
    help="Write a bare state name as its country code alone (ISR), as PETRARCH does, "
         "instead of its government (ISRGOV), the UN and EU as CAMEO's IGOs (IGOUNO, IGOEUR), and "
         "give role words no country guessed from the rest of the article, nor doers the "
         "state of the place they act in (REB, not SYRREB).")
MinConfidenceOption = typer.Option(
    0.0, "--min-confidence",
    help="Leave out events below this confidence (0-1); events naming no target are 0.7 or less, "
         "so 0.75 keeps the dyads. Nothing stored is removed.")
PlainStatementsOption = typer.Option(
    True, "--plain-statements/--no-plain-statements",
    help="Keep plain statements (010) addressed to no one, as CAMEO codes them; "
         "--no-plain-statements drops them, as PETRARCH does.")


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders, WARC archives, or - for stdin."),
    db: str = DbOption,
    max_chars: int = typer.Option(2_000_000, help="Skip documents longer than this."),
    strict: bool = typer.Option(False, help="Exit non-zero if any record had a problem."),
) -> None:
    """Read news into the database: raw dumps, JSONL, CSV, HTML, WARC, folders, stdin.

    Example: eventwire ingest examples/wire_dump.txt
    """
    try:
        store, summary = _run_ingest(paths, db, max_chars, strict, "ingest")
    except EventwireError as exc:
        _fail(str(exc))
    store.close()
    _exit_for(summary, strict)


@app.command()
def code(
    paths: list[str] = typer.Argument(..., help="Files, folders, WARC archives, or - for stdin."),
    db: str = DbOption,
    fmt: str = typer.Option("table", "--format", help="table or jsonl (events on stdout)."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for articles without one."),
    processes: int = typer.Option(1, help="Parallel spaCy processes."),
    keep_negated: bool = typer.Option(False, help="Also emit negated events, flagged."),
    keep_historical: bool = typer.Option(
        False, help="Also emit events told as history (dated by a year long past), flagged."),
    plain_statements: bool = PlainStatementsOption,
    bare_countries: bool = BareCountriesOption,
    min_confidence: float = MinConfidenceOption,
    max_chars: int = typer.Option(2_000_000, help="Skip documents longer than this."),
    strict: bool = typer.Option(False, help="Exit non-zero if any record had a problem."),
    actors: Optional[list[str]] = ActorsOption,
    agents: Optional[list[str]] = AgentsOption,
    replace_actors: bool = ReplaceOption,
    verbs: Optional[list[str]] = VerbsOption,
    replace_verbs: bool = ReplaceVerbsOption,
) -> None:
    """Ingest, code and store events, then print the events of the given inputs.

    Example: eventwire code examples/wire_dump.txt --format jsonl
    """
    from eventwire.coding.pipeline import CoderOptions, code_store
    from eventwire.store.export import iter_events

    if fmt not in ("table", "jsonl"):
        _fail("--format must be table or jsonl")
    try:
        store, summary = _run_ingest(paths, db, max_chars, strict, "code")
        ids = summary.new_ids + [d for d in summary_duplicate_targets(store, summary.run_id)]
        options = CoderOptions(keep_negated=keep_negated, keep_historical=keep_historical,
                               processes=processes, published=published,
                               actors=tuple(actors or ()), agents=tuple(agents or ()),
                               replace_actors=replace_actors, keep_statements=plain_statements,
                               bare_countries=bare_countries, verbs=tuple(verbs or ()),
                               replace_verbs=replace_verbs)
        n = code_store(store, ids, options)
        err.print(f"coded {len(ids)} article(s): {n} event(s)")
        events = list(iter_events(store, ids, min_confidence=min_confidence))
    except EventwireError as exc:
        _fail(str(exc))
    if fmt == "jsonl":
        for ev in events:
            sys.stdout.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
    else:
        _print_events(events)
    store.close()
    _exit_for(summary, strict)


def summary_duplicate_targets(store, run_id: str) -> list[str]:
    """Articles this run saw again (duplicates): they are part of what the user asked about."""
    rows = store.con.execute(
        "SELECT DISTINCT duplicate_of FROM duplicates WHERE run_id = ?", [run_id]).fetchall()
    return [r[0] for r in rows]


def _out() -> Console:
    """Stdout console; wide enough for a readable table when piped to a file."""
    out = Console(highlight=False)
    return out if out.is_terminal else Console(highlight=False, width=200)


def _print_events(events) -> None:
    table = Table(show_lines=False)
    for col in ("article", "source", "cameo", "plover", "target", "where", "date", "evidence"):
        table.add_column(col, overflow="fold")
    for ev in events:
        flags = "".join(f" [{f}]" for f in ("negated", "hypothetical", "from_caption", "historical") if getattr(ev, f))
        table.add_row(
            ev.article_id or "", f"{ev.source.code} ({ev.source.text})", ev.cameo,
            (ev.plover or "") + (f"/{ev.mode}" if ev.mode else ""),
            f"{ev.target.code} ({ev.target.text})" if ev.target else "-",
            ev.location.name if ev.location else "", ev.date or "",
            (ev.evidence[:110] + ("…" if len(ev.evidence) > 110 else "")) + flags,
        )
    _out().print(table)


@app.command()
def articles(
    db: str = DbOption,
    fmt: str = typer.Option("table", "--format", help="table or jsonl."),
    limit: Optional[int] = typer.Option(None, help="Show at most this many."),
) -> None:
    """List stored articles: id, title, date, source, captions, text and number of events.

    Example: eventwire articles --format jsonl
    """
    from eventwire.store import Store

    try:
        store = Store(db, read_only=True)
    except EventwireError as exc:
        _fail(str(exc))
    counts = dict(store.con.execute("SELECT article_id, count(*) FROM events GROUP BY 1").fetchall())
    arts = store.articles(limit=limit)
    if fmt == "jsonl":
        for a in arts:
            rec = {"id": a.id, "title": a.title, "published": a.published, "source": a.source,
                   "url": a.url, "captions": a.captions, "text": a.text, "events": counts.get(a.id, 0),
                   "origin": a.origin}
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    elif fmt == "table":
        table = Table()
        for col in ("id", "title", "published", "source", "captions", "events", "text"):
            table.add_column(col, overflow="fold")
        for a in arts:
            table.add_row(a.id, a.title or "", a.published or "", a.source or "",
                          str(len(a.captions)), str(counts.get(a.id, 0)),
                          a.text[:120].replace("\n", " ") + ("…" if len(a.text) > 120 else ""))
        _out().print(table)
    else:
        _fail("--format must be table or jsonl")
    store.close()


@app.command()
def events(
    db: str = DbOption,
    fmt: str = typer.Option("table", "--format", help="table or jsonl."),
    article: Optional[str] = typer.Option(None, help="Only this article id."),
    min_confidence: float = MinConfidenceOption,
) -> None:
    """List stored events with their evidence.

    Example: eventwire events --format jsonl
    """
    from eventwire.store import Store
    from eventwire.store.export import iter_events, write_jsonl

    try:
        store = Store(db, read_only=True)
    except EventwireError as exc:
        _fail(str(exc))
    evs = iter_events(store, [article] if article else None, min_confidence=min_confidence)
    if fmt == "jsonl":
        write_jsonl(evs, sys.stdout)
    else:
        _print_events(list(evs))
    store.close()


@app.command()
def export(
    fmt: str = typer.Option("jsonl", "--format", help="jsonl, csv, parquet or gdelt."),
    out: Optional[str] = typer.Option(None, "--out", help="Output file (stdout if omitted)."),
    db: str = DbOption,
    header: bool = typer.Option(True, help="gdelt/csv: write a header row of column names."),
    min_confidence: float = MinConfidenceOption,
) -> None:
    """Export all events: EVENT_FORMAT JSONL, flat CSV or Parquet, or GDELT 2.0 event table TSV.

    Example: eventwire export --format gdelt --out events.tsv
    """
    from eventwire.store import Store
    from eventwire.store.export import export as do_export

    try:
        store = Store(db, read_only=True)
        n = do_export(store, fmt, out, header=header, min_confidence=min_confidence)
    except EventwireError as exc:
        _fail(str(exc))
    err.print(f"exported {n} event(s)" + (f" to {out}" if out else ""))


@app.command("eval")
def eval_(
    gold: Path = typer.Argument(..., help="Gold JSONL (EVENT_FORMAT article records)."),
    coded: Optional[Path] = typer.Option(None, help="Coded events JSONL; default: code the gold texts now."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    limit: Optional[int] = typer.Option(None, help="Only the first N gold records."),
    processes: int = typer.Option(1, help="Parallel spaCy processes when coding."),
    actors: Optional[list[str]] = ActorsOption,
    agents: Optional[list[str]] = AgentsOption,
    replace_actors: bool = ReplaceOption,
    verbs: Optional[list[str]] = VerbsOption,
    replace_verbs: bool = ReplaceVerbsOption,
    plain_statements: bool = PlainStatementsOption,
    bare_countries: bool = BareCountriesOption,
) -> None:
    """Score coded events against gold as EVENT_FORMAT.md defines.

    Example: eventwire eval gold.jsonl --coded coded.jsonl
    """
    from eventwire.evaluate import load_jsonl, score

    try:
        gold_recs = load_jsonl(gold)
    except (OSError, ValueError) as exc:
        _fail(str(exc))
    if limit:
        gold_recs = gold_recs[:limit]
    if coded is not None:
        try:
            coded_recs = load_jsonl(coded)
        except (OSError, ValueError) as exc:
            _fail(str(exc))
    else:
        from eventwire.coding.pipeline import CoderOptions, code_records

        options = CoderOptions(processes=processes, actors=tuple(actors or ()),
                               agents=tuple(agents or ()), replace_actors=replace_actors,
                               keep_statements=plain_statements, bare_countries=bare_countries,
                               verbs=tuple(verbs or ()), replace_verbs=replace_verbs)
        try:
            coded_recs = [ev.to_dict() for ev in code_records(gold_recs, options)]
        except EventwireError as exc:
            _fail(str(exc))
    report = score(gold_recs, coded_recs)
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), indent=2) + "\n")
    else:
        sys.stdout.write(report.format_table() + "\n")


@app.command()
def explain(
    sentence: str = typer.Argument(..., help="A sentence or short text to code."),
    published: Optional[str] = typer.Option(None, help="Publication date (picks office holders)."),
    actors: Optional[list[str]] = ActorsOption,
    agents: Optional[list[str]] = AgentsOption,
    replace_actors: bool = ReplaceOption,
    verbs: Optional[list[str]] = VerbsOption,
    replace_verbs: bool = ReplaceVerbsOption,
) -> None:
    """Show why a sentence gives the events it gives: parse, triggers, roles, events.

    Example: eventwire explain "Turkish and Russian forces held a joint patrol."
    """
    from eventwire.coding.explain import explain_text

    from eventwire.coding.pipeline import CoderOptions

    options = CoderOptions(actors=tuple(actors or ()), agents=tuple(agents or ()),
                           replace_actors=replace_actors, verbs=tuple(verbs or ()), replace_verbs=replace_verbs)
    try:
        sys.stdout.write(explain_text(sentence, published=published, options=options) + "\n")
    except EventwireError as exc:
        _fail(str(exc))


@app.command()
def gazetteer(
    build: bool = typer.Option(False, "--build", help="Rebuild the cache even if it exists."),
    lookup: Optional[list[str]] = typer.Option(None, "--lookup", help="Show the candidates of a name (repeatable)."),
) -> None:
    """Build or inspect the offline gazetteer cache (built automatically on first use).

    Example: eventwire gazetteer --lookup "al-Hasakeh" --lookup Tripoli
    """
    import time

    from eventwire.geo import load_gazetteer

    t = time.perf_counter()
    try:
        gaz = load_gazetteer(rebuild=build)
    except EventwireError as exc:
        _fail(str(exc))
    err.print(f"gazetteer: {len(gaz)} places from {gaz.path} in {time.perf_counter() - t:.2f} s")
    for name in lookup or ():
        found = sorted(gaz.lookup(name), key=lambda c: -c.population)
        sys.stdout.write(f"{name}: {len(found)} candidate(s)\n")
        for c in found[:15]:
            sys.stdout.write(f"  {c.name}\t{c.country}\t{c.level}\t{c.admin1 or '-'}\t{c.lat:.4f},{c.lon:.4f}\t"
                             f"pop {c.population}\t{('exact', 'bare', 'skeleton')[c.tier]}\n")


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
