import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const questionsRoutes: FastifyPluginAsyncZod = async () => {};
