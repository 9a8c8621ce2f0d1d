/** Why this file exists: the Atom and iCalendar feeds under /feeds. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chainHeads } from '../../modules/publication/chain.ts';
import {
  atomFeed,
  atomLastModified,
  icsFeed,
  icsLastModified,
  publicationEntries,
  upcomingMeetings,
} from '../feeds.ts';
import { baseUrlOf, type PublicDataOptions, registerPublicCaching, setLastModified } from './caching.ts';

export const feedRoutes: FastifyPluginAsyncZod<PublicDataOptions> = async (app, opts) => {
  registerPublicCaching(app);
  app.get(
    '/publications.atom',
    {
      schema: {
        tags: ['feeds'],
        summary: 'Atom feed: agendas, notes (and corrections) and decisions as published',
        response: {
          200: { description: 'Atom 1.0', content: { 'application/atom+xml': { schema: z.string() } } },
        },
      },
    },
    async (request, reply) => {
      const entries = await publicationEntries(request.ctx().db);
      const heads = await chainHeads(request.ctx().db);
      return setLastModified(reply, atomLastModified(entries))
        .type('application/atom+xml; charset=utf-8')
        .send(atomFeed(baseUrlOf(request, opts.baseUrl), entries, heads));
    },
  );
  app.get(
    '/meetings.ics',
    {
      schema: {
        tags: ['feeds'],
        summary: 'iCalendar feed of upcoming public meetings (date, time in Europe/London, place)',
        response: {
          200: { description: 'iCalendar (RFC 5545)', content: { 'text/calendar': { schema: z.string() } } },
        },
      },
    },
    async (request, reply) => {
      const base = baseUrlOf(request, opts.baseUrl);
      const { db } = request.ctx();
      const now = new Date();
      const meetings = await upcomingMeetings(db, now);
      return setLastModified(reply, await icsLastModified(db, meetings, now))
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="meetings.ics"')
        .send(icsFeed(base, new URL(base).hostname, meetings));
    },
  );
};
