import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators } from '../../platform/access.js';
import { parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { EDITABLE_STATUSES, listItems, type CodeVersion } from '../code-of-conduct/index.js';
import { settingsForm } from './schemas.js';
import { updateSettings } from './draft-service.js';
import { poundsInput, settingsRows } from './view-model.js';
import { contents, itemViews } from './editor-view-model.js';
import { actorOf, bodyOf, noProblems, paths, versionFrom, type Problems } from './route-support.js';
import { renderVersionPage } from './version-page.js';

const yesNoItems = (value: unknown) => [
  { value: 'yes', text: 'Yes', checked: value === 'yes' },
  { value: 'no', text: 'No', checked: value === 'no' },
];

/** The version page (with the editor while the text may change), its preview and settings. */
export const versionRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(`${paths.list}/versions/:id`, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) =>
      renderVersionPage(deps, reply, await versionFrom(deps.db, request.params)),
    ),
  );

  app.get(
    `${paths.list}/versions/:id/preview`,
    { config: administrators },
    async (request, outer) =>
      outer.renderPersonalPageWith(async (reply) => {
        const version = await versionFrom(deps.db, request.params);
        const items = itemViews(version.id, await listItems(deps.db, version.id));
        return reply.render('code-admin/templates/preview.njk', {
          pageTitle: `Preview of version ${version.number} of ${version.authorityName}’s code`,
          version,
          items,
          contents: contents(items),
          hasLocal: items.some((item) => item.local),
          settingsRows: settingsRows(version),
          backHref: paths.version(version.id),
        });
      }),
  );

  // Settings ----------------------------------------------------------------------------------
  const renderSettings = (
    reply: FastifyReply,
    version: CodeVersion,
    values: Record<string, unknown>,
    problems: Problems = noProblems(),
  ) =>
    reply.render(
      'code-admin/templates/settings.njk',
      {
        pageTitle: `Settings of version ${version.number}`,
        version,
        values,
        editable: EDITABLE_STATUSES.includes(version.status),
        refusedItems: yesNoItems(values.registerRefusedOffers),
        trainingItems: yesNoItems(values.trainingRequired),
        coOptedItems: yesNoItems(values.nonVotingCoOptedSign),
        backHref: paths.version(version.id),
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );

  const yesNo = (value: boolean) => (value ? 'yes' : 'no');

  app.get(
    `${paths.list}/versions/:id/settings`,
    { config: administrators },
    async (request, outer) =>
      outer.renderPersonalPageWith(async (reply) => {
        const v = await versionFrom(deps.db, request.params);
        return renderSettings(reply, v, {
          title: v.title,
          changeSummary: v.change_summary ?? '',
          giftsThreshold: poundsInput(v.gifts_threshold_pence),
          giftsRegistrationDays: String(v.gifts_registration_days),
          registerRefusedOffers: yesNo(v.register_refused_offers),
          trainingRequired: yesNo(v.training_required),
          nonVotingCoOptedSign: yesNo(v.non_voting_co_opted_sign),
        });
      }),
  );

  app.post(
    `${paths.list}/versions/:id/settings`,
    { config: administrators },
    async (request, reply) => {
      const version = await versionFrom(deps.db, request.params);
      const body = bodyOf(request);
      const form = parseForm(settingsForm, body);
      if (!form.ok) return renderSettings(reply, version, body, form);
      const result = await updateSettings(deps.db, version.id, form.data, actorOf(request));
      if (!result.ok) return renderSettings(reply, version, body, refusalPart(result.refusal));
      return redirectWithFlash(
        reply,
        paths.version(version.id),
        result.value.changed
          ? {
              title: 'Settings saved',
              text: `The settings of version ${version.number} are saved.`,
            }
          : { title: 'Nothing changed', text: 'The version already had those settings.' },
      );
    },
  );
};
