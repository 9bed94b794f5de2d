// Django over real HTTP: the account flows with the session cookie and CSRF token a
// browser would carry, the JSON API, the login lockout and the admin.
import assert from 'node:assert/strict';
import { expectStatus, formToken, type HttpClient } from './http.js';
import type { SmokeChecks } from './types.js';

const PASSWORD = 'smoke-test-passphrase-42';

/** GETs a page holding a form and POSTs the form with the page's CSRF token. */
async function submitForm(client: HttpClient, path: string, fields: Record<string, string>, formPage = path) {
  const page = await client.get(formPage);
  expectStatus(page, 200, `GET ${formPage}`);
  return client.postForm(path, { csrfmiddlewaretoken: formToken(page.text, 'csrfmiddlewaretoken'), ...fields });
}

function expectRedirect(response: { status: number; headers: Headers; text: string }, location: string, what: string) {
  expectStatus(response, 302, what);
  assert.equal(response.headers.get('location'), location, `${what}: redirect target`);
}

const checks: SmokeChecks = {
  framework: 'django',
  // The development settings, as `manage.py runserver` picks by default.
  env: { DJANGO_SETTINGS_MODULE: 'config.settings.development' },
  async check({ client: newClient }) {
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
  },
};

export default checks;
