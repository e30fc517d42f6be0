# shellcheck shell=bash
# Sourced by ./run: on JDK 25+ the server starts from an AOT cache (JEP 483/514/515: classes loaded and
# linked ahead of time, method profiles), made by a short training run whenever it is missing or older
# than the jar or its libs: the server on a free 127.0.0.1 port, a stand-in CLI, a few requests, SIGTERM
# (about 10 s, once per build). Needs $repo, $jar, $jvm_opts and $user_opts; CLAUDE_PROXY_AOT=off skips it.

# Sets $version to the JDK's version, e.g. 25.0.3 (no subshell: ./run's own time counts in every start).
java_version() {
    local out=""
    if [[ -f $JAVA_HOME/release ]]; then IFS= read -r -d '' out <"$JAVA_HOME/release" || true; fi
    [[ -n $out ]] || out=$(java -version 2>&1 || true)
    version=""
    if [[ $out =~ (JAVA_VERSION=|version\ )\"([^\"]+)\" ]]; then version=${BASH_REMATCH[2]}; fi
}

# The stand-in CLI of the training run: one short text reply per turn, like the real one's stream-json.
write_training_cli() {
    cat > "$1" <<'EOF'
#!/bin/sh
partial=0
for a in "$@"; do [ "$a" = --include-partial-messages ] && partial=1; done
while IFS= read -r line; do
  case $line in
    *'"type":"control_request"'*)
      id=$(printf '%s' "$line" | sed -n 's/.*"request_id":"\([^"]*\)".*/\1/p')
      printf '{"type":"control_response","response":{"subtype":"success","request_id":"%s","response":{}}}\n' "$id" ;;
    *'"type":"user"'*) break ;;
  esac
done
s=3f0c9a52-7d2e-4c1b-9a57-1c2d3e4f5a6b
u='"usage":{"input_tokens":9,"output_tokens":1}'
m='"id":"msg_train","type":"message","role":"assistant","model":"claude-sonnet-4-5"'
echo '{"type":"system","subtype":"init","session_id":"'$s'","model":"claude-sonnet-4-5","tools":[]}'
if [ $partial = 1 ]; then
  echo '{"type":"stream_event","event":{"type":"message_start","message":{'"$m"',"content":[],'"$u"'}}}'
  echo '{"type":"stream_event","event":{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}}'
  echo '{"type":"stream_event","event":{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}}'
fi
echo '{"type":"assistant","message":{'"$m"',"content":[{"type":"text","text":"Hi"}],'"$u"'}}'
[ $partial = 1 ] && echo '{"type":"stream_event","event":{"type":"content_block_stop","index":0}}'
echo '{"type":"result","subtype":"success","is_error":false,"result":"Hi","stop_reason":"end_turn","session_id":"'$s'","usage":{"input_tokens":9,"output_tokens":1,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}'
cat >/dev/null
EOF
    chmod +x "$1"
}

# One HTTP/1.1 request to 127.0.0.1:$port over bash's /dev/tcp; prints the status code (empty on failure).
# Reads the headers only (the server keeps the connection open), or a stream up to its message_stop.
http() {
    local method=$1 path=$2 body=${3:-} status="" line end=""
    if [[ $body == *'"stream":true'* ]]; then end=message_stop; fi
    if ! { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then return 0; fi
    printf '%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s' \
        "$method" "$path" "${#body}" "$body" >&3 2>/dev/null || true
    if IFS=' ' read -r -t 30 line <&3; then
        status=${line#* }
        status=${status%% *}
        while IFS= read -r -t 10 line <&3; do
            line=${line%$'\r'}
            if [[ -z $end && -z $line ]] || [[ -n $end && $line == *"$end"* ]]; then break; fi
        done
    fi
    exec 3<&- 3>&-
    echo "$status"
}

# Creates the AOT cache $1 for the options named by $2 (kept in $1.key) with a training run; on failure
# leaves $2 and the run's log in $1.failed.
train_aot() {
    local cache=$1 key=$2 tmp out pid i port code="" stop_deadline body
    local -a unset_env=()
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/claude-proxy-aot.XXXXXX")
    out="$cache.tmp$$"
    write_training_cli "$tmp/claude"
    for i in $(compgen -e); do
        if [[ $i == CLAUDE_PROXY_* ]]; then unset_env+=(-u "$i"); fi
    done
    for ((i = 0; i < 50; i++)); do
        port=$((20000 + RANDOM % 40000))
        if ! { : <>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then break; fi
    done
    set -m # own process group, so the cache-assembling child JVM can be stopped with it
    (cd "$tmp" && exec env ${unset_env[@]+"${unset_env[@]}"} CLAUDE_PROXY_CLAUDE_PATH="$tmp/claude" \
        CLAUDE_PROXY_WORK_DIR="$tmp/work" CLAUDE_PROXY_LOG_DIR="$tmp/logs" \
        java ${jvm_opts[@]+"${jvm_opts[@]}"} ${user_opts[@]+"${user_opts[@]}"} -XX:AOTCacheOutput="$out" \
        -jar "$jar" --host=127.0.0.1 --port="$port") >"$tmp/log" 2>&1 </dev/null &
    pid=$!
    set +m
    trap 'kill -KILL -- "-$pid" 2>/dev/null; rm -rf "$tmp" "$out" "$out.config"; exit 130' INT TERM HUP
    body='{"model":"claude-sonnet-4-5","max_tokens":64,"system":"Be brief.",'
    body+='"messages":[{"role":"user","content":"Hi"}]}'
    for ((i = 0; i < 600; i++)); do # up to 60 s for the first answer
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
        code=$(http POST /v1/messages "$body")
        [[ -z $code ]] || break
    done
    if [[ $code == 200 ]]; then
        http POST /v1/messages "${body%\}},\"stream\":true}" >/dev/null
        http POST /v1/messages/count_tokens "$body" >/dev/null
        http GET /v1/models >/dev/null
        http POST /v1/messages '{}' >/dev/null
    fi
    kill -TERM "$pid" 2>/dev/null || true
    stop_deadline=$((SECONDS + 120)) # the cache is assembled by a child JVM after the server stops
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < stop_deadline)); do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then code="$code, then no exit within 120 s"; fi
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if [[ $code == 200 && -s $out ]]; then
        mv -f "$out" "$cache"
        echo "$key" >"$cache.key"
        rm -f "$cache.failed"
    else
        { echo "$key"; echo "training run: first answer ${code:-none}"; cat "$tmp/log"; } \
            >"$cache.failed" 2>/dev/null || true
        rm -f "$out" "$out.config"
        echo "claude-proxy: could not create the AOT cache; starting without it (log: $cache.failed)" >&2
    fi
    rm -rf "$tmp"
    trap - INT TERM HUP
}

fresh() { # is file $1 there, first line $2, and not older than the jar and its libs?
    local f line=""
    [[ -f $1 && ! $jar -nt $1 ]] || return 1
    IFS= read -r line <"$1" || true
    [[ $line == "$2" ]] || return 1
    for f in "$repo"/bootstrap/target/libs/*; do
        if [[ $f -nt $1 ]]; then return 1; fi
    done
}

# Sets aot_opts to the JVM options that use the AOT cache, creating the cache first when it is due.
aot_options() {
    aot_opts=()
    help=0
    for arg in "$@"; do
        if [[ $arg == --help || $arg == -h ]]; then help=1; fi
    done
    java_version
    own_cds=0 # JAVA_OPTS with a CDS or AOT option of its own
    for opt in ${user_opts[@]+"${user_opts[@]}"}; do
        if [[ $opt == -XX:AOT* || $opt == -XX:SharedArchiveFile* || $opt == -Xshare* ]]; then own_cds=1; fi
    done
    if [[ ${version%%[!0-9]*} -ge 25 && ${CLAUDE_PROXY_AOT:-on} != off && $help == 0 && $own_cds == 0 \
        && -w $repo/bootstrap/target ]]; then
        # a cache fits one JDK and one set of options: they are its key
        key="$JAVA_HOME $version: ${jvm_opts[*]+"${jvm_opts[*]}"} ${user_opts[*]+"${user_opts[*]}"}"
        cache="$repo/bootstrap/target/claude-proxy.aot"
        if [[ ! -f $cache ]] || ! fresh "$cache.key" "$key"; then
            if ! fresh "$cache.failed" "$key"; then # not after a failed try with this jar and key
                rm -f "$cache" "$cache.key"
                echo "claude-proxy: creating the JVM's AOT cache for faster starts (once per build, about 10 s)" >&2
                train_aot "$cache" "$key"
            fi
        fi
        if [[ -f $cache ]] && fresh "$cache.key" "$key"; then
            # the cache, and quiet about JDK-8364929 (a harmless adapter name clash it reports on JDK 25)
            aot_opts=(-XX:AOTCache="$cache" -Xlog:aot=error,aot+codecache+stubs=error)
        fi
    fi
}
