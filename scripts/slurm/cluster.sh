#!/usr/bin/env bash
# A real one-node Slurm cluster on this machine, without systemd (Debian 12 / Ubuntu, as root).
#
#   scripts/slurm/cluster.sh up      write slurm.conf, start munged, slurmctld and slurmd, wait
#                                    until the node is idle
#   scripts/slurm/cluster.sh down    stop the three daemons by PID
#   scripts/slurm/cluster.sh status  sinfo and squeue
#
# Every wait has a deadline; daemons run detached (setsid) with their output in /var/log/slurm.
# Why each step is here: shared/slurm.md in the project notes (no systemd, munge's run directory,
# no cgroups on this kernel layout, batch_sched_delay=0 for quick array waves).
# It installs nothing: scripts/setup.sh installs slurm-wlm and munge with everything else, and
# without them `up` fails naming the command that installs them.
set -euo pipefail

CONF=/etc/slurm/slurm.conf
[ "$(id -u)" -eq 0 ] || { echo "error: cluster.sh must run as root (it starts daemons)" >&2; exit 2; }

wait_for() {  # wait_for SECONDS DESCRIPTION COMMAND...
  local deadline=$((SECONDS + $1)) what=$2; shift 2
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then echo "error: timed out waiting for $what" >&2; exit 1; fi
    sleep 0.2
  done
}

alive() {  # alive PIDFILE NAME: the PID in the file runs a process called NAME
  local pid
  [ -s "$1" ] || return 1
  pid=$(cat "$1")
  [ -r "/proc/$pid/comm" ] && [ "$(cat "/proc/$pid/comm")" = "$2" ]
}

stop() {  # stop PIDFILE NAME: SIGTERM, then wait for it to go
  if alive "$1" "$2"; then
    local pid; pid=$(cat "$1")
    kill "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 15))
    while [ -d "/proc/$pid" ] && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    [ -d "/proc/$pid" ] && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$1"
}

prepare() {  # the tools, then the key and the folders that a systemd machine's units would make
  "$(dirname "$0")/../dependencies" check sbatch scontrol sinfo slurmctld slurmd munge munged
  [ -s /etc/munge/munge.key ] || runuser -u munge -- mungekey --create
  install -d -o munge -g munge -m 0755 /run/munge
  install -d -o slurm -g slurm /var/lib/slurm/slurmctld /var/log/slurm
  install -d /var/lib/slurm/slurmd
}

write_conf() {
  local cpus memory
  cpus=$(nproc)
  memory=$(( $(slurmd -C | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p') * 9 / 10 ))
  local conf
  conf=$(cat <<CONF
ClusterName=local
SlurmctldHost=localhost
SlurmUser=slurm
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
StateSaveLocation=/var/lib/slurm/slurmctld
SlurmdSpoolDir=/var/lib/slurm/slurmd
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MinJobAge=600
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
)
  # A changed node definition needs the daemons restarted, not reconfigured.
  if [ ! -f "$CONF" ] || [ "$(cat "$CONF")" != "$conf" ]; then
    down_daemons
    printf '%s\n' "$conf" > "$CONF"
  fi
}

down_daemons() {
  stop /run/slurmd.pid slurmd
  stop /run/slurmctld.pid slurmctld
  stop /run/munge/munged.pid munged
}

up() {
  prepare
  write_conf
  if ! alive /run/munge/munged.pid munged; then
    setsid -w runuser -u munge -- /usr/sbin/munged </dev/null >/dev/null 2>&1
  fi
  wait_for 10 "munge" bash -c 'munge -n | unmunge'
  if ! alive /run/slurmctld.pid slurmctld; then
    if [ "${SLURM_LOCAL_KEEP_STATE:-0}" = 1 ]; then setsid -w /usr/sbin/slurmctld </dev/null >/dev/null 2>&1
    else setsid -w /usr/sbin/slurmctld -c </dev/null >/dev/null 2>&1; fi
  fi
  wait_for 30 "slurmctld" scontrol ping
  if ! alive /run/slurmd.pid slurmd; then
    setsid -w /usr/sbin/slurmd -N localhost </dev/null >/dev/null 2>&1
  fi
  wait_for 60 "the node to be idle" bash -c 'sinfo -h -N -o %t | grep -qx idle'
  echo "slurm is up: $(sinfo -h -o '%P %a %D %t %N')"
}

case "${1:-}" in
  up) up ;;
  down) down_daemons; echo "slurm is down" ;;
  status) sinfo; squeue ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
