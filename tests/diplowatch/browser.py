"""Headless Chromium for the report tests: dump the DOM after scripts ran, take a screenshot."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no chromium on PATH (Debian: apt-get install -y chromium)")


def run_chromium(page: Path, profile: Path, *args: str, fragment: str = "") -> str:
    """Open `page` (with `#fragment`) in a fresh profile with `args`; returns stdout."""
    url = page.as_uri() + (f"#{fragment}" if fragment else "")
    command = [chromium(), *FLAGS, f"--user-data-dir={profile}", *args, url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def dump_dom(page: Path, profile: Path, *, width: int = 1200, fragment: str = "") -> str:
    # Virtual time lets the page's script run to completion before the DOM is printed.
    return run_chromium(
        page, profile, f"--window-size={width},900", "--virtual-time-budget=5000", "--dump-dom",
        fragment=fragment,
    )  # fmt: skip


def screenshot(
    page: Path, profile: Path, out: Path, *, width: int = 1200, height: int = 900
) -> bytes:
    run_chromium(
        page, profile, f"--window-size={width},{height}", "--virtual-time-budget=5000",
        "--hide-scrollbars", f"--screenshot={out}",
    )  # fmt: skip
    return out.read_bytes()


def png_colours(data: bytes, limit: int = 64) -> int:
    """How many distinct pixel values a PNG has (up to `limit`), read with zlib alone.

    Handles 8-bit RGB and RGBA without interlacing, which is what Chromium writes.
    """
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert header is not None
    width, height, depth, colour_type, _, _, interlace = header
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, header
    channels = 3 if colour_type == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    seen: set[bytes] = set()
    for row in range(height):
        start = row * (stride + 1)
        line = _unfilter(
            raw[start], bytearray(raw[start + 1 : start + 1 + stride]), previous, channels
        )
        for x in range(0, stride, channels * 7):  # a sample of pixels is enough
            seen.add(bytes(line[x : x + channels]))
            if len(seen) >= limit:
                return len(seen)
        previous = line
    return len(seen)


def _unfilter(kind: int, line: bytearray, prev: bytearray, bpp: int) -> bytearray:
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        up = prev[i]
        up_left = prev[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 2:
            line[i] = (line[i] + up) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            p = left + up - up_left
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
            predictor = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
            line[i] = (line[i] + predictor) & 0xFF
    return line
