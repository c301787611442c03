#!/usr/bin/env bash
# Build the one-folder application with PyInstaller and smoke-test it.
#
#   packaging/build_bundle.sh [DIST_DIR] [WORK_DIR]
#
# Defaults: dist/ and build/ at the top of the repository. Needs the project
# installed (pip install -e .) and PyInstaller (pip install pyinstaller).
# The .qm translations are committed, so no Qt tools are needed here.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dist="${1:-$repo/dist}"
work="${2:-$repo/build}"
python="${PYTHON:-python}"

start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$work" "$repo/packaging/planner-gui.spec"
end=$(date +%s)

app="$dist/planner-gui"
exe="$app/planner-gui"
[ -x "$exe" ] || exe="$app/planner-gui.exe"
echo "built $app in $((end - start)) s, $(du -sh "$app" | cut -f1)"
"$exe" --version
QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$exe" --self-check
