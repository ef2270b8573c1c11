// The pacer (src/state/pacing.ts): the first request after a quiet frame commits at once, what
// follows in the same frame waits for the next one and is committed once, `now` never waits,
// and stop() forgets what was waiting.
import { describe, expect, it } from 'vitest';
import { Pacer } from '../src/state/pacing';
import { manualClock } from './state-frames';

describe('Pacer', () => {
  it('commits the first request at once and the rest of the frame at the next one', () => {
    const { clock, tick } = manualClock();
    let commits = 0;
    const pacer = new Pacer(() => commits++, clock);
    pacer.request();
    expect(commits).toBe(1);
    pacer.request();
    pacer.request();
    pacer.request();
    expect(commits).toBe(1);
    tick();
    expect(commits).toBe(2); // three requests, one commit
    tick();
    expect(commits).toBe(2);
    // A quiet frame has passed: the next request goes through at once again.
    tick();
    pacer.request();
    expect(commits).toBe(3);
  });

  it('commits at once when told to, whatever the frame had', () => {
    const { clock } = manualClock();
    let commits = 0;
    const pacer = new Pacer(() => commits++, clock);
    pacer.request(true);
    pacer.request(true);
    pacer.request();
    expect(commits).toBe(2);
  });

  it('forgets what was waiting when stopped, and starts afresh', () => {
    const { clock, tick, pending } = manualClock();
    let commits = 0;
    const pacer = new Pacer(() => commits++, clock);
    pacer.request();
    pacer.request();
    pacer.stop();
    expect(pending()).toBe(0);
    tick();
    expect(commits).toBe(1);
    pacer.request();
    expect(commits).toBe(2);
  });
});
