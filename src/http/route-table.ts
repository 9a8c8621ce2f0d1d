import type { FastifyInstance, HTTPMethods } from 'fastify';

export interface RouteEntry {
  method: string;
  url: string;
  /** Routes hidden from the OpenAPI document (the document itself, static assets). */
  hidden: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, as declared: what the OpenAPI and authorisation tests walk. */
    routeTable: RouteEntry[];
  }
}

/** Call before any route is registered: onRoute hooks only see routes added after them. */
export function recordRoutes(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]) as HTTPMethods[];
    const schema = route.schema as { hide?: boolean } | undefined;
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      table.push({ method, url: route.url, hidden: schema?.hide === true });
    }
  });
}
