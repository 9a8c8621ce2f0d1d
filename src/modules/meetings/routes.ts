import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const meetingsRoutes: FastifyPluginAsyncZod = async () => {};
