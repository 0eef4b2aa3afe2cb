"""Reading a notice: its platform, kind, reason, references and the deadline it states.

Pure: no Django."""
