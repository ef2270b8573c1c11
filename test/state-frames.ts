// Support for the store's tests (state-*.test.ts): animation frames the test ticks itself.
import type { FrameClock } from '../src/state/pacing';

/** A frame clock driven by the test: tick() runs the frame callbacks waiting. */
export function manualClock() {
  let waiting: (() => void)[] = [];
  const clock: FrameClock = (callback) => {
    waiting.push(callback);
    return () => (waiting = waiting.filter((c) => c !== callback));
  };
  const tick = () => {
    const due = waiting;
    waiting = [];
    due.forEach((c) => c());
  };
  return { clock, tick, pending: () => waiting.length };
}
