#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for the Slurm executor's tests
# (../shared/notes/slurm-local.md has how it was worked out).
#   scripts/slurm-cluster.sh start DIR    munge (if not running), slurmctld and slurmd with a
#                                         configuration under DIR; prints SLURM_CONF=DIR/slurm.conf
#   scripts/slurm-cluster.sh stop DIR     stops what `start DIR` started
#   scripts/slurm-cluster.sh run DIR -- COMMAND...   start, run COMMAND with SLURM_CONF set, stop
# Needs root (Slurm's daemons run as root here) and Debian's slurmctld slurmd slurm-client
# munge packages (scripts/setup.sh installs them). Exit status 77 when the cluster cannot
# be started (no root, no packages): tests skip on it and say why.
set -euo pipefail
action=${1:-}; dir=${2:-}
[ -n "$action" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop|run DIR [-- COMMAND...]" >&2; exit 2; }
mkdir -p "$dir"; dir=$(cd "$dir" && pwd)
conf="$dir/slurm.conf"

start() {
  for p in slurmctld slurmd sbatch munged; do
    command -v "$p" >/dev/null || [ -x "/usr/sbin/$p" ] || { echo "slurm-cluster: $p is missing (apt-get install slurmctld slurmd slurm-client munge)" >&2; exit 77; }
  done
  [ "$(id -u)" -eq 0 ] || { echo "slurm-cluster: needs root (Slurm's daemons run as root here)" >&2; exit 77; }
  if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    mkdir -p /run/munge /var/log/munge /var/lib/munge /etc/munge
    [ -s /etc/munge/munge.key ] || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
    chown -R munge:munge /run/munge /var/log/munge /var/lib/munge /etc/munge
    chmod 0400 /etc/munge/munge.key
    su -s /bin/sh munge -c "/usr/sbin/munged --force"
    touch "$dir/started-munge"
    for _ in $(seq 1 20); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  munge -n | unmunge >/dev/null || { echo "slurm-cluster: munge does not work" >&2; exit 77; }
  local host; host=$(hostname -s)
  mkdir -p "$dir/state" "$dir/spool"
  cat > "$conf" <<CONF
ClusterName=tunebench
SlurmctldHost=$host
SlurmctldPort=${SLURM_TEST_PORT:-6917}
SlurmdPort=$(( ${SLURM_TEST_PORT:-6917} + 1 ))
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
AuthType=auth/munge
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/jobcomp.txt
MinJobAge=300
KillWait=2
InactiveLimit=0
NodeName=$host CPUs=$(nproc) RealMemory=8000 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=FORCE:8
CONF
  SLURM_CONF=$conf /usr/sbin/slurmctld -f "$conf"
  SLURM_CONF=$conf /usr/sbin/slurmd -f "$conf"
  for _ in $(seq 1 60); do
    if SLURM_CONF=$conf sinfo -h -o %t 2>/dev/null | grep -qE '^(idle|mix|alloc)'; then
      echo "SLURM_CONF=$conf"; return 0
    fi
    sleep 0.5
  done
  echo "slurm-cluster: the node did not come up; see $dir/slurmctld.log and $dir/slurmd.log" >&2
  stop; exit 77
}

stop() {
  for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid"; do
    [ -s "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  for _ in $(seq 1 20); do
    alive=0
    for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid"; do
      [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null && alive=1
    done
    [ $alive = 0 ] && break; sleep 0.2
  done
  if [ -f "$dir/started-munge" ]; then pkill -x munged || true; rm -f "$dir/started-munge"; fi
}

case "$action" in
  start) start ;;
  stop) stop ;;
  run)
    shift 2; [ "${1:-}" = "--" ] && shift
    start >/dev/null
    trap stop EXIT
    SLURM_CONF=$conf "$@"
    ;;
  *) echo "usage: $0 start|stop|run DIR [-- COMMAND...]" >&2; exit 2 ;;
esac
