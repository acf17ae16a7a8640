#!/usr/bin/env bash
# Local single-node Apache Kafka broker (KRaft) for tests and `npm start` — no Docker.
#
#   tools/kafka/kafka.sh fetch | start | stop | status | restart
#
# The broker's jars come from Maven Central through tools/kafka/pom.xml (the same registry the
# build already uses), so nothing needs Docker or a tarball download. Everything it writes lives
# in one cache dir, by default <repo>/.cache/kafka (git-ignored):
#   libs/              runtime classpath copied by Maven, with a stamp of the pom it came from
#   data/              KRaft metadata + topic logs (formatted once)
#   server.properties  generated on every start from the env below
#   kafka.pid          pid of the running broker JVM
#   kafka.log          broker log (WARN and a few INFO lines); kafka.log.1 is the previous run
#   kafka.lock         flock(1) lock that serialises start/stop/fetch
#   fetch.log          output of the last Maven fetch
#
# Environment:
#   KAFKA_LOCAL_HOME             cache dir                     (default <repo>/.cache/kafka)
#   KAFKA_LOCAL_PORT             client (PLAINTEXT) port       (default 9092)
#   KAFKA_LOCAL_CONTROLLER_PORT  KRaft controller port         (default 9093)
#   KAFKA_LOCAL_START_TIMEOUT    seconds to wait for readiness (default 90)
#   KAFKA_LOCAL_STOP_TIMEOUT     seconds before SIGKILL        (default 30)
#   KAFKA_LOCAL_HEAP_OPTS        JVM heap flags                (default "-Xms256m -Xmx768m")
#   KAFKA_LOCAL_LOG4J_CONFIG     Log4j 2 config file           (default tools/kafka/log4j2.properties)
#
# Exit codes: 0 ok; `status`: 0 running and serving, 3 not running, 4 process alive but the
# port does not serve metadata (starting or hung); anything else is an error.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# tools/kafka/ -> repo root; computed from the script so it works from any cwd (npm, nx, CI).
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)

CACHE_DIR=${KAFKA_LOCAL_HOME:-$REPO_ROOT/.cache/kafka}
# Absolute, because the broker runs with the cache dir as its cwd and is recognised by its
# command line (which names server.properties by this path).
[[ $CACHE_DIR == /* ]] || CACHE_DIR=$PWD/$CACHE_DIR
HOST=127.0.0.1 # loopback only: a dev broker must not be reachable from the network
PORT=${KAFKA_LOCAL_PORT:-9092}
CONTROLLER_PORT=${KAFKA_LOCAL_CONTROLLER_PORT:-9093}
START_TIMEOUT=${KAFKA_LOCAL_START_TIMEOUT:-90}
STOP_TIMEOUT=${KAFKA_LOCAL_STOP_TIMEOUT:-30}
# Bounded heap: the machines have 2 cores and the broker shares them with node and the tests.
HEAP_OPTS=${KAFKA_LOCAL_HEAP_OPTS:--Xms256m -Xmx768m}

POM=$SCRIPT_DIR/pom.xml
# Override to debug the broker, e.g. with a copy of log4j2.properties at INFO.
LOG4J_CONF=${KAFKA_LOCAL_LOG4J_CONFIG:-$SCRIPT_DIR/log4j2.properties}
[[ $LOG4J_CONF == /* ]] || LOG4J_CONF=$PWD/$LOG4J_CONF
LIBS_DIR=$CACHE_DIR/libs
STAMP_FILE=$LIBS_DIR/.kafka-local-stamp
DATA_DIR=$CACHE_DIR/data
PROPS=$CACHE_DIR/server.properties
PID_FILE=$CACHE_DIR/kafka.pid
LOG_FILE=$CACHE_DIR/kafka.log
LOCK_FILE=$CACHE_DIR/kafka.lock

say() { printf 'kafka.sh: %s\n' "$*"; }
die() { printf 'kafka.sh: error: %s\n' "$*" >&2; exit 1; }

now() { printf '%s' "${EPOCHREALTIME:-$(date +%s.%N)}"; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

usage() {
  sed -n '2,4p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
}

check_env() {
  local p
  for p in "$PORT" "$CONTROLLER_PORT"; do
    if ! [[ $p =~ ^[0-9]+$ ]] || ((p < 1 || p > 65535)); then
      die "invalid port '$p'"
    fi
  done
  [[ $PORT != "$CONTROLLER_PORT" ]] || die "KAFKA_LOCAL_PORT and KAFKA_LOCAL_CONTROLLER_PORT must differ"
  [[ $START_TIMEOUT =~ ^[0-9]+$ && $STOP_TIMEOUT =~ ^[0-9]+$ ]] || die "timeouts must be whole seconds"
}

# Serialise every command that changes state: two concurrent `start`s (parallel test workers,
# nx running targets in parallel) must not both see "not running" and launch two brokers.
take_lock() {
  mkdir -p "$CACHE_DIR"
  exec 9>"$LOCK_FILE"
  flock -w $((START_TIMEOUT + 120)) 9 || die "timed out waiting for the lock $LOCK_FILE (another kafka.sh is busy)"
}

tail_log() {
  if [[ -s $LOG_FILE ]]; then
    printf -- '---- last lines of %s ----\n' "$LOG_FILE" >&2
    tail -n 40 "$LOG_FILE" >&2
    printf -- '----\n' >&2
  fi
}

# ---------------------------------------------------------------------------------------------
# Jars

pom_hash() { sha256sum "$POM" | cut -d' ' -f1; }

libs_current() {
  [[ -f $STAMP_FILE && "$(cat "$STAMP_FILE")" == "$(pom_hash)" ]] &&
    compgen -G "$LIBS_DIR/kafka_2.13-*.jar" >/dev/null
}

do_fetch() {
  if libs_current; then
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found: Maven is needed once to fetch the Kafka jars"
  local t0 tmp
  t0=$(now)
  say "fetching Kafka jars with Maven into $LIBS_DIR ..."
  # Copy into a fresh temp dir and swap it in, so a failed or interrupted fetch never leaves a
  # half-filled libs/ behind and a version change never mixes old and new jars.
  tmp=$CACHE_DIR/libs.tmp.$$
  rm -rf "$tmp"
  # shellcheck disable=SC2064 # expand $tmp now: the trap may run after this function returned
  trap "rm -rf $(printf %q "$tmp")" EXIT
  # Maven's output goes to a file (even -q -B prints ANSI resets on 3.8); shown only on failure.
  if ! mvn -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$tmp" >"$CACHE_DIR/fetch.log" 2>&1 9>&-; then
    sed 's/\x1b\[[0-9;]*m//g' "$CACHE_DIR/fetch.log" | tail -n 40 >&2
    die "Maven could not fetch the Kafka jars (full output: $CACHE_DIR/fetch.log)"
  fi
  compgen -G "$tmp/kafka_2.13-*.jar" >/dev/null || die "Maven ran but no kafka_2.13 jar was copied"
  pom_hash >"$tmp/.kafka-local-stamp"
  rm -rf "$LIBS_DIR"
  mv "$tmp" "$LIBS_DIR"
  trap - EXIT
  local jars=("$LIBS_DIR"/*.jar)
  say "fetched ${#jars[@]} jars in $(since "$t0")s"
}

# ---------------------------------------------------------------------------------------------
# Process and port checks

# True when $1 is a live process that is the broker of THIS cache dir. The pid file alone is not
# trusted: after a reboot or a SIGKILL the pid may be reused by an unrelated process. A zombie has
# an empty cmdline, so it counts as dead too.
is_our_broker() {
  local cmd
  [[ $1 =~ ^[0-9]+$ ]] || return 1
  cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline") || return 1
  [[ $cmd == *" kafka.Kafka $PROPS"* ]]
}

# Prints the pid of this cache dir's broker, or fails. Falls back to a scan of /proc for a JVM
# whose command line names exactly our server.properties, so a lost/garbled pid file can not
# make `start` launch a second broker on the same data dir.
find_broker() {
  local pid f
  if [[ -f $PID_FILE ]]; then
    pid=$(tr -dc '0-9' 2>/dev/null <"$PID_FILE" || true)
    if [[ -n $pid ]] && is_our_broker "$pid"; then
      echo "$pid"
      return 0
    fi
  fi
  # One grep over all cmdlines (cheap), then the exact check on the few candidates.
  for f in $(grep -lzF -- "$PROPS" /proc/[0-9]*/cmdline 2>/dev/null || true); do
    pid=${f#/proc/}
    pid=${pid%/cmdline}
    if is_our_broker "$pid"; then
      echo "$pid" >"$PID_FILE"
      echo "$pid"
      return 0
    fi
  done
  return 1
}

port_open() {
  # shellcheck disable=SC2016 # $0/$1 are expanded by the inner bash
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$HOST" "$1" 2>/dev/null
}

# The client port a running broker was started with. server.properties is only rewritten right
# before a launch (never while our broker runs), so it describes the running process.
running_port() {
  sed -n 's|^advertised\.listeners=PLAINTEXT://[^:]*:\([0-9]*\)$|\1|p' "$PROPS" 2>/dev/null || true
}

# A real readiness check without starting a JVM: send a Kafka Metadata request (v4, which every
# broker from 1.0 to 4.x accepts) over bash's /dev/tcp and check that the answer lists at least
# one broker. A KRaft broker accepts TCP connections before it has caught up with the metadata
# log, but it only processes requests once it has, and only lists itself once it is unfenced, so
# this is true exactly when clients can use it.
#   request = int32 size | int16 api_key=3 | int16 version=4 | int32 correlation_id=1
#             | string client_id="kafka.sh" | int32 topics=-1 (all) | int8 allow_auto_create=0
#   response = int32 size | int32 correlation_id | int32 throttle_ms | int32 broker_count | ...
metadata_ok() {
  local port=${1:-$PORT} bytes
  # shellcheck disable=SC2016 # $0/$1 are expanded by the inner bash
  bytes=$(timeout 5 bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    printf "\x00\x00\x00\x17\x00\x03\x00\x04\x00\x00\x00\x01\x00\x08kafka.sh\xff\xff\xff\xff\x00" >&3
    dd bs=1 count=16 <&3 2>/dev/null | od -An -v -tu1
  ' "$HOST" "$port" 2>/dev/null) || return 1
  # shellcheck disable=SC2206 # word splitting of od output is intended
  local b=($bytes)
  ((${#b[@]} == 16)) || return 1
  # correlation id must echo ours (1), then broker_count (big-endian int32) must be >= 1
  ((b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 1)) || return 1
  local count=$(((b[12] << 24) | (b[13] << 16) | (b[14] << 8) | b[15]))
  ((count >= 1 && count < 1000))
}

who_listens() {
  if command -v ss >/dev/null; then
    ss -Hltnp "sport = :$1" 2>/dev/null | sed 's/^/    /' || true
  fi
}

# ---------------------------------------------------------------------------------------------
# Broker config and storage

write_properties() {
  local tmp=$PROPS.tmp.$$
  cat >"$tmp" <<EOF
# Generated by tools/kafka/kafka.sh on every start — edit the script, not this file.
# Single-node KRaft: this one process is both the controller and the broker.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=$HOST:$CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA_DIR

# With one broker the internal topics can not have the default 3 replicas; without these,
# consumer groups, transactions and share groups never become available.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1
# Fewer partitions for the internal topics: the first consumer group / transaction creates them,
# and 50 partitions each only slow that first test down on a dev box.
offsets.topic.num.partitions=10
transaction.state.log.num.partitions=10
share.coordinator.state.topic.num.partitions=10

# Tests join groups immediately instead of waiting 3 s for more members.
group.initial.rebalance.delay.ms=0
# Tests and dev code may produce to topics they did not create (Kafka's default, stated here).
auto.create.topics.enable=true
num.partitions=1

# Small retention: a dev/test broker should not fill the disk.
log.retention.hours=24
log.retention.bytes=104857600
log.segment.bytes=16777216
log.retention.check.interval.ms=60000

# Sized for a 2-core machine.
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
EOF
  mv "$tmp" "$PROPS"
}

# A KRaft log dir must be formatted once with a cluster id; `--standalone` makes this node the
# only voter of the controller quorum. A formatted dir has meta.properties, so later starts skip it.
# (The voter record keeps the controller port used at format time; a single node still starts
# and serves clients after KAFKA_LOCAL_CONTROLLER_PORT changes, checked on 4.1, so no re-format.)
format_storage() {
  if [[ -f $DATA_DIR/meta.properties ]]; then
    return 0
  fi
  # No meta.properties means nothing usable is there (e.g. an interrupted format): start clean.
  rm -rf "$DATA_DIR"
  mkdir -p "$DATA_DIR"
  local id
  # Cluster ids are base64url UUIDs; generated here to save a JVM start. A leading '-' would be
  # read as an option, Kafka's own generator avoids it too.
  while :; do
    id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
    [[ $id != -* ]] && break
  done
  say "formatting $DATA_DIR (cluster id $id)"
  if ! java -cp "$LIBS_DIR/*" -Dlog4j2.configurationFile="$LOG4J_CONF" \
    -Dkafka.local.log="$LOG_FILE" \
    kafka.tools.StorageTool format -t "$id" -c "$PROPS" --standalone >>"$LOG_FILE" 2>&1 9>&-; then
    tail_log
    rm -rf "$DATA_DIR"
    die "formatting the KRaft storage failed"
  fi
}

# ---------------------------------------------------------------------------------------------
# Commands

wait_ready() {
  local pid=$1 t0=$2 launched=$3
  local deadline=$((SECONDS + START_TIMEOUT))
  until metadata_ok; do
    if ! is_our_broker "$pid"; then
      rm -f "$PID_FILE"
      tail_log
      die "the broker exited during startup (see $LOG_FILE)"
    fi
    if ((SECONDS >= deadline)); then
      tail_log
      if [[ $launched == yes ]]; then
        # Do not leave a half-started JVM holding the ports and the data dir.
        stop_pid "$pid" >/dev/null || true
        die "the broker did not serve metadata on $HOST:$PORT within ${START_TIMEOUT}s; it was stopped"
      fi
      die "the broker (pid $pid) did not serve metadata on $HOST:$PORT within ${START_TIMEOUT}s"
    fi
    sleep 0.3
  done
  say "broker ready on $HOST:$PORT (pid $pid) after $(since "$t0")s"
}

do_start() {
  local t0 pid p
  t0=$(now)

  if pid=$(find_broker); then
    p=$(running_port)
    if [[ -n $p && $p != "$PORT" ]]; then
      die "the broker of $CACHE_DIR already runs on port $p (pid $pid), not $PORT; 'kafka.sh stop' it first or use another KAFKA_LOCAL_HOME"
    fi
    if metadata_ok; then
      say "already running (pid $pid, port $PORT)"
      libs_current || say "note: tools/kafka/pom.xml changed since it started; 'kafka.sh restart' switches to it"
      return 0
    fi
    # Alive but not answering: most likely still starting (e.g. launched by a start that was
    # interrupted). Give it the normal start timeout rather than launching a second one.
    say "broker process $pid is alive but not serving yet; waiting"
    wait_ready "$pid" "$t0" no
    return 0
  fi
  rm -f "$PID_FILE" # stale: its process is gone (killed, crashed, reboot)

  # Something else holds our ports (another checkout's broker, a Docker Kafka, ...): fail now
  # with a clear message instead of starting a JVM that dies on bind or, worse, waiting on a
  # broker that is not ours.
  for p in "$PORT" "$CONTROLLER_PORT"; do
    if port_open "$p"; then
      printf 'kafka.sh: error: %s:%s is already in use by another process (not the broker of %s):\n' \
        "$HOST" "$p" "$CACHE_DIR" >&2
      who_listens "$p" >&2
      die "stop it, or choose other ports with KAFKA_LOCAL_PORT / KAFKA_LOCAL_CONTROLLER_PORT"
    fi
  done

  command -v java >/dev/null || die "java not found (Kafka 4.x needs Java 17+)"
  # Fetch only now, never under a running broker (its JVM still reads the old jars).
  do_fetch
  # Keep the previous run's log for post-mortems, start this run with an empty one so the tail
  # shown on failure is about this run.
  [[ -f $LOG_FILE ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"
  : >"$LOG_FILE"
  write_properties
  format_storage

  # setsid + nohup: the broker must outlive the shell that ran `start` (an npm script, a jest
  # globalSetup, a CI step) and not get its SIGHUP/SIGINT. The inner bash writes its own pid and
  # then execs java, so the pid file holds the JVM's pid whether or not setsid had to fork.
  # 9>&- keeps the JVM from inheriting the lock, which would otherwise stay held while it runs.
  # shellcheck disable=SC2086,SC2016 # HEAP_OPTS is a list of flags; $$/$0/$@ are the inner bash's
  (
    cd "$CACHE_DIR"
    exec nohup setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
      java $HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError \
      -XX:+PerfDisableSharedMem -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$LOG4J_CONF" -Dkafka.local.log="$LOG_FILE" \
      -cp "$LIBS_DIR/*" kafka.Kafka "$PROPS"
  ) </dev/null >>"$LOG_FILE" 2>&1 9>&- &

  # Wait (briefly) for the pid file the inner bash writes.
  local i
  for ((i = 0; i < 100; i++)); do
    pid=$(tr -dc '0-9' 2>/dev/null <"$PID_FILE" || true)
    [[ -n $pid ]] && is_our_broker "$pid" && break
    pid=
    sleep 0.1
  done
  if [[ -z $pid ]]; then
    tail_log
    die "the broker JVM did not start"
  fi
  say "started broker (pid $pid), waiting for it to serve metadata on $HOST:$PORT ..."
  wait_ready "$pid" "$t0" yes
}

# SIGTERM first: Kafka then shuts down cleanly (flushes logs, closes the metadata log), so the
# next start needs no log recovery. SIGKILL only after STOP_TIMEOUT.
stop_pid() {
  local pid=$1 deadline
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + STOP_TIMEOUT))
  while is_our_broker "$pid" && ((SECONDS < deadline)); do
    sleep 0.2
  done
  if is_our_broker "$pid"; then
    say "broker (pid $pid) did not stop within ${STOP_TIMEOUT}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    deadline=$((SECONDS + 10))
    while is_our_broker "$pid" && ((SECONDS < deadline)); do
      sleep 0.2
    done
    is_our_broker "$pid" && die "could not kill the broker (pid $pid)"
  fi
  rm -f "$PID_FILE"
}

do_stop() {
  local pid t0
  if ! pid=$(find_broker); then
    rm -f "$PID_FILE"
    say "not running"
    return 0
  fi
  t0=$(now)
  say "stopping broker (pid $pid) ..."
  stop_pid "$pid"
  say "stopped after $(since "$t0")s"
}

do_status() {
  local pid port
  if ! pid=$(find_broker); then
    say "not running"
    return 3
  fi
  # Report the port it really uses, even if this shell's KAFKA_LOCAL_PORT differs.
  port=$(running_port)
  port=${port:-$PORT}
  if metadata_ok "$port"; then
    say "running (pid $pid, port $port)"
    return 0
  fi
  say "process alive (pid $pid) but $HOST:$port does not serve metadata (starting or hung)"
  return 4
}

main() {
  [[ $# -eq 1 ]] || usage
  check_env
  case $1 in
    # One command per line, not `a && b`: set -e is switched off inside every function that is
    # called as the left side of && (bash rule), which would hide failures.
    fetch)
      take_lock
      if ! libs_current && find_broker >/dev/null; then
        die "the broker is running on the current jars; use 'kafka.sh restart' to fetch and switch"
      fi
      do_fetch
      say "libs ready in $LIBS_DIR"
      ;;
    start)
      take_lock
      do_start
      ;;
    stop)
      take_lock
      do_stop
      ;;
    restart)
      take_lock
      do_stop
      do_start
      ;;
    status) do_status ;;
    -h | --help | help) usage ;;
    *) usage ;;
  esac
}

main "$@"
