#!/usr/bin/env bash
# Fuzzing of the CRDT engine's decoders (libFuzzer under ASan + UBSan, clang-14).
#
#   scripts/fuzz.sh --smoke            regression run over the committed corpus and regressions,
#                                      then each of the 5 targets for ACCORD_FUZZ_RUNS (default
#                                      20000) inputs from libFuzzer seed ACCORD_FUZZ_SEED (default
#                                      1), starting from the committed corpus only: the same
#                                      inputs on every machine, so the test command is
#                                      deterministic; what the test command runs (about a minute
#                                      once built)
#   scripts/fuzz.sh --long [seconds]   each target for <seconds> (default 600), keeping what it
#                                      finds in the build dir's corpus; then the convergence fuzz
#                                      with a random base seed and ACCORD_FUZZ_ITERATIONS
#                                      (default 20000) sessions per case
#   scripts/fuzz.sh --regress          only the regression run
#   scripts/fuzz.sh --build            only configure and build the fuzz targets
#
# The clang build lives in ACCORD_FUZZ_BUILD_DIR (default build/libfuzzer), apart from the gcc
# builds. A crash leaves its input in <build dir>/artifacts/ and prints the command replaying
# it; commit such inputs under tests/fuzz/regressions/<target>/ (see tests/fuzz/README.md).
# Inputs named open-* in regressions/ are known, unfixed bugs: listed, not run.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ACCORD_ROOT"

mode="${1:---smoke}"
build_dir="${ACCORD_FUZZ_BUILD_DIR:-$ACCORD_ROOT/build/libfuzzer}"
corpus_root="$ACCORD_ROOT/tests/fuzz/corpus"
regress_root="$ACCORD_ROOT/tests/fuzz/regressions"
# target:corpus folder
targets=(
  fuzz_apply_update_fresh:apply_update
  fuzz_apply_update_content:apply_update
  fuzz_apply_update_sequence:sequence
  fuzz_state_vector:state_vector
  fuzz_update_v2:update_v2
)
# Targets the smoke run does not fuzz (their committed inputs still run) while a known finding
# is open; the run prints them with the reason. --long fuzzes every target.
declare -A smoke_skip=()
# Per input: no hang (10 s), no single allocation above 128 MB (inputs are at most 4 KB).
fuzz_flags=(-timeout=10 -malloc_limit_mb=128 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1)
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

build() {
  if [ ! -f "$build_dir/build.ninja" ]; then
    log "configuring the libFuzzer build in $build_dir"
    CC=clang-14 CXX=clang++-14 cmake -S "$ACCORD_ROOT" -B "$build_dir" -G Ninja \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
      -DCMAKE_CXX_FLAGS="-Wno-unknown-warning-option" \
      -DACCORD_SANITIZE=ON -DACCORD_BUILD_FUZZ=ON -DACCORD_BUILD_BENCH=OFF >/dev/null || return 1
  fi
  log "building the fuzz targets"
  ninja -C "$build_dir" accord_fuzz_targets
}

# regress: every committed input of every target, once.
regress() {
  local failed=0 entry target dir files
  for entry in "${targets[@]}"; do
    target="${entry%%:*}"
    dir="${entry#*:}"
    files=()
    while IFS= read -r -d '' f; do files+=("$f"); done < <(
      find "$corpus_root/$dir" "$regress_root/$target" -type f ! -name 'open-*' -print0 2>/dev/null | sort -z)
    log "regression: $target over ${#files[@]} inputs"
    if ! "$build_dir/tests/fuzz/$target" "${fuzz_flags[@]}" "${files[@]}" >"$build_dir/$target.regress.log" 2>&1; then
      tail -n 40 "$build_dir/$target.regress.log"
      log "FAIL: $target crashed on a committed input (log: $build_dir/$target.regress.log)"
      failed=1
    fi
  done
  local open
  open=$(find "$regress_root" -type f -name 'open-*' 2>/dev/null | sort)
  [ -n "$open" ] && log "known open bugs (not run): $(echo "$open" | tr '\n' ' ')"
  return $failed
}

# fuzz <work dir root> <skip|all> <libFuzzer limit flags...>: fuzzes each target (skip: not
# those in smoke_skip), new inputs kept in <work dir root>/<target>.
fuzz() {
  local work_root="$1" skip="$2" failed=0 entry target dir work
  shift 2
  mkdir -p "$build_dir/artifacts"
  for entry in "${targets[@]}"; do
    target="${entry%%:*}"
    dir="${entry#*:}"
    if [ "$skip" = skip ] && [ -n "${smoke_skip[$target]:-}" ]; then
      log "not fuzzing $target in the smoke run: ${smoke_skip[$target]}"
      continue
    fi
    work="$work_root/$target"
    mkdir -p "$work"
    log "fuzzing $target ($*)"
    if ! "$build_dir/tests/fuzz/$target" "${fuzz_flags[@]}" "$@" \
      -artifact_prefix="$build_dir/artifacts/$target-" "$work" "$corpus_root/$dir" \
      >"$build_dir/$target.fuzz.log" 2>&1; then
      tail -n 60 "$build_dir/$target.fuzz.log"
      log "FAIL: $target found a bug; replay: $build_dir/tests/fuzz/$target <artifact from $build_dir/artifacts>"
      failed=1
    else
      grep -E 'stat::number_of_executed_runs|cov:' "$build_dir/$target.fuzz.log" | tail -n 2
    fi
  done
  return $failed
}

convergence() {
  local asan_dir="$ACCORD_ROOT/build/asan"
  configure_and_build asan || return 1
  local seed=$((RANDOM * 32768 + RANDOM))
  log "convergence fuzz, base seed $seed"
  ACCORD_FUZZ_SEED=$seed ACCORD_FUZZ_ITERATIONS="${ACCORD_FUZZ_ITERATIONS:-20000}" \
    "$asan_dir/tests/fuzz/accord_fuzz_convergence_tests"
}

case "$mode" in
--build) build ;;
--regress) build && regress ;;
--smoke)
  build || exit 1
  status=0
  regress || status=1
  smoke_dir="$build_dir/smoke-corpus"
  rm -rf "$smoke_dir"
  fuzz "$smoke_dir" skip -runs="${ACCORD_FUZZ_RUNS:-20000}" -seed="${ACCORD_FUZZ_SEED:-1}" || status=1
  exit $status
  ;;
--long)
  build || exit 1
  status=0
  regress || status=1
  fuzz "$build_dir/corpus" all -max_total_time="${2:-600}" || status=1
  convergence || status=1
  exit $status
  ;;
*)
  sed -n '2,19p' "$0"
  exit 2
  ;;
esac
