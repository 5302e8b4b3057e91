"""Events told as history: dropped by default, kept and flagged on request, stored in a flag
column that older databases gain when they are opened."""
from __future__ import annotations

import duckdb

from eventwire.coding.pipeline import CoderOptions, code_article
from eventwire.model import Article
from eventwire.store import Store
from eventwire.store.schema import SCHEMA_VERSION

TEXT = ("Armenian and Azerbaijani troops exchanged fire near Sotk on Tuesday. "
        "Azerbaijan seized the disputed enclave of Nagorno-Karabakh in September 2023.")


def _codes(published: str | None, keep: bool = False) -> list[tuple]:
    article = Article(id="a1", text=TEXT, published=published)
    return [(e.source.code, e.cameo[:2], e.historical)
            for e in code_article(article, CoderOptions(keep_historical=keep))]


def test_an_act_dated_years_before_the_article_is_history():
    news = _codes("2025-06-10")
    assert ("ARMMIL", "19", False) in news
    assert not [c for c in news if c[0] == "AZEGOV"]
    kept = _codes("2025-06-10", keep=True)
    assert [c for c in kept if c[0] == "AZEGOV" and c[2]]


def test_an_act_dated_within_the_year_is_news():
    assert [c for c in _codes("2023-11-02") if c[0] == "AZEGOV" and not c[2]]


def test_in_an_undated_article_told_by_the_day_a_month_or_year_dates_the_background():
    # the news is "on Tuesday"; what a later sentence dates by its month and year is history
    assert not [c for c in _codes(None) if c[0] == "AZEGOV"]
    assert [c for c in _codes(None, keep=True) if c[0] == "AZEGOV" and c[2]]
    assert ("ARMMIL", "19", False) in _codes(None)
    # a lone sentence dated by its year is still news: nothing in it is told by the day
    lone = Article(id="a2", text="Azerbaijan seized the disputed enclave of Nagorno-Karabakh in September 2023.")
    assert [e for e in code_article(lone, CoderOptions()) if e.source.code == "AZEGOV" and not e.historical]


def test_a_version_1_database_gains_the_historical_column(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path):
        pass
    con = duckdb.connect(str(path))  # make it what version 1 wrote
    con.execute("ALTER TABLE events DROP COLUMN historical")
    con.execute("DELETE FROM schema_version")
    con.execute("INSERT INTO schema_version (version) VALUES (1)")
    con.close()
    with Store(path) as store:
        columns = {r[0] for r in store.con.execute("DESCRIBE events").fetchall()}
        version = store.con.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    assert "historical" in columns and version == SCHEMA_VERSION


def test_an_event_named_by_its_year_is_history():
    article = Article(id="y", text="Most of the refugees fled a 2017 military crackdown in Rakhine state.")
    assert not code_article(article)
    kept = code_article(article, CoderOptions(keep_historical=True))
    assert kept and all(e.historical and e.date_text == "2017" for e in kept)


def test_a_perfect_passive_about_a_participant_is_his_past():
    text = "Narges Mohammadi, who has been repeatedly jailed in Iran, won the prize on Friday."
    assert not [e for e in code_article(Article(id="p", text=text)) if e.cameo.startswith("17")]


def test_what_a_named_past_event_contained_is_its_history():
    # the year names the massacre; the killing inside its relative clause is that year's
    text = ("Survivors gathered in Srebrenica on Friday to mark the 1995 massacre, in which Bosnian "
            "Serb forces killed some 8,000 men and boys.")
    article = Article(id="m", text=text)
    assert not [e for e in code_article(article) if e.cameo[:2] in {"18", "19", "20"}]
    kept = [e for e in code_article(article, CoderOptions(keep_historical=True)) if e.cameo[:2] in {"18", "19", "20"}]
    assert kept and all(e.historical and e.date_text == "1995" for e in kept)
    # what started a war is its history, dated or not
    onset = Article(id="w", text="The war, which began with Ethiopia's offensive in Tigray, displaced two million people.")
    assert not [e for e in code_article(onset) if e.cameo[:2] in {"18", "19", "20"}]
    # an attack told in a relative clause of no past event is news
    news = Article(id="n", text="The village, which rebels attacked on Monday, lies 30 km from Goma.")
    assert [e for e in code_article(news) if e.cameo[:2] == "19"]


def test_a_date_that_names_its_day_is_not_background_by_its_month():
    # "on October 9, 2023" names a day: the story may be telling it as news
    text = ("Hamas leaders met Egyptian mediators in Cairo on Saturday. "
            "Israel launched air strikes on Gaza on October 9, 2023.")
    events = code_article(Article(id="a3", text=text), CoderOptions())
    assert [e for e in events if e.source.code.startswith("ISR") and e.cameo.startswith("19")]

