import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRunning, postmasterPid, sleep } from './system.js';

/** The compiled server, next to this file's folder in dist/src. */
const SERVER_SCRIPT = fileURLToPath(new URL('../server.js', import.meta.url));

export interface ServerProcess {
  pid: number;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** the embedded PostgreSQL's folder, or null when the server uses DATABASE_URL */
  pgDir: string | null;
  /** SIGTERM, then wait for the exit; kills what is left if it will not stop. */
  stop: () => Promise<void>;
  /**
   * Null while the server runs; once it has exited without being asked to (a crash, or
   * another program stopping it), how it ended and the last lines it printed.
   */
  unexpectedExit: () => string | null;
}

export interface StartServerOptions {
  port: number;
  dbPort: number;
  dataDir: string;
  databaseUrl: string | undefined;
}

const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

/** The last lines the server printed, for the message when it fails. */
class Tail {
  private lines: string[] = [];
  add(chunk: string): void {
    this.lines.push(...chunk.split('\n').filter((line) => line.trim() !== ''));
    if (this.lines.length > 40) this.lines.splice(0, this.lines.length - 40);
  }
  toString(): string {
    return this.lines.map((line) => `  | ${line}`).join('\n');
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitUntilHealthy(baseUrl: string, child: ChildProcess, deadline: number) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      const response = await fetch(`${baseUrl}/health`);
      await response.arrayBuffer();
      if (response.status === 200) return true;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  return false;
}

/**
 * Start `node dist/src/server.js` as production would run it (no demo data, warnings only)
 * and wait until it answers /health. It runs in its own process group, so that Ctrl-C in the
 * terminal reaches only the benchmark, which then stops the server exactly once.
 */
export async function startServer(options: StartServerOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PROBITY_DEMO: 'false',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(options.port),
    PROBITY_DATA_DIR: options.dataDir,
    PROBITY_DB_PORT: String(options.dbPort),
  };
  delete env.SMTP_URL; // no mail loop competing with the pages
  delete env.PROBITY_BASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;

  const tail = new Tail();
  const child = spawn(process.execPath, [SERVER_SCRIPT], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.on('error', (error) => tail.add(`could not run the server: ${error.message}`));
  if (child.pid === undefined) throw new Error(`Could not start ${SERVER_SCRIPT}`);
  const pid = child.pid;
  let announced = false;
  let recent = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    tail.add(chunk);
    recent = (recent + chunk).slice(-500);
    if (recent.includes('Probity is running at')) announced = true;
  });
  // Warnings and errors the server logs while it is measured are worth seeing.
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    tail.add(chunk);
    for (const line of chunk.split('\n')) if (line.trim()) console.error(`[server] ${line}`);
  });
  const exit = exited(child);
  const pgDir = options.databaseUrl ? null : path.join(options.dataDir, 'pg');

  let stopping: Promise<void> | null = null;
  const unexpectedExit = (): string | null => {
    if (stopping || (child.exitCode === null && child.signalCode === null)) return null;
    const how = child.signalCode ? `killed by ${child.signalCode}` : `exit code ${child.exitCode}`;
    return `The server (process ${pid}) stopped while being measured (${how}). Its last output:\n${tail.toString()}`;
  };
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const outcome = await Promise.race([exit.then(() => 'exited'), sleep(STOP_TIMEOUT_MS)]);
        if (outcome !== 'exited') {
          console.error(`The server (process ${pid}) did not stop in time: killing it.`);
          child.kill('SIGKILL');
          await exit;
        }
      }
      // A server that died without stopping its embedded PostgreSQL leaves it running: a fast
      // shutdown (SIGINT to the postmaster) ends it and keeps the data consistent.
      const postmaster = pgDir ? await postmasterPid(pgDir) : null;
      if (postmaster !== null) {
        console.error(
          `The embedded PostgreSQL (process ${postmaster}) is still running: stopping it.`,
        );
        process.kill(postmaster, 'SIGINT');
        for (let i = 0; i < 300 && isRunning(postmaster); i += 1) await sleep(200);
      }
    })();
    return stopping;
  };

  const baseUrl = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (
    !announced &&
    Date.now() < deadline &&
    child.exitCode === null &&
    child.signalCode === null
  ) {
    await sleep(100);
  }
  const healthy = announced && (await waitUntilHealthy(baseUrl, child, deadline));
  if (!healthy) {
    const why =
      child.exitCode !== null || child.signalCode !== null
        ? `it exited (${child.exitCode ?? child.signalCode})`
        : 'it did not become ready in time';
    await stop();
    throw new Error(`The server did not start: ${why}. Its last output:\n${tail.toString()}`);
  }
  return { pid, baseUrl, pgDir, stop, unexpectedExit };
}
