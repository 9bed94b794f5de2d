// HTTP checks for a started Flask project (`flask run`, development config: CSRF is on),
// then the same project under the production config and gunicorn with the Dockerfile's
// three workers, behind a pretend TLS proxy (X-Forwarded-Proto: https, trusted through
// ProxyFix): no debug pages, secure session cookie, security headers, CSRF enforced, the
// log-in throttle, Werkzeug hashes; then attacked (parallel log-ins, anonymous writes,
// bad bodies, leaks) before the harness fuzzes its OpenAPI document.
import assert from 'node:assert/strict';
import { assertNoLeak, burst } from './attack.js';
import { expectStatus, formToken, type HttpClient, type HttpResponse } from './http.js';
import type { SmokeChecks, SmokeContext } from './types.js';

const PASSWORD = 'smoke-password-1';
// The JSON API's writes need `Authorization: Bearer <API_TOKEN>` (or a member's session).
const API_TOKEN = 'smoke-api-token-0123456789abcdefghijklmnop';
const BEARER = { authorization: `Bearer ${API_TOKEN}` };
// The log-in throttle's default (LOGIN_MAX_FAILURES).
const LOGIN_LIMIT = 5;
// gunicorn's worker processes, as in the Dockerfile (WEB_CONCURRENCY=3).
const WORKERS = '3';

const renderedAt = (html: string) => /id="rendered-at" datetime="([^"]+)"/.exec(html)?.[1];

/** POSTs a form, first fetching the page to take its CSRF token when the project has one. */
async function submitForm(
  client: HttpClient,
  path: string,
  fields: Record<string, string>,
  csrf: boolean,
  headers: Record<string, string> = {},
) {
  const page = await client.get(path, headers);
  expectStatus(page, 200, `GET ${path}`);
  return client.postForm(path, csrf ? { ...fields, csrf_token: formToken(page.text, 'csrf_token') } : fields, headers);
}

/** Registers a member and returns a client logged in as them. */
async function member(
  newClient: () => HttpClient,
  csrf: boolean,
  username: string,
  headers: (path: string) => Record<string, string> = () => ({}),
) {
  const client = newClient();
  const registered = await submitForm(
    client,
    '/register',
    { username, password: PASSWORD, confirm: PASSWORD },
    csrf,
    headers('/register'),
  );
  expectStatus(registered, 302, 'POST /register');
  assert.equal(registered.headers.get('location'), '/login');
  const loggedIn = await submitForm(
    client,
    '/login',
    { username, password: PASSWORD, remember: 'y' },
    csrf,
    headers('/login'),
  );
  expectStatus(loggedIn, 302, 'POST /login');
  return { client, loggedIn };
}

/** Lines of `redis-cli --scan` for a pattern, in the scenario's Redis database. */
async function redisKeys(context: SmokeContext, pattern: string): Promise<string[]> {
  const { stdout } = await context.run(['redis-cli', '-u', context.env.REDIS_URL!, '--scan', '--pattern', pattern]);
  return stdout.split('\n').filter(Boolean);
}

/** The stored password hash of a user, read from the database the server uses. */
async function storedHash(context: SmokeContext, username: string): Promise<string> {
  if (context.options.db === 'postgres') {
    const { stdout } = await context.run([
      'psql',
      context.env.DATABASE_URL!,
      '-tAc',
      `SELECT password_hash FROM users WHERE username = '${username}'`,
    ]);
    return stdout.trim();
  }
  // SQLite: ask the project itself, through its app and db (the sqlite3 CLI may be missing).
  const code = [
    'import sys',
    'from importlib import import_module',
    'from sqlalchemy import text',
    'from wsgi import app',
    'db = import_module(f"{app.import_name}.extensions").db',
    'with app.app_context():',
    '    query = text("SELECT password_hash FROM users WHERE username = :name")',
    '    print(db.session.scalar(query, {"name": sys.argv[1]}))',
  ].join('\n');
  const { stdout } = await context.run(['.venv/bin/python', '-c', code, username]);
  return stdout.trim();
}

/** Asserts Werkzeug's default method (scrypt; pbkdf2 where hashlib lacks scrypt). */
function expectWerkzeugHash(hash: string, what: string) {
  assert.match(
    hash,
    /^(scrypt:\d+:\d+:\d+|pbkdf2:sha256:\d+)\$[^$]+\$[0-9a-f]+$/,
    `${what}: a Werkzeug salted hash, got ${JSON.stringify(hash)}`,
  );
  assert.ok(!hash.includes(PASSWORD), `${what}: the password is not stored`);
}

/** The Set-Cookie line for `name`, asserting there is one. */
function setCookie(response: HttpResponse, name: string, what: string): string {
  const line = response.headers.getSetCookie().find((candidate) => candidate.startsWith(`${name}=`));
  assert.ok(line, `${what}: no Set-Cookie for ${name} (got ${JSON.stringify(response.headers.getSetCookie())})`);
  return line;
}

function expectSecureCookie(line: string, what: string) {
  const attributes = line
    .split(';')
    .slice(1)
    .map((part) => part.trim().toLowerCase());
  for (const flag of ['secure', 'httponly', 'samesite=lax'])
    assert.ok(attributes.includes(flag), `${what}: ${flag} expected: ${line}`);
}

/** What Werkzeug's debugger and tracebacks show and a production page must not. */
function expectNoDebugInfo(response: HttpResponse, what: string) {
  for (const marker of ['Traceback', 'Werkzeug Debugger', '__debugger__', 'File "', '.py", line']) {
    assert.ok(
      !response.text.includes(marker),
      `${what}: the page shows debug information (${marker}): ${response.text.slice(0, 500)}`,
    );
  }
}

function expectSecurityHeaders(response: HttpResponse, what: string) {
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff', `${what}: X-Content-Type-Options`);
  assert.equal(response.headers.get('x-frame-options'), 'DENY', `${what}: X-Frame-Options`);
  const policy = response.headers.get('content-security-policy') ?? '';
  assert.match(policy, /default-src 'self'/, `${what}: Content-Security-Policy`);
  assert.match(policy, /frame-ancestors 'none'/, `${what}: CSP frame-ancestors`);
}

const checks: SmokeChecks = {
  framework: 'flask',
  alsoOnHost: 'Flask on Python 3.11',
  env: { FLASK_CONFIG: 'development', API_TOKEN },
  versions: [
    {
      argv: [
        '.venv/bin/python',
        '-c',
        [
          'import sys',
          'from importlib.metadata import PackageNotFoundError, version',
          'names = "Flask Werkzeug Flask-SQLAlchemy SQLAlchemy Flask-Migrate alembic Flask-Login Flask-WTF WTForms Flask-Caching cachelib psycopg redis gunicorn jsonschema pytest ruff".split()',
          'def installed(name):',
          '    try:',
          '        return f"{name} {version(name)}"',
          '    except PackageNotFoundError:',
          '        return None',
          'print("Python " + sys.version.split()[0], *filter(None, map(installed, names)), sep=", ")',
        ].join('\n'),
      ],
    },
  ],
  async check(context) {
    const { client, options } = context;
    const csrf = options.csrf === true;
    const login = options.login === true;
    const visitor = client();

    const home = await visitor.get('/');
    expectStatus(home, 200, 'GET /');
    assert.match(home.text, /<title>Home · /, 'the home page uses the base layout');
    expectSecurityHeaders(home, 'GET / (development)');
    assert.equal(home.headers.get('strict-transport-security'), null, 'no HSTS over plain HTTP');

    // API: anonymous writes are refused; with the token: create, then the list shows it.
    const anonymous = await visitor.sendJson('POST', '/api/notes', { title: 'Anonymous' });
    expectStatus(anonymous, 401, 'POST /api/notes without credentials');
    assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Bearer/, '401 names the Bearer scheme');
    const created = await visitor.sendJson('POST', '/api/notes', { title: 'Smoke note', body: 'over HTTP' }, BEARER);
    expectStatus(created, 201, 'POST /api/notes with the API token');
    const note = created.json as { id: number; title: string };
    assert.equal(note.title, 'Smoke note');
    const list = await visitor.get('/api/notes');
    expectStatus(list, 200, 'GET /api/notes');
    assert.ok(
      (list.json as { notes: { id: number }[] }).notes.some((item) => item.id === note.id),
      'the list has the new note',
    );
    const missing = await visitor.get('/api/notes/999999');
    expectStatus(missing, 404, 'GET a missing note');
    assert.deepEqual(Object.keys(missing.json as object).sort(), ['error', 'message'], '404 answers JSON');
    expectStatus(await visitor.sendJson('POST', '/api/notes', { title: '' }, BEARER), 400, 'POST an invalid note');
    const document = await visitor.get('/api/openapi.json');
    expectStatus(document, 200, 'GET /api/openapi.json');
    assert.equal((document.json as { openapi: string }).openapi, '3.1.0');

    // The HTML form adds a note (with the page's CSRF token when CSRF is on); with
    // accounts, only for members.
    const writer = login ? (await member(client, csrf, `smokeform${Date.now()}`)).client : visitor;
    const added = await submitForm(writer, '/notes', { title: 'From the form' }, csrf);
    expectStatus(added, 302, 'POST /notes');
    assert.match((await writer.get('/notes')).text, /From the form/);
    if (login) {
      const stranger = client();
      const page = await stranger.get('/login');
      const fields: Record<string, string> = csrf
        ? { title: 'Anonymous', csrf_token: formToken(page.text, 'csrf_token') }
        : { title: 'Anonymous' };
      expectStatus(await stranger.postForm('/notes', fields), 401, 'POST /notes by a visitor who is not logged in');
    }

    if (csrf) {
      const forged = await client().postForm('/notes', { title: 'forged' });
      expectStatus(forged, 400, 'POST /notes without a CSRF token');
    }

    if (options.cache !== 'none') {
      const reader = client();
      const first = renderedAt((await reader.get('/')).text);
      assert.ok(first, 'the home page shows when it was rendered');
      assert.equal(renderedAt((await reader.get('/')).text), first, 'the second GET / is served from the cache');
      expectStatus(
        await reader.sendJson('POST', '/api/notes', { title: 'Invalidates' }, BEARER),
        201,
        'POST /api/notes',
      );
      const after = await reader.get('/');
      assert.notEqual(renderedAt(after.text), first, 'a new note clears the cached home page');
      assert.match(after.text, /Invalidates/);
    }

    if (options.cache === 'redis') {
      // The cached home page is a key in the scenario's Redis database (its name ends in
      // the notes' generation), with the 60 s timeout.
      expectStatus(await client().get('/'), 200, 'GET / to fill the cache');
      const keys = await redisKeys(context, '*main.index:*');
      assert.ok(keys.length > 0, `the cached home page is not in Redis at ${context.env.REDIS_URL}`);
      const ttl = Number(
        (await context.run(['redis-cli', '-u', context.env.REDIS_URL!, 'TTL', keys[0]!])).stdout.trim(),
      );
      assert.ok(ttl > 0 && ttl <= 60, `the cached page ${keys[0]} expires (TTL ${ttl})`);
    }

    if (login) {
      const username = `smoke${Date.now()}`;
      const { client: signedIn } = await member(client, csrf, username);
      const account = await signedIn.get('/account');
      expectStatus(account, 200, 'GET /account when logged in');
      assert.match(account.text, new RegExp(username));
      expectStatus(await client().get('/account'), 302, 'GET /account before logging in');

      // A member writes through the API with their session (and the CSRF token of the page).
      const meta = /<meta name="csrf-token" content="([^"]+)">/.exec(account.text)?.[1];
      assert.equal(Boolean(meta), csrf, 'the pages a member sees carry the CSRF token for scripts');
      const ownWrite = await signedIn.sendJson(
        'POST',
        '/api/notes',
        { title: 'By a member' },
        meta ? { 'x-csrftoken': meta } : {},
      );
      expectStatus(ownWrite, 201, "POST /api/notes with a member's session");
      if (csrf)
        expectStatus(
          await signedIn.sendJson('POST', '/api/notes', { title: 'Forged' }),
          400,
          "a member's session without the CSRF token",
        );

      // The logout button is a form in the layout; its token is the session's CSRF token.
      const logout = await signedIn.postForm(
        '/logout',
        csrf ? { csrf_token: formToken(account.text, 'csrf_token') } : {},
      );
      expectStatus(logout, 302, 'POST /logout');
      const afterLogout = await signedIn.get('/account');
      expectStatus(afterLogout, 302, 'GET /account after logging out');
      assert.match(afterLogout.headers.get('location') ?? '', /^\/login\?next=/, 'redirects to the login page');

      expectWerkzeugHash(await storedHash(context, username), 'the stored password');
      const taken = await submitForm(
        client(),
        '/register',
        { username: username.toUpperCase(), password: PASSWORD, confirm: PASSWORD },
        csrf,
      );
      expectStatus(taken, 200, 'registering the same username in capitals');
      assert.match(taken.text, /That username is taken\./);

      // Five wrong passwords for this account from this client: then 429, even for the right one.
      const attacker = client();
      for (let attempt = 1; attempt <= LOGIN_LIMIT; attempt++) {
        const wrong = await submitForm(attacker, '/login', { username, password: 'wrong-password' }, csrf);
        expectStatus(wrong, 200, `wrong password #${attempt}`);
      }
      const locked = await submitForm(attacker, '/login', { username, password: PASSWORD }, csrf);
      expectStatus(locked, 429, 'log in after five failures');
      assert.ok(Number(locked.headers.get('retry-after')) > 0, 'a 429 says when to retry');
    }
  },

  production: {
    env: { FLASK_CONFIG: 'production' },
    prepare: [{ argv: ['.venv/bin/flask', 'init-db'] }],
    start: { argv: ['.venv/bin/gunicorn', 'wsgi:app', '--bind', '127.0.0.1:{port}', '--workers', WORKERS] },
    async check(context) {
      const { options } = context;
      const csrf = options.csrf === true;
      const login = options.login === true;
      const origin = `https://${new URL(context.baseUrl).host}`;
      // What a TLS-terminating proxy adds (ProxyFix trusts one proxy in production); the
      // Referer is what a browser sends, and Flask-WTF checks it on HTTPS.
      const https = { 'x-forwarded-proto': 'https' };
      const headers = (path: string) => ({ ...https, referer: `${origin}${path}` });
      const browser = context.client();

      const plain = await browser.get('/');
      expectStatus(plain, 200, 'GET / over plain HTTP');
      assert.equal(plain.headers.get('strict-transport-security'), null, 'no HSTS over plain HTTP');
      const home = await browser.get('/', https);
      expectStatus(home, 200, 'GET / over HTTPS');
      expectSecurityHeaders(home, 'GET / (production)');
      assert.match(home.headers.get('strict-transport-security') ?? '', /^max-age=\d+/, 'HSTS over HTTPS');

      const missing = await browser.get('/no-such-page', https);
      expectStatus(missing, 404, 'an unknown URL');
      expectNoDebugInfo(missing, 'the 404 page');
      expectSecurityHeaders(missing, 'the 404 page');
      const apiMissing = await browser.get('/api/notes/999999', https);
      expectStatus(apiMissing, 404, 'a missing note');
      expectNoDebugInfo(apiMissing, 'the API 404');
      const badJson = await browser.request('POST', '/api/notes', {
        body: '{"title": ',
        headers: { ...https, ...BEARER, 'content-type': 'application/json' },
      });
      expectStatus(badJson, 400, 'broken JSON');
      expectNoDebugInfo(badJson, 'the API 400');

      if (csrf) {
        const formPath = login ? '/login' : '/notes';
        const fields: Record<string, string> = login
          ? { username: 'nobody', password: 'whatever' }
          : { title: 'forged' };
        const forged = await context.client().postForm(formPath, fields, headers(formPath));
        expectStatus(forged, 400, `POST ${formPath} without a CSRF token`);
        expectNoDebugInfo(forged, 'the CSRF failure page');
      }

      // A form POST over HTTPS: the session cookie is Secure, HttpOnly, SameSite.
      let writer = browser;
      if (login) {
        const username = `prod${Date.now()}`;
        const signedIn = await member(context.client, csrf, username, headers);
        expectSecureCookie(setCookie(signedIn.loggedIn, 'session', 'log in'), 'the session cookie after logging in');
        expectSecureCookie(
          setCookie(signedIn.loggedIn, 'remember_token', 'log in with "keep me logged in"'),
          'the remember-me cookie',
        );
        expectStatus(await signedIn.client.get('/account', https), 200, 'GET /account when logged in');
        expectWerkzeugHash(await storedHash(context, username), 'the stored password (production)');
        writer = signedIn.client;
      }
      const added = await submitForm(writer, '/notes', { title: 'In production' }, csrf, headers('/notes'));
      expectStatus(added, 302, 'POST /notes over HTTPS');
      expectSecureCookie(setCookie(added, 'session', 'POST /notes'), 'the session cookie');
    },

    attack: {
      openapi: '/api/openapi.json',
      // Every scenario: the API's writes need the token (or, with accounts, a member).
      writesNeedAuth: true,
      auth: async () => BEARER,
      async check(context) {
        const { options } = context;
        const csrf = options.csrf === true;
        const https = { 'x-forwarded-proto': 'https' };
        const origin = `https://${new URL(context.baseUrl).host}`;
        const headers = (path: string) => ({ ...https, referer: `${origin}${path}` });
        const needles: string[] = [API_TOKEN, PASSWORD];

        const target = await context
          .client()
          .sendJson('POST', '/api/notes', { title: 'Target', body: 'unchanged' }, BEARER);
        expectStatus(target, 201, 'POST /api/notes with the token');
        const note = target.json as { id: number };
        const notePath = `/api/notes/${note.id}`;
        const before = (await context.client().get(notePath)).text;
        for (const [method, path] of [
          ['POST', '/api/notes'],
          ['PUT', notePath],
          ['PATCH', notePath],
          ['DELETE', notePath],
        ] as const) {
          const forged = await context
            .client()
            .sendJson(method, path, { title: 'Defaced' }, { ...https, authorization: 'Bearer guessed-token' });
          expectStatus(forged, 401, `${method} ${path} with a wrong token`);
        }
        assert.equal(
          (await context.client().get(notePath)).text,
          before,
          'the note is unchanged after the refused writes',
        );

        // Bodies: not JSON, broken JSON, oversized; for the API and for a form.
        const sendRaw = (path: string, body: string, type: string) =>
          context.client().request('POST', path, { body, headers: { ...https, ...BEARER, 'content-type': type } });
        expectStatus(
          await sendRaw('/api/notes', 'title=form', 'application/x-www-form-urlencoded'),
          415,
          'a form body to the JSON API',
        );
        expectStatus(await sendRaw('/api/notes', '{"title": [', 'application/json'), 400, 'broken JSON');
        expectStatus(
          await sendRaw(
            '/api/notes',
            JSON.stringify({ title: 'big', body: 'x'.repeat(1024 * 1024) }),
            'application/json',
          ),
          413,
          'a 1 MB JSON body',
        );
        expectStatus(
          await sendRaw('/api/notes', '{"title": "nul\\u0000"}', 'application/json'),
          400,
          'a NUL character',
        );
        expectStatus(await sendRaw('/api/notes', '{"title": "\\ud800"}', 'application/json'), 400, 'a lone surrogate');
        expectStatus(
          await context.client().get('/api/notes/99999999999999999999'),
          404,
          'an id past the integer range',
        );
        const bigForm = await context
          .client()
          .postForm('/notes', { title: 'x'.repeat(1024 * 1024) }, headers('/notes'));
        assert.ok(bigForm.status >= 400 && bigForm.status < 500, `a 1 MB form: expected 4xx, got ${bigForm.status}`);

        if (options.login === true) {
          const victim = `victim${Date.now()}`;
          await member(context.client, csrf, victim, headers);
          const hash = await storedHash(context, victim);
          needles.push(hash, victim);

          // A visitor (with a valid CSRF token) cannot post the notes form.
          const stranger = context.client();
          const page = await stranger.get('/login', https);
          const fields: Record<string, string> = csrf
            ? { title: 'Anonymous', csrf_token: formToken(page.text, 'csrf_token') }
            : { title: 'Anonymous' };
          expectStatus(await stranger.postForm('/notes', fields, headers('/notes')), 401, 'POST /notes by a visitor');

          // 40 wrong guesses at once, one session, against three workers: the throttle
          // counts every attempt before its password is checked, in the database, so at
          // most LOGIN_LIMIT of them get an answer other than 429.
          const attacker = context.client();
          const loginPage = await attacker.get('/login', https);
          const token: Record<string, string> = csrf ? { csrf_token: formToken(loginPage.text, 'csrf_token') } : {};
          const started = Date.now();
          const answers = await burst(40, (index) =>
            attacker.postForm('/login', { ...token, username: victim, password: `guess-${index}` }, headers('/login')),
          );
          const statuses = answers.map((answer) => answer.status);
          const checked = statuses.filter((status) => status !== 429);
          assert.ok(
            checked.length <= LOGIN_LIMIT,
            `40 parallel wrong log-ins: ${checked.length} were not refused (limit ${LOGIN_LIMIT}): ${statuses.join(' ')}`,
          );
          assert.ok(
            checked.every((status) => status === 200),
            `the checked guesses answer the log-in page again: ${statuses.join(' ')}`,
          );
          const right = await attacker.postForm(
            '/login',
            { ...token, username: victim, password: PASSWORD },
            headers('/login'),
          );
          expectStatus(right, 429, 'the right password while locked out');
          process.stderr.write(
            `[attack] flask: 40 parallel wrong log-ins → ${checked.length} checked, ${statuses.length - checked.length} × 429 in ${Date.now() - started} ms\n`,
          );

          // An unknown user: the same page as a wrong password.
          const unknown = await submitForm(
            context.client(),
            '/login',
            { username: `nobody${Date.now()}`, password: 'guess' },
            csrf,
            headers('/login'),
          );
          expectStatus(unknown, 200, 'log in as an unknown user');
          assert.match(unknown.text, /Wrong username or password\./);
          expectStatus(await context.client().get('/account', https), 302, 'GET /account anonymously');
        }

        // Nothing private in what anyone can read.
        const pages = [
          '/',
          '/notes',
          '/api/notes',
          notePath,
          '/api/openapi.json',
          ...(options.login === true ? ['/login', '/register'] : []),
        ];
        for (const path of pages) {
          const response = await context.client().get(path, https);
          expectStatus(response, 200, `GET ${path}`);
          assertNoLeak(response.text, needles, `GET ${path}`);
          assert.ok(
            !response.headers.getSetCookie().some((line) => line.includes(API_TOKEN)),
            `GET ${path}: no token in a cookie`,
          );
        }
      },
    },
  },
};

export default checks;
