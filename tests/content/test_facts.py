"""The default program's facts, quotations and wording, checked against the fact sheet.

Each test reads the shipped program (modules, cases, exercises) as loaded by the
generator, so what it checks is what the handbook, the guide and the workbook print.
"""

from __future__ import annotations

import re

import pytest

from generator.loader import load_program
from generator.model import Program

from ..conftest import REPO
from .facts_text import Item, cites, items, notes, walk


@pytest.fixture(scope="module")
def program() -> Program:
    return load_program(REPO)


@pytest.fixture(scope="module")
def content(program: Program) -> list[Item]:
    return items(program)


def by_id(content: list[Item], item_id: str) -> Item:
    return next(i for i in content if i.id == item_id)


# Every quotation of a real person or organisation the program prints: a fragment of the
# words, a word of the attribution that must stand in the same field, and the author of
# the source that must be in the item's `sources`.
QUOTATIONS = [
    ("Do those served grow as persons?", "Greenleaf", "Greenleaf"),
    (
        "Employees first, customers second, shareholders third. If the employees serve",
        "CNBC",
        "Associated Press",
    ),
    ("your job is to be taking care of someone who is", "Carlzon", "How Leadership drives"),
    ("We are Ladies and Gentlemen serving Ladies and Gentlemen", "motto", "Michelli"),
    ("Deliver WOW Through Service", "core values", "Hsieh"),
    ("1 Great Person = 3 Good People", "Foundation Principles", "The Container Store"),
]

# Sentences the program writes as examples of what a leader might say or write: not
# quotations of anyone, so they need no source.
EXAMPLES = ["Ask Priya on Thursday"]

QUOTED = re.compile(r'["\u201c]([^"\u201d]+)["\u201d]')


def test_kellehers_unsourced_line_is_gone_everywhere() -> None:
    files = [*REPO.glob("modules/**/*.yml"), *REPO.glob("exercises/*.yml")]
    files += [*REPO.glob("docs/**/*.md"), *REPO.glob("programs/*/docs/**/*.md")]
    assert len(files) >= 20
    for path in files:
        text = " ".join(path.read_text(encoding="utf-8").split()).lower()
        assert "not a conflict" not in text, path.relative_to(REPO)


def test_kellehers_words_are_the_sourced_cnbc_ones(content: list[Item]) -> None:
    case = by_id(content, "southwest-airlines")
    story = case.field("story")
    assert (
        '"Employees first, customers second, shareholders third. If the employees serve the '
        'customer well, the customer comes back, and that makes the shareholders happy."'
    ) in story
    assert "CNBC" in story
    assert cites(case, "Associated Press", 2019)
    assert "If the employees serve the customer well" in notes(case)


def test_every_quotation_is_attributed_and_sourced(content: list[Item]) -> None:
    found = 0
    for item in content:
        for path, text in item.fields:
            for words, attribution, author in QUOTATIONS:
                if words.lower() not in text.lower():
                    continue
                found += 1
                where = f"{item.id}: {path}"
                # where a quotation is told (a story, an explanation) it names its speaker;
                # a question that quotes it again may lean on that
                told = path == "story" or path.endswith(".explanation")
                assert attribution in (text if told else item.text), (
                    f"{where}: quotation without {attribution!r}"
                )
                if item.kind == "exercise":  # exercises carry no sources of their own
                    pytest.fail(f"{where}: quote {words!r} in a module or case with sources")
                assert cites(item, author), f"{where}: {words!r} needs a source by {author}"
    assert found >= len(QUOTATIONS)


def test_no_unlisted_quotation_in_stories_or_explanations(content: list[Item]) -> None:
    """A long quoted span in a case's story or a principle's explanation is a quotation
    of someone: it must be one of the listed, sourced ones."""
    for item in content:
        for path, text in item.fields:
            if not (path == "story" or path.endswith(".explanation")):
                continue
            for span in QUOTED.findall(text):
                if len(span.split()) < 5:
                    continue  # a term or a short phrase, not a quotation
                known = [w for w, _, _ in QUOTATIONS] + EXAMPLES
                assert any(w.lower() in span.lower() for w in known), (
                    f"{item.id}: {path}: unlisted quotation {span!r}: attribute and source it, "
                    "then add it to QUOTATIONS"
                )


def test_zappos_figures_are_the_ones_from_amazons_release(content: list[Item]) -> None:
    case = by_id(content, "zappos")
    story = case.field("story")
    for figure in ("22 July 2009", "$807 million", "$40 million", "$847 million", "$1.2 billion"):
        assert figure in story, figure
    assert "$888" not in case.text and "888 million" not in case.text
    assert cites(case, "Amazon.com", 2009)
    for figure in ("$807 million", "$40 million", "$847 million", "$1.2 billion"):
        assert figure in notes(case), figure


MONEY_OR_SHARE = re.compile(r"\$[\d.,]+(?: (?:million|billion))?|\b\d+(?:\.\d+)?%")


def test_every_money_figure_and_percentage_is_in_a_source_note(content: list[Item]) -> None:
    checked = 0
    for item in content:
        if item.kind == "exercise":
            continue
        cited = notes(item)
        for path, text in item.fields:
            for figure in MONEY_OR_SHARE.findall(text):
                checked += 1
                assert figure in cited, f"{item.id}: {path}: {figure} has no source note"
    assert checked >= 10


def test_moment_of_truth_is_credited_to_normann(content: list[Item]) -> None:
    explained = 0
    for item in content:
        for path, text in item.fields:
            if (path == "story" or path.endswith(".explanation")) and re.search(
                r"moments? of truth", text, re.IGNORECASE
            ):
                explained += 1
                assert "Normann" in text and "popularised" in text, f"{item.id}: {path}"
                assert cites(item, "Normann", 1984), item.id
    assert explained >= 2  # the opening module's principle and the SAS case


def test_greenleaf_dates_say_more_than_fifty_years(content: list[Item]) -> None:
    for item in content:
        for path, text in item.fields:
            for match in re.finditer(r"(\w+\s+\w+\s+)?fifty years ago", text, re.IGNORECASE):
                assert (match.group(1) or "").lower().startswith("more than"), (
                    f"{item.id}: {path}: {match.group(0)!r}"
                )


def test_container_store_has_three_founders_and_more_than_one_question(
    program: Program, content: list[Item]
) -> None:
    case = program.cases["container-store"]
    for founder in ("Kip Tindell", "Garrett Boone", "John Mullen"):
        assert founder in case.story and any(founder in p for p in case.people), founder
    assert "John Mullen" in notes(by_id(content, "container-store"))
    segments = [s for m in program.modules for s in m.segments if s.case == "container-store"]
    assert segments
    for segment in segments:
        assert len(segment.facilitator.debrief) >= 2, segment.title
        assert len(segment.case_questions or case.discussion) >= 2, segment.title


CHAIN_ITEMS = ["southwest-airlines", "serve-first", "leaders-as-coaches", "making-it-stick"]


@pytest.mark.parametrize("item_id", CHAIN_ITEMS)
def test_the_service_profit_chain_is_named_and_sourced(content: list[Item], item_id: str) -> None:
    item = by_id(content, item_id)
    assert "service-profit chain" in item.text
    assert cites(item, "Heskett", 1994)


@pytest.mark.parametrize("item_id", ["southwest-airlines", "making-it-stick"])
def test_the_evidence_is_given_as_correlational(content: list[Item], item_id: str) -> None:
    item = by_id(content, item_id)
    assert cites(item, "Liden", 2014)
    mentions = [text for _, text in item.fields if "Liden" in text]
    assert mentions
    for text in mentions:
        assert re.search(r"correlational|went with|went together|associated", text), text
        assert not re.search(r"Liden[^.]*\b(?<!not )(?:proves?|proved|caused)\b", text), text


def test_front_line_is_one_spelling_per_part_of_speech(content: list[Item]) -> None:
    nouns = "staff|roles?|jobs?|hours|leaders?|teams?|workers?|employees?|managers?|colleagues?"
    for item in content:
        for path, text in item.fields:
            where = f"{item.id}: {path}"
            assert not re.search(r"\bfrontline\b", text, re.IGNORECASE), where
            # the noun is two words: "on the front line"
            assert not re.search(rf"\bfront line (?:{nouns})\b", text, re.IGNORECASE), where
            # the adjective is hyphenated and comes before its noun: "front-line staff"
            for match in re.finditer(r"\bfront-line\b(.{0,2})", text, re.IGNORECASE):
                assert re.match(r" [a-z]", match.group(1)), f"{where}: {match.group(0)!r}"


def test_program_is_spelt_programme_in_prose(content: list[Item]) -> None:
    """British spelling: "programme" for a course or a plan of events; "program" only for
    software. Titles in `sources` keep their published spelling ("Evaluating Training
    Programs") and are not prose."""
    for item in content:
        for path, text in item.fields:
            assert not re.search(r"\bprograms?\b", text, re.IGNORECASE), f"{item.id}: {path}"


def test_servant_leader_is_hyphenated_as_greenleaf_and_spears_write_it(
    content: list[Item],
) -> None:
    """One spelling of the noun: "servant-leader", as in the module on the ten characteristics;
    "servant leadership" stays open. Source titles keep their own spelling."""
    for item in content:
        for path, text in item.fields:
            found = re.search(r"\bservant\s+leaders?\b(?!ship)", text, re.IGNORECASE)
            assert not found, f"{item.id}: {path}: {found and found.group(0)!r}"


def test_a_normal_tuesday_is_not_a_refrain(content: list[Item]) -> None:
    text = "\n".join(i.text for i in content)
    assert len(re.findall(r"Tuesday", text)) <= 3
    assert len(re.findall(r"normal Tuesday", text)) <= 2  # the self-check's own name


def test_self_check_items_each_ask_about_one_behaviour(program: Program) -> None:
    exercise = program.exercises["ten-characteristics-self-assessment"]
    scales = [part for part in exercise.worksheet if part.kind == "scale"]
    assert len(scales) == 10
    for scale in scales:
        assert len(scale.items) == 3, scale.label  # the 3-15 scoring depends on it
        for statement in scale.items:
            assert not re.search(r",? and I \w+", statement), statement
            assert not re.search(r"\b\w+ and (?:budget|people|staff)\b", statement), statement
    assert "I manage it" not in exercise.model_dump_json()


def test_the_neighbour_test_is_defined_wherever_it_is_used(content: list[Item]) -> None:
    used = [i for i in content if "neighbour test" in i.text.lower()]
    assert {i.id for i in used} >= {"vision-values-draft"}
    for item in used:
        assert "never worked in" in item.text, item.id
    exercise = by_id(content, "vision-values-draft")
    participant = " ".join(t for p, t in exercise.fields if p.startswith("instructions"))
    assert "neighbour test" in participant and "never worked in" in participant


def test_fact_sheet_topics_are_all_covered_by_sources(content: list[Item]) -> None:
    """The works the fact sheet names for the revised content are cited somewhere."""
    every = [s for item in content for s in item.sources]
    for author, year in [("Heskett", 1994), ("Liden", 2014), ("Normann", 1984)]:
        assert any(author in (s.author or "") and s.year == year for s in every), author
    southwest = by_id(content, "southwest-airlines")
    assert cites(southwest, "Machinists", 2020)  # the disputed no-furlough record
    assert "furlough" in southwest.field("facilitator.notes")


def test_the_text_walker_keeps_every_script_and_leaves_out_ids_and_sources() -> None:
    """What the content tests read: every script as written, lines joined, no ids."""
    raw = {
        "id": "张伟-case",
        "story": "Zhāng 张伟 met Ахмед,\n  أحمد and अमित 🙂",
        "sources": [{"note": "not prose"}],
        "discussion": ["Пётр asked a question"],
    }
    assert dict(walk(raw, "")) == {
        "story": "Zhāng 张伟 met Ахмед, أحمد and अमित 🙂",
        "discussion[0]": "Пётр asked a question",
    }
