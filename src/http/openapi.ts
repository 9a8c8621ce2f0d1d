import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** OpenAPI 3.1, generated from the same zod schemas that validate requests and shape responses. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Boardroom API',
        description:
          'Meetings, agendas, notes, questions and actions of police accountability boards. ' +
          'Errors are RFC 9457 application/problem+json.',
        version,
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => problemsAsProblemJson(jsonSchemaTransformObject(input)),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

type OpenApiDocument = ReturnType<typeof jsonSchemaTransformObject>;
type Responses = Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;

/**
 * Errors are served as application/problem+json: say so, instead of the default application/json.
 * And a path parameter longer than the router takes (100 characters) is 414 on any route that has one.
 */
function problemsAsProblemJson(doc: OpenApiDocument): OpenApiDocument {
  type Op = { parameters?: { in: string }[]; responses?: Responses };
  const paths = (doc as { paths?: Record<string, Record<string, Op>> }).paths ?? {};
  const problem = { $ref: '#/components/schemas/Problem' };
  for (const operation of Object.values(paths).flatMap((ops) => Object.values(ops))) {
    for (const response of Object.values(operation.responses ?? {})) {
      const json = response.content?.['application/json'];
      if (json?.schema?.$ref !== problem.$ref) continue;
      response.content = { 'application/problem+json': json };
    }
    if (operation.responses && operation.parameters?.some((p) => p.in === 'path')) {
      operation.responses['414'] ??= {
        description: 'A path parameter is too long',
        content: { 'application/problem+json': { schema: problem } },
      } as Responses[string];
    }
  }
  return doc;
}
