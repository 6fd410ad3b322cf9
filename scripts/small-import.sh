# Sourced by scripts/catalog-batch (and by SmallImportScriptTest): small_import ARGS... succeeds when the
# command line is an import whose files are small.
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
