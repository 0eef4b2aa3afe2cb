"""The catalogue's types, and reading and checking its TOML files (``files``, ``options``), with
the Spanish of every text a driver reads (``translations``).

Pure: no Django."""
