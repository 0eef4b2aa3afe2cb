"""The appeal: its shape (the types the rules read), its readiness check and score, the first
draft of the letter, the tone check.

Pure: no Django."""
