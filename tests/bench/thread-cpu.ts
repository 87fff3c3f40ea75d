// A thread's own CPU time from Linux's /proc, for the benchmarks: unlike wall-clock busy time, other processes
// taking the cores do not stretch it.

import { readFileSync } from 'node:fs';

/** CPU time (user + system) of this thread, in ms; NaN off Linux. */
export function threadCpuMs(statPath = '/proc/thread-self/stat'): number {
  try {
    const stat = readFileSync(statPath, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in USER_HZ (100 a second)
  } catch {
    return NaN;
  }
}

/** The main thread's CPU time in ms, read from any thread. */
export const mainThreadCpuMs = (): number => threadCpuMs(`/proc/self/task/${process.pid}/stat`);
