import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A TCP port nobody is listening on right now (the kernel's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('No free port found'))));
    });
  });
}

export interface ProcessMemory {
  /** peak resident set size (VmHWM), KiB */
  peakRssKiB: number;
  /** resident set size now (VmRSS), KiB */
  rssKiB: number;
}

/** VmHWM and VmRSS from /proc/<pid>/status; null when the process is gone or not on Linux. */
export async function processMemory(pid: number): Promise<ProcessMemory | null> {
  let status: string;
  try {
    status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const field = (name: string): number | null => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : null;
  };
  const peak = field('VmHWM');
  const rss = field('VmRSS');
  return peak === null || rss === null ? null : { peakRssKiB: peak, rssKiB: rss };
}

/** Whether a process with this id exists (any owner). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The postmaster's process id from `<pgDir>/postmaster.pid`, or null when it is not running. */
export async function postmasterPid(pgDir: string): Promise<number | null> {
  try {
    const first = (await fs.readFile(path.join(pgDir, 'postmaster.pid'), 'utf8')).split('\n')[0];
    const pid = Number(first);
    if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return null;
    // A stale file may name a process id the system has since given to another program.
    const command = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8');
    return command.includes('postgres') ? pid : null;
  } catch {
    return null;
  }
}

export interface PostgresMemory {
  processes: number;
  /**
   * Proportional set size of the postmaster and all its backends together, KiB: shared
   * buffers are counted once, split between the processes that touched them.
   */
  pssKiB: number;
  /** the largest peak resident set of any one PostgreSQL process, KiB */
  largestPeakRssKiB: number;
}

async function childrenOf(pid: number): Promise<number[]> {
  const children: number[] = [];
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    // Fields after the command name: the state, then the parent's id.
    const fields = await statFields(Number(entry));
    if (fields && Number(fields[1]) === pid) children.push(Number(entry));
  }
  return children;
}

/** The memory of a PostgreSQL server: its postmaster and every process it started. */
export async function postgresMemory(postmaster: number): Promise<PostgresMemory | null> {
  if (os.platform() !== 'linux') return null;
  const pids = [postmaster, ...(await childrenOf(postmaster))];
  let pssKiB = 0;
  let largestPeakRssKiB = 0;
  let processes = 0;
  for (const pid of pids) {
    try {
      const rollup = await fs.readFile(`/proc/${pid}/smaps_rollup`, 'utf8');
      const pss = /^Pss:\s+(\d+) kB/m.exec(rollup);
      if (pss) pssKiB += Number(pss[1]);
    } catch {
      continue; // gone, or not ours to read
    }
    const memory = await processMemory(pid);
    if (memory) largestPeakRssKiB = Math.max(largestPeakRssKiB, memory.peakRssKiB);
    processes += 1;
  }
  return processes > 0 ? { processes, pssKiB, largestPeakRssKiB } : null;
}

/** Clock ticks per second of /proc/<pid>/stat times: 100 on every Linux Node.js runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces); null when gone. */
async function statFields(pid: number): Promise<string[] | null> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * CPU time used so far, in milliseconds: user plus system, and with `withChildren` also that
 * of children which have ended (PostgreSQL backends that closed their connection).
 */
export async function cpuMs(pid: number, withChildren = false): Promise<number | null> {
  const fields = await statFields(pid);
  if (!fields) return null;
  // utime, stime, cutime, cstime are fields 14-17 of stat: 11-14 counted from the state.
  const ticks = [11, 12, ...(withChildren ? [13, 14] : [])].reduce(
    (sum, i) => sum + Number(fields[i] ?? 0),
    0,
  );
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** CPU time of a PostgreSQL server so far: the postmaster, its processes and ended ones. */
export async function postgresCpuMs(postmaster: number): Promise<number | null> {
  const own = await cpuMs(postmaster, true);
  if (own === null) return null;
  let total = own;
  for (const pid of await childrenOf(postmaster)) total += (await cpuMs(pid)) ?? 0;
  return total;
}

export const mib = (kib: number): number => Math.round((kib / 1024) * 10) / 10;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
