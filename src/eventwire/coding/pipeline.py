"""Articles → events: parse every segment (body, captions, headline), code, merge repeats."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import re
import warnings

from eventwire.coding.actors import ActorResolver, find_mentions, forget_surnames, link_acronyms
from eventwire.ingest.dump import is_caption
from eventwire.coding.engine import Coder, main_country
from eventwire.coding.headline import sentence_case
from eventwire.coding.setting import Setting, article_dateline, drop_lone_meetings, drop_place_shadows, \
    drop_self_parties
from eventwire.coding.reparse import is_headline, repair_parse
from eventwire.geo.resolve import DATELINE
from eventwire.errors import DictionaryWarning, InputError
from eventwire.model import Actor, Article, Event
from eventwire.nlp import load_nlp

BATCH = 64
_PARA = re.compile(r"\n\s*\n")
# a headline line run straight into its story ("Farmers block highway in Punjab\nIndian police
# detained ..."): short, with no closing punctuation, before a capital
_HEADLINE_BREAK = re.compile(r"(?m)^((?:[^\n.!?;:,\"'”’)\]]|(?<=\d)[,.](?=\d)){3,100}?[^\W_])[ \t]*\n(?=[ \t]*[A-Z“\"'‘])")
# a byline line ("By Our Correspondent", "From Our Correspondent, Gusau"), commas and all
_BYLINE = re.compile(r"(?m)^([ \t]*(?:By|From|BY|FROM)[ \t][^\n.!?;:]{2,60}?[^\W_])[ \t]*\n(?=[ \t]*[A-Z“\"'‘])")
_BEFORE_BYLINE = re.compile(r"\n(?=[ \t]*(?:By|From|BY|FROM)[ \t][^\n.!?;:]{2,60}\n)")
_coders: dict[tuple, Coder] = {}


@dataclass
class CoderOptions:
    keep_negated: bool = False
    # events told as history ("the war, which began when rebels seized the capital in 2014"):
    # background to the news, dropped unless kept (then flagged `historical`)
    keep_historical: bool = False
    processes: int = 1
    published: str | None = None
    batch_size: int = BATCH
    actors: tuple[str, ...] = ()  # PETRARCH-format actor dictionaries
    agents: tuple[str, ...] = ()  # PETRARCH-format agent dictionaries
    replace_actors: bool = False  # use them instead of the built-in base, not with it
    places: bool = True  # geocode and date events (off: locations and dates stay null)
    # plain statements (010) addressed to no one ("X said she hoped ..."): kept by default, as
    # CAMEO and most gold sets code them; PETRARCH-style data without them is `False`
    keep_statements: bool = True
    # PETRARCH's convention: a bare state name ("Israel said") is the country code alone (ISR),
    # not its government (ISRGOV, as EVENT_FORMAT.md has it), and a role word gets no country
    # from the rest of the article ("insurgents" is REB, not the story's SYRREB)
    bare_countries: bool = False
    verbs: tuple[str, ...] = ()  # PETRARCH-format verb dictionaries
    replace_verbs: bool = False  # use them instead of the bundled lexicon, not with it


def get_coder(keep_negated: bool = False, options: CoderOptions | None = None) -> Coder:
    """One Coder per configuration and process (the model and matchers load once)."""
    from eventwire.actors.base import build_actor_dictionary

    key = (keep_negated, options.actors, options.agents, options.replace_actors, options.verbs,
           options.replace_verbs) if options else (keep_negated, (), (), False, (), False)
    if key[5] and not key[4]:
        raise InputError("--replace-verbs needs at least one --verbs FILE to put in the lexicon's place")
    if key not in _coders:
        dictionary = build_actor_dictionary(tuple(key[1]), tuple(key[2]), key[3])
        lexicon = load_verb_lexicon(key[4], key[5]) if key[4] else None
        _coders[key] = Coder(load_nlp(), lexicon=lexicon, keep_negated=keep_negated, dictionary=dictionary)
    return _coders[key]


def load_verb_lexicon(paths: tuple[str, ...], replace_builtin: bool = False):
    """The bundled lexicon with PETRARCH verb dictionaries added (or alone); what a dictionary
    could not map to CAMEO is logged with its line, once per load."""
    from eventwire.lexicon import Lexicon, load_lexicon
    from eventwire.lexicon.petrarch import read_verb_dictionary
    from eventwire.ontology import load_ontology

    known = set(load_ontology().codes)
    patterns = [] if replace_builtin else list(load_lexicon().patterns.values())
    for path in paths:
        read, skipped = read_verb_dictionary(path, known)
        patterns.extend(read)
        if skipped:
            shown = "; ".join(skipped[:3]) + (f"; ... {len(skipped) - 3} more" if len(skipped) > 3 else "")
            warnings.warn(f"{len(skipped)} verb pattern(s) skipped: {shown}", DictionaryWarning, stacklevel=2)
    return Lexicon(patterns)


_JOINED = re.compile(r"(?<=[A-Za-z])_(?=[A-Za-z])")


def _paragraphs(text: str) -> list[tuple[str, int]]:
    """(paragraph, offset) pairs: blank lines part paragraphs, and so does the end of a short
    unpunctuated headline line run into its story."""
    cuts = [(m.start(), m.end()) for m in _PARA.finditer(text)]
    cuts += [(m.end(1), m.end()) for m in _HEADLINE_BREAK.finditer(text) if len(m.group(1).split()) <= 15]
    cuts += [(m.end(1), m.end()) for m in _BYLINE.finditer(text) if len(m.group(1).split()) <= 8]
    # ... and the byline is a paragraph of its own, never the "by" phrase of a headline above it
    cuts += [(m.start(), m.end()) for m in _BEFORE_BYLINE.finditer(text)]
    out, pos = [], 0
    for start, end in sorted(cuts):
        if start < pos:
            continue
        out.append((text[pos:start], pos))
        pos = end
    out.append((text[pos:], pos))
    return out


def _segments(article: Article) -> list[tuple[str, str, int]]:
    """(kind, text, offset) per body paragraph, caption and headline; body first so it wins.

    Paragraphs are parsed apart so a caption or headline line never fuses with the sentence
    after it; a paragraph that reads as a photo caption is coded as one.
    """
    segs = []
    for index, (para, start) in enumerate(_paragraphs(article.text)):
        if 1 <= index <= 3 and _masthead(para):
            continue  # "The Peninsula", "Daily Monitor" under a dump's headline: no place, no event
        if para.strip():
            # "KYIV, Ukraine (AP) — ...": the dateline is where the story was filed (the place
            # fallback reads it), not a subject of the first sentence; in a dump it may follow
            # the headline and byline lines
            m = DATELINE.match(para)
            if m and m.group("cased") and "(" not in m.group(0) and not _town_before_dash(para):
                m = None  # "Hamas — the group that rules Gaza — said": a name, not a dateline
            if m and m.end() < len(para):
                para, start = para[m.end():], start + m.end()
        if para.strip():
            kind = "caption" if is_caption(para.strip()) else "body"
            if not segs and article.title and para.strip() == article.title.strip():
                kind = "title"  # the dump's own headline line
            segs.append((kind, para, start))
    # Body paragraphs before captions: a fact told in both keeps the body's sentence and flags.
    segs.sort(key=lambda seg: {"body": 0, "caption": 1, "title": 2}[seg[0]])
    segs += [("caption", c, -1) for c in article.captions]
    if article.title and article.title not in article.text[: len(article.title) + 5]:
        segs.append(("title", article.title, -1))
    return segs


_MASTHEAD_SMALL = frozenset({"the", "of", "and", "de", "la", "el", "al", "le", "du"})


def _town_before_dash(para: str) -> bool:
    """Whether a paragraph opening "Birnin Kebbi — ..." or "Muscat: ..." names a town or city
    there (a regional site's dateline), not an actor set off by a dash or a colon."""
    from eventwire.actors.base import load_actor_dictionary
    from eventwire.coding.setting import place_resolver

    found = place_resolver().dateline(para)
    known = load_actor_dictionary().lookup(found.text) if found is not None else None
    if known is not None and known.kind not in {"capital", "city"}:
        return False  # "Hamas — ...": an actor, whatever town shares the name
    if known is not None and known.kind == "capital":
        return True  # "Nairobi: ...", whichever level the gazetteer files the city under
    return found is not None and found.candidate.tier == 0 \
        and found.candidate.level in {"city", "sub-city", "district"} \
        and found.candidate.population >= 5_000


def _masthead(para: str) -> bool:
    """A line of a few capitalised words with no verb's punctuation near a dump's top: the
    paper's name, a desk or a stray logo line ("The Peninsula", "Daily Monitor", "TT")."""
    words = para.split()
    return 0 < len(words) <= 4 and para.strip()[-1:].isalnum() and all(
        w[:1].isupper() or w.lower() in _MASTHEAD_SMALL for w in words) and not any(
        ch in para for ch in ".,:;!?()—-")


def _fact_key(ev: Event) -> tuple:
    # unknown doers ("---") are told apart by their words
    src = ev.source.code if ev.source.code != "---" else "---" + ev.source.text
    return (ev.cameo, src, ev.source.name, ev.target.code if ev.target else None,
            ev.target.name if ev.target else None)


_WORD = re.compile(r"[a-z]{4,}")


def _same_content(a: str | None, b: str | None, threshold: float = 0.3) -> bool:
    """Two sentences tell the same statement when they share a good part of their longer words."""
    wa, wb = set(_WORD.findall((a or "").lower())), set(_WORD.findall((b or "").lower()))
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= threshold


def code_parsed(coder: Coder, article: Article, docs: list, options: CoderOptions,
                parsed: list[str] | None = None) -> list[Event]:
    """Events of one article from its parsed segments; `parsed` are the strings the docs were
    parsed from (`doc.text` rebuilds them token by token, so the caller passes what it has)."""
    if parsed is None:
        parsed = [doc.text for doc in docs]
    resolver = ActorResolver(coder.dictionary, date=article.published or options.published)
    events: list[Event] = []
    seen: dict[tuple, Event] = {}
    sentence_base = 0
    docs = [repair_parse(doc) for doc in docs]
    all_mentions = [find_mentions(doc, coder.dictionary, coder.nlp) for doc in docs]
    forget_surnames(all_mentions, docs)
    link_acronyms(all_mentions, docs)
    # (a dateline name several states share is settled by the states the story names:
    # "SAN JOSÉ (EFE) – Costa Rica has granted ...")
    named = Counter(entry.country for m in all_mentions for entry, _s, _e in m.names.values()
                    if entry.kind in {"country", "capital", "demonym"} and entry.country)
    dateline = article_dateline(article.text, context=named) if options.places and article.text else None
    resolver.main_country = main_country(all_mentions, docs, dateline.candidate.country if dateline else None)
    for doc, mentions in zip(docs, all_mentions):
        # "Noboa declares state of emergency" heads a story that names President Daniel Noboa
        # below it: the people the article names in full are known from its first line
        for sent in doc.sents:
            resolver.note_people(sent, mentions)
    segments = _segments(article)
    setting = (Setting(article, docs, resolver.main_country, options.published, all_mentions)
               if options.places else None)
    for seg_index, ((kind, text, offset), doc, mentions, read) in enumerate(
            zip(segments, docs, all_mentions, parsed)):
        evs = coder.code_doc(doc, resolver, mentions, from_caption=kind == "caption",
                             base_offset=max(offset, 0))
        if len(read) == len(text) and read != text:
            for ev in evs:  # a headline read in sentence case: its evidence is the line as written
                at = read.find(ev.evidence)
                if at >= 0:
                    ev.evidence = text[at:at + len(ev.evidence)]
        if setting is not None:
            setting.apply(seg_index, kind, doc, evs, read)
            evs = drop_self_parties(drop_lone_meetings(drop_place_shadows(evs)))
            if not options.keep_historical:
                evs = [ev for ev in evs if not ev.historical]
        n_sents = sum(1 for _ in doc.sents)
        for ev in evs:
            ev.sentence = (ev.sentence or 0) + sentence_base
        sentence_base += n_sents
        for ev in evs:
            if kind == "title":
                ev.confidence = round(ev.confidence - 0.2, 2)
            if offset < 0:
                ev.trigger_start = ev.trigger_end = None
            key = _fact_key(ev)
            dyad = (ev.cameo[:2], ev.source.code, ev.target.code if ev.target else None)
            if key in seen or (getattr(ev, "_definite", False) and dyad in seen):
                # one event per distinct fact, however often the dump repeats it; "the talks
                # between A and B" after A's call with B is the same fact again. A repeat may
                # still say where or when ("said on Saturday ..." then "said ... in Cairo").
                kept = seen.get(key)
                if kept is not None:
                    if kept.location is None and ev.location is not None:
                        kept.location = ev.location
                    if kept.date_text is None and ev.date_text is not None:
                        kept.date, kept.date_precision, kept.date_text = ev.date, ev.date_precision, ev.date_text
                continue
            if ev.cameo == "010" and ev.target is None and any(
                    e.source.code == ev.source.code
                    and (e.source.code != "---" or e.source.name == ev.source.name) for e in events):
                # '"...", he said' again, or "Arce accused Morales of ... . Arce said ...": the same
                # speaker's story goes on, and its details are no new event
                continue
            if ev.target is None:
                # "X said ... closer than ever" after "X said a deal with Y is closer than ever":
                # the same statement naming fewer parties; it may add where it was made
                # a headline restates the lede in fewer words and often a vaguer verb ("Say")
                same_code = (lambda e: e.cameo[:2] == ev.cameo[:2]) if kind == "title" else (
                    lambda e: e.cameo == ev.cameo)
                fuller = [e for e in events if same_code(e) and e.source.code == ev.source.code
                          and e.target is not None and _same_content(e.evidence, ev.evidence)]
                if fuller:
                    for kept in fuller:
                        if kept.location is None and ev.location is not None:
                            kept.location = ev.location
                    named = ev.source.name
                    if named and all(e.source.name != named for e in fuller):
                        # "Hamas and two other groups said ..." then "Hamas, Islamic Jihad and
                        # the PFLP said ...": the later sentence names the others; each named
                        # party made the statement to the same addressee
                        unnamed = [e for e in fuller if e.source.name is None]
                        for kept in (unnamed[:1] or [None]):
                            if kept is not None:
                                kept.source = ev.source
                            else:
                                copy = replace(fuller[0], source=ev.source)
                                copy._definite = False
                                events.append(copy)
                    continue
            seen[key] = ev
            seen.setdefault(dyad, ev)
            if ev.cameo == "010" and ev.target is None and not options.keep_statements:
                continue
            ev.article_id = article.id
            # (a dump's first line, short and unpunctuated, is its headline too)
            ev._headline = kind == "title" or (offset == 0 and len(segments) > 1 and is_headline(doc))
            events.append(ev)
    # "Shabaab threatens more attacks" above "The al-Shabaab militant group has threatened ...": a
    # headline act whose doer no word of the headline names is the story's own act, told below
    # ("Cairo turns down invitation" above "Egypt has declined an invitation from Ethiopian
    # Prime Minister Abiy Ahmed": the headline's act with no party named is the story's, told fuller)
    body = [ev for ev in events if not getattr(ev, "_headline", False)]
    told = {ev.cameo[:2] for ev in body}
    fuller = {(ev.source.code, ev.cameo[:2]) for ev in body if ev.target is not None}
    # ("Navy arrests 14 fishermen" above "The Sri Lanka Navy arrested ...": a headline doer named
    # by a role word and no state is the body's doer of that kind)
    placed = {(ev.source.sector, ev.cameo[:2]) for ev in body if ev.source.country and ev.source.sector}
    # ("8 terrorists killed in North Waziristan" above "Security forces killed eight terrorists":
    # a headline toll with no doer is the body's act on the same people)
    suffered = {(ev.target.code, ev.cameo[:2]) for ev in body if ev.target is not None}
    events = [ev for ev in events if not (getattr(ev, "_headline", False) and (
        ev.source.code.startswith("---") and ev.cameo[:2] in told
        or ev.target is None and (ev.source.code, ev.cameo[:2]) in fuller
        or ev.source.country is None and (ev.source.sector, ev.cameo[:2]) in placed
        or ev.source.rule == "implicit" and ev.target is not None
        and (ev.target.code, ev.cameo[:2]) in suffered))]
    # "... the ministry said on Tuesday. The minister said the talks were constructive": past
    # the story's lead, a statement addressed to no one attributes what the story tells; it is
    # not a political act of its own (the lead's statement may be the news)
    # ("Egypt said it was studying the plan" after Israel's act is a new party's word: kept)
    lead = min((ev.sentence for ev in events if not getattr(ev, "_headline", False)), default=None)
    told_states = {a.country or a.code for ev in events for a in (ev.source, ev.target) if a is not None
                   and not (ev.cameo == "010" and ev.target is None)}
    told_sectors = {ev.source.sector for ev in events if not (ev.cameo == "010" and ev.target is None)}
    events = [ev for ev in events if not (ev.cameo == "010" and ev.target is None and lead is not None
                                          and ev.sentence > lead and not getattr(ev, "_headline", False)
                                          and ((ev.source.country or ev.source.code) in told_states
                                               or ev.source.country is None and ev.source.sector in told_sectors))]
    # "Police clashed with protesters on Wednesday ... The ombudsman said 14 people had been
    # injured": a toll with no doer, told after a clash or an attack whose doer is named, is
    # what that act did, not an attack of its own
    fought = [ev.sentence for ev in events if ev.cameo[:2] in {"14", "17", "18", "19", "20"}
              and ev.source.rule not in {"implicit", "implicit+setting"} and not getattr(ev, "_headline", False)]
    first_fight = min(fought, default=None)
    events = [ev for ev in events if not (
        first_fight is not None and ev.sentence > first_fight and ev.cameo[:2] in {"18", "19"}
        and ev.source.rule == "implicit" and ev.source.sector == "UAF"
        and ev.trigger.lower().startswith(_TOLL_WORDS))]
    # "Pakistan hosted the Iranian minister ... the visit, which Pakistan hosted ...": a
    # cooperative act by a doer already told with whom it was done is that act again
    aimed = {(ev.source.code, ev.cameo[:2]) for ev in events if ev.target is not None}
    events = [ev for ev in events if ev.target is not None or ev.cameo[:2] not in _COOPERATIVE
              or (ev.source.code, ev.cameo[:2]) not in aimed]
    if options.bare_countries:
        # PETRARCH codes a meeting once, from the one named first: no mirror of "A met B"
        events = [ev for ev in events if not getattr(ev, "_mirror", False)]
        for ev in events:
            ev.source = _bare(ev.source, doer=True)
            ev.target = _bare(ev.target) if ev.target is not None else None
    return events


# words of a toll whose doer is not named ("were killed", "had been injured", "was shot dead")
_TOLL_WORDS = ("kill", "injur", "wound", "shot", "hurt", "martyr")


# roots of acts done with someone: told again without the partner, they are the same act
_COOPERATIVE = frozenset({"03", "04", "05", "06", "07", "08"})


# How a bare state name is resolved: the country itself, its capital, its demonym, "his country"
BARE_RULES = frozenset({"country", "metonymy", "capital", "demonym", "demonym-modifier", "possessive-state",
                        "place", "own-state"})


# CAMEO writes the UN system and the EU as intergovernmental bodies: IGOUNO, IGOEUR...
_IGO_PREFIXED = frozenset({"UNO", "EUR"})


# Countries lent to an actor no word of its own places: the article's main state for a role word
# ("insurgents", "police") or an unnamed doer. The state of the event's place stays with those the
# act falls on ("children killed in Gaza") and with an unnamed doer ("soldiers killed in Ukraine":
# by Ukraine), but not with a role word doing the act: insurgents shelling Aleppo may have come
# from anywhere.
GUESSED_RULES = frozenset({"agent+main-country", "implicit"})
GUESSED_DOER_RULES = GUESSED_RULES | {"agent+setting"}


def _bare(actor: Actor, doer: bool = False) -> Actor:
    guessed = GUESSED_DOER_RULES if doer else GUESSED_RULES
    if actor.rule in guessed and actor.country and actor.code.startswith(actor.country):
        # PETRARCH reads one sentence at a time: a role word no word of it places has no country
        return replace(actor, country=None, code=actor.code[len(actor.country):] or "---")
    if actor.country in _IGO_PREFIXED and actor.code.startswith(actor.country):
        return replace(actor, code="IGO" + actor.code)  # "the UN" -> IGOUNO, "UN troops" -> IGOUNOMIL
    # a pronoun or coreference copy keeps the entry it came from: "Israel said it ..."
    if actor.rule.endswith("+drill") and actor.country:
        return replace(actor, sector=None, code=actor.country)  # a state named as holding a drill
    from_state = actor.rule in BARE_RULES or (actor.entry or "").startswith("countries.tsv")
    if not from_state or actor.sector != "GOV" or not actor.country:
        return actor
    return replace(actor, sector=None, code=actor.country)


def _worker_batch(args: tuple[list[Article], CoderOptions]) -> list[tuple[Article, list[Event]]]:
    batch, options = args
    from dataclasses import replace

    single = replace(options, processes=1)
    return list(code_articles(batch, single))


def code_articles(articles: Iterable[Article], options: CoderOptions | None = None) -> Iterator[tuple[Article, list[Event]]]:
    """Parse in batches with nlp.pipe and code each article; yields (article, events) in order.

    With `processes` > 1 whole batches (parse and coding) go to worker processes forked after
    the model is loaded, so both halves of the work scale and memory pages are shared.
    """
    options = options or CoderOptions()
    coder = get_coder(options.keep_negated, options)
    if options.processes > 1:
        import multiprocessing as mp

        def batches() -> Iterator[tuple[list[Article], CoderOptions]]:
            chunk: list[Article] = []
            for art in articles:
                chunk.append(art)
                if len(chunk) >= options.batch_size:
                    yield chunk, options
                    chunk = []
            if chunk:
                yield chunk, options

        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        with ctx.Pool(options.processes) as pool:
            for result in pool.imap(_worker_batch, batches(), chunksize=1):
                yield from result
        return
    nlp = coder.nlp
    buffer: list[Article] = []

    def run(batch: list[Article]) -> Iterator[tuple[Article, list[Event]]]:
        texts, owners = [], []
        for i, art in enumerate(batch):
            for seg in _segments(art):
                # texts prepared for TABARI join names with underscores ("Dol_Amroth"); a space
                # of the same length keeps every offset
                # (a title-case headline is read with its ordinary words in lower case: headline.py)
                texts.append(sentence_case(_JOINED.sub(" ", seg[1])))
                owners.append(i)
        docs: list[list] = [[] for _ in batch]
        read: list[list[str]] = [[] for _ in batch]
        for owner, text, doc in zip(owners, texts, nlp.pipe(texts, batch_size=options.batch_size)):
            docs[owner].append(doc)
            read[owner].append(text)
        for art, art_docs, art_read in zip(batch, docs, read):
            if art.published is None and options.published:
                art.published = options.published
            yield art, code_parsed(coder, art, art_docs, options, art_read)

    for art in articles:
        buffer.append(art)
        if len(buffer) >= options.batch_size:
            yield from run(buffer)
            buffer = []
    if buffer:
        yield from run(buffer)


def code_article(article: Article, options: CoderOptions | None = None) -> list[Event]:
    return next(code_articles([article], options))[1]


def code_records(records: Iterable[dict], options: CoderOptions | None = None) -> list[Event]:
    """Code EVENT_FORMAT article records (e.g. a gold file); events carry the record ids."""
    arts = []
    for rec in records:
        arts.append(Article(id=str(rec["id"]), text=rec.get("text") or "", title=rec.get("title"),
                            published=rec.get("published"), source=rec.get("source"),
                            captions=list(rec.get("captions") or [])))
    out: list[Event] = []
    for _art, events in code_articles(arts, options):
        out.extend(events)
    return out


def code_store(store, article_ids: list[str], options: CoderOptions | None = None) -> int:
    """Code stored articles (skipping near-duplicates kept only for their ids) and store events."""
    arts = store.articles(ids=article_ids, include_duplicates=False)
    n = 0
    chunk: list[tuple[str, list[Event]]] = []
    for art, events in code_articles(arts, options):
        chunk.append((art.id, events))
        if len(chunk) >= 200:
            n += store.write_events(chunk)
            chunk = []
    if chunk:
        n += store.write_events(chunk)
    return n
