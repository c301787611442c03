"""The PyInstaller one-folder bundle starts and works without Python.

Slow (builds the bundle, about 20-60 s): `python -m pytest -m slow tests/test_bundle.py`.
Needs `pip install pyinstaller`. The bundle runs in a clean environment: no
PYTHONPATH, no virtualenv, PATH without any Python; where the machine allows a
private mount namespace (root in a container), every Python installation is
also hidden from the bundled program.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tools import required_tool

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    try:  # a declared test dependency: missing, the bundle tests fail rather than skip
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is not installed (pip install -e '.[test]')", pytrace=False)
    folder = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(folder / "dist"), "--workpath", str(folder / "work"),
         str(REPO / "packaging" / "planner-gui.spec")],
        capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    exe = folder / "dist" / "planner-gui" / ("planner-gui.exe" if os.name == "nt" else "planner-gui")
    assert exe.is_file()
    return exe


def clean_env(home: Path, lang: str = "C.UTF-8") -> dict[str, str]:
    """What a desktop user's session has, without any trace of our Python."""
    empty_bin = home / "bin"
    empty_bin.mkdir(parents=True, exist_ok=True)
    return {
        "PATH": str(empty_bin),  # the bundle is started by full path and needs no tools
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "share"),
        "PLANNER_GUI_DATA_DIR": str(home / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": lang,
    }


def run_bundle(exe: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True,
                          timeout=120, cwd=env["HOME"])


def pdf_from(output: str) -> Path:
    line = next(line for line in output.splitlines() if line.startswith("self-check ok "))
    return Path(line.removeprefix("self-check ok ").strip())


def test_bundle_reports_its_version(bundle, tmp_path):
    from planner_gui import __version__

    result = run_bundle(bundle, clean_env(tmp_path), "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"planner-gui {__version__}"
    # Started through a link in ~/.local/bin, as packaging/README.md installs it.
    link = tmp_path / "planner-gui"
    link.symlink_to(bundle)
    linked = run_bundle(link, clean_env(tmp_path), "--version")
    assert linked.returncode == 0 and linked.stdout.strip() == result.stdout.strip(), linked.stderr


def test_bundle_self_check_opens_the_plan_and_writes_a_pdf(bundle, tmp_path):
    result = run_bundle(bundle, clean_env(tmp_path), "--self-check")
    assert result.returncode == 0, result.stdout + result.stderr
    pdf = pdf_from(result.stdout)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 1000
    # The self-check worked on a temporary copy: the user's data folder is untouched.
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").iterdir())
    text = subprocess.run([required_tool("pdftotext"), str(pdf), "-"], capture_output=True,
                          text=True).stdout
    assert "丰台区" in text  # CJK text made it into the PDF
    fonts = subprocess.run([required_tool("pdffonts"), str(pdf)], capture_output=True, text=True).stdout
    assert "PlannerSansSC" in fonts  # the font shipped in resources/fonts, embedded


def test_bundle_speaks_chinese_under_a_chinese_locale(bundle, tmp_path):
    chinese = run_bundle(bundle, clean_env(tmp_path / "zh", "zh_CN.UTF-8"), "--self-check")
    english = run_bundle(bundle, clean_env(tmp_path / "en", "en_US.UTF-8"), "--self-check")
    assert chinese.returncode == 0 and english.returncode == 0, chinese.stdout + english.stdout
    assert "language: zh_CN" in chinese.stdout
    assert "language: en" in english.stdout
    zh_menus = next(line for line in chinese.stdout.splitlines() if line.startswith("menus:"))
    en_menus = next(line for line in english.stdout.splitlines() if line.startswith("menus:"))
    assert "File" in en_menus and "文件" in zh_menus, (zh_menus, en_menus)


def _python_locations() -> list[Path]:
    places = {Path(sys.base_prefix), Path(sys.prefix), Path(sysconfig.get_paths()["stdlib"])}
    for prefix in (Path(sys.base_prefix), Path(sys.prefix)):
        if ".pyenv" in prefix.parts:  # every pyenv version, not only this one
            places.add(Path(*prefix.parts[: prefix.parts.index(".pyenv") + 1]))
    for pattern in ("/usr/lib/python3*", "/usr/local/lib/python3*", "/usr/bin/python3*",
                    "/usr/local/bin/python3*"):
        places.update(Path("/").glob(pattern.lstrip("/")))
    # Never hide / or /usr themselves; a place inside another hidden one is hidden already.
    places = {p for p in places if p.exists() and p not in (Path("/"), Path("/usr"))}
    return sorted(p for p in places if not any(p != q and p.is_relative_to(q) for q in places))


def test_bundle_runs_with_every_python_hidden(bundle, tmp_path):
    """In a private mount namespace, mount empty folders over every Python installation."""
    if sys.platform != "linux" or shutil.which("unshare") is None:
        pytest.skip("needs Linux unshare")
    probe = subprocess.run(["unshare", "--mount", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("no permission for a private mount namespace")
    mount = shutil.which("mount") or "/bin/mount"
    hides = []
    for place in _python_locations():
        if bundle.is_relative_to(place):
            continue
        if place.is_dir():
            hides.append(f"{mount} -t tmpfs none '{place}'")
        else:
            hides.append(f"{mount} --bind /dev/null '{place}'")
    env = clean_env(tmp_path)
    script = " && ".join([
        *hides,
        # Prove it: no Python interpreter can start any more.
        "! /usr/bin/env -i /bin/sh -c 'command -v python3 >/dev/null && python3 -c 1' 2>/dev/null",
        f"'{bundle}' --self-check",
    ])
    result = subprocess.run([shutil.which("unshare"), "--mount", "/bin/sh", "-c", script], env=env,
                            capture_output=True, text=True, timeout=120, cwd=env["HOME"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert pdf_from(result.stdout).name == "summary.pdf"
