import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import {
  EDITABLE_STATUSES,
  PUBLISHED_STATUSES,
  listItems,
  type CodeVersion,
} from '../code-of-conduct/index.js';
import { findBasedOn, findOrganisationName, listComments } from './repository.js';
import { commentRows, lifecycleActions, settingsRows, versionSummaryRows } from './view-model.js';
import { itemViews } from './editor-view-model.js';
import { noProblems, paths, type Problems } from './route-support.js';
import { longDate } from './dates.js';

/**
 * A version's page: its status, dates and settings, the lifecycle steps open to it, the
 * consultation comments and its items, with the structured editor while the text may change.
 * Editor actions that are refused answer with this page (400) and the reason at the top.
 */
export async function renderVersionPage(
  deps: AppDeps,
  reply: FastifyReply,
  version: CodeVersion,
  problems: Problems = noProblems(),
): Promise<FastifyReply> {
  const [items, comments, basedOn, agreedBy] = await Promise.all([
    listItems(deps.db, version.id),
    listComments(deps.db, version.id),
    version.based_on_version_id ? findBasedOn(deps.db, version.based_on_version_id) : null,
    version.agreed_by_organisation_id
      ? findOrganisationName(deps.db, version.agreed_by_organisation_id)
      : null,
  ]);
  const base = paths.version(version.id);
  return reply.render(
    'code-admin/templates/version.njk',
    {
      pageTitle: `Version ${version.number} of ${version.authorityName}’s code of conduct`,
      version,
      editable: EDITABLE_STATUSES.includes(version.status),
      summaryRows: versionSummaryRows(version, { basedOn, agreedBy }),
      settingsRows: settingsRows(version),
      actions: lifecycleActions(version),
      waitingNote:
        version.status === 'adopted' && version.in_force_from
          ? `It comes into force on ${longDate(version.in_force_from)}.`
          : null,
      showComments: comments.length > 0 || version.status === 'consultation',
      commentRows: commentRows(comments),
      items: itemViews(version.id, items),
      backHref: paths.authority(version.authoritySlug),
      previewHref: paths.preview(version.id),
      settingsHref: `${base}/settings`,
      publicHref: PUBLISHED_STATUSES.includes(version.status)
        ? `/code/${version.authoritySlug}/${version.number}`
        : null,
      compareHref: version.based_on_version_id
        ? `${base}/compare?with=${version.based_on_version_id}`
        : null,
      newItemHref: `${base}/items/new?after=start`,
      errors: problems.errors,
      errorList: problems.errorList,
    },
    problems.errorList.length > 0 ? 400 : 200,
  );
}
