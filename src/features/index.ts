import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { publicPagesFeature } from './public-pages/index.js';
import { authFeature } from './auth/index.js';
import { dashboardFeature } from './dashboard/index.js';
import { peopleAdminFeature } from './people-admin/index.js';
import { outboxFeature } from './outbox/index.js';
import { auditFeature } from './audit/index.js';
import { memberImportFeature } from './member-import/index.js';
import { popoloFeature } from './popolo/index.js';
import { directoryFeature } from './directory/index.js';
import { organisationsAdminFeature } from './organisations-admin/index.js';
import { codeOfConductFeature } from './code-of-conduct/index.js';
import { codeImportFeature } from './code-import/index.js';
import { codeAdminFeature } from './code-admin/index.js';
import { codeCompareFeature } from './code-compare/index.js';
import { codeSignOffFeature } from './code-sign-off/index.js';
import { meetingsFeature } from './meetings/index.js';
import { reportsFeature } from './reports/index.js';
import { reportChecklistFeature } from './report-checklist/index.js';
import { publicMeetingsFeature } from './public-meetings/index.js';
import { reportReadinessFeature } from './report-readiness/index.js';
import { clearancesFeature } from './clearances/index.js';
import { programmeAdminFeature } from './programme-admin/index.js';
import { trainingSchedulingFeature } from './training-scheduling/index.js';
import { trainingInvitationsFeature } from './training-invitations/index.js';
import { trainingAttendanceFeature } from './training-attendance/index.js';
import { trainingComplianceFeature } from './training-compliance/index.js';
import { workshopPlansFeature } from './workshop-plans/index.js';
import { scenarioBankFeature } from './scenario-bank/index.js';
import { liveScenariosFeature } from './live-scenarios/index.js';
import { evaluationsFeature } from './evaluations/index.js';

/** What every feature is given: configuration and the database. */
export interface AppDeps {
  config: Config;
  db: Db;
}

export interface Feature {
  name: string;
  plugin: FastifyPluginAsync<{ deps: AppDeps }>;
}

/** Every feature, registered in this order. A feature not listed here does not exist. */
export const features: Feature[] = [
  publicPagesFeature,
  authFeature,
  dashboardFeature,
  peopleAdminFeature,
  outboxFeature,
  auditFeature,
  memberImportFeature,
  popoloFeature,
  directoryFeature,
  organisationsAdminFeature,
  codeOfConductFeature,
  codeImportFeature,
  codeAdminFeature,
  codeCompareFeature,
  codeSignOffFeature,
  reportsFeature,
  meetingsFeature,
  reportChecklistFeature,
  publicMeetingsFeature,
  reportReadinessFeature,
  clearancesFeature,
  programmeAdminFeature,
  trainingSchedulingFeature,
  trainingInvitationsFeature,
  trainingAttendanceFeature,
  trainingComplianceFeature,
  workshopPlansFeature,
  scenarioBankFeature,
  liveScenariosFeature,
  evaluationsFeature,
];
