# Sourced by scripts/catalog-batch (and by JitOptionsScriptTest): jit_options ARGS... prints, on one line,
# the JVM's compiler options for the command line ARGS.
#
# A small import is over before HotSpot's optimising compiler (C2) has paid for itself: on two cores its
# compilations (and the profiling code that feeds them) compete with the import. Whole process, CSV folder,
# tiered -> quick compiler only: 1k models 2.7 -> 1.7 s, 10k 4.3 -> 2.7 s, 50k 8.4 -> 6.1 s (into H2 11.5
# -> 9.5 s), 100k 10.5 -> 11 s, 200k 14 -> 20 s (docs/benchmark.md). So an import whose files (the inputs,
# and a CSV folder catalog's own two) come to less than 16 MiB, about 40,000 models with their tags, runs
# with the quick compiler only. JAVA_OPTS=-XX:TieredStopAtLevel=4 says otherwise.
small_import() {
  [ "${1:-}" = import ] || return 1
  shift
  local catalog=./catalog total=0 file size
  local files=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --models|--tags) files+=("${2:-}"); shift ;;
      --models=*|--tags=*) files+=("${1#*=}") ;;
      --catalog) catalog="${2:-}"; shift ;;
      --catalog=*) catalog="${1#*=}" ;;
    esac
    [ $# -gt 0 ] && shift
  done
  [ ${#files[@]} -gt 0 ] || return 1
  for file in "${files[@]}"; do
    [ -f "$file" ] || return 1 # the import itself says what is wrong with it
    size=$(wc -c <"$file") || return 1
    total=$((total + size))
  done
  if [[ "$catalog" != jdbc:* ]]; then
    for file in "$catalog/models.csv" "$catalog/tags.csv"; do
      if [ -f "$file" ]; then size=$(wc -c <"$file") || return 1; total=$((total + size)); fi
    done
  fi
  [ "$total" -lt $((16 * 1024 * 1024)) ]
}

# Otherwise the optimising compiler takes only methods that stay hot: with HotSpot's thresholds it compiled
# ~1,200 methods in 20-24 s of CPU during a 1M re-import (-XX:+CITime), a third of all the CPU the run used
# on two cores, much of it on Spring's start-up and on code run a few thousand times. Three times the
# thresholds: 13-18 s of compiling, and 1M models re-imported into a CSV folder in 25.1 s instead of 27.6 s,
# imported in 52-55 s instead of 57-58 s, 200k into H2 in 29 s instead of 33-36 s (docs/benchmark.md).
jit_options() {
  if small_import "$@"; then
    echo -XX:TieredStopAtLevel=1
  else
    echo -XX:Tier4InvocationThreshold=15000 -XX:Tier4MinInvocationThreshold=2000 \
      -XX:Tier4CompileThreshold=30000 -XX:Tier4BackEdgeThreshold=120000
  fi
}
