// Memory while the page works: the renderer process's peak RSS from /proc and the V8 heaps of
// the page and its workers over CDP. Page and workers share one renderer process, so its
// peak RSS is what a drop costs the machine.
import { writeFileSync } from 'node:fs';
import { cmdline, currentRss, descendants, peakRss } from './util.mjs';

/** The renderer processes of the browser this Node process launched. */
function rendererPids() {
  // Chromium's children rewrite their argv into one space-joined string.
  return descendants(process.pid).filter((pid) => {
    const args = cmdline(pid).join(' ');
    return / --type=renderer( |$)/.test(args) && !args.includes('--top-chrome-webui');
  });
}

/**
 * Runs `fn` while sampling memory: the renderer processes' peak RSS (VmHWM, reset first
 * through /proc/PID/clear_refs; page and worker share this process), the page's V8 heap and
 * every dedicated worker's V8 heap and ArrayBuffer backing store (CDP Runtime.getHeapUsage;
 * workers are reached with Target.setAutoAttach on the page's session).
 */
export async function withMemory(page, fn) {
  const renderers = rendererPids();
  const idleRss = new Map(renderers.map((pid) => [pid, currentRss(pid)]));
  for (const pid of renderers) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      // not permitted: the peak then covers the process's whole life
    }
  }
  const peak = { pageHeap: 0, workerHeap: 0, workerBuffers: 0, workerSeen: false };
  const cdp = await page.context().newCDPSession(page);
  const workers = new Map(); // sessionId -> true
  const pending = new Map(); // id -> resolve
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workers.set(e.sessionId, true);
  });
  cdp.on('Target.detachedFromTarget', (e) => workers.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const msg = JSON.parse(e.message);
    if (msg.id && pending.has(msg.id)) {
      pending.get(msg.id)(msg.result ?? null);
      pending.delete(msg.id);
    }
  });
  const askWorker = (sessionId) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
        })
        .catch(() => resolve(null));
      setTimeout(() => {
        pending.delete(id);
        resolve(null);
      }, 500);
    });
  let workerAttach = true;
  await cdp
    .send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    })
    .catch(() => (workerAttach = false));

  let running = true;
  const sampler = (async () => {
    while (running) {
      const page = cdp.send('Runtime.getHeapUsage').catch(() => null);
      const inWorkers = [...workers.keys()].map(askWorker);
      const [p, ...ws] = await Promise.all([page, ...inWorkers]);
      if (p) peak.pageHeap = Math.max(peak.pageHeap, p.usedSize);
      for (const w of ws) {
        if (!w) continue;
        peak.workerSeen = true;
        peak.workerHeap = Math.max(peak.workerHeap, w.usedSize);
        peak.workerBuffers = Math.max(peak.workerBuffers, w.backingStorageSize ?? 0);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  let result;
  try {
    result = await fn();
  } finally {
    running = false;
    await sampler;
    await cdp.detach().catch(() => {});
  }
  const rss = Math.max(0, ...rendererPids().map(peakRss).filter(Number.isFinite));
  const idle = Math.max(0, ...renderers.map((pid) => idleRss.get(pid) ?? 0));
  return {
    result,
    memory: {
      rendererRss: rss || NaN,
      rendererIdle: idle || NaN,
      pageHeap: peak.pageHeap || NaN,
      workerHeap: workerAttach && peak.workerSeen ? peak.workerHeap : NaN,
      workerBuffers: workerAttach && peak.workerSeen ? peak.workerBuffers : NaN,
    },
  };
}

/**
 * The page's V8 heap now (used bytes), and again after a full garbage collection: what the
 * page really keeps (e.g. a listing of 100,000 files) rather than garbage not yet collected.
 */
export async function pageHeapNow(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    await cdp.send('HeapProfiler.collectGarbage');
    const afterGc = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    return { before, afterGc };
  } finally {
    await cdp.detach().catch(() => {});
  }
}
