"""Date resolution: every rule on news prose written for these tests, traps, captions, data file."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from importlib import resources

import pytest

from eventwire.dates import DateMention, caption_date, find_dates, parse_vocabulary, resolve_one
from eventwire.errors import DataFileError

SAT = "2024-03-16"  # a Saturday in mid-March 2024
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def only(text: str, published: object = SAT) -> DateMention:
    mentions = find_dates(text, published)
    assert len(mentions) == 1, mentions
    m = mentions[0]
    assert text[m.start:m.end] == m.text
    return m


def check(m: DateMention, text: str, iso: str | None, precision: str | None, rule: str) -> None:
    assert (m.text, m.date, m.precision, m.rule) == (text, iso, precision, rule)


# --- explicit dates ----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, words", [
    ("The ceasefire took effect on October 9, 2023, according to the mediators.", "on October 9, 2023"),
    ("Fighting resumed Oct. 9, 2023, after a brief lull in the north.", "Oct. 9, 2023"),
    ("The agreement signed Oct 9 2023 was never ratified by parliament.", "Oct 9 2023"),
    ("Election observers arrived in Harare on 9 October 2023 for the count.", "on 9 October 2023"),
    ("The talks in Doha opened on 9 Oct. 2023 and stalled within hours.", "on 9 Oct. 2023"),
    ("The opposition leader was detained on October 9th, 2023, his lawyer said.", "on October 9th, 2023"),
    ("A second round was held on the 9th of October 2023 in the capital.", "9th of October 2023"),
    ("The embassy closed on Monday, October 9, 2023, citing security threats.",
     "on Monday, October 9, 2023"),
    ("ELECTORAL COMMISSION STATEMENT, OCTOBER 9, 2023: turnout reached 61 percent.", "OCTOBER 9, 2023"),
])
def test_explicit_full_dates(sentence, words):
    check(only(sentence), words, "2023-10-09", "day", "explicit")


def test_explicit_sept_abbreviation():
    m = only("The junta announced a transition plan on Sept. 12, 2023, state television said.")
    check(m, "on Sept. 12, 2023", "2023-09-12", "day", "explicit")


def test_explicit_no_year_uses_published_year():
    m = only("Parliament will vote on the budget on March 28, the speaker said.", SAT)
    check(m, "on March 28", "2024-03-28", "day", "explicit_no_year")
    m = only("The minister resigned Feb. 2 amid a corruption inquiry.", SAT)
    check(m, "Feb. 2", "2024-02-02", "day", "explicit_no_year")


def test_explicit_no_year_far_future_rolls_back():
    m = only("Militants crossed the border fence on Oct. 7 and attacked nearby villages.", SAT)
    check(m, "on Oct. 7", "2023-10-07", "day", "explicit_no_year")


def test_explicit_no_year_rolls_back_across_new_year():
    m = only("Police dispersed protesters in Tbilisi on Dec. 28, the interior ministry said.", "2024-01-04")
    check(m, "on Dec. 28", "2023-12-28", "day", "explicit_no_year")


def test_explicit_no_year_near_future_crosses_new_year():
    m = only("The runoff is scheduled for Jan. 7, the electoral commission said.", "2023-12-28")
    check(m, "Jan. 7", "2024-01-07", "day", "explicit_no_year")


def test_iso_date():
    m = only("The decree, dated 2023-10-09, was published in the official gazette.")
    check(m, "2023-10-09", "2023-10-09", "day", "iso")


def test_month_year():
    m = only("Clashes have displaced thousands in Sudan since fighting began in April 2023.")
    check(m, "in April 2023", "2023-04-01", "month", "month_year")
    m = only("The report covers arrests made in October 2023 in the West Bank.")
    check(m, "in October 2023", "2023-10-01", "month", "month_year")


def test_year():
    m = only("The army seized power in 2019 and has ruled by decree ever since.")
    check(m, "in 2019", "2019-01-01", "year", "year")
    m = only("Elections were postponed until early 2025, the council said.")
    check(m, "early 2025", "2025-01-01", "year", "year")


def test_invalid_calendar_date_is_skipped():
    assert find_dates("The ministry said talks would resume on February 30, 2024 in Cairo.", SAT) == []
    assert find_dates("The letter was dated 2023-02-30 by mistake.", SAT) == []
    assert find_dates("Officials met on April 31 to review the accord.", SAT) == []


# --- weekdays ----------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, words, iso", [
    ("Israeli jets struck the camp on Saturday, the health ministry said.", "on Saturday", "2024-03-16"),
    ("Saturday was the deadliest day since the truce collapsed.", "Saturday", "2024-03-16"),
    ("The convoy was ambushed late on Tuesday near Kidal, officials said.", "late on Tuesday", "2024-03-12"),
    ("Rebels shelled the outskirts of Goma Tuesday night, residents said.", "Tuesday night", "2024-03-12"),
    ("Ministers met on Wednesday morning to discuss the sanctions.", "on Wednesday morning", "2024-03-13"),
    ("Thousands marched on Friday's anniversary of the uprising.", "on Friday", "2024-03-15"),
    ("Police arrested 12 people early Sunday in the capital.", "early Sunday", "2024-03-10"),
])
def test_weekday(sentence, words, iso):
    check(only(sentence), words, iso, "day", "weekday")


@pytest.mark.parametrize("sentence, words, iso", [
    ("The foreign ministers will meet next Tuesday in Geneva.", "next Tuesday", "2024-03-19"),
    ("The strike will begin this coming Saturday, union leaders said.", "this coming Saturday", "2024-03-23"),
    ("Talks are due to resume next Monday in Riyadh.", "next Monday", "2024-03-18"),
])
def test_next_weekday(sentence, words, iso):
    check(only(sentence), words, iso, "day", "next_weekday")


def test_last_weekday_is_strictly_before():
    m = only("The ministry had warned of unrest last Saturday.", SAT)
    check(m, "last Saturday", "2024-03-09", "day", "last_weekday")


# Published dates: seven consecutive days across a month and year boundary (Thu 2023-12-28 .. Wed 2024-01-03).
PUBLISHED = [date(2023, 12, 28) + timedelta(days=i) for i in range(7)]


def most_recent_on_or_before(published: date, weekday_name: str) -> date:
    d = published
    while d.strftime("%A") != weekday_name:
        d -= timedelta(days=1)
    return d


@pytest.mark.parametrize("published", PUBLISHED, ids=lambda d: f"pub-{d:%a-%Y-%m-%d}")
@pytest.mark.parametrize("name", WEEKDAYS)
def test_weekday_every_combination(name, published):
    sentence = f"Security forces opened fire on demonstrators on {name}, witnesses said."
    m = only(sentence, published)
    expected = most_recent_on_or_before(published, name)
    assert (m.text, m.rule, m.precision) == (f"on {name}", "weekday", "day")
    assert m.date == expected.isoformat()
    offset = (published - date.fromisoformat(m.date)).days
    assert 0 <= offset <= 6
    assert date.fromisoformat(m.date).strftime("%A") == name


def test_published_weekday_is_same_day():
    check(only("Voters queued outside polling stations on Saturday.", SAT), "on Saturday", SAT, "day", "weekday")


# --- relative words ----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, words, iso, precision, rule", [
    ("The rebels seized the town yesterday, a military source said.", "yesterday", "2024-03-15", "day",
     "yesterday"),
    ("The president will address the nation today.", "today", "2024-03-16", "day", "today"),
    ("The cabinet met earlier today to discuss the crisis.", "earlier today", "2024-03-16", "day", "today"),
    ("Police cleared the square this morning.", "this morning", "2024-03-16", "day", "today"),
    ("The envoy is expected to arrive in Kabul tonight.", "tonight", "2024-03-16", "day", "tonight"),
    ("Drones struck an oil depot overnight, the governor said.", "overnight", "2024-03-15", "day",
     "overnight"),
    ("Protesters clashed with police last night in Dakar.", "last night", "2024-03-15", "day", "last_night"),
    ("The two leaders spoke by phone last week.", "last week", "2024-03-04", "week", "last_week"),
    ("The central bank raised rates this week.", "this week", "2024-03-11", "week", "this_week"),
    ("A court freed the journalist earlier this week.", "earlier this week", "2024-03-11", "week",
     "earlier_this_week"),
    ("Inflation rose sharply last month, the statistics office said.", "last month", "2024-02-01", "month",
     "last_month"),
    ("The border crossing was reopened earlier this month.", "earlier this month", "2024-03-01", "month",
     "earlier_this_month"),
    ("Aid deliveries fell by half this month.", "this month", "2024-03-01", "month", "this_month"),
    ("The ruling party lost its majority last year.", "last year", "2023-01-01", "year", "last_year"),
    ("The junta dissolved all parties earlier this year.", "earlier this year", "2024-01-01", "year",
     "earlier_this_year"),
    ("Exports have doubled this year.", "this year", "2024-01-01", "year", "this_year"),
    ("The general was arrested two days ago in Niamey.", "two days ago", "2024-03-14", "day", "days_ago"),
    ("The journalist was detained 10 days ago.", "10 days ago", "2024-03-06", "day", "days_ago"),
    ("Talks collapsed three weeks ago.", "three weeks ago", "2024-02-19", "week", "weeks_ago"),
])
def test_relative(sentence, words, iso, precision, rule):
    check(only(sentence), words, iso, precision, rule)


def test_last_week_across_year_boundary():
    m = only("The government announced the curfew last week.", "2024-01-03")
    check(m, "last week", "2023-12-25", "week", "last_week")


@pytest.mark.parametrize("sentence, words", [
    ("Rockets were fired at Ashkelon overnight on Wednesday, the army said.", "overnight on Wednesday"),
    ("Air raid sirens sounded in Kyiv Wednesday overnight.", "Wednesday overnight"),
    ("The ministry reported heavy shelling overnight into Wednesday.", "overnight into Wednesday"),
])
def test_overnight_with_weekday_is_one_mention(sentence, words):
    check(only(sentence), words, "2024-03-13", "day", "weekday")


# --- month names without a day -----------------------------------------------------------------

@pytest.mark.parametrize("sentence, published, words, iso", [
    ("The offensive began in March, the UN said.", SAT, "in March", "2024-03-01"),
    ("The offensive began in January, the UN said.", SAT, "in January", "2024-01-01"),
    ("The ceasefire was agreed in November.", SAT, "in November", "2023-11-01"),
    ("Elections were held last March amid a boycott.", "2024-05-02", "last March", "2024-03-01"),
    ("Elections were held last March amid a boycott.", SAT, "last March", "2023-03-01"),
    ("The port has been blockaded since August.", SAT, "since August", "2023-08-01"),
    ("Fighting intensified in mid-February near Avdiivka.", SAT, "in mid-February", "2024-02-01"),
    ("The protests erupted in late December.", "2024-01-10", "in late December", "2023-12-01"),
])
def test_month_name(sentence, published, words, iso):
    check(only(sentence, published), words, iso, "month", "month_name")


# --- without a published date ------------------------------------------------------------------

@pytest.mark.parametrize("sentence, words, rule", [
    ("Israeli jets struck the camp on Saturday, officials said.", "on Saturday", "weekday"),
    ("The rebels seized the town yesterday.", "yesterday", "yesterday"),
    ("The two leaders spoke by phone last week.", "last week", "last_week"),
    ("Parliament will vote on the budget on March 28.", "on March 28", "explicit_no_year"),
    ("The offensive began in March, the UN said.", "in March", "month_name"),
    ("The general was arrested two days ago.", "two days ago", "days_ago"),
    ("Drones struck an oil depot overnight.", "overnight", "overnight"),
])
def test_no_published_date_keeps_text(sentence, words, rule):
    check(only(sentence, None), words, None, None, rule)


def test_no_published_date_still_resolves_explicit_dates():
    ms = find_dates("The accord of October 9, 2023 replaced the one signed in 2019.")
    assert [(m.text, m.date, m.precision, m.rule) for m in ms] == [
        ("October 9, 2023", "2023-10-09", "day", "explicit"), ("in 2019", "2019-01-01", "year", "year")]


def test_published_as_datetime_or_feed_string():
    assert only("The rebels seized the town yesterday.", datetime(2024, 3, 16, 22, 5)).date == "2024-03-15"
    assert only("The rebels seized the town yesterday.", "2024-03-16T22:05:00Z").date == "2024-03-15"
    assert only("The rebels seized the town yesterday.", "Sat, 16 Mar 2024 22:05:00 GMT").date == "2024-03-15"
    with pytest.raises(ValueError):
        find_dates("The rebels seized the town yesterday.", "sometime last spring")


# --- traps -------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Officials may meet again to discuss the proposal.",
    "May officials from both sides attend, the talks could succeed.",
    "Organisers are planning a march on the capital.",
    "Thousands of protesters march through the city centre each week.",
    "The March on Washington drew thousands.",
    "April Ryan asked the press secretary about the sanctions.",
    "The question was put by April Ryan of TheGrio.",
    "The Sunday Times reported that the minister had resigned.",
    "At least 10 people were killed when the bus overturned.",
    "The curfew begins at 10 pm and ends at 5 am.",
    "Authorities imposed an overnight curfew in the province.",
    "USA Today reported the figures.",
    "Unionists marked Bloody Sunday with a silent vigil.",
    "The Good Friday Agreement ended decades of conflict.",
    "Candidates campaigned across the country before Super Tuesday.",
    "The April 6 Youth Movement called for new protests.",
])
def test_non_dates(sentence):
    assert find_dates(sentence, SAT) == []


def test_real_month_next_to_trap_words():
    ms = find_dates("Officials may meet in May, but protesters march on Tuesday.", SAT)
    assert [(m.text, m.rule) for m in ms] == [("in May", "month_name"), ("on Tuesday", "weekday")]


# --- several mentions, captions, convenience ---------------------------------------------------

def test_mentions_in_order_with_offsets():
    text = ("Houthi forces fired missiles at a tanker on Tuesday night, days after the US struck "
            "radar sites on March 4. The group said last week that attacks would continue.")
    ms = find_dates(text, SAT)
    assert [(m.text, m.date, m.rule) for m in ms] == [
        ("on Tuesday night", "2024-03-12", "weekday"),
        ("on March 4", "2024-03-04", "explicit_no_year"),
        ("last week", "2024-03-04", "last_week")]
    assert all(text[m.start:m.end] == m.text for m in ms)
    assert ms == sorted(ms, key=lambda m: m.start)


def test_resolve_one_is_first_mention():
    m = resolve_one("The rebels withdrew yesterday after fighting began on Monday.", SAT)
    check(m, "yesterday", "2024-03-15", "day", "yesterday")
    assert resolve_one("No date is given in this sentence.", SAT) is None


def test_caption_date_prefers_last_full_date():
    caption = ("Palestinians inspect the rubble of a building destroyed on Sunday in an Israeli strike, "
               "in Gaza City, October 9, 2023. REUTERS/Mohammed Salem")
    check(caption_date(caption, "2023-10-10"), "October 9, 2023", "2023-10-09", "day", "explicit")
    two = "Smoke rises over Khan Younis on Oct. 8, 2023, hours before a second strike, Oct. 9, 2023. (AFP)"
    assert caption_date(two).date == "2023-10-09"


def test_caption_date_without_year_and_without_date():
    m = caption_date("Rescuers search for survivors in Derna, Libya, Sept. 13. (AP Photo)", "2023-09-14")
    check(m, "Sept. 13", "2023-09-13", "day", "explicit_no_year")
    assert caption_date("Rescuers search for survivors in Derna, Libya, on Wednesday. (AP Photo)",
                        "2023-09-14") is None


# --- the data file -----------------------------------------------------------------------------

def bundled() -> str:
    return (resources.files("eventwire.dates") / "data" / "vocabulary.yaml").read_text(encoding="utf-8")


def test_bundled_vocabulary_is_valid():
    v = parse_vocabulary("vocabulary.yaml", bundled())
    assert v.month_abbreviations["sept."] == 9 and v.weekdays["saturday"] == 5


def test_bare_on_is_a_word_not_a_boolean():
    v = parse_vocabulary("vocabulary.yaml", bundled().replace('weekday_leads: ["on",', "weekday_leads: [on,", 1))
    assert "on" in v.weekday_leads


@pytest.mark.parametrize("old, new, words", [
    ("  today: today\n", "  today: todday\n", "key 'relative.today': unknown rule 'todday'"),
    ("{number: 11,", "{number: 10,", "key 'months.november': number 10 is used twice"),
    ("weekday_leads: [", "weekday_leads: [Late, ", "key 'weekday_leads': bad entry 'Late'"),
    ('weekday_leads: ["on",', "weekday_leads: [true,", "key 'weekday_leads': entry read as True: quote it"),
    ("day_parts: [", "day_parts: [morning, [", "not valid YAML"),
])
def test_malformed_vocabulary_names_file_and_key(old, new, words):
    text = bundled()
    assert old in text
    with pytest.raises(DataFileError) as info:
        parse_vocabulary("broken.yaml", text.replace(old, new, 1))
    assert str(info.value).startswith("broken.yaml") and words in str(info.value)
    if "key" in words:
        assert info.value.line is not None
