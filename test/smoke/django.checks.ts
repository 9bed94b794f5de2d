// Django over real HTTP: the account flows with the session cookie and CSRF token a
// browser would carry, the JSON API, the login lockout and the admin; with --db postgres
// the accounts land in PostgreSQL, with --cache redis the lockout counters in Redis.
// Then the same project under the production settings and gunicorn, behind a pretend
// TLS proxy (X-Forwarded-Proto: https): no debug pages, secure cookies, security
// headers (CSP among them), CSRF enforced (JSON answers on the API), passwords hashed with
// Django's default hasher. Then the attack stage: 40 parallel wrong log-ins across the
// gunicorn workers gunicorn.conf.py starts, each visitor counted apart behind the proxy,
// anonymous writes, oversized bodies, leaks, and a timing probe for unknown addresses.
import assert from 'node:assert/strict';
import { assertNoLeak, burst } from './attack.js';
import { expectStatus, formToken, HttpClient, type HttpResponse } from './http.js';
import type { SmokeChecks, SmokeContext } from './types.js';

const PASSWORD = 'smoke-test-passphrase-42';
/** LOGIN_FAILURE_LIMIT's default in config/settings/base.py. */
const LOGIN_FAILURE_LIMIT = 5;
/** What the TLS-terminating proxy adds; production.py trusts it (SECURE_PROXY_SSL_HEADER). */
const HTTPS = { 'x-forwarded-proto': 'https' };
const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** A client whose every request comes through the TLS proxy, as in a deployment. */
const behindTlsProxy = (baseUrl: string) => new HttpClient(baseUrl, HTTPS);

/** What a browser on the HTTPS site sends with a form or an API write: Origin and Referer. */
function sameOrigin(context: SmokeContext, path: string): Record<string, string> {
  const origin = `https://${new URL(context.baseUrl).host}`;
  return { origin, referer: `${origin}${path}` };
}

/** Signs up a new account over HTTPS and returns its logged-in client. */
async function signUp(context: SmokeContext, email: string): Promise<HttpClient> {
  const browser = behindTlsProxy(context.baseUrl);
  const page = await browser.get('/accounts/signup/');
  const token = formToken(page.text, 'csrfmiddlewaretoken');
  const fields = { csrfmiddlewaretoken: token, email, name: 'Attack', password1: PASSWORD, password2: PASSWORD };
  expectRedirect(
    await browser.postForm('/accounts/signup/', fields, sameOrigin(context, '/accounts/signup/')),
    '/accounts/profile/',
    `sign up ${email}`,
  );
  return browser;
}

/** POSTs the log-in form as `client` (which holds the page's CSRF cookie) with `token`. */
function logIn(
  context: SmokeContext,
  client: HttpClient,
  token: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
) {
  return client.postForm(
    '/accounts/login/',
    { csrfmiddlewaretoken: token, username: email, password },
    { ...sameOrigin(context, '/accounts/login/'), ...headers },
  );
}

/** A fresh client behind the proxy, with the log-in page's CSRF token. */
async function loginPage(context: SmokeContext, headers: Record<string, string> = {}) {
  const client = behindTlsProxy(context.baseUrl);
  const page = await client.get('/accounts/login/', headers);
  expectStatus(page, 200, 'log-in page');
  return { client, token: formToken(page.text, 'csrfmiddlewaretoken') };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

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

function expectCookieFlags(
  line: string,
  flags: { secure: boolean; httpOnly: boolean; sameSite: string },
  what: string,
) {
  const attributes = line
    .split(';')
    .slice(1)
    .map((part) => part.trim().toLowerCase());
  assert.equal(attributes.includes('secure'), flags.secure, `${what}: Secure should be ${flags.secure}: ${line}`);
  assert.equal(
    attributes.includes('httponly'),
    flags.httpOnly,
    `${what}: HttpOnly should be ${flags.httpOnly}: ${line}`,
  );
  assert.ok(
    attributes.includes(`samesite=${flags.sameSite.toLowerCase()}`),
    `${what}: SameSite=${flags.sameSite} expected: ${line}`,
  );
}

/** What Django's debug pages show and a production page must not. */
function expectNoDebugInfo(response: HttpResponse, what: string) {
  for (const marker of [
    'Traceback',
    'DEBUG = True',
    'URLconf',
    'settings.py',
    'DJANGO_SETTINGS_MODULE',
    'CSRF_FAILURE_VIEW',
  ]) {
    assert.ok(
      !response.text.includes(marker),
      `${what}: the page shows debug information (${marker}): ${response.text.slice(0, 500)}`,
    );
  }
}

async function expectLockoutInRedis(context: SmokeContext) {
  const { stdout } = await context.run([
    'redis-cli',
    '-u',
    context.env.REDIS_URL!,
    '--scan',
    '--pattern',
    '*login-failures:*',
  ]);
  const keys = stdout.split('\n').filter(Boolean);
  assert.ok(keys.length > 0, `no lockout counter in Redis at ${context.env.REDIS_URL}`);
  const ttl = Number((await context.run(['redis-cli', '-u', context.env.REDIS_URL!, 'TTL', keys[0]!])).stdout.trim());
  assert.ok(ttl > 0 && ttl <= 15 * 60, `the lockout counter ${keys[0]} expires in the lockout window (TTL ${ttl})`);
}

/** The project's test suite leaves the developer's Redis database alone (no FLUSHDB). */
async function expectTestsKeepTheDevelopersRedis(context: SmokeContext) {
  const redis = (...args: string[]) => context.run(['redis-cli', '-u', context.env.REDIS_URL!, ...args]);
  const sentinel = `developer-key-${Date.now()}`;
  await redis('SET', sentinel, 'kept', 'EX', '600');
  await context.run(['.venv/bin/python', '-m', 'pytest', '-q', '-p', 'no:cacheprovider']);
  assert.equal(
    (await redis('GET', sentinel)).stdout.trim(),
    'kept',
    `the test suite deleted ${sentinel} from ${context.env.REDIS_URL}`,
  );
  await expectLockoutInRedis(context); // the development server's counters survive too
  await redis('DEL', sentinel);
}

async function expectAccountInPostgres(context: SmokeContext, email: string) {
  const { stdout } = await context.run([
    'psql',
    context.env.DATABASE_URL!,
    '-tAc',
    `SELECT email FROM accounts_user WHERE email = '${email}'`,
  ]);
  assert.equal(stdout.trim(), email, 'the account is a row in PostgreSQL');
}

function expectRedirect(response: { status: number; headers: Headers; text: string }, location: string, what: string) {
  expectStatus(response, 302, what);
  assert.equal(response.headers.get('location'), location, `${what}: redirect target`);
}

const checks: SmokeChecks = {
  framework: 'django',
  // Django 6 needs Python 3.12; the host's Python 3.11 gets the 5.2 LTS the ranges admit.
  alsoOnHost: 'Django 5.2 LTS on Python 3.11',
  versions: [
    {
      argv: [
        '.venv/bin/python',
        '-c',
        'import sys, importlib.metadata as m; print("Python", sys.version.split()[0]); ' +
          'print(", ".join(f"{p} {m.version(p)}" for p in ["Django", "django-environ", "whitenoise", "gunicorn", "pytest", "pytest-django", "ruff"]))',
      ],
    },
  ],
  // The development settings, as `manage.py runserver` picks by default.
  env: { DJANGO_SETTINGS_MODULE: 'config.settings.development' },
  async check(context) {
    const { client: newClient } = context;
    const browser = newClient();
    const email = `smoke-${Date.now()}@example.com`;

    const signedUp = await submitForm(browser, '/accounts/signup/', {
      email,
      name: 'Smoke',
      password1: PASSWORD,
      password2: PASSWORD,
    });
    expectRedirect(signedUp, '/accounts/profile/', 'sign up');

    expectRedirect(await submitForm(browser, '/accounts/logout/', {}, '/accounts/profile/'), '/', 'log out');
    expectRedirect(
      await browser.get('/accounts/profile/'),
      '/accounts/login/?next=/accounts/profile/',
      'profile after logout',
    );

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
    expectRedirect(
      await browser.get('/accounts/profile/'),
      '/accounts/login/?next=/accounts/profile/',
      'profile after the second logout',
    );
    expectStatus(await browser.get('/api/me/'), 401, 'GET /api/me/ after logout');
    expectStatus(await newClient().get('/api/me/'), 401, 'GET /api/me/ anonymous');

    // Five wrong passwords lock this address out from this IP, even for the right one.
    const attacker = newClient();
    for (let attempt = 1; attempt <= 5; attempt++) {
      expectStatus(
        await submitForm(attacker, '/accounts/login/', { username: email, password: 'wrong' }),
        200,
        `wrong password #${attempt}`,
      );
    }
    expectStatus(
      await submitForm(attacker, '/accounts/login/', { username: email, password: PASSWORD }),
      429,
      'log in while locked out',
    );

    const adminLogin = await newClient().get('/admin/login/');
    expectStatus(adminLogin, 200, 'admin login page');
    assert.ok(adminLogin.text.includes('csrfmiddlewaretoken'), 'the admin login page has its form');

    if (context.options.cache === 'redis') {
      await expectLockoutInRedis(context);
      await expectTestsKeepTheDevelopersRedis(context);
    }
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
    // As the Dockerfile starts it: workers and threads from gunicorn.conf.py.
    start: { argv: ['.venv/bin/gunicorn', 'config.wsgi', '--bind', '127.0.0.1:{port}'] },
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
      assert.equal(home.headers.get('content-security-policy'), POLICY, 'the Content-Security-Policy');

      const missing = await browser.get('/no-such-page/', https);
      expectStatus(missing, 404, 'unknown URL');
      assert.ok(missing.text.includes('Page not found'), "the site's own 404 page");
      expectNoDebugInfo(missing, 'the 404 page');

      // The CSRF cookie: Secure and SameSite; not HttpOnly by choice (the API's JavaScript reads it).
      const loginPage = await browser.get('/accounts/login/', https);
      expectStatus(loginPage, 200, 'log-in page');
      expectCookieFlags(
        setCookie(loginPage, 'csrftoken', 'log-in page'),
        { secure: true, httpOnly: false, sameSite: 'Lax' },
        'csrftoken cookie',
      );

      // A log-in POST without the form's token is refused, even with the cookie.
      const forged = await browser.postForm(
        '/accounts/login/',
        { username: 'x@example.com', password: 'whatever' },
        { ...https, origin, referer: `${origin}/accounts/login/` },
      );
      expectStatus(forged, 403, 'log-in POST without a CSRF token');
      expectNoDebugInfo(forged, 'the CSRF failure page');
      assert.match(
        forged.headers.get('content-type') ?? '',
        /^text\/html/,
        'a page answers a CSRF failure with a page',
      );
      const forgedApi = await browser.sendJson('PATCH', '/api/me/', { name: 'x' }, { ...https, origin });
      expectStatus(forgedApi, 403, 'API write without a CSRF token');
      assert.match(
        (forgedApi.json as { error?: string } | undefined)?.error ?? '',
        /^CSRF verification failed/,
        `the API answers a CSRF failure with JSON: ${forgedApi.text.slice(0, 200)}`,
      );

      // Sign up over HTTPS: the session cookie is Secure, HttpOnly and SameSite.
      const email = `prod-${Date.now()}@example.com`;
      const signupPage = await browser.get('/accounts/signup/', https);
      const signedUp = await browser.postForm(
        '/accounts/signup/',
        {
          csrfmiddlewaretoken: formToken(signupPage.text, 'csrfmiddlewaretoken'),
          email,
          name: 'Prod',
          password1: PASSWORD,
          password2: PASSWORD,
        },
        { ...https, origin, referer: `${origin}/accounts/signup/` },
      );
      expectRedirect(signedUp, '/accounts/profile/', 'sign up over HTTPS');
      expectCookieFlags(
        setCookie(signedUp, 'sessionid', 'sign up'),
        { secure: true, httpOnly: true, sameSite: 'Lax' },
        'session cookie',
      );
      expectStatus(await browser.get('/accounts/profile/', https), 200, 'profile with the session');

      // The stored hash is Django's default hasher (PBKDF2), as the production settings configure it.
      const { stdout } = await context.run([
        '.venv/bin/python',
        'manage.py',
        'shell',
        '-c',
        `from django.contrib.auth import get_user_model\nfrom django.contrib.auth.hashers import get_hasher\n` +
          `print("HASH", get_user_model().objects.get(email="${email}").password.split("$")[0], get_hasher().algorithm)`,
      ]);
      const [, stored, configured] = /^HASH (\S+) (\S+)$/m.exec(stdout) ?? [];
      assert.equal(configured, 'pbkdf2_sha256', `the production settings hash with Django's default hasher: ${stdout}`);
      assert.equal(stored, 'pbkdf2_sha256', `the stored password is a PBKDF2 hash: ${stdout}`);
    },

    attack: {
      openapi: '/api/openapi.json',
      writesNeedAuth: true,
      headers: HTTPS,
      async auth(context) {
        // A logged-in session and its CSRF token, sent the way the site's own pages would.
        const browser = await signUp(context, `fuzz-${Date.now()}@example.com`);
        const csrfToken = browser.cookies.get('csrftoken');
        assert.ok(csrfToken, 'the csrftoken cookie is set after sign-up');
        return {
          ...HTTPS,
          ...sameOrigin(context, '/accounts/profile/'),
          cookie: [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
          'x-csrftoken': csrfToken,
        };
      },
      async check(context) {
        // Every request of the attack stage comes through the TLS proxy the production
        // settings assume (without it, each one is redirected to HTTPS); the harness's own
        // attacks send `headers` for the same reason.
        context.client = () => behindTlsProxy(context.baseUrl);
        const victimEmail = `victim-${Date.now()}@example.com`;
        const victim = await signUp(context, victimEmail);

        // 40 wrong log-ins at once, spread over every gunicorn worker and thread: the
        // count is taken before the password check, so at most the limit get one.
        const attacker = await loginPage(context);
        const answers = await burst(40, (i) =>
          logIn(context, attacker.client, attacker.token, victimEmail, `wrong-${i}`),
        );
        const statuses = answers.map((answer) => answer.status);
        assert.ok(
          statuses.every((status) => status === 200 || status === 429),
          `burst answers: ${statuses.join(' ')}`,
        );
        const checked = statuses.filter((status) => status !== 429).length;
        assert.ok(
          checked <= LOGIN_FAILURE_LIMIT,
          `40 parallel wrong log-ins: ${checked} were not refused (limit ${LOGIN_FAILURE_LIMIT}): ${statuses.join(' ')}`,
        );
        expectStatus(
          await logIn(context, attacker.client, attacker.token, victimEmail, PASSWORD),
          429,
          'the right password from the locked-out client',
        );
        process.stderr.write(
          `[attack] django: 40 parallel wrong log-ins, ${checked} checked, ${40 - checked} refused with 429\n`,
        );

        // Behind the proxy each visitor is its own client: the lockout above, all from one
        // address, does not lock the victim out from theirs.
        const elsewhere = { 'x-forwarded-for': '198.51.100.7' };
        const fromHome = await loginPage(context, elsewhere);
        expectRedirect(
          await logIn(context, fromHome.client, fromHome.token, victimEmail, PASSWORD, elsewhere),
          '/accounts/profile/',
          'the victim logs in from another address',
        );

        // No user enumeration by timing: a wrong password for an unknown address costs
        // about as long as for a known one (both run one PBKDF2 hash).
        const timed = async (email: string, number: number) => {
          const from = { 'x-forwarded-for': `203.0.113.${number}` };
          const { client, token } = await loginPage(context, from);
          const started = performance.now();
          expectStatus(
            await logIn(context, client, token, email, 'wrong-password', from),
            200,
            `wrong log-in for ${email}`,
          );
          return performance.now() - started;
        };
        const known: number[] = [];
        const unknown: number[] = [];
        for (let i = 0; i < 4; i++) {
          known.push(await timed(victimEmail, 10 + i));
          unknown.push(await timed(`nobody-${i}-${Date.now()}@example.com`, 20 + i));
        }
        process.stderr.write(
          `[attack] django: a wrong log-in takes ${median(known).toFixed(0)} ms for a known address, ${median(unknown).toFixed(0)} ms for an unknown one\n`,
        );
        assert.ok(
          median(unknown) > 0.5 * median(known),
          `unknown addresses answer in ${median(unknown).toFixed(0)} ms, known ones in ${median(known).toFixed(0)} ms`,
        );

        // Anonymous writes: the API refuses them (the harness sends them without a CSRF
        // token; here with one), the account pages send them to the log-in page.
        const anonymous = await loginPage(context);
        const anonymousPatch = await anonymous.client.sendJson(
          'PATCH',
          '/api/me/',
          { name: 'Mallory' },
          { ...sameOrigin(context, '/'), 'x-csrftoken': anonymous.token },
        );
        expectStatus(anonymousPatch, 401, 'anonymous PATCH /api/me/ with a CSRF token');
        for (const path of ['/accounts/profile/', '/accounts/password/change/']) {
          const response = await anonymous.client.postForm(
            path,
            { csrfmiddlewaretoken: anonymous.token, name: 'Mallory', new_password1: 'x', new_password2: 'x' },
            sameOrigin(context, path),
          );
          expectRedirect(response, `/accounts/login/?next=${path}`, `anonymous POST ${path}`);
        }
        const victimData = (await victim.get('/api/me/')).json as { name: string };
        assert.equal(victimData.name, 'Attack', 'no anonymous write changed the account');

        // Oversized and malformed bodies on the forms: 4xx, never a 5xx or a debug page.
        const bodies: [string, string, string][] = [
          [
            'a 3 MB log-in form',
            'application/x-www-form-urlencoded',
            `csrfmiddlewaretoken=${anonymous.token}&username=${'x'.repeat(3 * 1024 * 1024)}`,
          ],
          [
            'a log-in form of 2,000 fields',
            'application/x-www-form-urlencoded',
            Array.from({ length: 2000 }, (_, i) => `f${i}=1`).join('&'),
          ],
          [
            'a malformed multipart body',
            'multipart/form-data; boundary=nope',
            '--nope\r\nContent-Disposition: form-data; name="username"\r\n\r\nunterminated',
          ],
        ];
        for (const [what, contentType, body] of bodies) {
          const response = await anonymous.client.request('POST', '/accounts/login/', {
            body,
            headers: { 'content-type': contentType, ...sameOrigin(context, '/accounts/login/') },
          });
          assert.ok(response.status >= 400 && response.status < 500, `${what}: expected 4xx, got ${response.status}`);
          expectNoDebugInfo(response, what);
        }

        // Nobody else's email address, and no password hash, in anything public or in
        // another user's view.
        const stranger = await signUp(context, `stranger-${Date.now()}@example.com`);
        const publicPages = [
          '/',
          '/accounts/login/',
          '/accounts/signup/',
          '/accounts/password/reset/',
          '/api/me/',
          '/api/openapi.json',
          '/admin/login/',
          '/no-such-page/',
        ];
        for (const path of publicPages)
          assertNoLeak((await behindTlsProxy(context.baseUrl).get(path)).text, [victimEmail], `anonymous GET ${path}`);
        for (const path of ['/', '/accounts/profile/', '/api/me/', '/admin/'])
          assertNoLeak((await stranger.get(path)).text, [victimEmail], `another user's GET ${path}`);
      },
    },
  },
};

export default checks;
