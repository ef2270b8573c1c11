// A small shared queue for child processes: the oracle starts hundreds of short, CPU-bound gpg /
// helm processes, and starting them all at once is no faster (measured on 2 cores: 2, 3 and 4
// slots about equal, 6 slower) while each Go binary takes ~60 MB. ORACLE_JOBS sets the slots.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface ProcResult {
  /** Exit code; null when the process was killed (timeout) or ended by a signal. */
  code: number | null;
  stdout: Buffer;
  stderr: Buffer;
}

export interface ProcOptions {
  env?: NodeJS.ProcessEnv;
  /** Bytes written to the process's stdin (stdin is closed at once without it). */
  input?: Uint8Array;
  /** Milliseconds before the process is killed; the call then rejects. */
  timeout?: number;
}

const SLOTS = Number(process.env.ORACLE_JOBS) || Math.max(2, availableParallelism());
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(task: () => Promise<T>): Promise<T> {
  if (running >= SLOTS) await new Promise<void>((go) => waiting.push(go));
  else running++;
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next)
      next(); // hands the slot over: `running` stays the same
    else running--;
  }
}

/** Runs `cmd args` to completion through the shared pool; rejects only if it cannot start or times out. */
export function runProc(cmd: string, args: string[], opts: ProcOptions = {}): Promise<ProcResult> {
  return slot(
    () =>
      new Promise<ProcResult>((resolve, reject) => {
        const child = spawn(cmd, args, { env: opts.env ?? process.env });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (b: Buffer) => out.push(b));
        child.stderr.on('data', (b: Buffer) => err.push(b));
        child.stdin.on('error', () => {}); // a process that exits before reading its input
        child.stdin.end(opts.input);
        const timer = opts.timeout
          ? setTimeout(() => {
              child.kill('SIGKILL');
              reject(new Error(`${cmd} ${args.join(' ')}: timed out after ${opts.timeout} ms`));
            }, opts.timeout)
          : undefined;
        child.on('error', (e) => {
          clearTimeout(timer);
          reject(e);
        });
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err) });
        });
      }),
  );
}
