"""The bundled data is the official export, unchanged: same files, same bytes."""

from __future__ import annotations

import hashlib

from conftest import BUNDLED, ROOT


def test_bundled_data_matches_the_published_manifest() -> None:
    manifest = {}
    for line in (ROOT / "tests" / "data" / "bundle.sha256").read_text().splitlines():
        digest, path = line.split(maxsplit=1)
        manifest[path.removeprefix("./")] = digest
    files = sorted(p for p in BUNDLED.rglob("*") if p.is_file())
    assert len(files) == 978 == len(manifest)
    actual = {p.relative_to(BUNDLED).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    assert actual == manifest


def test_slice_files_are_byte_copies_of_the_bundle() -> None:
    from conftest import SLICE

    for path in SLICE.rglob("*.csv"):
        assert path.read_bytes() == (BUNDLED / path.relative_to(SLICE)).read_bytes(), path
