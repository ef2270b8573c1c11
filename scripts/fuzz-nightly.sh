#!/usr/bin/env sh
# Nightly fuzz run: every suite in test/fuzz with 10,000 cases per property instead of the
# few hundred `npm test` runs (see test/fuzz/helpers.ts; a few slow properties run a share).
# Each night explores a new seed (the date) unless FUZZ_SEED is given; every suite prints
# "fuzz NAME: N cases, seed S", and FUZZ_SEED=S replays a failure. `timeout` turns a hang
# (an input the code never finishes) into a failed run rather than a stuck job.
set -eu
cd "$(dirname "$0")/.."
export FUZZ_SEED="${FUZZ_SEED:-$(date -u +%Y%m%d)}"
echo "fuzz-nightly: FUZZ_RUNS=10000 FUZZ_SEED=$FUZZ_SEED"
FUZZ_RUNS=10000 exec timeout 3h npx vitest run test/fuzz
