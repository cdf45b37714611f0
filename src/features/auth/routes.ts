import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import { anyone, signedIn } from '../../platform/access.js';
import { parseForm } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { clearSessionCookie, setSessionCookie } from '../../platform/session.js';
import { ROLE_LABELS } from '../../platform/access.js';
import { safeReturnTo, setPasswordForm, signInForm, MIN_PASSWORD_LENGTH } from './schemas.js';
import { setPasswordWithInvitation, signIn, signOut, signOutEverywhere } from './service.js';
import { findUsableInvitation } from './invitations.js';
import { THROTTLE } from './throttle.js';
import { currentMembershipsOf } from '../directory/index.js';
import { councilRolesView } from './view-model.js';

export const authRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const settings = {
    idleMinutes: deps.config.SESSION_IDLE_MINUTES,
    absoluteHours: deps.config.SESSION_ABSOLUTE_HOURS,
  };
  const signInPage = 'auth/templates/sign-in.njk';
  const demo = deps.config.PROBITY_DEMO;

  app.get<{ Querystring: { returnTo?: string } }>(
    '/sign-in',
    { config: anyone },
    async (request, reply) => {
      if (request.user) return reply.redirect('/dashboard', 303);
      // Made once per data version and address, with a hole for each visitor's CSRF token.
      return reply.renderPublicPage(async () => ({
        template: signInPage,
        context: {
          pageTitle: 'Sign in',
          values: { returnTo: safeReturnTo(request.query.returnTo) },
          demo,
        },
      }));
    },
  );

  app.post('/sign-in', { config: anyone }, async (request, reply) => {
    const form = parseForm(signInForm, request.body);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = {
      email: body.email,
      returnTo: safeReturnTo(body.returnTo as string | undefined),
    };
    if (!form.ok) {
      return reply.render(signInPage, { pageTitle: 'Sign in', values, demo, ...form }, 400);
    }
    const result = await signIn(
      deps.db,
      {
        email: form.data.email,
        password: form.data.password,
        address: request.ip,
        previousSessionHash: request.user?.sessionIdHash ?? null,
      },
      settings,
      request.id,
    );
    if (!result.ok) {
      const text =
        result.reason === 'locked'
          ? `There have been too many attempts to sign in. Wait ${THROTTLE.lockMinutes} minutes, then try again`
          : 'Enter a correct email address and password';
      return reply.render(
        signInPage,
        {
          pageTitle: 'Sign in',
          values,
          demo,
          errors: { email: { text } },
          errorList: [{ text, href: '#email' }],
        },
        400,
      );
    }
    setSessionCookie(reply, result.token, settings);
    return reply.redirect(safeReturnTo(form.data.returnTo), 303);
  });

  app.post('/sign-out', { config: anyone }, async (request, reply) => {
    if (request.user) await signOut(deps.db, request.user.sessionIdHash);
    clearSessionCookie(reply);
    return redirectWithFlash(reply, '/', {
      title: 'Signed out',
      text: 'You have signed out of Probity.',
    });
  });

  app.get('/account', { config: signedIn }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const user = request.user!;
      const memberships = await currentMembershipsOf(deps.db, user.personId);
      return reply.render('auth/templates/account.njk', {
        pageTitle: 'Your account',
        person: {
          name: user.name,
          email: user.email,
          roles: [...user.roles].map((r) => ROLE_LABELS[r]),
        },
        ...councilRolesView(memberships),
      });
    }),
  );

  app.post('/account/sign-out-everywhere', { config: signedIn }, async (request, reply) => {
    await signOutEverywhere(deps.db, request.user!.personId, request.id);
    clearSessionCookie(reply);
    return redirectWithFlash(reply, '/sign-in', {
      title: 'Signed out everywhere',
      text: 'You have been signed out on every device. Sign in again to carry on here.',
    });
  });

  const linkExpired = (reply: FastifyReply) =>
    reply.render('auth/templates/link-expired.njk', { pageTitle: 'This link has expired' }, 404);

  app.get<{ Params: { token: string } }>(
    '/set-password/:token',
    { config: anyone },
    async (request, reply) => {
      // Checked on every visit (a link runs out with time, which no write marks); the page
      // itself is kept until the data changes, with a CSRF token of its own for each visitor.
      const invitation = await findUsableInvitation(deps.db, request.params.token);
      if (!invitation) return linkExpired(reply);
      return reply.renderPublicPage(async () => ({
        template: 'auth/templates/set-password.njk',
        context: {
          pageTitle: 'Choose your password',
          name: invitation.name,
          minLength: MIN_PASSWORD_LENGTH,
        },
      }));
    },
  );

  app.post<{ Params: { token: string } }>(
    '/set-password/:token',
    { config: anyone },
    async (request, reply) => {
      const invitation = await findUsableInvitation(deps.db, request.params.token);
      if (!invitation) return linkExpired(reply);
      const form = parseForm(setPasswordForm, request.body);
      if (!form.ok) {
        return reply.render(
          'auth/templates/set-password.njk',
          {
            pageTitle: 'Choose your password',
            name: invitation.name,
            minLength: MIN_PASSWORD_LENGTH,
            ...form,
          },
          400,
        );
      }
      const done = await setPasswordWithInvitation(
        deps.db,
        request.params.token,
        form.data.password,
        request.id,
      );
      if (!done) return linkExpired(reply);
      clearSessionCookie(reply);
      return redirectWithFlash(reply, '/sign-in', {
        title: 'Password set',
        text: 'Your password has been set. Sign in with your email address and new password.',
      });
    },
  );
};
