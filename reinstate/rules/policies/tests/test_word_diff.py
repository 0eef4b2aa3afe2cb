"""The word diff between two versions of a policy: deleted and inserted words, in order, with
long unchanged stretches shortened."""

from __future__ import annotations

from reinstate.rules.policies.word_diff import Run, changed_words, word_diff


def test_it_marks_the_words_replaced():
    runs = word_diff("You must arrive 5 minutes early.", "You must arrive 10 minutes early.")
    assert runs == [
        Run("same", "You must arrive", 3),
        Run("deleted", "5", 1),
        Run("inserted", "10", 1),
        Run("same", "minutes early.", 2),
    ]
    assert changed_words(runs) == (1, 1)


def test_it_ignores_changes_of_spacing_and_lines():
    assert word_diff("one  two\nthree", "one two three") == [Run("same", "one two three", 3)]


def test_it_shortens_a_long_unchanged_stretch():
    words = " ".join(f"w{i}" for i in range(100))
    runs = word_diff(words + " old", words + " new", context=3)
    assert [r.op for r in runs] == ["same", "skipped", "same", "deleted", "inserted"]
    assert runs[1].words == 94
    assert runs[2].text == "w97 w98 w99"


def test_it_gives_every_word_of_a_first_text_as_inserted():
    assert word_diff("", "Hello world") == [Run("inserted", "Hello world", 2)]
