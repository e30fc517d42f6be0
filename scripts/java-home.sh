# shellcheck shell=bash
# Sourced by ./test, ./run and .ci/run: exports JAVA_HOME and PATH for a JDK 21 or newer, taking
# $JAVA_HOME when it qualifies, else the newest JDK under /usr/lib/jvm, else (as root) one from apt-get.

_java_home_min=21

# Prints the major version of the JDK at $1 (nothing when it is not a JDK).
_java_home_major() {
    local home=$1 out version=""
    [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 0
    if [[ -f "$home/release" ]]; then
        out=$(<"$home/release")
        [[ $out =~ JAVA_VERSION=\"([^\"]+)\" ]] && version=${BASH_REMATCH[1]}
    fi
    if [[ -z $version ]]; then
        out=$("$home/bin/java" -version 2>&1 || true)
        [[ $out =~ version\ \"([^\"]+)\" ]] && version=${BASH_REMATCH[1]}
    fi
    version=${version#1.}
    version=${version%%[!0-9]*}
    if [[ -n $version ]]; then echo "$version"; fi
}

# Prints the newest JDK >= the minimum under /usr/lib/jvm (nothing when there is none).
_java_home_search() {
    local dir major best="" best_major=0
    for dir in /usr/lib/jvm/*; do
        [[ -d $dir ]] || continue
        major=$(_java_home_major "$dir")
        if [[ -n $major ]] && ((major >= _java_home_min && major > best_major)); then
            best=$dir
            best_major=$major
        fi
    done
    if [[ -n $best ]]; then echo "$best"; fi
}

_java_home_pick() {
    local major
    if [[ -n ${JAVA_HOME:-} ]]; then
        major=$(_java_home_major "$JAVA_HOME")
        if [[ -n $major ]] && ((major >= _java_home_min)); then
            echo "$JAVA_HOME"
            return 0
        fi
    fi
    _java_home_search
}

_java_home_found=$(_java_home_pick)
if [[ -z $_java_home_found && $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "no JDK $_java_home_min+ found: trying apt-get install openjdk-$_java_home_min-jdk-headless" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "openjdk-$_java_home_min-jdk-headless"; } \
        </dev/null >&2 || echo "apt-get could not install openjdk-$_java_home_min-jdk-headless" >&2
    _java_home_found=$(_java_home_search)
fi

if [[ -z $_java_home_found ]]; then
    echo "error: claude-proxy needs a JDK $_java_home_min or newer; none found in JAVA_HOME (${JAVA_HOME:-unset}) or /usr/lib/jvm." >&2
    echo "Install one (e.g. apt-get install openjdk-21-jdk-headless) or point JAVA_HOME at it." >&2
    unset -f _java_home_major _java_home_search _java_home_pick
    unset _java_home_min _java_home_found
    return 1 2>/dev/null || exit 1
fi

export JAVA_HOME=$_java_home_found
export PATH="$JAVA_HOME/bin:$PATH"
unset -f _java_home_major _java_home_search _java_home_pick
unset _java_home_min _java_home_found
