import type { LiveAnswersTiming } from './live-answers.js';
import type { PageSpec } from './measure.js';
import { TARGETS } from './report.js';
import type { PageTargets } from './targets.js';
import { learningPages } from './pages-learning.js';
import { peoplePages } from './pages-people.js';
import { reportsPages } from './pages-reports.js';
import { trainingPages } from './pages-training.js';

/** The Cookie headers of the large council's accounts the benchmark signed in as. */
export interface BenchSessions {
  mo: string;
  whip: string;
  /** an ordinary councillor, for the members' own pages */
  councillor: string;
  /** the Deputy Monitoring Officer, who has reports to clear */
  officer: string;
}

/**
 * Every page built so far, in the order measured: the baseline first and last, then each
 * issue's pages, each held to its issue's target (docs/benchmarks.md, "Targets").
 */
export function benchPages(
  t: PageTargets,
  who: BenchSessions,
  live: LiveAnswersTiming,
): PageSpec[] {
  const signedIn = (page: string, cookie: string, label: string): PageSpec => ({
    label: `${page} (${label})`,
    path: page,
    kind: 'signed-in',
    cookie,
  });
  const mo = (page: string) => signedIn(page, who.mo, 'MO');
  const member = (page: string) => signedIn(page, who.councillor, 'councillor');
  const publicPage = (page: string): PageSpec => ({ label: page, path: page, kind: 'public' });
  const held = (spec: PageSpec, targetRatio: number): PageSpec => ({ ...spec, targetRatio });
  /** The public councillor list and a profile: within 1.5× the baseline (issue 3). */
  const directory = (page: string) => held(publicPage(page), TARGETS.directoryRatio);
  /** The code of conduct's pages must stay within 2× the baseline (issue 4). */
  const code = (spec: PageSpec) => held(spec, TARGETS.codeOfConductRatio);
  /** Committee reports' pages too (issue 5). */
  const report = (spec: PageSpec) => held(spec, TARGETS.committeeReportsRatio);
  /** The training compliance dashboards, for an authority and for a group (issue 6). */
  const compliance = (spec: PageSpec) => held(spec, TARGETS.memberDevelopmentRatio);
  const surname = encodeURIComponent(t.surname);
  const entity = encodeURIComponent(t.entity);
  return [
    { label: '/baseline (first)', path: '/baseline', kind: 'baseline' },
    // Issues 1 and 2: the foundation, people, the public directory.
    publicPage('/'),
    publicPage('/sign-in'),
    publicPage('/accessibility'),
    publicPage('/cookies'),
    publicPage('/health'),
    publicPage('/councils'),
    directory('/councils/large-city/councillors'),
    publicPage(`/councils/large-city/councillors?ward=${t.wardId}`),
    directory(`/councils/large-city/councillors/${t.personId}`),
    publicPage('/councils/large-city/committees'),
    publicPage(`/councils/large-city/committees/${t.committeeId}`),
    publicPage('/api/popolo/large-city.json'),
    signedIn('/dashboard', who.mo, 'MO'),
    signedIn('/dashboard', who.whip, 'whip'),
    signedIn('/dashboard', who.councillor, 'councillor'),
    member('/account'),
    mo('/admin/people'),
    mo(`/admin/people?q=${surname}`),
    mo('/admin/people?page=40'),
    mo(`/admin/people/${t.personId}`),
    mo('/admin/organisations'),
    mo('/admin/outbox'),
    mo('/audit'),
    mo(`/audit?entity=${entity}`),
    mo(`/audit?before=${t.middleAuditId}`),
    // Issue 4: the code of conduct.
    code(publicPage('/code')),
    code(publicPage('/code/large-city')),
    code(publicPage('/code/large-city/versions')),
    code(publicPage('/code/large-city/compare?from=1&to=2')),
    code(mo('/sign-offs?authority=large-city')),
    mo('/admin/code'),
    mo('/admin/code/large-city'),
    member('/my/code'),
    // Issue 5: committee reports and meetings.
    mo('/admin/reports'),
    report(mo(`/admin/reports/${t.reportId}`)),
    report(mo(`/admin/reports/${t.reportId}/readiness`)),
    mo('/admin/meetings'),
    mo(`/admin/meetings/${t.meetingId}`),
    publicPage('/meetings'),
    // Issue 6: member development.
    mo('/admin/programmes'),
    mo(`/admin/programmes/${t.programmeId}`),
    mo(`/admin/courses/${t.courseId}`),
    mo(`/admin/sessions/${t.sessionId}`),
    mo(`/admin/sessions/${t.sessionId}/attendance`),
    mo(`/admin/people/${t.personId}/training`),
    member('/my/training'),
    signedIn('/group-training', who.whip, 'whip'),
    compliance(mo('/admin/training/compliance')),
    compliance(signedIn('/group-training/compliance', who.whip, 'whip')),
    // Issue 7: learning content and live scenarios.
    mo('/admin/workshops'),
    mo(`/admin/workshops/${t.planId}`),
    mo(`/facilitating/sessions/${t.sessionId}/run-sheet`),
    mo('/admin/scenarios'),
    mo(`/admin/scenarios/${t.scenarioId}`),
    mo('/admin/scenario-sets'),
    member('/my/scenarios'),
    mo(`/admin/courses/${t.evaluatedCourseId}/evaluations`),
    member('/my/evaluations'),
    {
      label: 'live scenario tally (MO)',
      path: live.tallyPath,
      kind: 'signed-in',
      cookie: live.facilitatorCookie,
      targetRatio: TARGETS.liveTallyRatio,
    },
    signedIn(`/admin/sessions/${live.sessionId}/live`, live.facilitatorCookie, 'MO'),
    signedIn('/live', live.attendeeCookie, 'attendee'),
    signedIn(`/live/${live.sessionId}`, live.attendeeCookie, 'attendee'),
    // The rest: forms, confirm pages, exports, feeds and detail pages, by area.
    ...peoplePages(t.people, who),
    ...reportsPages(t.reports, who),
    ...trainingPages(t.training, who),
    ...learningPages(t.learning, who),
    { label: '/baseline (last)', path: '/baseline', kind: 'baseline' },
  ];
}
