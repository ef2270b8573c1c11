// The worker answers a repository with a few messages per chart, often a millisecond apart;
// applying each as its own store update renders the page hundreds of times a second, and
// those renders were the long tasks of a big drop (issue 13). The pacer commits what is
// waiting at most once per animation frame: the first answer after a quiet frame goes
// through at once, so a lone chart's verdict is rendered in the task its message arrived
// in (a store update is rendered synchronously, in that task's microtasks); what follows
// in the same frame waits for the next one and is committed in one update.

/** Calls `callback` before the next frame is painted; returns what cancels it. */
export type FrameClock = (callback: () => void) => () => void;

/**
 * requestAnimationFrame, with a timer as a floor: a hidden tab paints no frames, yet its
 * check must still finish (its timers run, if slowly).
 */
export const animationFrames: FrameClock = (callback) => {
  let fired = false;
  const once = () => {
    if (fired) return;
    fired = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    callback();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, 100);
  return () => {
    fired = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

export class Pacer {
  /** Something was committed since the last frame: what comes now waits for the next. */
  private frameUsed = false;
  private waiting = false;
  private cancelFrame: (() => void) | null = null;

  constructor(
    private readonly commit: () => void,
    private readonly clock: FrameClock = animationFrames,
  ) {}

  /** Answers are waiting. `now`: commit them at once whatever this frame has had already. */
  request(now = false): void {
    if (now || !this.frameUsed) this.flush();
    else this.waiting = true;
  }

  /** Forgets what is waiting (the store moved on to another run). */
  stop(): void {
    this.waiting = false;
    this.frameUsed = false;
    this.cancelFrame?.();
    this.cancelFrame = null;
  }

  private flush() {
    this.waiting = false;
    if (!this.frameUsed) {
      this.frameUsed = true;
      this.cancelFrame = this.clock(() => this.nextFrame());
    }
    this.commit();
  }

  private nextFrame() {
    this.cancelFrame = null;
    this.frameUsed = false;
    if (this.waiting) this.flush();
  }
}
