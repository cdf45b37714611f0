import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEMO_PASSWORD } from '../seed/demo.js';

/**
 * The real server, as an operator runs it: `node dist/src/server.js` with its own embedded
 * PostgreSQL in a temporary data folder. What is tested is what an operator would see: the
 * lock refusing a second server, a stale lock recovered, no committed data lost to kill -9,
 * a clean stop on SIGTERM.
 */

const SERVER_SCRIPT = fileURLToPath(new URL('../server.js', import.meta.url));
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

let tmp: string;
let dataDir: string;
const children = new Set<ChildProcess>();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Alive, and not a zombie: a container's init may be slow to reap an orphan that exited. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

interface Server {
  child: ChildProcess;
  baseUrl: string;
  dbPort: number;
  output: () => string;
  exit: Promise<{ code: number | null; signal: string | null }>;
}

/** Spawn the server on the shared data folder; `ready` waits for "Probity is running". */
/**
 * A free port can be taken by another test between being found and being listened on (the
 * server opens its port only after PostgreSQL has started): start again on other ports then.
 */
async function spawnServer(options: { ready: boolean }): Promise<Server> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await spawnServerOnce(options);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

async function spawnServerOnce(options: { ready: boolean }): Promise<Server> {
  const port = await freePort();
  const dbPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    PROBITY_DATA_DIR: dataDir,
    PROBITY_DB_PORT: String(dbPort),
    PROBITY_DEMO: 'true',
    LOG_LEVEL: 'warn',
  };
  // The test runner may point at a PostgreSQL server: this test is about the embedded one.
  for (const name of ['DATABASE_URL', 'SMTP_URL', 'PROBITY_BASE_URL', 'COOKIE_SECRET']) {
    delete env[name];
  }
  const child = spawn(process.execPath, [SERVER_SCRIPT], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exit = exited(child);
  void exit.then(() => children.delete(child));
  const server = { child, baseUrl: `http://127.0.0.1:${port}`, dbPort, output: () => output, exit };
  if (!options.ready) return server;

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!output.includes('Probity is running')) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      await exit;
      throw new Error(`The server did not start. Its output:\n${output}`);
    }
    await sleep(50);
  }
  return server;
}

/** SIGTERM and wait; returns the exit code. */
async function stopServer(server: Server): Promise<number | null> {
  server.child.kill('SIGTERM');
  const outcome = await Promise.race([server.exit, sleep(STOP_TIMEOUT_MS, null, { ref: false })]);
  if (outcome === null) {
    server.child.kill('SIGKILL');
    throw new Error(`The server did not stop within ${STOP_TIMEOUT_MS} ms:\n${server.output()}`);
  }
  return outcome.code;
}

function postmasterPidFile(): string {
  return path.join(dataDir, 'pg', 'postmaster.pid');
}

/** Kill any server still running and stop a PostgreSQL a killed server left behind. */
async function cleanUpProcesses(): Promise<void> {
  for (const child of children) {
    child.kill('SIGKILL');
    await exited(child);
  }
  const pidText = await fs.readFile(postmasterPidFile(), 'utf8').catch(() => null);
  const pid = pidText ? Number(pidText.split('\n')[0]) : NaN;
  if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
    process.kill(pid, 'SIGINT'); // PostgreSQL's fast shutdown
    for (let i = 0; i < 200 && isRunning(pid); i += 1) await sleep(100);
  }
}

function dbUrl(password: string, port: number): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/probity`;
}

async function withDb<T>(server: Server, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const password = (await fs.readFile(path.join(dataDir, 'pg-password'), 'utf8')).trim();
  const client = new pg.Client({ connectionString: dbUrl(password, server.dbPort) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A minimal browser: keeps cookies, never follows redirects. */
class Browser {
  private cookies = new Map<string, string>();
  constructor(private readonly baseUrl: string) {}

  async request(pathname: string, form?: Record<string, string>): Promise<Response> {
    const response = await fetch(this.baseUrl + pathname, {
      method: form ? 'POST' : 'GET',
      body: form ? new URLSearchParams(form) : undefined,
      headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      redirect: 'manual',
    });
    for (const header of response.headers.getSetCookie()) {
      const pair = header.split(';')[0]!;
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  has(cookie: string): boolean {
    return this.cookies.has(cookie);
  }
}

function csrfToken(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  assert.ok(match, 'the page has a CSRF token');
  return match[1]!;
}

/** Sign in through the real form; returns the sign-in page's CSRF token. */
async function signIn(browser: Browser, email: string, password: string): Promise<Response> {
  const page = await browser.request('/sign-in');
  const token = csrfToken(await page.text());
  assert.ok(browser.has('probity_csrf'));
  return browser.request('/sign-in', { email, password, _csrf: token });
}

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'probity-embedded-test-'));
  // mkdtemp makes the folder 0700; as root, PostgreSQL runs as `postgres` and must get in.
  await fs.chmod(tmp, 0o755);
  dataDir = path.join(tmp, 'data');
});

after(async () => {
  await cleanUpProcesses();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

test('a second server on the same data folder is refused with a clear message', async () => {
  const first = await spawnServer({ ready: true });
  try {
    const second = await spawnServer({ ready: false });
    const { code } = await second.exit;
    assert.notEqual(code, 0);
    assert.match(
      second.output(),
      new RegExp(
        `Probity is already running with the data folder ${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(process ${first.child.pid}\\)`,
      ),
    );
    // The first server was not disturbed.
    const health = await fetch(`${first.baseUrl}/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok', database: 'ok' });
    assert.equal(await stopServer(first), 0);
  } finally {
    await cleanUpProcesses();
  }
});

test('SIGTERM lets a request in flight finish, then stops cleanly', async () => {
  const server = await spawnServer({ ready: true });
  try {
    const browser = new Browser(server.baseUrl);
    // Each wrong password slows the next answer by 250 ms more: after three, it takes a second.
    const email = `nobody-${Date.now()}@test.example`;
    for (let i = 0; i < 3; i += 1) {
      const response = await signIn(browser, email, 'wrong password');
      assert.equal(response.status, 400);
    }
    const started = Date.now();
    const slow = signIn(browser, email, 'wrong password');
    await sleep(400); // the GET has been answered and the slow POST is being handled
    server.child.kill('SIGTERM');
    const response = await slow;
    assert.ok(Date.now() - started >= 900, 'the request really was slow');
    assert.equal(response.status, 400);
    assert.match(await response.text(), /Enter a correct email address and password/);
    const answered = Date.now();
    const { code } = await server.exit;
    assert.equal(code, 0, server.output());
    assert.match(server.output(), /SIGTERM: finishing requests in flight/);
    // The browser's kept-alive connection must not hold the stop open until it times out.
    assert.ok(
      Date.now() - answered < 10_000,
      `stopped ${Date.now() - answered} ms after answering`,
    );
    assert.equal(existsSync(path.join(dataDir, 'probity.lock')), false);
    assert.equal(existsSync(postmasterPidFile()), false, 'PostgreSQL was stopped');
  } finally {
    await cleanUpProcesses();
  }
});

test('a lock left by a process that died is recovered', async () => {
  const dead = spawn(process.execPath, ['-e', '']);
  await exited(dead);
  assert.ok(dead.pid && !isRunning(dead.pid));
  const lockPath = path.join(dataDir, 'probity.lock');
  await fs.writeFile(lockPath, JSON.stringify({ pid: dead.pid, started: null }));

  const server = await spawnServer({ ready: true });
  try {
    const lock = JSON.parse(await fs.readFile(lockPath, 'utf8')) as { pid: number };
    assert.equal(lock.pid, server.child.pid, 'the new server holds the lock now');
    assert.equal((await fetch(`${server.baseUrl}/health`)).status, 200);
    assert.equal(await stopServer(server), 0);
    assert.equal(existsSync(lockPath), false);
  } finally {
    await cleanUpProcesses();
  }
});

test('kill -9 in the middle of writes loses no committed data and leaves no half-writes', async () => {
  const server = await spawnServer({ ready: true });
  const domain = `kill9-${Date.now()}.test`;
  const committed: string[] = [];
  let failedRequests = 0;
  try {
    const browser = new Browser(server.baseUrl);
    const signedIn = await signIn(browser, 'mo@demo-city.example', DEMO_PASSWORD);
    assert.equal(signedIn.status, 303);
    assert.ok(browser.has('probity_session'));

    const form = await browser.request('/admin/people/new');
    assert.equal(form.status, 200);
    const html = await form.text();
    const token = csrfToken(html);
    const authority = /<option value="(\d+)"[^>]*>\s*Demo City Council\s*</.exec(html);
    assert.ok(authority, 'the invite form offers the demo council');

    let next = 0;
    const unexpected: string[] = [];
    const worker = async () => {
      for (;;) {
        next += 1;
        const email = `person${next}@${domain}`;
        let response: Response;
        try {
          response = await browser.request('/admin/people', {
            givenName: 'Load',
            familyName: `Test ${next}`,
            email,
            kind: 'officer',
            authorityId: authority[1]!,
            roles: 'officer',
            _csrf: token,
          });
        } catch {
          failedRequests += 1; // the server was killed under this request
          return;
        }
        // 303 means the transaction committed: the answer is sent only after it.
        if (response.status === 303) committed.push(email);
        else unexpected.push(`${email}: ${response.status}`);
        await response.arrayBuffer().catch(() => undefined);
        if (unexpected.length > 0) return;
      }
    };
    const workers = Array.from({ length: 8 }, () => worker());
    const deadline = Date.now() + 20_000;
    while (committed.length < 30 && unexpected.length === 0 && Date.now() < deadline) {
      await sleep(5);
    }
    assert.deepEqual(unexpected, [], 'every invitation was accepted while the server ran');
    assert.ok(committed.length >= 30, 'invitations were being committed');
    server.child.kill('SIGKILL');
    await server.exit;
    await Promise.all(workers);
    assert.ok(failedRequests > 0, 'some requests were cut off by the kill');
  } finally {
    await cleanUpProcessesExceptPostgres();
  }

  // The killed server left its PostgreSQL running and its lock behind: a restart recovers both.
  assert.ok(existsSync(path.join(dataDir, 'probity.lock')));
  const orphan = Number((await fs.readFile(postmasterPidFile(), 'utf8')).split('\n')[0]);
  assert.ok(isRunning(orphan), 'the killed server left PostgreSQL running');
  const restarted = await spawnServer({ ready: true });
  try {
    const people = await withDb(restarted, async (client) => {
      const { rows } = await client.query<{
        email: string;
        created_audits: number;
        invitations: number;
        roles: number;
      }>(
        `select p.email,
                (select count(*)::int from audit_events a
                  where a.entity = 'person' and a.action = 'created' and a.entity_id = p.id::text)
                  as created_audits,
                (select count(*)::int from invitations i where i.person_id = p.id) as invitations,
                (select count(*)::int from person_roles r where r.person_id = p.id) as roles
           from people p where p.email like $1`,
        [`%@${domain}`],
      );
      const orphans = await client.query<{ n: number }>(
        `select count(*)::int as n from audit_events a
          where a.entity = 'person' and a.action = 'created'
            and a.changes -> 'email' ->> 'after' like $1
            and not exists (select 1 from people p where p.id::text = a.entity_id)`,
        [`%@${domain}`],
      );
      assert.equal(orphans.rows[0]!.n, 0, 'no audit record of a person who is not there');
      return rows;
    });
    const stored = new Set(people.map((p) => p.email));
    const lost = committed.filter((email) => !stored.has(email));
    assert.deepEqual(lost, [], 'every invitation that was answered 303 is in the database');
    for (const person of people) {
      assert.deepEqual(
        {
          created_audits: person.created_audits,
          invitations: person.invitations,
          roles: person.roles,
        },
        { created_audits: 1, invitations: 1, roles: 1 },
        `${person.email} was written whole`,
      );
    }

    assert.equal(await stopServer(restarted), 0, restarted.output());
    assert.equal(existsSync(path.join(dataDir, 'probity.lock')), false, 'the lock is released');
    assert.equal(existsSync(postmasterPidFile()), false, 'PostgreSQL was stopped');
    await assert.rejects(
      withDb(restarted, async () => undefined),
      (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED',
    );
  } finally {
    await cleanUpProcesses();
  }
  assert.equal(isRunning(orphan), false);
});

/** After kill -9 the orphaned PostgreSQL must stay up: the restart is what should stop it. */
async function cleanUpProcessesExceptPostgres(): Promise<void> {
  for (const child of children) {
    child.kill('SIGKILL');
    await exited(child);
  }
}
