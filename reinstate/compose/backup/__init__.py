"""`reinstate backup` and `reinstate restore`: a consistent copy of the data folder while the
app runs, and putting one back into an empty folder.

    archive.py   the backup file: a tar of the parts with manifest.json (SHA-256 of each)
    database.py  the database snapshot and its restore (SQLite's backup API, or pg_dump)
    make.py      taking a backup: the database first, then the files it refers to
    restore.py   checking a backup whole before anything is put in place, then verifying

Copying the folder while the server writes is not a backup: blobs copied before the database
miss the originals of rows added meanwhile, and a live WAL database copied file by file is not
consistent. So the database is snapshotted first, and the originals copied are exactly those its
rows name (originals are never modified, only added or deleted).
"""
