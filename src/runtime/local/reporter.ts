import type { Reporter, StageEvent } from '../../stages/context.ts';

interface Writable {
  write(text: string): unknown;
}

const SYMBOL: Record<StageEvent['status'], string> = {
  started: '…',
  progress: '…',
  finished: '✓',
  failed: '✗',
  skipped: '–',
};

function label(event: StageEvent): string {
  return event.agent && event.agent !== event.stage ? event.agent : event.stage;
}

/** One line per event: for logs, pipes and CI. */
export function plainReporter(out: Writable, clock: () => number = Date.now): Reporter {
  const started = new Map<string, number>();
  return {
    info: (message) => out.write(`${message}\n`),
    warn: (message) => out.write(`warning: ${message}\n`),
    event(event) {
      const key = label(event);
      if (event.status === 'started') started.set(key, clock());
      const since = started.get(key);
      const took =
        event.status !== 'started' && since !== undefined ? ` in ${((clock() - since) / 1000).toFixed(1)} s` : '';
      out.write(`[${key}] ${event.status}${took}${event.detail ? `: ${event.detail.split('\n')[0]}` : ''}\n`);
    },
  };
}

/**
 * Live progress on a terminal: one line per stage and agent, redrawn in place as they start and
 * finish, with elapsed time. Messages print above the block. `pause` stops the redraws while a
 * person is asked something (a redraw would move the cursor into the questions); `resume` draws
 * the block again below what was written meanwhile.
 */
export function terminalReporter(
  out: Writable & { columns?: number },
  clock: () => number = Date.now,
): Reporter & { stop(): void; pause(): void; resume(): void } {
  const rows = new Map<
    string,
    { status: StageEvent['status']; started: number; ended: number | null; detail: string }
  >();
  let drawn = 0;
  const render = () => {
    const lines = [...rows].map(([key, row]) => {
      const seconds = (((row.ended ?? clock()) - row.started) / 1000).toFixed(1);
      const detail = row.detail ? `  ${row.detail.split('\n')[0]?.slice(0, 80)}` : '';
      // A line wider than the terminal wraps, and the cursor-up redraw would then overwrite the wrong lines.
      return `  ${SYMBOL[row.status]} ${key.padEnd(24)} ${seconds.padStart(6)} s${detail}`.slice(
        0,
        Math.max(20, (out.columns ?? 80) - 1),
      );
    });
    out.write(`${drawn > 0 ? `\x1b[${drawn}A` : ''}${lines.map((l) => `\x1b[2K${l}\n`).join('')}`);
    drawn = lines.length;
  };
  const above = (text: string) => {
    out.write(`${drawn > 0 ? `\x1b[${drawn}A\x1b[J` : ''}${text}\n`);
    drawn = 0;
    render();
  };
  let paused = false;
  let timer = setInterval(render, 500);
  timer.unref();
  const draw = () => {
    if (!paused) render();
  };
  return {
    info: (message) => (paused ? out.write(`${message}\n`) : above(message)),
    warn: (message) => (paused ? out.write(`warning: ${message}\n`) : above(`warning: ${message}`)),
    event(event) {
      const key = label(event);
      const row = rows.get(key);
      if (event.status === 'started' || !row) {
        const ended = event.status === 'started' || event.status === 'progress' ? null : clock();
        rows.set(key, { status: event.status, started: clock(), ended, detail: event.detail ?? '' });
      } else {
        row.status = event.status;
        row.detail = event.detail ?? row.detail;
        if (event.status !== 'progress') row.ended = clock();
      }
      draw();
    },
    stop() {
      clearInterval(timer);
      paused = false;
      render();
    },
    pause() {
      if (paused) return;
      paused = true;
      clearInterval(timer);
      // What is written next goes below the block, which stays as it was last drawn.
      drawn = 0;
    },
    resume() {
      if (!paused) return;
      paused = false;
      render();
      timer = setInterval(render, 500);
      timer.unref();
    },
  };
}
