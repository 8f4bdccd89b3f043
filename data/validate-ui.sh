#!/bin/sh
# validate-ui.sh TOOL PRELOAD FILE.ui — gtk4-builder-tool validate, on a
# private X display and without a session bus, with libadwaita preloaded.
set -eu
tool=$1
preload=$2
file=$3

exec xvfb-run -a -s '-screen 0 1024x768x24' \
  env -u DBUS_SESSION_BUS_ADDRESS \
      GTK_A11Y=none GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 \
      LD_PRELOAD="$preload" \
      "$tool" validate "$file"
