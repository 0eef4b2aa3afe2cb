"""The catalogue's types, and reading and checking its TOML files.

Pure: no Django."""
