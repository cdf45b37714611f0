import type { FastifyReply, FastifyRequest } from 'fastify';

/** A one-time success banner shown on the page a form redirects to (post/redirect/get). */
export interface Flash {
  title?: string;
  text: string;
}

const FLASH_COOKIE = 'probity_flash';

export function setFlash(reply: FastifyReply, flash: Flash): void {
  reply.setCookie(FLASH_COOKIE, JSON.stringify(flash), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    signed: true,
    maxAge: 120,
  });
}

/** Read and clear the banner, if any. A tampered cookie is ignored. */
export function takeFlash(request: FastifyRequest, reply: FastifyReply): Flash | null {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return null;
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return null;
  try {
    const parsed = JSON.parse(unsigned.value) as Partial<Flash>;
    return typeof parsed.text === 'string'
      ? { text: parsed.text, ...(typeof parsed.title === 'string' ? { title: parsed.title } : {}) }
      : null;
  } catch {
    return null;
  }
}

/** Redirect after a successful POST, with a banner on the next page. */
export function redirectWithFlash(
  reply: FastifyReply,
  location: string,
  flash: Flash,
): FastifyReply {
  setFlash(reply, flash);
  return reply.redirect(location, 303);
}
