"""Obtain the open-licensed Chinese fonts the program ships, subset them, check them.

Run by ``make`` during set-up (never by the program: it stays offline).  Each font
comes from a pinned npm package (``npm pack``, the registry's ordinary client),
whose tarball must match its SHA-256, or from a Debian package the Makefile
installs, whose file must match its SHA-256; the TrueType file inside is subset with
fontTools to the characters official documents use — 通用规范汉字表 (8105) ∪
GB2312 ∪ ASCII and the punctuation of Chinese text — and written beside this
script with its licence.  ReportLab embeds only TrueType outlines, which these are.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = Path(os.environ.get("FONT_CACHE", Path.home() / ".cache" / "gov-report-fonts"))

PACKAGES = {
    "noto-sans-sc": (
        "@expo-google-fonts/noto-sans-sc",
        "0.4.3",
        "0d69d0f4971d2ff574e3d93cbc218dc950bf3f3f8f8e2c008d97687ed53aee59",
    ),
    "noto-serif-sc": (
        "@expo-google-fonts/noto-serif-sc",
        "0.4.3",
        "ff6bcf5ba68d92dfecc05544bb150f9e724741a932354a0dd97e7289c40a3f5e",
    ),
}
# output file → (package, member inside the tarball)
FONTS = {
    "NotoSansSC-Regular.ttf": ("noto-sans-sc", "package/400Regular/NotoSansSC_400Regular.ttf"),
    "NotoSansSC-Bold.ttf": ("noto-sans-sc", "package/700Bold/NotoSansSC_700Bold.ttf"),
    "NotoSerifSC-Regular.ttf": ("noto-serif-sc", "package/400Regular/NotoSerifSC_400Regular.ttf"),
    "NotoSerifSC-Black.ttf": ("noto-serif-sc", "package/900Black/NotoSerifSC_900Black.ttf"),
}
LICENCE = "OFL-1.1-NotoCJK.txt"
# The 楷体-style face for （一） sub-headings: LXGW WenKai (OFL), from Debian's
# fonts-lxgw-wenkai 1.250+repack-1 (the Makefile installs it); the file is pinned
# by its SHA-256, and Debian's copyright file (with the OFL text) ships beside it.
DEBIAN_FONTS = {
    "LXGWWenKai-Regular.ttf": (
        "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
        "bbf534b0ca093928f94d1782855e65a19a32cde82b075d495d072025521953c8",
        "/usr/share/doc/fonts-lxgw-wenkai/copyright",
        "OFL-1.1-LXGWWenKai.txt",
    ),
}
STAMP = HERE / ".fonts.json"


def charset() -> set[int]:
    """Code points to keep: GB2312, the 8105 list, ASCII, Chinese punctuation."""
    points: set[int] = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                points.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    listing = HERE / "tongyong-8105.txt"
    for line in listing.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            points.update(int(h, 16) for h in line.split())
    points |= set(range(0x2000, 0x2070))  # general punctuation: — “ ” … ‰
    points |= set(range(0x2160, 0x2190))  # Ⅰ Ⅱ … and arrows
    points |= set(range(0x2460, 0x24A0))  # ① ②
    points |= set(range(0x3000, 0x3040))  # CJK punctuation: 、 。 〔 〕 《 》
    points |= set(range(0xFF00, 0xFFF0))  # full-width forms: （ ） ， ： ；
    return points


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def tarball(key: str) -> Path:
    name, version, sha = PACKAGES[key]
    CACHE.mkdir(parents=True, exist_ok=True)
    target = CACHE / f"{key}-{version}.tgz"
    if not target.exists() or _sha256(target) != sha:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(
                ["npm", "pack", f"{name}@{version}", "--silent", "--pack-destination", tmp],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            (packed,) = Path(tmp).glob("*.tgz")
            shutil.move(packed, target)
    actual = _sha256(target)
    if actual != sha:
        target.unlink()
        raise SystemExit(f"{name}@{version}: SHA-256 {actual} does not match the pinned {sha}")
    return target


def subset(source: bytes, out: Path, points: set[int]) -> None:
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    with tempfile.NamedTemporaryFile(suffix=".ttf", delete=False) as tmp:
        tmp.write(source)
    try:
        font = TTFont(tmp.name)
        options = ft_subset.Options(layout_features=["*"], name_IDs=["*"], notdef_outline=True)
        subsetter = ft_subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(points))
        subsetter.subset(font)
        partial = out.with_suffix(".part")
        font.save(partial)
        os.replace(partial, out)
    finally:
        os.unlink(tmp.name)


def main() -> int:
    wanted = {
        "packages": PACKAGES,
        "fonts": FONTS,
        "debian": DEBIAN_FONTS,
        "listing": _sha256(HERE / "tongyong-8105.txt"),
    }
    if STAMP.exists() and json.loads(STAMP.read_text()) == json.loads(json.dumps(wanted)):
        if all((HERE / name).exists() for name in [*FONTS, *DEBIAN_FONTS]):
            return 0
    points = charset()
    for out_name, (key, member) in FONTS.items():
        with tarfile.open(tarball(key)) as tar:
            data = tar.extractfile(member).read()  # type: ignore[union-attr]
            licence = tar.extractfile("package/LICENSE_FONT").read()  # type: ignore[union-attr]
        subset(data, HERE / out_name, points)
        (HERE / LICENCE).write_bytes(licence)
        print(f"{out_name}: {(HERE / out_name).stat().st_size / 1e6:.1f} MB")
    for out_name, (path, sha, copyright_file, licence_name) in DEBIAN_FONTS.items():
        source = Path(path)
        if not source.exists():
            raise SystemExit(f"{path} is missing: install the Debian package (make system-deps)")
        if _sha256(source) != sha:
            raise SystemExit(f"{path}: SHA-256 does not match the pinned {sha}")
        subset(source.read_bytes(), HERE / out_name, points)
        shutil.copyfile(copyright_file, HERE / licence_name)
        print(f"{out_name}: {(HERE / out_name).stat().st_size / 1e6:.1f} MB")
    STAMP.write_text(json.dumps(wanted, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
