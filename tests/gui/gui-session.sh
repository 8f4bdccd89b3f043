#!/bin/sh
# gui-session.sh TEST.py — the inside of run-gui-test: on the private
# session bus and X display, starts the accessibility bus, switches
# accessibility on and runs the test.
set -u

/usr/libexec/at-spi-bus-launcher --launch-immediately &
launcher=$!

gsettings set org.gnome.desktop.interface toolkit-accessibility true

# The accessibility bus must answer before the application starts, or
# GTK gives up on it.
tries=0
until dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
        org.a11y.Bus.GetAddress >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ $tries -gt 100 ]; then
    echo "gui-session: the accessibility bus did not start" >&2
    kill $launcher 2>/dev/null
    exit 1
  fi
  sleep 0.1
done

/usr/bin/python3 "$1"
status=$?

kill $launcher 2>/dev/null
wait $launcher 2>/dev/null
exit $status
