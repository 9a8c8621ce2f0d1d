import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const boardsRoutes: FastifyPluginAsyncZod = async () => {};
