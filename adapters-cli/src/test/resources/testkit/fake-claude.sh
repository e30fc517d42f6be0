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
# Like the real CLI, a further user line after a turn starts another turn in the same process and session, which
# plays the next scenario; the session is the one given with --resume=<id>, else a fresh UUID.
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

# like the real CLI: answer control requests; a user line starts a turn. Returns 1 when stdin closed without one.
await_turn() {
  while IFS= read -r line; do
    printf '%s\n' "$line" >> "$rec/stdin"
    case "$line" in
      *'"type":"control_request"'*)
        id=$(printf '%s' "$line" | sed -n 's/.*"request_id":"\([^"]*\)".*/\1/p')
        printf '{"type":"control_response","response":{"subtype":"success","request_id":"%s","response":{}}}\n' "$id" ;;
      *'"type":"user"'*) return 0 ;;
    esac
  done
  return 1
}

# the scenario is taken when the turn starts, not at spawn: a process started ahead of need plays the next one
take_scenario() {
  scenario=""
  while [ -z "$scenario" ]; do
    next=$(ls "$FAKE_CLI_SCENARIOS" 2>/dev/null | grep -E '^[0-9]+\.jsonl$' | sort | head -n 1)
    if [ -z "$next" ]; then scenario="$FAKE_CLI_SCENARIOS/default.jsonl"; break; fi
    mv "$FAKE_CLI_SCENARIOS/$next" "$rec/$1" 2>/dev/null && scenario="$rec/$1"
  done
}

play() {
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
}

session=""
for a in "$@"; do case "$a" in --resume=*) session="${a#--resume=}" ;; esac; done
[ -n "$session" ] || session=$(cat /proc/sys/kernel/random/uuid)

await_turn || exit 0
take_scenario scenario.jsonl
play
turn=1
# the turn is over: keep recording stdin; a further user line starts another turn; exit when stdin closes
while await_turn; do
  turn=$((turn + 1))
  take_scenario "scenario-$turn.jsonl"
  play
done
exit 0
