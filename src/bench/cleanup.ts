/**
 * What the benchmark has started and must stop, last started first: on success, on failure
 * and on Ctrl-C alike. Each step has a time limit so that one stuck step (a pool waiting on a
 * long query, say) cannot keep the others from running.
 */
interface Step {
  name: string;
  run: () => Promise<void>;
  timeoutMs: number;
}

const steps: Step[] = [];

export function onCleanUp(name: string, run: () => Promise<void>, timeoutMs = 15_000): () => void {
  const step = { name, run, timeoutMs };
  steps.push(step);
  /** Forget the step: it has been done already. */
  return () => {
    const index = steps.indexOf(step);
    if (index >= 0) steps.splice(index, 1);
  };
}

export async function cleanUp(): Promise<void> {
  while (steps.length > 0) {
    const step = steps.pop()!;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), step.timeoutMs);
    });
    try {
      const outcome = await Promise.race([step.run().then(() => 'done' as const), timedOut]);
      if (outcome === 'timeout')
        console.error(`Cleaning up: "${step.name}" did not finish in time.`);
    } catch (error) {
      console.error(
        `Cleaning up: "${step.name}" failed:`,
        error instanceof Error ? error.message : error,
      );
    } finally {
      clearTimeout(timer);
    }
  }
}

/** On Ctrl-C or SIGTERM: clean up, then stop. A second signal stops at once. */
export function cleanUpOnSignals(): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`${signal} again: stopping without cleaning up.`);
      process.exit(1);
    }
    stopping = true;
    console.error(`\n${signal}: stopping the benchmark and everything it started ...`);
    void cleanUp().finally(() => {
      console.error('Stopped: nothing the benchmark started is left running.');
      process.exit(130);
    });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
