from eventwire.ingest.dump import is_caption, is_marker, split_dump

from conftest import DUMP


def test_dump_splits_into_articles_with_titles_captions_and_bodies():
    arts = split_dump(DUMP)
    assert [a.title for a in arts] == [
        "Kenya and Ethiopia Sign Border Security Pact in Nairobi",
        "Police Detain Dozens After Protest in Dhaka",
    ]
    assert arts[0].captions == [
        "Kenyan and Ethiopian officials shake hands after the signing ceremony in Nairobi. (AFP)"
    ]
    assert len(arts[1].captions) == 1
    assert arts[0].paragraphs[0].startswith("Kenya and Ethiopia signed")
    assert arts[1].paragraphs[0].startswith("Bangladeshi police detained")


def test_markers_headline_copies_and_repeated_paragraphs_are_dropped():
    arts = split_dump(DUMP)
    for art in arts:
        assert "TT" not in art.text.split() and "AA" not in art.text.split()
        assert art.title not in art.paragraphs
        assert len(art.paragraphs) == len(set(art.paragraphs))
    assert len(arts[1].paragraphs) == 2


def test_caption_and_marker_recognition():
    assert is_caption("Troops patrol a street in Goma. (AP Photo/Jane Doe)")
    assert not is_caption("The talks (held in Doha) ended without a deal.")
    assert not is_caption(
        "Officials said the vote would go ahead (the opposition has called for a boycott of it)"
    )
    assert is_marker("TT") and is_marker("AA") and not is_marker("Talks resume")


def test_single_article_without_headline_keeps_first_paragraph():
    arts = split_dump("Police said on Monday that two men were arrested in Lagos after a robbery.\n")
    assert len(arts) == 1
    assert arts[0].title is None
    assert arts[0].paragraphs[0].startswith("Police said")


def test_line_numbers_point_at_each_article():
    arts = split_dump(DUMP)
    lines = DUMP.split("\n")
    assert lines[arts[1].line - 1] == "Police Detain Dozens After Protest in Dhaka"


def test_a_paper_s_name_under_the_headline_is_no_part_of_the_story():
    from eventwire.coding.pipeline import _segments
    from eventwire.model import Article

    text = ("Qatar hosts Sudan talks\nThe Peninsula\nDOHA: Qatar on Monday hosted talks between the "
            "Sudanese army and the RSF.\nAdvertisement\nThe talks will resume next week.\n")
    kept = [seg_text.strip() for _kind, seg_text, _at in _segments(Article(id="a", text=text))]
    assert "The Peninsula" not in kept and "Advertisement" not in kept
    assert "Qatar hosts Sudan talks" in kept and "The talks will resume next week." in kept


def test_a_byline_is_never_part_of_the_headline_above_it():
    from eventwire.coding.pipeline import _segments
    from eventwire.model import Article

    # a headline with a comma is not cut as a headline line; the byline still stands alone
    text = ("Ruto, Museveni discuss border trade in phone call\nBy Staff Reporter\nNAIROBI: President "
            "William Ruto spoke by telephone on Monday with Ugandan President Yoweri Museveni.\n")
    kept = [seg_text.strip() for _kind, seg_text, _at in _segments(Article(id="a", text=text))]
    assert "Ruto, Museveni discuss border trade in phone call" in kept
    assert not any("By Staff Reporter" in k and "phone call" in k for k in kept)
