"""`eventwire explain`: the parse, the triggers that fired or nearly fired, roles and events."""
from __future__ import annotations

from eventwire.coding.actors import ActorResolver, find_mentions
from eventwire.coding.pipeline import get_coder
from eventwire.coding.reparse import repair_parse


def explain_text(text: str, published: str | None = None, options=None) -> str:
    coder = get_coder(True, options)
    doc = repair_parse(coder.nlp(text))
    lines: list[str] = []
    lines.append("PARSE")
    for tok in doc:
        lines.append(f"  {tok.i:>3} {tok.text:<16} {tok.lemma_:<14} {tok.pos_:<6} {tok.dep_:<10} "
                     f"-> {tok.head.i:<3} {tok.ent_type_}")
    mentions = find_mentions(doc, coder.dictionary, coder.nlp)
    lines.append("ACTOR NAMES")
    shown = set()
    for i, (entry, start, end) in sorted(mentions.names.items()):
        if start in shown:
            continue
        shown.add(start)
        lines.append(f"  '{doc[start:end].text}' -> {entry.code or entry.country} ({entry.kind}, {entry.where})")
    for i, (sector, where, word) in sorted(mentions.agents.items()):
        lines.append(f"  '{word}' -> sector {sector} ({where})")
    near: list = []
    triggers = coder.triggers(doc, near)
    lines.append("TRIGGERS")
    for trig in triggers:
        lines.append(f"  fired: '{trig.head.text}' {trig.describe()}")
    for pattern, head, reason in near:
        lines.append(f"  nearly: '{head.text}' {pattern.code} '{pattern.text}' ({pattern.id}): {reason}")
    if not triggers and not near:
        lines.append("  none: no lexicon pattern matches this text")
    trace: list = []
    resolver = ActorResolver(coder.dictionary, date=published)
    events = coder.code_doc(doc, resolver, mentions, trace=trace)
    lines.append("ROLES")
    for t in trace:
        trig = t["trigger"]
        src = ", ".join(f"{a.code} '{a.text}' [{a.rule}]" for a in t["sources"]) or (
            "unresolved: " + ", ".join(x.text for x in t["source_tokens"]) if t["source_tokens"] else "none found")
        tgt = ", ".join(f"{a.code} '{a.text}' [{a.rule}]" for a in t["targets"]) or (
            "unresolved: " + ", ".join(x.text for x in t["target_tokens"]) if t["target_tokens"] else "none")
        mod = []
        if t["family"]:
            mod.append(f"governed by a {t['family']} verb")
        if t["negated"]:
            mod.append("negated")
        if t["hypothetical"]:
            mod.append("future/conditional")
        lines.append(f"  '{trig.head.text}' {trig.pattern.code} -> {t['code']}"
                     + (f" ({'; '.join(mod)})" if mod else ""))
        lines.append(f"     source: {src}")
        lines.append(f"     target: {tgt}")
    from eventwire.coding.setting import Setting
    from eventwire.model import Article

    setting = Setting(Article(id="text", text=text, published=published), [doc],
                      resolver.main_country, published, [mentions])
    setting.apply(0, "body", doc, events)
    lines.append("PLACES")
    for m in setting.places.mentions(0):
        c = m.candidate
        lines.append(f"  '{m.text}' -> {c.name}, {c.country} ({c.level}, {c.lat:.3f},{c.lon:.3f}) "
                     f"by {m.rule}, score {m.score}, {m.alternatives} other candidate(s)")
    if setting.dateline is not None:
        lines.append(f"  dateline '{setting.dateline.text}' -> {setting.dateline.candidate.name}")
    if not setting.places.mentions(0) and setting.dateline is None:
        lines.append("  none")
    lines.append("EVENTS")
    for ev in events:
        flags = [f for f in ("negated", "hypothetical") if getattr(ev, f)]
        lines.append(f"  {ev.source.code} -> {ev.target.code if ev.target else '-'}  {ev.cameo} "
                     f"{ev.plover or ''}{'/' + ev.mode if ev.mode else ''}  goldstein {ev.goldstein}  "
                     f"confidence {ev.confidence}  pattern {ev.pattern}" + (f"  [{', '.join(flags)}]" if flags else ""))
        where = f"{ev.location.name}, {ev.location.country}" if ev.location else "no place"
        when = ev.date or "no date"
        if ev.date_text:
            when += f" ('{ev.date_text}', {ev.date_precision or 'unresolved'})"
        lines.append(f"     where: {where}; when: {when}")
    if not events:
        lines.append("  none")
    return "\n".join(lines)
