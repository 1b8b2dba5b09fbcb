"""Media storage is chosen by configuration: local disk, or an S3-compatible bucket."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
SHOW_STORAGE = (
    "from django.core.files.storage import storages; s = storages['default']; "
    "print(type(s).__name__, getattr(s, 'bucket_name', ''), getattr(s, 'endpoint_url', ''))"
)


def default_storage_with(**env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    environment.update({"DJANGO_SETTINGS_MODULE": "cms.settings.dev", "LOG_LEVEL": "ERROR", **env})
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SHOW_STORAGE],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


def test_media_is_on_local_disk_by_default():
    assert default_storage_with().startswith("FileSystemStorage")


def test_a_bucket_moves_media_to_s3_compatible_storage():
    shown = default_storage_with(AWS_STORAGE_BUCKET_NAME="clinic-media", AWS_S3_ENDPOINT_URL="https://s3.example.net")
    assert shown == "S3Storage clinic-media https://s3.example.net"
