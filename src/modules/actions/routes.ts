import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const actionsRoutes: FastifyPluginAsyncZod = async () => {};
