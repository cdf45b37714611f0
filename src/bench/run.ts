import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LARGE_ACCOUNTS } from '../seed/large.js';
import { DEMO_PASSWORD } from '../seed/demo.js';
import { cleanUp, cleanUpOnSignals, onCleanUp } from './cleanup.js';
import { prepareDataset } from './dataset.js';
import { benchPages } from './pages.js';
import { INVITATION_LIST_TARGET_MS } from './invitation-lists.js';
import { benchLiveAnswers, LIVE_ANSWER_P99_TARGET_MS } from './live-answers.js';
import { createDatabase } from '../db/database.js';
import { embeddedDatabaseUrl } from '../db/embedded.js';
import { measurePage, prime, type CpuProbe, type PageResult } from './measure.js';
import { formatMarkdown, formatTable, rate, TARGETS } from './report.js';
import { startServer, type ServerProcess } from './server-process.js';
import { signIn } from './sign-in.js';
import { benchOptions } from './options.js';
import {
  cpuMs,
  freePort,
  mib,
  postgresCpuMs,
  postgresMemory,
  postmasterPid,
  processMemory,
  type PostgresMemory,
  type ProcessMemory,
} from './system.js';

/**
 * `npm run bench`: the large dataset, the real server in production mode, and every page
 * under load with autocannon, against a static page through the same template engine (the
 * baseline). Measures and reports; asserts nothing. See docs/benchmarks.md.
 */

/** Samples the resident set of the server and of PostgreSQL once a second while pages load. */
class MemorySampler {
  serverMaxRssKiB = 0;
  postgres: PostgresMemory | null = null;
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  constructor(
    private readonly serverPid: number,
    private readonly pgDir: string | null,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sample(), 1000);
  }

  async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const server = await processMemory(this.serverPid);
      if (server) this.serverMaxRssKiB = Math.max(this.serverMaxRssKiB, server.rssKiB);
      const postmaster = this.pgDir ? await postmasterPid(this.pgDir) : null;
      const pg = postmaster !== null ? await postgresMemory(postmaster) : null;
      if (pg && (!this.postgres || pg.pssKiB > this.postgres.pssKiB)) {
        this.postgres = {
          ...pg,
          largestPeakRssKiB: Math.max(pg.largestPeakRssKiB, this.postgres?.largestPeakRssKiB ?? 0),
        };
      }
    } finally {
      this.busy = false;
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** The one-minute load average, as a share of the cores: above about 0.5, other work interferes. */
function loadPerCore(): number {
  return Math.round(((os.loadavg()[0] ?? 0) / os.availableParallelism()) * 100) / 100;
}

function machine() {
  const cpus = os.cpus();
  return {
    cores: os.availableParallelism(),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
  };
}

/** The server, once started: on failure, the first thing to ask is whether it is still up. */
let running: ServerProcess | null = null;

async function main(): Promise<void> {
  const options = benchOptions();
  cleanUpOnSignals();
  const started = performance.now();
  const host = machine();
  console.log(
    `Probity benchmark: ${options.connections} connections, ${options.warmupSeconds} s warm-up ` +
      `and ${options.durationSeconds} s per page, on ${host.cores} cores (${host.cpuModel}).`,
  );
  console.log(
    options.databaseUrl
      ? 'Database: the PostgreSQL server at DATABASE_URL.'
      : `Database: the embedded PostgreSQL in ${options.dataDir}.`,
  );

  // 1. The large dataset.
  const dataset = await prepareDataset(options);
  console.log(
    dataset.generationSeconds === null
      ? 'Dataset generation: skipped (reused).'
      : `Dataset generation: ${dataset.generationSeconds.toFixed(1)} s ` +
          `(and ${dataset.vacuumSeconds?.toFixed(1) ?? '?'} s of VACUUM ANALYZE).`,
  );
  console.log(
    `Dataset: ${dataset.counts.authorities} authorities, ${dataset.counts.people} people, ` +
      `${dataset.counts.memberships} memberships, ${dataset.counts.auditEvents} audit events, ` +
      `${dataset.counts.attendance} attendance records.`,
  );
  for (const list of dataset.invitationLists) {
    console.log(
      `Invitation list of a session for ${list.audience.replace('-', ' ')}: ${list.people} people in ` +
        `${list.medianMs} ms (median of ${list.runs}; target under ${INVITATION_LIST_TARGET_MS} ms).`,
    );
  }

  const loadAtStart = loadPerCore();
  if (loadAtStart > 0.5) {
    console.log(
      `Note: the machine is busy (load ${loadAtStart} per core before measuring): ` +
        'other work will lower every figure, the baseline included.',
    );
  }

  // 2. The real server.
  const port = await freePort();
  let dbPort = await freePort();
  while (dbPort === port || dbPort < 1024) dbPort = await freePort();
  console.log('Starting the server ...');
  const server = await startServer({
    port,
    dbPort,
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
  });
  running = server;
  const forgetServer = onCleanUp('stop the server', server.stop, 120_000);
  console.log(`The server (process ${server.pid}) is answering at ${server.baseUrl}.`);

  // 3. Sessions.
  const mo = await signIn(server.baseUrl, LARGE_ACCOUNTS.monitoringOfficer, DEMO_PASSWORD);
  const whip = await signIn(server.baseUrl, LARGE_ACCOUNTS.whip, DEMO_PASSWORD);
  const councillor = await signIn(server.baseUrl, LARGE_ACCOUNTS.councillor, DEMO_PASSWORD);
  const officerEmail = dataset.targets.officerEmail;
  const officer = await signIn(server.baseUrl, officerEmail, DEMO_PASSWORD);
  console.log(
    `Signed in as ${LARGE_ACCOUNTS.monitoringOfficer}, ${LARGE_ACCOUNTS.whip}, ` +
      `${LARGE_ACCOUNTS.councillor} and ${officerEmail}.\n`,
  );

  // 4. Fifty attendees answering a live scenario at once (issue 7), through the running server;
  // it leaves the scenario showing its tally, which is then measured with the pages.
  const liveDb = createDatabase(
    options.databaseUrl ?? (await embeddedDatabaseUrl(options.dataDir, dbPort)),
    { max: 4 },
  );
  const forgetLiveDb = onCleanUp('close the live-scenario connection', liveDb.close);
  const live = await benchLiveAnswers(server.baseUrl, liveDb.db);
  console.log(
    `Live scenario: ${live.attendees} attendees answering at once, ${live.rounds} rounds ` +
      `(${live.requests} answers, ${live.failures} failed): p50 ${live.p50Ms} ms, p99 ` +
      `${live.p99Ms} ms, max ${live.maxMs} ms (target p99 under ${LIVE_ANSWER_P99_TARGET_MS} ms).\n`,
  );

  // 5. The pages, baseline first and last.
  const specs = benchPages(dataset.targets, { mo, whip, councillor, officer }, live).filter(
    (spec) =>
      options.pages === null ||
      spec.kind === 'baseline' ||
      options.pages.some((part) => spec.label.includes(part)),
  );
  const postmasterAtStart = server.pgDir ? await postmasterPid(server.pgDir) : null;
  const cpu: CpuProbe = async () => ({
    serverMs: await cpuMs(server.pid),
    postgresMs: postmasterAtStart !== null ? await postgresCpuMs(postmasterAtStart) : null,
  });
  await prime(server.baseUrl, specs);
  const sampler = new MemorySampler(server.pid, server.pgDir);
  sampler.start();
  const results: PageResult[] = [];
  for (const [index, spec] of specs.entries()) {
    process.stdout.write(`[${String(index + 1).padStart(2)}/${specs.length}] ${spec.label} ... `);
    const result = await measurePage(server.baseUrl, spec, options, cpu);
    results.push(result);
    const exit = server.unexpectedExit();
    if (exit) throw new Error(exit);
    const failed = result.checkStatus !== 200 || result.non2xx > 0 || result.errors > 0;
    console.log(
      `${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.latencyMs.p99.toFixed(1)} ms` +
        (failed ? `  FAILED: answered ${result.checkStatus}, ${result.non2xx} non-2xx` : ''),
    );
  }
  sampler.stop();
  await sampler.sample();

  const loadAtEnd = loadPerCore();

  await live.cleanUp();
  forgetLiveDb();
  await liveDb.close();

  // 6. Memory, before the server goes.
  const serverMemory: ProcessMemory | null = await processMemory(server.pid);
  const postmaster = server.pgDir ? await postmasterPid(server.pgDir) : null;
  const postgresNow = postmaster !== null ? await postgresMemory(postmaster) : null;

  // 7. Stop the server (and with it the embedded PostgreSQL).
  await server.stop();
  forgetServer();

  // 8. The report.
  const first = results[0]!;
  const last = results.at(-1)!;
  const baselineRps = (first.requestsPerSecond + last.requestsPerSecond) / 2;
  const rated = results.map((r) => rate(r, baselineRps));
  const drift =
    first.requestsPerSecond > 0 ? (last.requestsPerSecond / first.requestsPerSecond - 1) * 100 : 0;

  console.log(`\n${formatTable(rated)}\n`);
  console.log(
    `Baseline: ${baselineRps.toFixed(0)} req/s (mean of ${first.requestsPerSecond.toFixed(0)} first ` +
      `and ${last.requestsPerSecond.toFixed(0)} last; ${drift >= 0 ? '+' : ''}${drift.toFixed(1)}%).` +
      (Math.abs(drift) > 10 ? ' The machine was not steady: compare ratios with care.' : ''),
  );
  if (loadAtEnd > 0.5 || loadAtStart > 0.5) {
    console.log(
      `Load per core: ${loadAtStart} before, ${loadAtEnd} after (2 cores fully used by the ` +
        'benchmark itself read about 1): above that, something else was running.',
    );
  }
  console.log(
    `Targets: signed-in pages p99 < ${TARGETS.signedInP99Ms} ms and at least ${TARGETS.signedInRatio} ` +
      `of the baseline; public pages at least ${TARGETS.publicRatio} of the baseline; the code of ` +
      `conduct's pages at least ${TARGETS.codeOfConductRatio} and a committee report's pages at ` +
      `least ${TARGETS.committeeReportsRatio} of the baseline.`,
  );
  if (serverMemory) {
    console.log(
      `Server memory: peak RSS ${mib(serverMemory.peakRssKiB)} MiB (VmHWM), ` +
        `${mib(serverMemory.rssKiB)} MiB at the end (VmRSS).`,
    );
  } else {
    console.log('Server memory: not available (no /proc on this system).');
  }
  const postgres = sampler.postgres ?? postgresNow;
  if (postgres) {
    console.log(
      `Embedded PostgreSQL: ${mib(postgres.pssKiB)} MiB at most (PSS of ${postgres.processes} ` +
        `processes, shared buffers counted once); the largest process peaked at ` +
        `${mib(postgres.largestPeakRssKiB)} MiB RSS.`,
    );
  }
  const failures = rated.filter((r) => r.verdict === 'FAILED');
  const slow = rated.filter((r) => r.verdict === 'slow');
  if (failures.length > 0) {
    console.log(
      `\nFAILED (answered errors, not measured as fast): ${failures.map((r) => r.label).join(', ')}`,
    );
  }
  if (slow.length > 0) console.log(`Below target: ${slow.map((r) => r.label).join(', ')}`);

  const totalSeconds = (performance.now() - started) / 1000;
  const report = {
    date: new Date().toISOString(),
    machine: host,
    settings: {
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      database: options.databaseUrl ? 'DATABASE_URL' : 'embedded',
    },
    /** one-minute load average per core, before the first page and after the last */
    loadPerCore: { atStart: loadAtStart, atEnd: loadAtEnd },
    targets: TARGETS,
    dataset,
    liveAnswers: {
      attendees: live.attendees,
      rounds: live.rounds,
      requests: live.requests,
      failures: live.failures,
      p50Ms: live.p50Ms,
      p99Ms: live.p99Ms,
      maxMs: live.maxMs,
      targetP99Ms: LIVE_ANSWER_P99_TARGET_MS,
    },
    baseline: {
      firstRps: first.requestsPerSecond,
      lastRps: last.requestsPerSecond,
      meanRps: Math.round(baselineRps * 10) / 10,
      driftPercent: Math.round(drift * 10) / 10,
    },
    pages: rated,
    memory: {
      server: serverMemory
        ? {
            peakRssMiB: mib(serverMemory.peakRssKiB),
            rssAtEndMiB: mib(serverMemory.rssKiB),
            largestSampledRssMiB: mib(sampler.serverMaxRssKiB),
          }
        : null,
      postgres: postgres
        ? {
            processes: postgres.processes,
            pssMiB: mib(postgres.pssKiB),
            largestProcessPeakRssMiB: mib(postgres.largestPeakRssKiB),
          }
        : null,
    },
    totalSeconds: Math.round(totalSeconds),
  };
  await fs.mkdir(path.dirname(options.resultsFile), { recursive: true });
  await fs.writeFile(options.resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  await fs.writeFile(options.resultsFile.replace(/\.json$/, '.md'), `${formatMarkdown(rated)}\n`);
  console.log(
    `\nWrote ${path.relative(process.cwd(), options.resultsFile)} ` +
      `(and a Markdown table beside it). Took ${(totalSeconds / 60).toFixed(1)} minutes.`,
  );
}

main()
  .then(async () => {
    await cleanUp();
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    console.error('\nThe benchmark failed:', error instanceof Error ? error.message : error);
    const exit = running?.unexpectedExit();
    if (exit && !(error instanceof Error && error.message === exit)) console.error(exit);
    await cleanUp();
    process.exit(1);
  });
