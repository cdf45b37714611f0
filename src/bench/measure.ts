import autocannon from 'autocannon';

export type PageKind = 'baseline' | 'public' | 'signed-in';

export interface PageSpec {
  /** how the page appears in the table */
  label: string;
  path: string;
  kind: PageKind;
  /** the Cookie header to send, for a signed-in page */
  cookie?: string;
  /** the least share of the baseline's requests/s it must reach, where not the default */
  targetRatio?: number;
}

/** CPU time used so far by the server and by PostgreSQL (null where it cannot be read), ms. */
export type CpuProbe = () => Promise<{ serverMs: number | null; postgresMs: number | null }>;

export interface PageResult {
  label: string;
  path: string;
  kind: PageKind;
  /** as in its PageSpec */
  targetRatio?: number;
  /** the status of one request made before the load, and its size in bytes */
  checkStatus: number;
  checkBytes: number;
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  /** connection errors, timeouts included */
  errors: number;
  /**
   * CPU time per request of the server and of PostgreSQL during the measured run: unlike
   * requests/s, hardly moved by other work on the machine.
   */
  cpuMsPerRequest: { server: number | null; postgres: number | null };
}

export interface LoadSettings {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
}

async function load(url: string, spec: PageSpec, connections: number, seconds: number) {
  return autocannon({
    url,
    connections,
    duration: seconds,
    headers: spec.cookie ? { cookie: spec.cookie } : {},
    timeout: 30,
  });
}

/**
 * A few requests to every page before anything is measured: templates compiled, code
 * optimised and pool connections open, so that the first baseline run is not also the
 * server's warm-up.
 */
export async function prime(baseUrl: string, specs: PageSpec[], times = 20): Promise<void> {
  for (const spec of specs) {
    for (let i = 0; i < times; i += 1) {
      const response = await fetch(`${baseUrl}${spec.path}`, {
        headers: spec.cookie ? { cookie: spec.cookie } : {},
        redirect: 'manual',
      });
      await response.arrayBuffer();
    }
  }
}

const round = (value: number, places = 1) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * One page: a single request to see that it answers 200, a warm-up, then the measured run.
 * Every response that is not 2xx is counted; the caller reports such a page as failing.
 */
export async function measurePage(
  baseUrl: string,
  spec: PageSpec,
  settings: LoadSettings,
  cpu: CpuProbe,
): Promise<PageResult> {
  const url = `${baseUrl}${spec.path}`;
  const check = await fetch(url, {
    headers: spec.cookie ? { cookie: spec.cookie } : {},
    redirect: 'manual',
  });
  const checkBytes = (await check.arrayBuffer()).byteLength;

  if (settings.warmupSeconds > 0) {
    await load(url, spec, settings.connections, settings.warmupSeconds);
  }
  const before = await cpu();
  const result = await load(url, spec, settings.connections, settings.durationSeconds);
  const after = await cpu();
  const perRequest = (from: number | null, to: number | null) =>
    from === null || to === null || result.requests.total === 0
      ? null
      : round((to - from) / result.requests.total, 2);
  return {
    label: spec.label,
    path: spec.path,
    kind: spec.kind,
    ...(spec.targetRatio === undefined ? {} : { targetRatio: spec.targetRatio }),
    checkStatus: check.status,
    checkBytes,
    requestsPerSecond: round(result.requests.average),
    latencyMs: {
      mean: round(result.latency.mean, 2),
      p50: round(result.latency.p50, 2),
      p90: round(result.latency.p90, 2),
      p99: round(result.latency.p99, 2),
      max: round(result.latency.max, 2),
    },
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    cpuMsPerRequest: {
      server: perRequest(before.serverMs, after.serverMs),
      postgres: perRequest(before.postgresMs, after.postgresMs),
    },
  };
}
