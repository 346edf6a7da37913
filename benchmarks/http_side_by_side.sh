#!/usr/bin/env bash
# The portal's public pages side by side with the bare-Django ceiling, in the same wrk passes.
#
#   bash benchmarks/http_side_by_side.sh              # load if needed, start the portal, run the ceiling's passes
#   bash benchmarks/http_side_by_side.sh --load-test  # then 64 connections x 60 s on the public page mix
#   bash benchmarks/http_side_by_side.sh --smoke      # no wrk: request each page once and stop (quick check)
#   bash benchmarks/http_side_by_side.sh --dry-run    # print what would run, touch nothing
#   bash benchmarks/http_side_by_side.sh --help
#
# Steps: (1) load the benchmark database if needed (ROWS decisions, PUBLICATIONS publications,
# ITEMS catalog items, with the loaders of benchmarks/*_scale.py) and ANALYZE it; (2) collectstatic
# and start the portal with gunicorn -c gunicorn.conf.py on 127.0.0.1:PORTAL_PORT with production
# settings (PORTAL_ENV=production, DEBUG off, a random SECRET_KEY for the run, GUNICORN_WORKERS
# sync workers, preload, DB_CONN_MAX_AGE, Redis cache); (3) for each of PASSES passes, print the
# machine's load (uptime) and run the ceiling's run.sh once (PASSES=1 SKIP_SCAN=1) with the
# portal's pages as EXTRA_TARGETS: its summary gives each page's req/s divided by the same pass's
# /html/; (4) with --load-test, print uptime and run wrk LOAD_CONNS connections for LOAD_DURATION
# over the page mix, reporting p50, p99, requests and errors; (5) stop gunicorn by its PID.
#
# Environment (defaults in brackets):
#   BENCH_DATABASE_URL [postgres://postgres@127.0.0.1:5432/lushan_bench]  the benchmark's own database
#   BENCH_REDIS_URL    [redis://127.0.0.1:6379/2]  the portal's cache (the ceiling flushes db 1)
#   ROWS [1000000]  PUBLICATIONS [100000]  ITEMS [10000]
#   PORTAL_PORT [8021]  GUNICORN_WORKERS [2]  DB_CONN_MAX_AGE [60]
#   CEILING_DIR [<repo>/../shared/bench/ceiling]  the harness (run its setup.sh once first)
#   PASSES [3]; DURATION, CONNS, THREADS, ... are passed on to the ceiling's run.sh
#   LOAD_CONNS [64]  LOAD_DURATION [60s]  LOAD_THREADS [2]
#   OUT [/tmp/lushan-side-by-side/<timestamp>]  logs, gunicorn's output, wrk's raw output
#   FIELD_ENCRYPTION_KEY  the key the benchmark database was created with [the development key]
# The API limits per client address (API_THROTTLE_ANON) are raised for the run: wrk is one
# client. Traffic goes only to 127.0.0.1.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

MODE=ceiling
LOAD_TEST=""
for arg in "$@"; do
  case "$arg" in
    --help|-h) usage; exit 0 ;;
    --dry-run) MODE=dry-run ;;
    --smoke) MODE=smoke ;;
    --load-test) LOAD_TEST=1 ;;
    *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="$ROOT/.venv/bin/python"
GUNICORN="$ROOT/.venv/bin/gunicorn"
CEILING_DIR="${CEILING_DIR:-$ROOT/../shared/bench/ceiling}"
export BENCH_DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/lushan_bench}"
BENCH_REDIS_URL="${BENCH_REDIS_URL:-redis://127.0.0.1:6379/2}"
ROWS="${ROWS:-1000000}"
PUBLICATIONS="${PUBLICATIONS:-100000}"
ITEMS="${ITEMS:-10000}"
PORTAL_PORT="${PORTAL_PORT:-8021}"
PASSES="${PASSES:-3}"
LOAD_CONNS="${LOAD_CONNS:-64}"
LOAD_DURATION="${LOAD_DURATION:-60s}"
LOAD_THREADS="${LOAD_THREADS:-2}"
OUT="${OUT:-/tmp/lushan-side-by-side/$(date +%Y%m%dT%H%M%S)}"
BASE="http://127.0.0.1:$PORTAL_PORT"

say() { printf '\n### %s\n' "$*"; }
load_line() { echo "load: $(uptime)"; }

if [ "$MODE" = dry-run ]; then
  say "dry run: nothing is loaded, started or requested"
  echo "database: $BENCH_DATABASE_URL ($ROWS decisions, $PUBLICATIONS publications, $ITEMS items; loaded if missing)"
  echo "load:     $PY benchmarks/load_data.py --rows $ROWS --items $ITEMS --publications $PUBLICATIONS --targets"
  echo "portal:   PORTAL_ENV=production DEBUG=false REDIS_URL=$BENCH_REDIS_URL DB_CONN_MAX_AGE=${DB_CONN_MAX_AGE:-60}" \
       "GUNICORN_WORKERS=${GUNICORN_WORKERS:-2} $GUNICORN -c gunicorn.conf.py --bind 127.0.0.1:$PORTAL_PORT lushan_portal.wsgi"
  echo "pages:    home, search 低保, enforcement list and search, domain, unit column, item, publication," \
       "decision, API publications, API decisions (paths picked from the loaded data)"
  echo "ceiling:  $PASSES x (uptime; PASSES=1 SKIP_SCAN=1 EXTRA_TARGETS=... bash $CEILING_DIR/run.sh)"
  [ -n "$LOAD_TEST" ] && echo "load test: uptime; wrk -t$LOAD_THREADS -c$LOAD_CONNS -d$LOAD_DURATION --latency (page mix)"
  [ -f "$CEILING_DIR/run.sh" ] || echo "note: $CEILING_DIR/run.sh not found: set CEILING_DIR"
  exit 0
fi

if [ "$MODE" = ceiling ]; then
  [ -f "$CEILING_DIR/run.sh" ] || { echo "no $CEILING_DIR/run.sh: set CEILING_DIR" >&2; exit 1; }
fi
if [ "$MODE" = ceiling ] || [ -n "$LOAD_TEST" ]; then
  command -v wrk >/dev/null || { echo "wrk is not installed (the ceiling's setup.sh installs it)" >&2; exit 1; }
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$PORTAL_PORT") 2>/dev/null; then
  echo "something already listens on 127.0.0.1:$PORTAL_PORT; set PORTAL_PORT" >&2; exit 1
fi
mkdir -p "$OUT"
exec > >(tee -a "$OUT/run.log") 2>&1
cd "$ROOT"

# Production settings for the run (what a deployment sets in its environment).
export PORTAL_ENV=production DEBUG=false
export SECRET_KEY="${SECRET_KEY:-$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')}"
export ALLOWED_HOSTS=127.0.0.1,localhost
export SECURE_SSL_REDIRECT=false   # no TLS proxy in front: wrk speaks plain HTTP
export DATABASE_URL="$BENCH_DATABASE_URL" REDIS_URL="$BENCH_REDIS_URL"
export DB_CONN_MAX_AGE="${DB_CONN_MAX_AGE:-60}"
export GUNICORN_WORKERS="${GUNICORN_WORKERS:-2}"
export GUNICORN_ACCESS_LOG=""      # no access log under load
export API_THROTTLE_ANON=1000000/minute
if [ -z "${FIELD_ENCRYPTION_KEY:-}" ]; then
  FIELD_ENCRYPTION_KEY="$("$PY" -c 'from lushan_portal.crypto_keys import development_key as k; print(k("development-only-key-never-used-in-production"))')"
  export FIELD_ENCRYPTION_KEY
fi

say "machine ($(date -Is), output in $OUT)"
echo "nproc: $(nproc)"
load_line
echo "portal: $(git -C "$ROOT" log -1 --format='%h %s' 2>/dev/null || echo 'not a git checkout')"

say "data"
"$PY" benchmarks/load_data.py --rows "$ROWS" --items "$ITEMS" --publications "$PUBLICATIONS" --targets \
  | tee "$OUT/load.txt" | grep -vE '^[a-z-]+=/' || true
mapfile -t PAGES < <(grep -E '^[a-z-]+=/' "$OUT/load.txt")
[ "${#PAGES[@]}" -gt 0 ] || { echo "no pages found after loading; see $OUT/load.txt" >&2; exit 1; }
"$PY" manage.py collectstatic --noinput -v 0

say "portal (gunicorn)"
GPID=""
stop_portal() {
  if [ -n "$GPID" ] && kill -0 "$GPID" 2>/dev/null; then
    kill -TERM "$GPID"
    wait "$GPID" 2>/dev/null || true
    echo "portal gunicorn (pid $GPID) stopped"
  fi
  GPID=""
}
trap stop_portal EXIT
CMD=("$GUNICORN" -c gunicorn.conf.py --bind "127.0.0.1:$PORTAL_PORT" lushan_portal.wsgi)
echo "PORTAL_ENV=production DEBUG=false REDIS_URL=$REDIS_URL DB_CONN_MAX_AGE=$DB_CONN_MAX_AGE GUNICORN_WORKERS=$GUNICORN_WORKERS ${CMD[*]}"
"${CMD[@]}" >"$OUT/portal-gunicorn.log" 2>&1 &
GPID=$!
echo "$GPID" > "$OUT/portal-gunicorn.pid"
echo "portal gunicorn master pid $GPID"
for _ in $(seq 120); do
  curl -fsS -o /dev/null "$BASE/healthz" 2>/dev/null && break
  kill -0 "$GPID" 2>/dev/null || { echo "gunicorn exited; see $OUT/portal-gunicorn.log" >&2; tail -20 "$OUT/portal-gunicorn.log" >&2; exit 1; }
  sleep 0.5
done

say "pages"
EXTRA=()
for page in "${PAGES[@]}"; do
  label="${page%%=*}"; path="${page#*=}"
  EXTRA+=("$label=$BASE$path")
  hdr=(); case "$label" in *api*) hdr=(-H "Accept: application/json") ;; esac
  read -r code seconds < <(curl -s -o /dev/null "${hdr[@]}" -w '%{http_code} %{time_total}\n' "$BASE$path")
  printf '%-20s %s  HTTP %s  %s s (first request)\n' "$label" "$BASE$path" "$code" "$seconds"
  [ "$code" = 200 ] || { echo "$label answered $code; see $OUT/portal-gunicorn.log" >&2; exit 1; }
done

if [ "$MODE" = ceiling ]; then
  for pass in $(seq "$PASSES"); do
    say "pass $pass of $PASSES"
    load_line
    EXTRA_TARGETS="${EXTRA[*]}" PASSES=1 SKIP_SCAN=1 CEILING_OUT="$OUT/ceiling-pass-$pass" bash "$CEILING_DIR/run.sh"
  done
fi

if [ -n "$LOAD_TEST" ]; then
  say "load test: $LOAD_CONNS connections for $LOAD_DURATION on the public page mix"
  load_line
  MIX="$OUT/page-mix.lua"
  {
    echo "local paths = {"
    for page in "${PAGES[@]}"; do printf '  "%s",\n' "${page#*=}"; done
    echo "}"
    cat <<'LUA'
local n = 0
request = function()
  n = n + 1
  local path = paths[(n % #paths) + 1]
  local headers = {}
  if string.sub(path, 1, 5) == "/api/" then headers["Accept"] = "application/json" end
  return wrk.format("GET", path, headers)
end
LUA
  } > "$MIX"
  wrk -t"$LOAD_THREADS" -c"$LOAD_CONNS" -d"$LOAD_DURATION" --latency -s "$MIX" "$BASE" | tee "$OUT/load-test.txt"
  awk '
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /requests in/ {req=$1}
    /Non-2xx/ {bad=$NF} /Socket errors/ {gsub(",", ""); sock=$4+$6+$8+$10}
    END {printf "load test: p50 %s  p99 %s  requests %s  non-2xx %d  socket errors %d\n", p50, p99, req, bad+0, sock+0}
  ' "$OUT/load-test.txt"
fi

stop_portal
if grep -qiE 'error|exception|traceback' "$OUT/portal-gunicorn.log"; then
  echo "WARNING: the portal's gunicorn log has errors:"; tail -20 "$OUT/portal-gunicorn.log"
fi
say "done; logs in $OUT"
