// Django over real HTTP: the account flows with the session cookie and CSRF token a
// browser would carry, the JSON API, the login lockout and the admin; with --db postgres
// the accounts land in PostgreSQL, with --cache redis the lockout counters in Redis.
// Then the same project under the production settings and gunicorn, behind a pretend
// TLS proxy (X-Forwarded-Proto: https): no debug pages, secure cookies, security
// headers, CSRF enforced, passwords hashed with Django's default hasher.
import assert from 'node:assert/strict';
import { expectStatus, formToken, type HttpClient, type HttpResponse } from './http.js';
import type { SmokeChecks, SmokeContext } from './types.js';

const PASSWORD = 'smoke-test-passphrase-42';

/** GETs a page holding a form and POSTs the form with the page's CSRF token. */
async function submitForm(client: HttpClient, path: string, fields: Record<string, string>, formPage = path) {
  const page = await client.get(formPage);
  expectStatus(page, 200, `GET ${formPage}`);
  return client.postForm(path, { csrfmiddlewaretoken: formToken(page.text, 'csrfmiddlewaretoken'), ...fields });
}

/** The Set-Cookie line for `name`, asserting there is one. */
function setCookie(response: HttpResponse, name: string, what: string): string {
  const line = response.headers.getSetCookie().find((candidate) => candidate.startsWith(`${name}=`));
  assert.ok(line, `${what}: no Set-Cookie for ${name} (got ${JSON.stringify(response.headers.getSetCookie())})`);
  return line;
}

function expectCookieFlags(line: string, flags: { secure: boolean; httpOnly: boolean; sameSite: string }, what: string) {
  const attributes = line.split(';').slice(1).map((part) => part.trim().toLowerCase());
  assert.equal(attributes.includes('secure'), flags.secure, `${what}: Secure should be ${flags.secure}: ${line}`);
  assert.equal(attributes.includes('httponly'), flags.httpOnly, `${what}: HttpOnly should be ${flags.httpOnly}: ${line}`);
  assert.ok(attributes.includes(`samesite=${flags.sameSite.toLowerCase()}`), `${what}: SameSite=${flags.sameSite} expected: ${line}`);
}

/** What Django's debug pages show and a production page must not. */
function expectNoDebugInfo(response: HttpResponse, what: string) {
  for (const marker of ['Traceback', 'DEBUG = True', 'URLconf', 'settings.py', 'DJANGO_SETTINGS_MODULE', 'CSRF_FAILURE_VIEW']) {
    assert.ok(!response.text.includes(marker), `${what}: the page shows debug information (${marker}): ${response.text.slice(0, 500)}`);
  }
}

async function expectLockoutInRedis(context: SmokeContext) {
  const { stdout } = await context.run(['redis-cli', '-u', context.env.REDIS_URL!, '--scan', '--pattern', '*login-failures:*']);
  const keys = stdout.split('\n').filter(Boolean);
  assert.ok(keys.length > 0, `no lockout counter in Redis at ${context.env.REDIS_URL}`);
  const ttl = Number((await context.run(['redis-cli', '-u', context.env.REDIS_URL!, 'TTL', keys[0]!])).stdout.trim());
  assert.ok(ttl > 0 && ttl <= 15 * 60, `the lockout counter ${keys[0]} expires in the lockout window (TTL ${ttl})`);
}

async function expectAccountInPostgres(context: SmokeContext, email: string) {
  const { stdout } = await context.run(['psql', context.env.DATABASE_URL!, '-tAc', `SELECT email FROM accounts_user WHERE email = '${email}'`]);
  assert.equal(stdout.trim(), email, 'the account is a row in PostgreSQL');
}

function expectRedirect(response: { status: number; headers: Headers; text: string }, location: string, what: string) {
  expectStatus(response, 302, what);
  assert.equal(response.headers.get('location'), location, `${what}: redirect target`);
}

const checks: SmokeChecks = {
  framework: 'django',
  // The development settings, as `manage.py runserver` picks by default.
  env: { DJANGO_SETTINGS_MODULE: 'config.settings.development' },
  async check(context) {
    const { client: newClient } = context;
    const browser = newClient();
    const email = `smoke-${Date.now()}@example.com`;

    const signedUp = await submitForm(browser, '/accounts/signup/', { email, name: 'Smoke', password1: PASSWORD, password2: PASSWORD });
    expectRedirect(signedUp, '/accounts/profile/', 'sign up');

    expectRedirect(await submitForm(browser, '/accounts/logout/', {}, '/accounts/profile/'), '/', 'log out');
    expectRedirect(await browser.get('/accounts/profile/'), '/accounts/login/?next=/accounts/profile/', 'profile after logout');

    const loggedIn = await submitForm(browser, '/accounts/login/', { username: email, password: PASSWORD });
    expectRedirect(loggedIn, '/accounts/profile/', 'log in');
    const profile = await browser.get('/accounts/profile/');
    expectStatus(profile, 200, 'profile when logged in');
    assert.ok(profile.text.includes(email), 'the profile shows the email address');

    const me = await browser.get('/api/me/');
    expectStatus(me, 200, 'GET /api/me/ when logged in');
    assert.equal((me.json as { email: string }).email, email);
    const csrfToken = browser.cookies.get('csrftoken');
    assert.ok(csrfToken, 'the csrftoken cookie is set');
    const renamed = await browser.sendJson('PATCH', '/api/me/', { name: 'Renamed' }, { 'x-csrftoken': csrfToken });
    expectStatus(renamed, 200, 'PATCH /api/me/ with the CSRF token');
    assert.equal((renamed.json as { name: string }).name, 'Renamed');

    expectRedirect(await submitForm(browser, '/accounts/logout/', {}, '/accounts/profile/'), '/', 'log out again');
    expectRedirect(await browser.get('/accounts/profile/'), '/accounts/login/?next=/accounts/profile/', 'profile after the second logout');
    expectStatus(await browser.get('/api/me/'), 401, 'GET /api/me/ after logout');
    expectStatus(await newClient().get('/api/me/'), 401, 'GET /api/me/ anonymous');

    // Five wrong passwords lock this address out from this IP, even for the right one.
    const attacker = newClient();
    for (let attempt = 1; attempt <= 5; attempt++) {
      expectStatus(await submitForm(attacker, '/accounts/login/', { username: email, password: 'wrong' }), 200, `wrong password #${attempt}`);
    }
    expectStatus(await submitForm(attacker, '/accounts/login/', { username: email, password: PASSWORD }), 429, 'log in while locked out');

    const adminLogin = await newClient().get('/admin/login/');
    expectStatus(adminLogin, 200, 'admin login page');
    assert.ok(adminLogin.text.includes('csrfmiddlewaretoken'), 'the admin login page has its form');

    if (context.options.cache === 'redis') await expectLockoutInRedis(context);
    if (context.options.db === 'postgres') await expectAccountInPostgres(context, email);
  },

  production: {
    env: {
      DJANGO_SETTINGS_MODULE: 'config.settings.production',
      ALLOWED_HOSTS: '127.0.0.1,localhost',
      DEBUG: 'True', // must be ignored: production.py forces DEBUG off
    },
    prepare: [
      { argv: ['.venv/bin/python', 'manage.py', 'migrate', '--no-input'] },
      { argv: ['.venv/bin/python', 'manage.py', 'collectstatic', '--no-input'] },
    ],
    start: { argv: ['.venv/bin/gunicorn', 'config.wsgi', '--bind', '127.0.0.1:{port}', '--workers', '2'] },
    async check(context) {
      const origin = `https://${new URL(context.baseUrl).host}`;
      // What a TLS-terminating proxy adds; SECURE_PROXY_SSL_HEADER trusts it.
      const https = { 'x-forwarded-proto': 'https' };
      const browser = context.client();

      const plain = await browser.get('/');
      expectStatus(plain, 301, 'plain HTTP');
      assert.equal(plain.headers.get('location'), `${origin}/`, 'plain HTTP redirects to HTTPS');

      const home = await browser.get('/', https);
      expectStatus(home, 200, 'home over HTTPS');
      assert.match(home.headers.get('strict-transport-security') ?? '', /max-age=\d+/, 'HSTS over HTTPS');
      assert.equal(home.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(home.headers.get('x-frame-options'), 'DENY');
      assert.equal(home.headers.get('referrer-policy'), 'same-origin');

      const missing = await browser.get('/no-such-page/', https);
      expectStatus(missing, 404, 'unknown URL');
      assert.ok(missing.text.includes('Page not found'), "the site's own 404 page");
      expectNoDebugInfo(missing, 'the 404 page');

      // The CSRF cookie: Secure and SameSite; not HttpOnly by choice (the API's JavaScript reads it).
      const loginPage = await browser.get('/accounts/login/', https);
      expectStatus(loginPage, 200, 'log-in page');
      expectCookieFlags(setCookie(loginPage, 'csrftoken', 'log-in page'), { secure: true, httpOnly: false, sameSite: 'Lax' }, 'csrftoken cookie');

      // A log-in POST without the form's token is refused, even with the cookie.
      const forged = await browser.postForm('/accounts/login/', { username: 'x@example.com', password: 'whatever' }, { ...https, origin, referer: `${origin}/accounts/login/` });
      expectStatus(forged, 403, 'log-in POST without a CSRF token');
      expectNoDebugInfo(forged, 'the CSRF failure page');

      // Sign up over HTTPS: the session cookie is Secure, HttpOnly and SameSite.
      const email = `prod-${Date.now()}@example.com`;
      const signupPage = await browser.get('/accounts/signup/', https);
      const signedUp = await browser.postForm(
        '/accounts/signup/',
        { csrfmiddlewaretoken: formToken(signupPage.text, 'csrfmiddlewaretoken'), email, name: 'Prod', password1: PASSWORD, password2: PASSWORD },
        { ...https, origin, referer: `${origin}/accounts/signup/` },
      );
      expectRedirect(signedUp, '/accounts/profile/', 'sign up over HTTPS');
      expectCookieFlags(setCookie(signedUp, 'sessionid', 'sign up'), { secure: true, httpOnly: true, sameSite: 'Lax' }, 'session cookie');
      expectStatus(await browser.get('/accounts/profile/', https), 200, 'profile with the session');

      // The stored hash is Django's default hasher (PBKDF2), as the production settings configure it.
      const { stdout } = await context.run([
        '.venv/bin/python', 'manage.py', 'shell', '-c',
        `from django.contrib.auth import get_user_model\nfrom django.contrib.auth.hashers import get_hasher\n` +
          `print("HASH", get_user_model().objects.get(email="${email}").password.split("$")[0], get_hasher().algorithm)`,
      ]);
      const [, stored, configured] = /^HASH (\S+) (\S+)$/m.exec(stdout) ?? [];
      assert.equal(configured, 'pbkdf2_sha256', `the production settings hash with Django's default hasher: ${stdout}`);
      assert.equal(stored, 'pbkdf2_sha256', `the stored password is a PBKDF2 hash: ${stdout}`);

      if (context.options.cache === 'redis') {
        const attacker = context.client();
        const page = await attacker.get('/accounts/login/', https);
        const token = formToken(page.text, 'csrfmiddlewaretoken');
        for (let attempt = 1; attempt <= 5; attempt++) {
          const response = await attacker.postForm('/accounts/login/', { csrfmiddlewaretoken: token, username: email, password: 'wrong' }, { ...https, origin, referer: `${origin}/accounts/login/` });
          expectStatus(response, 200, `production: wrong password #${attempt}`);
        }
        const locked = await attacker.postForm('/accounts/login/', { csrfmiddlewaretoken: token, username: email, password: PASSWORD }, { ...https, origin, referer: `${origin}/accounts/login/` });
        expectStatus(locked, 429, 'production: log in while locked out (counted in Redis across gunicorn workers)');
      }
    },
  },
};

export default checks;
