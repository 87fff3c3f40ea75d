// A slice scheduler for the click-to-dial unit tests: slices run when the test says so, and the clock advances
// by `tick` ms at every look (so a slice's time budget is spent after budget / tick looks).
import type { SliceScheduler } from '../../../lib/click-to-dial/page-scanner';

export interface ManualScheduler extends SliceScheduler {
  /** Runs slices until none is pending; how many ran. */
  run(): number;
  /** Runs the first pending slice. */
  runOne(): void;
  readonly pending: number;
}

export function manualScheduler(tick = 0): ManualScheduler {
  let queue: (() => void)[] = [];
  let clock = 0;
  return {
    request: (work) => {
      queue.push(work);
      return () => {
        queue = queue.filter((queued) => queued !== work);
      };
    },
    now: () => (clock += tick),
    get pending() {
      return queue.length;
    },
    runOne() {
      queue.shift()?.();
    },
    run() {
      let slices = 0;
      while (queue.length) {
        queue.shift()!();
        slices++;
      }
      return slices;
    },
  };
}
