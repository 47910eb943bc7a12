#!/usr/bin/env bash
# Installs the Debian packages Tunebench needs to build, test and run its demo.
# Idempotent: only missing packages are installed; uses sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libgl-dev qt6-translations-l10n fonts-wqy-microhei
  libqcustomplot-dev libqcustomplot2.1-qt6
  libsqlite3-dev sqlite3
  libeigen3-dev libboost-dev libyaml-cpp-dev nlohmann-json3-dev libcli11-dev
  libtorch-dev libopenblas0-pthread
  xvfb xauth imagemagick help2man lintian patchelf qt6-wayland libqt6sql6-sqlite
  python3 python3-venv
  slurmctld slurmd slurm-client munge
  python3-torch python3-optuna
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
