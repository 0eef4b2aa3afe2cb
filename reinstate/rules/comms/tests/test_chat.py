"""Splitting a pasted support chat into turns."""

from __future__ import annotations

import pytest

from reinstate.rules.comms.chat import MAX_TURNS, ChatError, Turn, split_turns


def test_it_splits_agent_and_you_lines() -> None:
    turns = split_turns("Agent: Hello, how can I help?\nYou: My account was deactivated.\n")
    assert turns == [
        Turn("Agent", "platform", "", "Hello, how can I help?"),
        Turn("You", "driver", "", "My account was deactivated."),
    ]


def test_it_reads_times_before_or_after_the_name() -> None:
    turns = split_turns(
        "[10:31] Amazon Flex Support: Hi Dana\n"
        "You (10:32 AM): Why was I deactivated?\n"
        "10:33 PM - Sam (Uber Support): I see\n"
        "2026-11-03 10:34 Agent: Checking"
    )
    assert [(t.speaker, t.time, t.side) for t in turns] == [
        ("Amazon Flex Support", "10:31", "platform"),
        ("You", "10:32 AM", "driver"),
        ("Sam (Uber Support)", "10:33 PM", "platform"),
        ("Agent", "2026-11-03 10:34", "platform"),
    ]


def test_it_reads_a_name_and_a_time_on_their_own_lines() -> None:
    turns = split_turns(
        "Sam\n10:34 AM\nWe are reviewing it.\nIt takes 48 hours.\nYou\n10:35 AM\nOK"
    )
    assert turns == [
        Turn("Sam", "platform", "10:34 AM", "We are reviewing it.\nIt takes 48 hours."),
        Turn("You", "driver", "10:35 AM", "OK"),
    ]


def test_it_keeps_continuation_lines_and_sentences_with_colons_in_the_turn() -> None:
    turns = split_turns("You: Here is why:\nNote: I was at the station at 9:58.\n\nthanks")
    assert turns == [
        Turn("You", "driver", "", "Here is why:\nNote: I was at the station at 9:58.\nthanks")
    ]


def test_it_counts_the_drivers_own_name_as_the_driver() -> None:
    turns = split_turns("Dana: hello\nAgent: hi", driver_names=frozenset({"Dana"}))
    assert [t.side for t in turns] == ["driver", "platform"]


def test_lines_before_anyone_speaks_are_kept_unattributed() -> None:
    turns = split_turns("Chat started 3 Nov\nAgent: hi")
    assert turns[0] == Turn("", "unknown", "", "Chat started 3 Nov")


def test_it_refuses_an_endless_chat() -> None:
    with pytest.raises(ChatError):
        split_turns("You: hi\n" * (MAX_TURNS + 1))
