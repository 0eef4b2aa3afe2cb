"""Evidence: exhibit labels, photo times and places, the offline photo map.

Pure: no Django."""
