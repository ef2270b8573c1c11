// Cleanup: everything the bench starts is registered here and undone in reverse order. Each
// entry has an asynchronous way (normal end, signals) and a synchronous one for process
// 'exit', so nothing is left running even if something calls process.exit() early.

const cleanups = [];
let cleaning = null;

export const onCleanup = (run, sync = run) => cleanups.push({ run, sync });

export function cleanup() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const { run } = cleanups.pop();
      try {
        await run();
      } catch (e) {
        console.warn(`[bench] cleanup: ${e.message}`);
      }
    }
  })();
  return cleaning;
}

/** Runs the cleanups on process exit and on SIGINT/SIGTERM/SIGHUP. */
export function cleanupOnExit() {
  process.on('exit', () => {
    while (cleanups.length) {
      try {
        cleanups.pop().sync();
      } catch {
        // best effort while exiting
      }
    }
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      console.error(`\n[bench] ${sig}: stopping`);
      void cleanup().finally(() => process.exit(130));
    });
  }
}
