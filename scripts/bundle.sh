#!/usr/bin/env bash
# A relocatable bundle of the window and the command line (make bundle):
#   tunebench-<version>-linux-x86_64.tar.gz with bin/ (tunebench, tunebench-cli,
#   tunebench-demo-objective, tunebench-trial), lib/ (every library they and the Qt plugins
#   load, but glibc's and the GPU driver's), plugins/ (xcb, offscreen and wayland platforms,
#   the SQLite SQL driver, image formats, icon engines), translations/ (Qt's zh_CN; ours is
#   built into the programs), share/ (desktop file, icon, shipped samplers) and a README.
#   Run paths are $ORIGIN-relative (patchelf), so it runs from wherever it is extracted.
# The trainer is not bundled: it must use the site's PyTorch (the README says how).
# Usage: scripts/bundle.sh [BUILD_DIR] [OUT_DIR]   (default: build, BUILD_DIR)
set -eu -o pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$(cd "${1:-build}" && pwd)
OUT=$(mkdir -p "${2:-$BUILD}" && cd "${2:-$BUILD}" && pwd)
command -v patchelf > /dev/null || { echo "bundle.sh: patchelf is missing (scripts/setup.sh installs it)" >&2; exit 1; }
VERSION=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$BUILD/CMakeCache.txt")
NAME=tunebench-$VERSION-linux-x86_64
QT_PLUGINS=$(qtpaths6 --query QT_INSTALL_PLUGINS 2>/dev/null || echo /usr/lib/x86_64-linux-gnu/qt6/plugins)
QT_TRANSLATIONS=$(qtpaths6 --query QT_INSTALL_TRANSLATIONS 2>/dev/null || echo /usr/share/qt6/translations)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/$NAME
mkdir -p "$root"/{bin,lib,plugins,translations,share/applications,share/icons/hicolor/scalable/apps,share/tunebench}

# Libraries that stay the system's: glibc's and the GPU driver's (OpenGL/EGL/Vulkan/NVIDIA).
system_lib() {
  case $(basename "$1") in
    ld-linux*|libc.so*|libm.so*|libdl.so*|libpthread.so*|librt.so*|libresolv.so*|libutil.so*|libanl.so*|libBrokenLocale.so*) return 0 ;;
    libGL.so*|libGLX*|libGLdispatch*|libEGL*|libOpenGL*|libGLES*|libvulkan*|libnvidia*|libcuda*|libdrm*|libgbm*) return 0 ;;
  esac
  return 1
}
copy_deps() { # the libraries one ELF file loads, into lib/
  ldd "$1" | awk '/=> \// {print $3}' | while read -r lib; do
    system_lib "$lib" && continue
    [[ -e $root/lib/$(basename "$lib") ]] || cp -L "$lib" "$root/lib/"
  done
}

for prog in tunebench tunebench-cli tunebench-demo-objective tunebench-trial; do
  cp "$BUILD/app/$prog" "$root/bin/"
  strip "$root/bin/$prog"
  copy_deps "$root/bin/$prog"
  patchelf --set-rpath '$ORIGIN/../lib' "$root/bin/$prog"
done
for dir in platforms sqldrivers imageformats iconengines xcbglintegrations wayland-decoration-client \
           wayland-graphics-integration-client wayland-shell-integration platforminputcontexts; do
  [[ -d $QT_PLUGINS/$dir ]] || continue
  mkdir -p "$root/plugins/$dir"
  for plugin in "$QT_PLUGINS/$dir"/*.so; do
    case $(basename "$plugin") in # what the bundle needs of platforms and SQL drivers
      libqeglfs.so|libqlinuxfb.so|libqminimalegl.so|libqvnc.so|libqvkkhrdisplay.so|libqsqlmysql.so|libqsqlpsql.so|libqsqlodbc.so|libqsqlibase.so) continue ;;
    esac
    cp "$plugin" "$root/plugins/$dir/"
    copy_deps "$plugin"
    patchelf --set-rpath '$ORIGIN/../../lib' "$root/plugins/$dir/$(basename "$plugin")"
  done
done
# Libraries loaded by libraries (ldd lists them all) get their neighbours as run path.
for lib in "$root"/lib/*; do
  chmod u+w "$lib"
  patchelf --set-rpath '$ORIGIN' "$lib"
done
cp "$QT_TRANSLATIONS"/qtbase_zh_CN.qm "$root/translations/" 2>/dev/null || true
printf '[Paths]\nPrefix = ..\nPlugins = plugins\nTranslations = translations\n' > "$root/bin/qt.conf"
cp "$REPO/packaging/io.tunebench.Tunebench.desktop" "$root/share/applications/"
cp "$REPO/resources/icons/tunebench.svg" "$root/share/icons/hicolor/scalable/apps/"
cp -r "$REPO/resources/samplers" "$root/share/tunebench/"
cat > "$root/README" <<EOF
Tunebench $VERSION for Linux x86_64: the workbench window and the command line, with
their own Qt. Extract anywhere and run:

  bin/tunebench                      the window (X11 or Wayland)
  bin/tunebench-cli demo --db d.db   the demo experiment, headless
  bin/tunebench-cli help             every command

It needs glibc 2.36 or newer and, for the window, the system's OpenGL (libGL/libEGL).

The trainer (tunebench-train) is not in the bundle: it must be built against the PyTorch
you train with. From the source tree:

  TORCH=\$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')
  cmake -S . -B build-train -DTUNEBENCH_TRAINER_ONLY=ON -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=\$TORCH
  cmake --build build-train --target tunebench-train
  cp build-train/app/tunebench-train $NAME/bin/

(docs/trainer.md: with CUDA and NCCL, and scripts/cuda-link-check.sh).
EOF
tar -C "$work" -czf "$OUT/$NAME.tar.gz" "$NAME"
echo "$OUT/$NAME.tar.gz $(du -h "$OUT/$NAME.tar.gz" | cut -f1)"
