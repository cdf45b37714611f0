/** The value of one cookie from a response's Set-Cookie headers. */
function cookieFrom(response: Response, name: string): string | null {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const separator = pair?.indexOf('=') ?? -1;
    if (pair && separator > 0 && pair.slice(0, separator).trim() === name) {
      return pair.slice(separator + 1).trim();
    }
  }
  return null;
}

function unescapeHtml(value: string): string {
  return value
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Sign in through the real form, as a browser would: GET /sign-in for the CSRF cookie and
 * token, POST the form, keep the session cookie. Returns the Cookie header to send.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const form = await fetch(`${baseUrl}/sign-in`, { redirect: 'manual' });
  const html = await form.text();
  const csrfCookie = cookieFrom(form, 'probity_csrf');
  const token = /name="_csrf" value="([^"]*)"/.exec(html)?.[1];
  if (form.status !== 200 || !csrfCookie || token === undefined) {
    throw new Error(`GET /sign-in answered ${form.status} without a CSRF cookie and token`);
  }

  const response = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: `probity_csrf=${csrfCookie}`,
    },
    body: new URLSearchParams({
      email,
      password,
      _csrf: unescapeHtml(token),
      returnTo: '/dashboard',
    }).toString(),
  });
  await response.arrayBuffer();
  const session = cookieFrom(response, 'probity_session');
  if (response.status !== 303 || !session) {
    throw new Error(
      `Signing in as ${email} failed: POST /sign-in answered ${response.status}` +
        (response.status === 400 ? ' (wrong password, or no such account in the dataset?)' : ''),
    );
  }
  const cookie = `probity_session=${session}`;

  const check = await fetch(`${baseUrl}/dashboard`, { headers: { cookie }, redirect: 'manual' });
  await check.arrayBuffer();
  if (check.status !== 200) {
    throw new Error(`Signed in as ${email}, but GET /dashboard answered ${check.status}`);
  }
  return cookie;
}
