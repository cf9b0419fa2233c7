#!/bin/sh
# test/demo.sh: run the pipeline on examples/ so a newcomer sees it work.
B=${1:-build}
PATH=$(pwd)/$B/bin:$PATH
run() { printf '\n$ %s\n' "$*"; "$@"; }
run se-validate examples/
exit 0
