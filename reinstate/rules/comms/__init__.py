"""The support log: chat transcripts, follow-ups, drafts of messages to support.

Pure: no Django."""
