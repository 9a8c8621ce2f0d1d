/**
 * /staff: every workspace, each in its own scope with its guard, so a refused visitor gets the 403
 * page before anything is loaded. Unknown /staff addresses get the 404 page.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound, sendErrorPage } from '../errors.ts';
import { membersOnly, officersOnly, secretariatOnly, signedIn } from './access.ts';
import { actionLogRoutes } from './action-log-routes.ts';
import { actionRoutes } from './action-routes.ts';
import { auditRoutes } from './audit-routes.ts';
import { boardRoutes } from './board-routes.ts';
import { complianceRoutes } from './compliance-routes.ts';
import { decisionRoutes } from './decision-routes.ts';
import { directoryRoutes } from './directory-routes.ts';
import { documentsRoutes } from './documents-routes.ts';
import { draftApiRoutes } from './draft-api.ts';
import { draftQuestionRoutes } from './draft-question-routes.ts';
import { draftRoutes } from './draft-routes.ts';
import { homeRoutes } from './home-routes.ts';
import { meetingRoutes } from './meeting-routes.ts';
import { memberRoutes } from './member-routes.ts';
import { myActionsRoutes } from './my-actions-routes.ts';
import { publicationRoutes } from './publication-routes.ts';
import { userRoutes } from './user-routes.ts';

export interface StaffRoutesOptions {
  protectiveMarking: string;
}

export const staffRoutes: FastifyPluginAsync<StaffRoutesOptions> = async (root, opts) => {
  // Type providers do not carry into child plugins: re-applied here for every staff route.
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.setNotFoundHandler(async (request, reply) => {
    signedIn(request);
    return sendErrorPage(reply, notFound());
  });

  await app.register(homeRoutes);
  // Actions are shared: each page checks that the caller is the board's secretariat or the owner.
  await app.register(async (scope) => {
    scope.addHook('preHandler', async (request) => {
      signedIn(request);
    });
    await scope.register(actionRoutes);
  });
  await app.register(async (secretariat) => {
    secretariat.addHook('preHandler', secretariatOnly);
    await secretariat.register(boardRoutes);
    await secretariat.register(meetingRoutes);
    await secretariat.register(publicationRoutes, { protectiveMarking: opts.protectiveMarking });
    await secretariat.register(draftRoutes);
    await secretariat.register(draftQuestionRoutes);
    await secretariat.register(documentsRoutes);
    await secretariat.register(actionLogRoutes);
    await secretariat.register(complianceRoutes);
    await secretariat.register(decisionRoutes);
    await secretariat.register(directoryRoutes);
    await secretariat.register(auditRoutes);
  });
  await app.register(userRoutes); // admins only: its own guard
  await app.register(draftApiRoutes, { prefix: '/api' });
  await app.register(async (officers) => {
    officers.addHook('preHandler', officersOnly);
    await officers.register(myActionsRoutes);
  });
  await app.register(async (members) => {
    members.addHook('preHandler', membersOnly);
    await members.register(memberRoutes);
  });
};
