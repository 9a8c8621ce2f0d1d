/** Why this file exists: the open-data route for one public action. */
import { NotFound } from '../../core/errors.ts';
import { idParams, problems } from '../../http/common-schemas.ts';
import * as oparl from '../oparl.ts';
import * as read from '../read/index.ts';
import { publicActionDetailSchema } from '../schemas.ts';
import * as view from '../view.ts';
import type { PublicDataOptions } from './caching.ts';
import { type Api, type Helpers, tags } from './shared.ts';

export function actionRoutes(app: Api, _opts: PublicDataOptions, h: Helpers): void {
  const { baseOf } = h;
  app.get(
    '/actions/:id',
    {
      schema: {
        tags,
        summary: 'A public action with its public updates',
        params: idParams,
        response: { 200: publicActionDetailSchema, ...problems(400, 404) },
      },
    },
    async (request) => {
      const found = await read.findAction(request.ctx().db, request.params.id);
      if (!found) throw new NotFound('action');
      return { ...view.action(found), ...oparl.action(baseOf(request), found), updates: found.updates };
    },
  );
}
