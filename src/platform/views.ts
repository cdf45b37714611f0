import path from 'node:path';
import nunjucks from 'nunjucks';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { projectRoot, srcDir } from './paths.js';
import { ROLE_LABELS, type Role } from './access.js';
import { takeFlash, type Flash } from './flash.js';

export type ViewContext = Record<string, unknown>;

declare module 'fastify' {
  interface FastifyReply {
    /** Render a template with the page-wide locals (user, nonce, CSRF token, banner). */
    render: (template: string, context?: ViewContext, statusCode?: number) => FastifyReply;
    /** The same page as HTML text, not sent: for caches. */
    renderToString: (template: string, context?: ViewContext) => string;
  }
}

export interface ViewSettings {
  councilName: string;
  /** reload templates from disk on each render (development only) */
  watch: boolean;
}

export function createViewEnvironment(settings: { watch: boolean }): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(
      [
        path.join(srcDir, 'views'),
        path.join(srcDir, 'features'),
        path.join(projectRoot, 'node_modules', 'govuk-frontend', 'dist'),
      ],
      { noCache: settings.watch, watch: false },
    ),
    { autoescape: true, throwOnUndefined: false },
  );
  // Nunjucks' own trim runs /^\s*|\s*$/g, which rescans every run of white space from each of
  // its characters: on a long page of indented HTML (govuk-frontend trims every macro's content)
  // it was a third of the server's time under load. String.prototype.trim does the same job in
  // one pass; text marked safe stays safe.
  env.addFilter('trim', (value: unknown) => {
    const trimmedText = String(value ?? '').trim();
    return value instanceof nunjucks.runtime.SafeString
      ? new nunjucks.runtime.SafeString(trimmedText)
      : trimmedText;
  });
  env.addFilter('dateTime', (value: Date | string | null | undefined) =>
    value ? formatDateTime(new Date(value)) : '',
  );
  env.addFilter('date', (value: Date | string | null | undefined) =>
    value ? formatDate(new Date(value)) : '',
  );
  return env;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});
export const formatDate = (value: Date): string => dateFormat.format(value);
export const formatDateTime = (value: Date): string => dateTimeFormat.format(value);

interface NavItem {
  text: string;
  href: string;
  active?: boolean;
}

function navigationFor(roles: ReadonlySet<Role> | null, currentPath: string): NavItem[] {
  const items: NavItem[] = [];
  if (roles === null) {
    items.push({ text: 'Home', href: '/' });
    items.push({ text: 'Code of conduct', href: '/code' });
    items.push({ text: 'Councillors', href: '/councils' });
    items.push({ text: 'Meetings', href: '/meetings' });
  } else {
    items.push({ text: 'Dashboard', href: '/dashboard' });
    if (roles.has('monitoring-officer') || roles.has('democratic-services')) {
      items.push({ text: 'People', href: '/admin/people' });
      items.push({ text: 'Organisations', href: '/admin/organisations' });
      items.push({ text: 'Code of conduct', href: '/admin/code' });
      items.push({ text: 'Reports', href: '/admin/reports' });
      items.push({ text: 'Meetings', href: '/admin/meetings' });
      items.push({ text: 'Training', href: '/admin/programmes' });
      items.push({ text: 'Outbox', href: '/admin/outbox' });
    }
    if (roles.has('monitoring-officer')) items.push({ text: 'Audit trail', href: '/audit' });
    // What a councillor, a whip or an officer comes to do, one step from anywhere.
    if (roles.has('member')) {
      items.push({ text: 'Your code of conduct', href: '/my/code' });
      items.push({ text: 'Your training', href: '/my/training' });
    }
    if (
      roles.has('group-whip') &&
      !roles.has('monitoring-officer') &&
      !roles.has('democratic-services')
    ) {
      items.push({ text: 'Sign-offs', href: '/sign-offs' });
      items.push({ text: 'Group training', href: '/group-training' });
    }
    if (roles.has('facilitator')) items.push({ text: 'Facilitating', href: '/facilitating' });
    if (roles.has('officer')) items.push({ text: 'Clearances', href: '/clearances' });
  }
  return items.map((item) => ({
    ...item,
    active: item.href === '/' ? currentPath === '/' : currentPath.startsWith(item.href),
  }));
}

export const viewsPlugin = fp(
  async (app: FastifyInstance, settings: ViewSettings) => {
    const env = createViewEnvironment({ watch: settings.watch });
    function renderToString(this: FastifyReply, template: string, context: ViewContext = {}) {
      const reply: FastifyReply = this; // eslint-disable-line @typescript-eslint/no-this-alias -- read in the getter below
      const request = reply.request;
      const currentPath = request.url.split('?')[0] ?? '/';
      const flash: Flash | null = takeFlash(request, reply);
      const locals: ViewContext = {
        councilName: settings.councilName,
        serviceName: 'Probity',
        cspNonce: (reply.cspNonce as { script?: string } | undefined)?.script,
        user: request.user
          ? {
              name: request.user.name,
              roles: [...request.user.roles],
              roleLabels: [...request.user.roles].map((r) => ROLE_LABELS[r]),
            }
          : null,
        navigation: navigationFor(request.user?.roles ?? null, currentPath),
        currentPath,
        flash,
        ...context,
      };
      // The CSRF token is made only when a page has a form that needs it (a cached page passes
      // a placeholder instead, filled in for each response).
      if (!('csrfToken' in context)) {
        Object.defineProperty(locals, 'csrfToken', {
          enumerable: true,
          get: () => reply.generateCsrf(),
        });
      }
      return env.render(template, locals);
    }
    app.decorateReply('renderToString', renderToString);
    app.decorateReply(
      'render',
      function render(
        this: FastifyReply,
        template: string,
        context: ViewContext = {},
        statusCode?: number,
      ) {
        const html = renderToString.call(this, template, context);
        if (statusCode !== undefined) this.code(statusCode);
        return this.type('text/html; charset=utf-8').send(html);
      },
    );
  },
  { name: 'probity-views', dependencies: ['@fastify/csrf-protection'] },
);
