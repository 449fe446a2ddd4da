#!/bin/sh
# Prints the path of a CPython 3.13 or 3.12 (3.13 first), looking on PATH and
# under pyenv.  PySide6 on CPython 3.11 and older drops references to True and
# None and the interpreter aborts in long sessions (issue 10); from 3.12 on
# those objects are immortal.  Exits 1 with one line saying what to install.
for name in python3.13 python3.12; do
  for candidate in $(command -v "$name" 2>/dev/null) \
      "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.13*/bin/python3.13 \
      "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12*/bin/python3.12; do
    case "$candidate" in *"$name") ;; *) continue ;; esac
    if [ -x "$candidate" ] && "$candidate" -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      echo "$candidate"
      exit 0
    fi
  done
done
if command -v python3 >/dev/null 2>&1 && python3 -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
  command -v python3
  exit 0
fi
echo "CPython 3.12 or newer is needed (3.13 preferred): install python3.13 (e.g. 'pyenv install 3.13' or 'apt-get install python3.13-venv') and run make again" >&2
exit 1
