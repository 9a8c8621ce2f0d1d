/**
 * Unknown addresses of the public website answer its HTML 404 page (with a way back, and the staff
 * sign-in link every public page carries), while the API, open data, feeds and health checks keep
 * answering problem+json; the staff workspace keeps its own 404 page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, type TestApp } from '../helpers/app.ts';

describe('unknown addresses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('on the public site are an HTML page in the site’s layout, status 404', async () => {
    for (const url of ['/nope', '/meetings', '/boards/x/y/z?q=1', '/login/extra']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body).toContain('<h1 class="heading-l">Page not found</h1>');
      expect(res.body).toContain('href="/search"');
      expect(res.body).toContain('href="/login"');
      // No session cookie for an anonymous page.
      expect(res.headers['set-cookie'], url).toBeUndefined();
    }
  });

  it('keep problem+json for the API, open data, feeds, health and anything but GET', async () => {
    for (const url of ['/api/v1/nope', '/public/v1/nope', '/feeds/nope.ics', '/health/nope'])
      expectProblem(await t.app.inject({ method: 'GET', url }), 404);
    expectProblem(await t.app.inject({ method: 'POST', url: '/nope', payload: {} }), 404);
    // The pages' scripts' endpoints: JSON too (signed out, so 401 before anything else).
    expectProblem(await t.app.inject({ method: 'GET', url: '/staff/api/nope' }), 401);
  });

  it('under /staff are the workspace’s own 404 page (after sign-in)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/staff/nope' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/login/);
  });

  it('every public page links to staff sign-in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<a href="\/login">Staff sign in<\/a>/);
  });
});
