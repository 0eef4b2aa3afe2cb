"""An S3 API server in the test process (moto's, on 127.0.0.1 and a free port: no network),
and a fresh versioned bucket for a test, set as the app's data storage."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import boto3  # type: ignore[import-untyped]
from moto.server import ThreadedMotoServer

KEYS = {"access_key": "testing", "secret_key": "testing"}  # moto takes any
REGION = "us-east-1"


@contextmanager
def s3_server() -> Iterator[str]:
    """The server's address (http://127.0.0.1:<port>), for as long as the block runs."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@dataclass(frozen=True)
class Bucket:
    """A bucket whose keys the app keeps under a folder (REINSTATE_S3_PREFIX), as a bucket
    shared with other things would be; the keys below are the app's names, without it."""

    name: str
    endpoint: str
    prefix: str = "reinstate-site"

    def client(self) -> Any:
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=REGION,
            aws_access_key_id=KEYS["access_key"],
            aws_secret_access_key=KEYS["secret_key"],
        )

    def keys(self, prefix: str = "") -> list[str]:
        found = self.client().list_objects_v2(Bucket=self.name, Prefix=self._key(prefix))
        return sorted(obj["Key"].removeprefix(self._key("")) for obj in found.get("Contents", []))

    def versions(self, key: str) -> int:
        """How many times the key was written (the bucket is versioned)."""
        found = self.client().list_object_versions(Bucket=self.name, Prefix=self._key(key))
        return len(found.get("Versions", []))

    def read(self, key: str) -> bytes:
        got = self.client().get_object(Bucket=self.name, Key=self._key(key))
        body: bytes = got["Body"].read()
        return body

    def put(self, key: str, body: bytes) -> None:
        self.client().put_object(Bucket=self.name, Key=self._key(key), Body=body)

    def delete(self, key: str) -> None:
        self.client().delete_object(Bucket=self.name, Key=self._key(key))

    def _key(self, name: str) -> str:
        return f"{self.prefix}/{name}"

    def storage_settings(self) -> dict[str, Any]:
        """settings.STORAGES["data"] for this bucket, as reinstate/settings.py makes it."""
        return {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": self.name,
                "endpoint_url": self.endpoint,
                "region_name": REGION,
                "location": self.prefix,
                "file_overwrite": True,
                "default_acl": None,
                **KEYS,
            },
        }


def new_bucket(endpoint: str) -> Bucket:
    bucket = Bucket(f"reinstate-{uuid.uuid4().hex[:12]}", endpoint)
    client = bucket.client()
    client.create_bucket(Bucket=bucket.name)
    client.put_bucket_versioning(Bucket=bucket.name, VersioningConfiguration={"Status": "Enabled"})
    return bucket
