#!/usr/bin/env bash
# Measures claude-proxy's start-up time and idle memory, with a scripted fake `claude` CLI
# (adapters-cli/src/test/resources/testkit/fake-claude.sh), on 127.0.0.1 only.
#
#   bench/startup-and-memory.sh [--runs N] [--mode run|jar] [--jar PATH] [--idle S] [--out FILE]
#
# Each of N runs (default 5):
#   start_ms     spawn of the server -> first 200 to POST /v1/messages (non-streaming; one CLI turn),
#                polled every 20 ms                                              target <= 2000 ms
#   rss_mb       VmRSS of the server's JVM (/proc/PID/status; CLI processes not counted) after that
#                first answer and S seconds of idling (default 5)                target <= 128 MB
#   anon_mb      the anonymous part of it (RssAnon: heap, metaspace, code, stacks)
#   msg_ms       p50 latency of 20 more /v1/messages (each a fake CLI turn of ~0.1 s) on one connection
#   count_ms     p50 latency of the last 500 of 1000 /v1/messages/count_tokens with a 50 KB body: the
#                server's own CPU path, the figure a JIT option would hurt
#   rss_after_mb VmRSS after those 1020 requests
# then SIGTERM. Prints median/min/max over the runs and writes them, with every run's figures,
# to bench/results/startup-and-memory.json (or --out FILE).
#   --mode run   starts ./run as a user does (its JVM options and AOT cache; JAVA_OPTS appended).
#   --mode jar   starts `java $JAVA_OPTS -jar bootstrap/target/claude-proxy.jar` (or --jar PATH) and
#                nothing else: for comparing JVM options; JAVA_OPTS unset = the JVM's defaults.
# One unmeasured start comes first: in run mode that is where ./run rebuilds a stale jar and creates
# its AOT cache (its time is reported as first_start_ms); in jar mode a missing jar is built first.
# A measured run in which ./run rebuilt anyway (a source changed meanwhile) is done again.
# Needs Linux (/proc), bash 5, curl. Every process it starts is stopped (SIGTERM, then SIGKILL to its
# process group) and its temp dir removed, also on Ctrl-C; every wait is bounded.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

runs=5 mode=run idle=5 jar_opt="" start_timeout=30
out="$repo/bench/results/startup-and-memory.json"
while (($#)); do
    case $1 in
        --runs=*) runs=${1#*=} ;;
        --mode=*) mode=${1#*=} ;;
        --jar=*) jar_opt=${1#*=} ;;
        --idle=*) idle=${1#*=} ;;
        --out=*) out=${1#*=} ;;
        --runs|--mode|--jar|--idle|--out)
            (($# >= 2)) || { echo "$1 needs a value" >&2; exit 2; }
            set -- "$1=$2" "${@:3}"
            continue ;;
        -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[[ $runs =~ ^[1-9][0-9]*$ && $idle =~ ^[0-9]+$ ]] || { echo "--runs and --idle take whole numbers" >&2; exit 2; }
[[ $mode == run || $mode == jar ]] || { echo "--mode is run or jar" >&2; exit 2; }
[[ -z $jar_opt || $mode == jar ]] || { echo "--jar goes with --mode jar" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }
[[ -d /proc/self ]] || { echo "/proc is needed (Linux)" >&2; exit 1; }

source "$repo/scripts/java-home.sh"
jar=${jar_opt:-$repo/bootstrap/target/claude-proxy.jar}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/claude-proxy-bench.XXXXXX")
server_pid=""

# Stops the server: SIGTERM (its shutdown hook kills CLI runs), SIGKILL to its process group after 10 s.
stop_server() {
    [[ -n $server_pid ]] || return 0
    local pid=$server_pid i
    server_pid=""
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    stop_server
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# the fake CLI and its one scenario: a text reply "Hello"
mkdir -p "$tmp/cli" "$tmp/rec" "$tmp/work"
cp "$repo/adapters-cli/src/test/resources/testkit/fake-claude.sh" "$tmp/cli/claude"
chmod +x "$tmp/cli/claude"
cat > "$tmp/cli/default.jsonl" <<'EOF'
{"type":"system","subtype":"init","session_id":"{{SESSION}}","model":"claude-sonnet-5-5","tools":[]}
#partial {"type":"stream_event","event":{"type":"message_start","message":{"id":"m","type":"message","role":"assistant","model":"x","content":[],"usage":{"input_tokens":17,"output_tokens":1}}}}
#partial {"type":"stream_event","event":{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}}
#partial {"type":"stream_event","event":{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}}
{"type":"assistant","message":{"id":"m","type":"message","role":"assistant","model":"x","content":[{"type":"text","text":"Hello"}],"usage":{"input_tokens":17,"output_tokens":1}}}
#partial {"type":"stream_event","event":{"type":"content_block_stop","index":0}}
{"type":"result","subtype":"success","is_error":false,"result":"Hello","stop_reason":"end_turn","session_id":"{{SESSION}}","usage":{"input_tokens":17,"output_tokens":2,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}
EOF
body='{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"Say hello."}]}'
awk 'BEGIN {
    printf "{\"model\":\"claude-sonnet-4-5\",\"system\":\"Be brief.\",\"messages\":[{\"role\":\"user\",\"content\":\""
    for (i = 0; i < 6000; i++) printf "word%d ", i * 7919 % 10007
    printf "\"},{\"role\":\"assistant\",\"content\":\"ok\"},{\"role\":\"user\",\"content\":\"and?\"}]}"
}' > "$tmp/count.json"

free_port() {
    local p
    while :; do
        p=$((20000 + RANDOM % 40000))
        (: <>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
    done
}

now_us() { local t=${EPOCHREALTIME/[.,]/}; echo "$t"; }

# Starts the server in its own process group (setsid), stdout and stderr to $1, port $2.
start_server() {
    local log=$1 port=$2
    local -a cmd
    if [[ $mode == run ]]; then
        cmd=("$repo/run")
    else
        read -r -a cmd <<<"java ${JAVA_OPTS:-}" # JAVA_OPTS: a blank-separated list of options
        cmd+=(-jar "$jar")
    fi
    FAKE_CLI_SCENARIOS="$tmp/cli" FAKE_CLI_RECORD_DIR="$tmp/rec" CLAUDE_PROXY_CLAUDE_PATH="$tmp/cli/claude" \
        CLAUDE_PROXY_PORT="$port" CLAUDE_PROXY_HOST=127.0.0.1 CLAUDE_PROXY_WORK_DIR="$tmp/work" \
        setsid "${cmd[@]}" >"$log" 2>&1 </dev/null &
    server_pid=$!
}

# Waits (bounded) for the first 200 to POST /v1/messages on port $1; prints microseconds since $2.
first_answer() {
    local port=$1 t0=$2 code deadline=$(($2 + start_timeout * 1000000))
    while :; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H 'content-type: application/json' \
            -d "$body" "http://127.0.0.1:$port/v1/messages" 2>/dev/null || true)
        if [[ $code == 200 ]]; then echo $(($(now_us) - t0)); return 0; fi
        kill -0 "$server_pid" 2>/dev/null || return 1
        (($(now_us) < deadline)) || return 1
        sleep 0.02
    done
}

# $1 requests to URL $2 with the body in file $3 on one kept-alive connection; prints "status seconds" lines.
batch() {
    local n=$1 url=$2 data=$3 i
    local -a urls=()
    for ((i = 0; i < n; i++)); do urls+=("$url"); done
    curl -s --max-time 120 -H 'content-type: application/json' --data-binary "@$data" \
        -w '\n@%{http_code} %{time_total}\n' "${urls[@]}" | sed -n 's/^@//p'
}

# p50 in ms of the "status seconds" lines on stdin; fails unless all $1 of them are 200s.
p50_ms() {
    awk '$1 == 200 {print $2 * 1000; n++} END {if (n != '"$1"') print "fail"}' | sort -g | awk '
        $1 == "fail" {bad = 1; next} {v[++n] = $1}
        END {if (bad || !n) exit 1; printf "%.2f\n", (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2}'
}

rss() { awk -v f="$1:" '$1 == f {printf "%.1f\n", $2 / 1024}' "/proc/$server_pid/status"; }

stat() { # "median min max" of the numbers on stdin, with $1 decimals
    sort -g | awk -v d="$1" '{v[NR] = $1} END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%.*f %.*f %.*f\n", d, m, d, v[1], d, v[NR]}'
}

# ---- one unmeasured start: builds, creates ./run's AOT cache, warms the file cache ----
if [[ $mode == jar && ( ! -f $jar || ! -d $(dirname "$jar")/libs ) ]]; then
    echo "building $jar" >&2
    (cd "$repo" && mvn -B -ntp -q -DskipTests package) >&2
fi
java_line=$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)
command_line=$([[ $mode == run ]] && echo "./run" || echo "java ${JAVA_OPTS:-} -jar $jar")
echo "$java_line; $(nproc) CPUs; mode $mode: $command_line${JAVA_OPTS:+ (JAVA_OPTS=$JAVA_OPTS)}" >&2

port=$(free_port)
t0=$(now_us)
start_server "$tmp/prep.log" "$port"
start_timeout=600
if ! prep_us=$(first_answer "$port" "$t0"); then
    echo "the server did not answer within ${start_timeout}s; its output:" >&2
    cat "$tmp/prep.log" >&2
    exit 1
fi
start_timeout=30
stop_server
prep_ms=$((prep_us / 1000))
prep_note=""
if grep -q '^building ' "$tmp/prep.log"; then prep_note+=", built the jar"; fi
if grep -qi 'creating the .*AOT cache' "$tmp/prep.log"; then prep_note+=", created the AOT cache"; fi
if grep -qi 'could not create the AOT cache' "$tmp/prep.log"; then prep_note+=", AOT cache FAILED"; fi
echo "unmeasured first start: ${prep_ms} ms${prep_note}" >&2

# ---- measured runs ----
declare -a start_ms rss_mb anon_mb msg_ms count_ms rss_after_mb
redone=0
printf '%4s %9s %8s %8s %8s %9s %13s\n' run start_ms rss_mb anon_mb msg_ms count_ms rss_after_mb >&2
for ((r = 1; r <= runs; r++)); do
    port=$(free_port)
    t0=$(now_us)
    start_server "$tmp/run$r.log" "$port"
    if ! us=$(first_answer "$port" "$t0"); then
        echo "run $r: no answer within ${start_timeout}s; its output:" >&2
        cat "$tmp/run$r.log" >&2
        exit 1
    fi
    if grep -qE '^building |creating the .*AOT cache' "$tmp/run$r.log"; then # a source changed meanwhile
        stop_server
        if ((++redone > 3)); then echo "run $r: ./run keeps rebuilding; giving up" >&2; exit 1; fi
        echo "run $r: ./run rebuilt the jar or its AOT cache first (sources changed); measuring it again" >&2
        ((r--)) || true
        continue
    fi
    start_ms[r]=$(((us + 500) / 1000))
    sleep "$idle"
    rss_mb[r]=$(rss VmRSS)
    anon_mb[r]=$(rss RssAnon)
    printf '%s' "$body" > "$tmp/body.json"
    msg_ms[r]=$(batch 20 "http://127.0.0.1:$port/v1/messages" "$tmp/body.json" | p50_ms 20) \
        || { echo "run $r: a /v1/messages request failed" >&2; exit 1; }
    count_ms[r]=$(batch 1000 "http://127.0.0.1:$port/v1/messages/count_tokens" "$tmp/count.json" | tail -n 500 \
        | p50_ms 500) || { echo "run $r: a count_tokens request failed" >&2; exit 1; }
    rss_after_mb[r]=$(rss VmRSS)
    stop_server
    printf '%4d %9s %8s %8s %8s %9s %13s\n' "$r" "${start_ms[r]}" "${rss_mb[r]}" "${anon_mb[r]}" "${msg_ms[r]}" \
        "${count_ms[r]}" "${rss_after_mb[r]}" >&2
done

# ---- summary ----
json_list() { local IFS=,; echo "[$*]"; }
json_str() { local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }
metrics=(start_ms rss_mb anon_mb msg_ms count_ms rss_after_mb)
labels=("start to first answered request (ms)" "idle RSS after ${idle} s (MB)" "  of which anonymous (MB)"
    "/v1/messages p50, fake CLI turn (ms)" "count_tokens 50 KB p50, warm (ms)" "RSS after 1020 requests (MB)")
targets=("<= 2000" "<= 128" "" "" "" "")
echo
printf '%-40s %9s %9s %9s %9s\n' "$runs runs" median min max target
json_metrics=""
for i in "${!metrics[@]}"; do
    declare -n values="${metrics[i]}"
    case ${metrics[i]} in start_ms) decimals=0 ;; *_mb) decimals=1 ;; *) decimals=2 ;; esac
    read -r med min max < <(printf '%s\n' "${values[@]}" | stat "$decimals")
    printf '%-40s %9s %9s %9s %9s\n' "${labels[i]}" "$med" "$min" "$max" "${targets[i]}"
    json_metrics+="  \"${metrics[i]}\": {\"median\": $med, \"min\": $min, \"max\": $max, "
    json_metrics+="\"runs\": $(json_list "${values[@]}")},"$'\n'
    unset -n values
done
mkdir -p "$(dirname "$out")"
cat > "$out" <<EOF
{
  "date": $(json_str "$(date -u +%Y-%m-%dT%H:%M:%SZ)"),
  "java": $(json_str "$java_line"),
  "cpus": $(nproc),
  "mode": $(json_str "$mode"),
  "command": $(json_str "$command_line"),
  "java_opts": $(json_str "${JAVA_OPTS:-}"),
  "runs": $runs,
  "idle_seconds": $idle,
  "first_start_ms": $prep_ms,
  "targets": {"start_ms": 2000, "rss_mb": 128},
${json_metrics%,$'\n'}
}
EOF
echo "wrote $out" >&2
