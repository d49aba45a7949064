#!/usr/bin/env bash
# LiveView for .NET: the two commands of the README.
#
#   ./build.sh run     runs the Website example at http://localhost:5000 (URLS=... to change; `run quickstart`
#                      runs the QuickStart instead)
#   ./build.sh test    checks formatting, runs every test suite, and ends with "N passed, N failed"
#   ./build.sh pack    writes the NuGet packages (LiveView.Core, LiveView.AspNetCore, LiveView.Testing, LiveView.Redis
#                      and the LiveView.Templates template package) to .packages/ (--out DIR elsewhere;
#                      --version-suffix TEXT for a prerelease such as 0.1.0-TEXT)
#   ./build.sh bench   benchmarks LiveView against a raw WebSocket echo, Blazor Server and (fan-out) SignalR, and on
#                      many nodes on Redis (as --cluster), rewrites docs/benchmarks.md (about 10 minutes; --quick: under
#                      4; --no-cluster leaves the many nodes out)
#   ./build.sh bench --views
#                      the view updates' bytes and CPU per update, in process (under a minute): their section of
#                      docs/benchmarks.md; with --observability, what the host's metrics and traces cost per round
#                      trip, printed (docs/observability.md)
#   ./build.sh bench --hostile
#                      instead: the hostile-load probe (floods and stalled readers against the Website example),
#                      writes docs/hostile-load.md or --out FILE (about 5 minutes; --smoke: under 1; --only KEY,KEY;
#                      --label TEXT for the report's title)
#   ./build.sh bench --fan-out
#                      only the fan-out against SignalR, printed on the console (about 1 minute; --quick: 1,000
#                      clients only)
#   ./build.sh bench --browser
#                      only the browser against Blazor Server (the counter, its memory per page, the 300-row table),
#                      printed on the console (about 3 minutes; --quick: about 1)
#   ./build.sh bench --cluster
#                      only many nodes on Redis: the fan-out on two nodes through Redis against one node, Redis's
#                      messages per broadcast, and the resume of Chromium tabs after a node of the Chat is killed (Redis,
#                      two nodes, nginx); writes its section of docs/benchmarks.md and its targets, the rest kept (about
#                      5 minutes; --quick: about 2)
#
# Both restore what they need by themselves (dotnet tools, NuGet packages through Paket); `test` also installs
# Debian's chromium, nginx and redis-server for the browser and backplane tests when they are missing, and axe-core
# (npm ci, Node.js 20) for the accessibility audit. Safe to run again and again.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

RESULTS=.test-results

restore() {
  dotnet tool restore >/dev/null
  # Paket first, once: otherwise each project's restore may run it, and one can read a file another is writing.
  dotnet paket restore >/dev/null
  dotnet restore LiveView.sln -v quiet -nologo
}

# Installs the Debian packages the tests drive: chromium for the browser tests, nginx for the deployment test, and
# redis-server for the Redis backplane's tests (each starts its own on a free port).
ensure_packages() {
  local missing=()
  [ -x "${LIVEVIEW_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
  [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || missing+=(nginx)
  [ -x "${LIVEVIEW_REDIS_SERVER:-/usr/bin/redis-server}" ] || missing+=(redis-server)
  if [ ${#missing[@]} -eq 0 ]; then return; fi
  echo "Installing Debian packages for the tests: ${missing[*]}..."
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then sudo="sudo"; else
      echo "missing ${missing[*]} and this user cannot install them: run 'apt-get install -y ${missing[*]}' as root" >&2
      exit 1
    fi
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Installs axe-core (npm) for the browser tests' accessibility audit in tests/LiveView.Browser.Tests/axe, with npm ci from
# its lock: only when it is missing or the lock changed since the last install.
ensure_axe() {
  local dir=tests/LiveView.Browser.Tests/axe
  if [ -f "$dir/node_modules/axe-core/axe.min.js" ] && cmp -s "$dir/package-lock.json" "$dir/node_modules/.installed-lock"; then
    return
  fi
  if ! command -v npm >/dev/null; then
    echo "npm is missing: install Node.js (20 or later) for the browser tests' accessibility audit" >&2
    exit 1
  fi
  echo "Installing axe-core for the accessibility audit (npm ci)..."
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$dir/package-lock.json" "$dir/node_modules/.installed-lock"
}

run() {
  local example
  case "${1:-website}" in
    website) example=Website ;;
    quickstart) example=QuickStart ;;
    chat) example=Chat ;;
    snake) example=Snake ;;
    *) echo "unknown example '$1': website, quickstart, chat or snake" >&2; exit 2 ;;
  esac
  restore
  # Run from the example's folder: its SQLite file (Website) is created there on first run.
  cd "examples/$example"
  dotnet run --no-restore --urls "${URLS:-http://localhost:5000}"
}

bench() {
  restore
  if [[ " $* " == *" --views "* ]]; then
    # In process: the view updates' bytes and CPU, into their section of docs/benchmarks.md.
    dotnet build bench/LiveView.ViewBench -c Release --no-restore -v quiet -nologo
    dotnet run --project bench/LiveView.ViewBench -c Release --no-build -- "$@"
    return
  fi
  local project projects=(bench/EchoServer bench/LiveView.BenchServer bench/BlazorPeer bench/SignalRPeer)
  if [[ " $* " == *" --hostile "* ]]; then
    # The hostile-load probe runs only the Website example, and no browser.
    projects=(examples/Website)
  elif [[ " $* " == *" --fan-out "* ]]; then
    projects=(bench/LiveView.BenchServer bench/SignalRPeer)
  elif [[ " $* " == *" --browser "* ]]; then
    ensure_packages
    projects=(bench/LiveView.BenchServer bench/BlazorPeer)
  elif [[ " $* " == *" --cluster "* ]]; then
    # Redis, nginx and Chromium; the bench server's nodes and the Chat's.
    ensure_packages
    projects=(bench/LiveView.BenchServer examples/Chat)
  else
    ensure_packages
    projects+=(examples/Chat)
  fi
  for project in "${projects[@]}"; do
    dotnet publish "$project" -c Release -o "bench/.out/$(basename "$project")" --no-restore -v quiet -nologo
  done
  dotnet build bench/LiveView.Bench -c Release --no-restore -v quiet -nologo
  # 10,000 idle sockets (and the fan-out's 10,000 clients) need as many file descriptors in the generator and in
  # the server.
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  dotnet run --project bench/LiveView.Bench -c Release --no-build -- "$@"
}

# The packages, one version for all (VersionPrefix in Directory.Build.props).
PACKAGES=(src.fsharp/LiveView.Core src/LiveView.AspNetCore src.fsharp/LiveView.Testing src/LiveView.Redis templates)

pack() {
  local out=.packages suffix=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --out) out="$2"; shift 2 ;;
      --version-suffix) suffix="$2"; shift 2 ;;
      *) echo "unknown option for pack: $1" >&2; exit 2 ;;
    esac
  done
  restore
  local project
  for project in "${PACKAGES[@]}"; do
    dotnet pack "$project" -c Release --no-restore -o "$out" -v quiet -nologo ${suffix:+--version-suffix "$suffix"}
  done
  ls -l "$out"
}

passed=0
failed=0

# Records one check that is not a test suite (formatting): one pass or one failure.
check() {
  local name="$1"
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "PASS $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
  fi
}

# Adds up the counters of the TRX files written by `dotnet test`; a test project without one counts as a failure.
count_trx() {
  local file p f expected found
  expected=$(grep -l '^Microsoft.NET.Test.Sdk' tests/*/paket.references | wc -l)
  found=$(find "$RESULTS" -name '*.trx' 2>/dev/null | wc -l)
  if [ "$found" -lt "$expected" ]; then
    echo "FAIL dotnet test: $expected test projects but $found result files"
    failed=$((failed + expected - found))
  fi
  for file in "$RESULTS"/*.trx; do
    [ -e "$file" ] || continue
    p=$(grep -o '<Counters [^>]*' "$file" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')
    f=$(grep -o '<Counters [^>]*' "$file" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
  done
}

# Runs an Expecto test program and adds its counts to the totals.
expecto() {
  local log summary
  log=$(mktemp)
  dotnet run --project "$1" --no-build -- --colours 0 --no-spinner | tee "$log" || true
  summary=$(grep -oE '[0-9]+ passed, [0-9]+ ignored, [0-9]+ failed, [0-9]+ errored' "$log" | tail -1 || true)
  if [ -z "$summary" ]; then
    echo "FAIL $1: no Expecto summary (the runner crashed)"
    failed=$((failed + 1))
  else
    read -r cp _ _ _ cf _ ce _ <<<"$summary"
    passed=$((passed + cp))
    failed=$((failed + cf + ce))
  fi
  rm -f "$log"
}

test_all() {
  restore
  ensure_packages
  ensure_axe
  dotnet build LiveView.sln --no-restore

  check "F# formatting (fantomas)" dotnet fantomas --check src.fsharp tests examples
  check "C# formatting (dotnet format)" dotnet format LiveView.sln --verify-no-changes --no-restore

  # Expecto projects (the core, the test harness, the F# examples' pages) run as programs; each summary line has
  # the counts.
  local project
  for project in tests/LiveView.Core.Tests tests/LiveView.Testing.Tests examples/Snake.Tests \
    examples/QuickStart.Counter.Tests examples/Website.About.Tests; do
    expecto "$project"
  done

  # Host and browser: xunit under dotnet test, counted from the TRX files.
  rm -rf "$RESULTS"
  local before=$failed
  # One test project at a time (-m:1): the benchmark smoke run and the browser tests must not share the cores.
  if ! dotnet test LiveView.sln --no-build -m:1 --logger trx --results-directory "$RESULTS"; then
    count_trx
    if [ "$failed" -eq "$before" ]; then
      echo "FAIL dotnet test: it failed without a failed test (a crashed test host?)"
      failed=$((failed + 1))
    fi
  else
    count_trx
  fi

  echo
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

case "${1:-}" in
  run)
    shift
    run "$@"
    ;;
  test) test_all ;;
  pack)
    shift
    pack "$@"
    ;;
  bench)
    shift
    bench "$@"
    ;;
  *)
    echo "usage: ./build.sh run [website | quickstart | chat | snake] | test | pack [--out DIR] [--version-suffix TEXT] | bench [--quick | --no-cluster | --views | --fan-out [--quick] | --browser [--quick] | --cluster [--quick] | --hostile [--smoke]]" >&2
    exit 2
    ;;
esac
