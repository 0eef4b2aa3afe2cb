"""Rules about platform policies' texts: the word diff between two versions. Pure: no Django."""
