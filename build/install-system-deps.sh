#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Gatehouse's tests need. Run as root (or with sudo).
#   chromium        the browser the end-to-end tests drive (Playwright never downloads its own)
#   xvfb xauth      a display for launching the Electron app where its binary is installed
#   python3 make g++  building better-sqlite3-multiple-ciphers from source
#   fonts-dejavu-core  a font for Chromium to render with
#   poppler-utils   pdftotext, with which the tests read the report PDFs
#   pcscd libpcsclite-dev pcsc-tools  the real PC/SC daemon, its library (the smartcard module builds
#                   against it) and pcsc_scan; vsmartcard-vpcd python3-virtualsmartcard
#                   python3-pycryptodome: virtual readers and the virtual cards the tests insert
#   openssl         makes the test certificates the virtual cards carry
#   softhsm2 opensc  a real PKCS#11 module holding a test certificate, and pkcs11-tool to put it there
#   faketime        runs the CLI and browser host on the tests' clock, and the core suite a year ahead
#   strace          kills the CLI at each rename of a backup or restore in the crash replays (test/security)
#   postgresql      the Trust register's tests start throwaway PostgreSQL clusters (run as the postgres user)
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then exec sudo "$0" "$@"; fi
  echo "Run this as root: it installs system packages with apt-get." >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  chromium xvfb xauth python3 make g++ fonts-dejavu-core poppler-utils ca-certificates \
  pcscd libpcsclite-dev pcsc-tools vsmartcard-vpcd python3-virtualsmartcard python3-pycryptodome openssl softhsm2 opensc faketime strace postgresql
echo "System packages for Gatehouse's tests are installed."
