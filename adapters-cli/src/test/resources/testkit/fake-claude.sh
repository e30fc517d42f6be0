#!/usr/bin/env bash
# A scripted stand-in for the `claude` CLI, for fast tests. It behaves like the real one where the proxy
# cares: nothing on stdout until the first user line; stream_event lines only with
# --include-partial-messages; exits when stdin closes. What it prints comes from a scenario file:
#   FAKE_CLI_SCENARIOS/NNNN.jsonl are taken one per run, in order; default.jsonl when none is left.
# Scenario lines are printed as they are ({{SESSION}} becomes a fresh UUID, {{NOW_US}} the time of
# printing in microseconds since the epoch), except directives:
#   #partial <line>   printed only with --include-partial-messages
#   #sleep <seconds>  pause
#   #stderr <text>    print to stderr
#   #child            start a child process (to prove the whole tree gets killed)
#   #hang             stop printing and wait forever
#   #exit <code>      print nothing more; exit with <code> without waiting for stdin to close
# Each run records its argv and stdin under FAKE_CLI_RECORD_DIR/<pid>/; the scenario is taken at the first user line.
# `--version` prints FAKE_CLI_VERSION (a fake version line by default) and exits with FAKE_CLI_VERSION_EXIT (0);
# FAKE_CLI_VERSION=hang starts a child and never answers.
set -u
partial=0
for a in "$@"; do [ "$a" = "--include-partial-messages" ] && partial=1; done
rec="${FAKE_CLI_RECORD_DIR:?}/$$"
mkdir -p "$rec"
printf '%s\n' "$@" > "$rec/argv.tmp" && mv "$rec/argv.tmp" "$rec/argv"
env > "$rec/env"
if [ "${1:-}" = "--version" ]; then
  if [ "${FAKE_CLI_VERSION:-}" = hang ]; then sleep 300 & echo $! > "$rec/child"; wait; fi
  printf '%s\n' "${FAKE_CLI_VERSION:-0.0.0 (Claude Code, scripted fake)}"
  exit "${FAKE_CLI_VERSION_EXIT:-0}"
fi

# like the real CLI: answer control requests, start the turn at the first user line
while IFS= read -r line; do
  printf '%s\n' "$line" >> "$rec/stdin"
  case "$line" in
    *'"type":"control_request"'*)
      id=$(printf '%s' "$line" | sed -n 's/.*"request_id":"\([^"]*\)".*/\1/p')
      printf '{"type":"control_response","response":{"subtype":"success","request_id":"%s","response":{}}}\n' "$id" ;;
    *'"type":"user"'*) break ;;
  esac
done
[ -f "$rec/stdin" ] || exit 0

# the scenario is taken when the turn starts, not at spawn: a process started ahead of need plays the next one
scenario=""
while [ -z "$scenario" ]; do
  next=$(ls "$FAKE_CLI_SCENARIOS" 2>/dev/null | grep -E '^[0-9]+\.jsonl$' | sort | head -n 1)
  if [ -z "$next" ]; then scenario="$FAKE_CLI_SCENARIOS/default.jsonl"; break; fi
  mv "$FAKE_CLI_SCENARIOS/$next" "$rec/scenario.jsonl" 2>/dev/null && scenario="$rec/scenario.jsonl"
done

session=$(cat /proc/sys/kernel/random/uuid)
code=0
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    '#partial '*) if [ $partial = 1 ]; then l="${line#\#partial }"; l="${l//\{\{SESSION\}\}/$session}"; printf '%s\n' "${l//\{\{NOW_US\}\}/${EPOCHREALTIME/./}}"; fi ;;
    '#sleep '*) sleep "${line#\#sleep }" ;;
    '#stderr '*) printf '%s\n' "${line#\#stderr }" >&2 ;;
    '#child') sleep 300 & echo $! > "$rec/child" ;;
    '#hang') while true; do sleep 1; done ;;
    '#exit '*) exit "${line#\#exit }" ;;
    '') ;;
    *) printf '%s\n' "${line//\{\{SESSION\}\}/$session}" ;;
  esac
done < "$scenario"

# the turn is over: keep recording stdin until it closes, then exit like the real CLI
while IFS= read -r line; do printf '%s\n' "$line" >> "$rec/stdin"; done
exit $code
