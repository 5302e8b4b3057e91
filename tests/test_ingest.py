"""Ingest end to end through the store: readers, cleaning, dedupe, bad input."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from eventwire.ingest import ingest_paths
from eventwire.ingest.readers import read_stdin
from eventwire.store import Store


def _titles(store: Store) -> list[str | None]:
    return [a.title for a in store.articles()]


def test_dump_ingest_then_reingest_adds_nothing(dump_file, db_path):
    with Store(db_path) as store:
        first = ingest_paths([str(dump_file)], store)
        assert (first.read, first.new, first.duplicate) == (2, 2, 0)
        second = ingest_paths([str(dump_file)], store)
        assert (second.read, second.new, second.duplicate) == (2, 0, 2)
        assert store.count("articles") == 2
        assert "new 0, 2 duplicate" in second.line()
        arts = store.articles()
        assert arts[0].captions and "(AFP)" in arts[0].captions[0]
        assert all("TT" not in a.text.split() for a in arts)


def test_jsonl_common_field_names_and_mojibake(tmp_path, db_path):
    path = tmp_path / "feed.jsonl"
    rows = [
        {"doc_id": "x1", "headline": "Talks resume", "body": "Officials from both countries met in Geneva on Monday to resume talks on prisoner exchanges.",
         "publish_date": "2024-05-06T10:00:00Z", "publisher": "Wire"},
        {"id": "x2", "content": "The minister said the â€œcrisisâ€\x9d was over after rebels withdrew from the town on Friday.",
         "date": "March 10, 2002", "link": "https://example.org/a"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    with Store(db_path) as store:
        summary = ingest_paths([str(path)], store)
        assert summary.new == 2
        arts = {a.id: a for a in store.articles()}
    assert arts["x1"].title == "Talks resume" and arts["x1"].published == "2024-05-06"
    assert arts["x1"].source == "Wire"
    assert arts["x2"].published == "2002-03-10" and arts["x2"].url == "https://example.org/a"
    assert "“crisis”" in arts["x2"].text and "â€" not in arts["x2"].text


def test_csv_reader(tmp_path, db_path):
    path = tmp_path / "news.csv"
    path.write_text('title,text,published\n"Vote delayed","The electoral commission postponed the vote by two weeks, citing security concerns in the north.",2023-01-02\n', encoding="utf-8")
    with Store(db_path) as store:
        assert ingest_paths([str(path)], store).new == 1
        art = store.articles()[0]
    assert art.title == "Vote delayed" and art.published == "2023-01-02"


HTML = """<html><head><title>Ministers meet in Oslo</title>
<meta property="article:published_time" content="2024-02-03"></head><body>
<nav>Home | World | Sport</nav>
<article><h1>Ministers meet in Oslo</h1>
<p>Norway's foreign minister met his Colombian counterpart in Oslo on Friday to discuss the peace process with armed groups.</p>
<p>The two ministers agreed to hold further talks next month, according to a joint statement issued after the meeting.</p>
<p>Norway has acted as a guarantor of several rounds of negotiations in recent years.</p>
</article><footer>Copyright</footer></body></html>"""


def test_html_through_trafilatura(tmp_path, db_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    with Store(db_path) as store:
        assert ingest_paths([str(path)], store).new == 1
        art = store.articles()[0]
    assert art.title == "Ministers meet in Oslo"
    assert "Colombian counterpart" in art.text and "Home | World" not in art.text
    assert art.published == "2024-02-03"


def test_warc_response_records(tmp_path, db_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record("https://news.example/oslo", "response",
                                           payload=io.BytesIO(HTML.encode()), http_headers=headers)
        writer.write_record(record)
    with Store(db_path) as store:
        summary = ingest_paths([str(path)], store)
        assert summary.new == 1
        art = store.articles()[0]
    assert art.url == "https://news.example/oslo" and "Oslo" in art.text


def test_stdin_jsonl_and_dump():
    items = list(read_stdin(io.BytesIO(b'{"text": "Rebels seized the town of Mopti on Sunday, residents said."}\n')))
    assert len(items) == 1 and items[0].text.startswith("Rebels seized")
    items = list(read_stdin(io.BytesIO("Headline here\n\nBody paragraph one about the talks.\n".encode())))
    assert items[0].title == "Headline here"


def test_non_english_skipped_and_counted(tmp_path, db_path):
    path = tmp_path / "mixed.jsonl"
    rows = [
        {"id": "fr", "text": "Le gouvernement a annoncé mardi de nouvelles sanctions contre plusieurs entreprises étrangères accusées de fraude."},
        {"id": "en", "text": "The government announced new sanctions on Tuesday against several foreign firms accused of fraud."},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    with Store(db_path) as store:
        summary = ingest_paths([str(path)], store)
        assert summary.new == 1 and summary.skipped["non-English"] == 1
        assert [a.id for a in store.articles()] == ["en"]


STORY = ("Heavy fighting broke out on Monday between the army and rebel fighters in the eastern province, "
         "forcing thousands of families to flee their homes. Aid agencies said they had no access to the area "
         "and called on both sides to allow safe passage for civilians. The governor said the situation was "
         "under control and that reinforcements had been sent to the region overnight.")


def test_near_duplicates_are_linked_not_stored_twice(tmp_path, db_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(STORY, encoding="utf-8")
    b.write_text(STORY.replace("on Monday", "on Monday morning"), encoding="utf-8")
    with Store(db_path) as store:
        summary = ingest_paths([str(a), str(b)], store)
        assert summary.new == 1 and summary.duplicate == 1 and summary.near_duplicate == 1
        kind, = store.con.execute("SELECT kind FROM duplicates").fetchone()
        assert kind == "near"


def test_near_duplicate_with_own_id_is_kept_and_linked(tmp_path, db_path):
    path = tmp_path / "ids.jsonl"
    path.write_text(json.dumps({"id": "n1", "text": STORY}) + "\n"
                    + json.dumps({"id": "n2", "text": "Updated: " + STORY}) + "\n", encoding="utf-8")
    with Store(db_path) as store:
        summary = ingest_paths([str(path)], store)
        assert summary.new == 2 and summary.near_duplicate == 1
        arts = {a.id: a for a in store.articles()}
    assert arts["n2"].duplicate_of == "n1" and arts["n1"].duplicate_of is None


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "latin1.txt").write_bytes(
        "Caf\u00e9 owners in S\u00e3o Paulo protested on Monday against new taxes, police said.".encode("latin-1"))
    (folder / "feed.jsonl").write_text(
        '{"id": "ok1", "text": "Police arrested five protesters in Nairobi on Tuesday."}\n'
        '{"id": "bad", "text": broken\n'
        '{"id": "ok2", "text": "Kenyan troops clashed with militants near the Somali border."}\n', encoding="utf-8")
    with (folder / "huge.txt").open("w") as fh:
        chunk = "the police said the protesters gathered near the ministry " * 1000
        for _ in range(50_000_000 // len(chunk) + 1):
            fh.write(chunk)
    return folder


def test_bad_input_folder_names_each_problem_and_keeps_the_rest(bad_folder, db_path):
    with Store(db_path) as store:
        ingest_paths([str(bad_folder)], store)  # something already stored
        before = store.count("articles")
        summary = ingest_paths([str(bad_folder)], store)
        assert store.count("articles") == before == 3  # nothing lost, nothing doubled
        assert summary.new == 0 and summary.duplicate == 3
    by_file = {Path(p.origin).name: p for p in summary.problems}
    assert by_file["empty.txt"].reason.startswith("empty")
    assert by_file["binary.txt"].reason.startswith("binary")
    assert by_file["latin1.txt"].severity == "repaired" and "Windows-1252" in by_file["latin1.txt"].reason
    assert by_file["feed.jsonl"].line == 2 and "malformed JSON" in by_file["feed.jsonl"].reason
    assert by_file["huge.txt"].line == 1 and "too large" in by_file["huge.txt"].reason
    assert summary.skipped == {"empty": 1, "binary": 1, "malformed": 1, "too large": 1}


def test_latin1_text_is_stored_correctly(bad_folder, db_path):
    with Store(db_path) as store:
        ingest_paths([str(bad_folder / "latin1.txt")], store)
        art = store.articles()[0]
    assert "Café owners in São Paulo" in art.text


def test_failed_batch_leaves_no_partial_article(dump_file, db_path, monkeypatch):
    with Store(db_path) as store:
        original = store.con.register

        def explode(name, table):
            if name == "_probs" or name == "_dups":
                raise RuntimeError("killed")
            return original(name, table)

        bad = dump_file.parent / "x.jsonl"
        bad.write_text('{"text": broken\n', encoding="utf-8")
        monkeypatch.setattr(store, "con", _Proxy(store.con, explode))
        with pytest.raises(RuntimeError):
            ingest_paths([str(dump_file), str(bad)], store)
        monkeypatch.undo()
        assert store.count("articles") == 0
        summary = ingest_paths([str(dump_file)], store)
        assert summary.new == 2 and store.count("articles") == 2


class _Proxy:
    """Wraps a DuckDB connection so one call can be made to fail mid-transaction."""

    def __init__(self, con, register):
        self._con, self.register = con, register

    def __getattr__(self, name):
        return getattr(self._con, name)
