import fs from 'node:fs';

/** FLAGDEBT_DEBUG_GATE: one line on stderr with the wall clock (ms, the same in every thread), to see what overlaps. */
export function traceGate(what: string): void {
  // fd 2 directly: a worker's process.stderr goes through the main thread, which may be blocked or gone.
  if (process.env.FLAGDEBT_DEBUG_GATE) fs.writeSync(2, `gate @${Math.round(performance.timeOrigin + performance.now()) % 100_000} (thread cpu ${threadCpuMs()}): ${what}\n`);
}

/** CPU milliseconds of the calling thread (Linux; clock ticks of 10 ms), for FLAGDEBT_DEBUG_GATE. */
function threadCpuMs(): number | string {
  try {
    const fields = fs.readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return '?';
  }
}

/** Wall and process CPU milliseconds per phase, for FLAGDEBT_DEBUG_GATE. */
export class PhaseClock {
  private readonly laps: string[] = [];
  private wall = performance.now();
  private cpu = process.cpuUsage();

  lap(name: string): void {
    const cpu = process.cpuUsage(this.cpu);
    this.laps.push(`${name} ${Math.round(performance.now() - this.wall)} ms (cpu ${Math.round((cpu.user + cpu.system) / 1000)})`);
    this.wall = performance.now();
    this.cpu = process.cpuUsage();
  }

  toString(): string {
    return this.laps.join(', ');
  }
}
