# Prometheus and Grafana for the local stack, sourced by infra/fms: `infra/fms up --observability` starts what it
# finds on this machine (prometheus, grafana-server or grafana on the PATH, or FMS_PROMETHEUS_BIN and
# FMS_GRAFANA_BIN), `infra/fms down` stops them, `infra/fms status` lists them. Neither is needed by FMS itself;
# infra/observability/README.md says how to point an existing Prometheus and Grafana at the stack instead.
# Needs from infra/fms: ROOT, RUN, LOGS, DATA, API_PORT, PROCESSOR_PORT, WORKER_PORT, say.

OBSERVABILITY_DIR="$ROOT/infra/observability"
PROMETHEUS_PORT="${FMS_PROMETHEUS_PORT:-9090}"
GRAFANA_PORT="${FMS_GRAFANA_PORT:-3300}"

observability_pid() {
  local pid_file="$RUN/$1.pid" pid marker
  [ -f "$pid_file" ] || return 0
  pid="$(cat "$pid_file")"
  if [ "$1" = prometheus ]; then marker="--config.file=$RUN/prometheus.yml"; else marker=grafana; fi
  # Only a process of ours: the pid file may outlive it, and the number be reused.
  if kill -0 "$pid" 2>/dev/null && ps -p "$pid" -o args= 2>/dev/null | grep -qF -- "$marker"; then
    echo "$pid"
  fi
}

observability_up() {
  local prometheus grafana config
  prometheus="${FMS_PROMETHEUS_BIN:-$(command -v prometheus || true)}"
  grafana="${FMS_GRAFANA_BIN:-$(command -v grafana-server || command -v grafana || true)}"
  mkdir -p "$RUN" "$LOGS" "$DATA"
  if [ -z "$prometheus" ]; then
    say "Observability: no prometheus binary (PATH or FMS_PROMETHEUS_BIN); see infra/observability/README.md"
  elif [ -n "$(observability_pid prometheus)" ]; then
    say "Observability: Prometheus already runs on http://localhost:$PROMETHEUS_PORT"
  else
    # The scrape targets follow the stack's ports; the rules stay where they are in the repository.
    config="$RUN/prometheus.yml"
    sed -e "s|localhost:3000|localhost:$API_PORT|; s|localhost:3001|localhost:$PROCESSOR_PORT|" \
      -e "s|localhost:3002|localhost:$WORKER_PORT|; s|^  - alerts.yml|  - $OBSERVABILITY_DIR/prometheus/alerts.yml|" \
      "$OBSERVABILITY_DIR/prometheus/prometheus.yml" >"$config"
    nohup "$prometheus" --config.file="$config" --storage.tsdb.path="$DATA/prometheus" \
      --storage.tsdb.retention.time=7d --web.listen-address="localhost:$PROMETHEUS_PORT" \
      >>"$LOGS/prometheus.log" 2>&1 &
    echo $! >"$RUN/prometheus.pid"
    say "Observability: Prometheus on http://localhost:$PROMETHEUS_PORT (alerts: /alerts; log $LOGS/prometheus.log)"
  fi
  if [ -z "$grafana" ]; then
    say "Observability: no Grafana binary (grafana-server or grafana on the PATH, or FMS_GRAFANA_BIN): import"
    say "               infra/observability/grafana/dashboards/fms.json into a Grafana of yours"
  elif [ -n "$(observability_pid grafana)" ]; then
    say "Observability: Grafana already runs on http://localhost:$GRAFANA_PORT"
  else
    mkdir -p "$DATA/grafana"
    FMS_DASHBOARDS_DIR="$OBSERVABILITY_DIR/grafana/dashboards" \
      GF_PATHS_PROVISIONING="$OBSERVABILITY_DIR/grafana/provisioning" \
      GF_PATHS_DATA="$DATA/grafana" GF_PATHS_LOGS="$LOGS" GF_SERVER_HTTP_PORT="$GRAFANA_PORT" \
      GF_SERVER_HTTP_ADDR=127.0.0.1 GF_AUTH_ANONYMOUS_ENABLED=true GF_AUTH_ANONYMOUS_ORG_ROLE=Viewer \
      nohup "$grafana" $([ "${grafana##*/}" = grafana ] && echo server) ${FMS_GRAFANA_ARGS:-} \
      >>"$LOGS/grafana.log" 2>&1 &
    echo $! >"$RUN/grafana.pid"
    say "Observability: Grafana on http://localhost:$GRAFANA_PORT (dashboard FMS / FMS: booking pipeline)"
  fi
}

observability_down() {
  local name pid
  for name in grafana prometheus; do
    pid="$(observability_pid "$name")"
    if [ -n "$pid" ]; then
      say "Stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
    fi
    rm -f "$RUN/$name.pid"
  done
}

observability_status() {
  local name pid port
  for name in prometheus grafana; do
    pid="$(observability_pid "$name")"
    [ -n "$pid" ] || continue
    if [ "$name" = prometheus ]; then port="$PROMETHEUS_PORT"; else port="$GRAFANA_PORT"; fi
    printf '%-20s %-9s %-10s %s\n' "$name" running "pid $pid" "http://localhost:$port"
  done
}
