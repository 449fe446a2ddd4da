"""The four faces of an official document, found on the machine or shipped with us.

GB/T 9704 sets the body in 仿宋, level-1 headings in 黑体, level-2 in 楷体 and the
title in 小标宋.  Agencies' PCs usually have those fonts (Windows ``Fonts``, or
the usual folders on Kylin/UOS); where one is missing, an open-licensed face
shipped in ``assets/fonts`` stands in, so the PDF never depends on the viewer.
All are TrueType, which ReportLab embeds as a subset.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from export.assets import asset_path

ROLES = ("body", "heading", "subheading", "title")

# Candidate file names per role, best first (Windows names, then Linux ports).
OFFICIAL = {
    "body": (
        "simfang.ttf",
        "仿宋_GB2312.ttf",
        "FangSong_GB2312.ttf",
        "FangSong.ttf",
        "fangsong_gb2312.ttf",
    ),
    "heading": ("simhei.ttf", "SimHei.ttf", "黑体.ttf"),
    "subheading": ("simkai.ttf", "楷体_GB2312.ttf", "KaiTi_GB2312.ttf", "KaiTi.ttf"),
    "title": ("FZXBSJW.TTF", "方正小标宋简体.ttf", "FZXiaoBiaoSong-B05S.ttf", "FZXBSJW--GB1-0.ttf"),
}
# What stands in when the machine lacks the official face.
BUNDLED = {
    "body": "NotoSerifSC-Regular.ttf",
    "heading": "NotoSansSC-Bold.ttf",
    "subheading": "LXGWWenKai-Regular.ttf",  # 楷体-style (OFL); no open 仿宋 could be had
    "title": "NotoSerifSC-Black.ttf",
}


class MissingFontError(RuntimeError):
    """A shipped font file is missing: the installation is broken."""


@dataclass(frozen=True)
class FontChoice:
    role: str
    name: str  # the name registered with ReportLab
    path: Path
    official: bool


def font_folders() -> list[Path]:
    """Where fonts live on Windows and on the Linux desktops agencies use."""
    folders: list[Path] = []
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        folders.append(windir / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    else:
        folders += [
            Path.home() / ".fonts",
            Path.home() / ".local" / "share" / "fonts",
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            Path("/opt/kingsoft/wps-office/office6/fonts"),  # WPS ships the 公文 fonts
        ]
    return [f for f in folders if f.is_dir()]


def _index(folders: list[Path]) -> dict[str, Path]:
    """Lower-case file name → path, for every font file under the folders."""
    found: dict[str, Path] = {}
    for folder in folders:
        for root, _dirs, files in os.walk(folder):
            for name in files:
                if name.lower().endswith((".ttf", ".ttc", ".otf")):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


def _usable(path: Path, name: str) -> bool:
    # A CFF-outline .otf or a broken file cannot be embedded; skip it.
    try:
        pdfmetrics.registerFont(TTFont(name, str(path)))
        return True
    except (TTFError, OSError, ValueError):
        return False


_cache: dict[tuple[object, ...], dict[str, FontChoice]] = {}


def register_fonts(
    folders: list[Path] | None = None, use_official: bool = True
) -> dict[str, FontChoice]:
    """Register one face per role with ReportLab (once) and say which files were used."""
    key = (use_official, tuple(folders) if folders is not None else None)
    if key in _cache:
        return _cache[key]
    index = _index(folders if folders is not None else font_folders()) if use_official else {}
    choices: dict[str, FontChoice] = {}
    for role in ROLES:
        for candidate in OFFICIAL[role]:
            path = index.get(candidate.lower())
            name = f"gov-{role}-official"
            if path is not None and _usable(path, name):
                choices[role] = FontChoice(role, name, path, True)
                break
        else:
            path = asset_path("fonts", BUNDLED[role])
            if not path.exists():
                raise MissingFontError(
                    f"缺少字体文件 {path}：请重新安装本程序（开发环境请运行 make 以下载字体）"
                )
            name = f"gov-{role}-bundled"
            pdfmetrics.registerFont(TTFont(name, str(path)))
            choices[role] = FontChoice(role, name, path, False)
    _cache[key] = choices
    return choices
