/**
 * /staff/directory: the people and organisations every board's attendance, actions and notes name,
 * kept by the secretariat and admins on screen: list (and search people by name), add, edit. Who may
 * change a record that boards print is the people service's rule (src/access/directory.ts); its
 * refusal is shown on the form as an error, with what was typed kept.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { organisationBody, personBody } from '../../modules/people/schemas.ts';
import * as people from '../../modules/people/service.ts';
import {
  type FormErrors,
  field,
  formBody,
  formErrors,
  NO_ERRORS,
  serviceFormErrors,
  zodFormErrors,
} from '../forms.ts';
import { staffMeta } from './nav.ts';
import { isDuplicate } from './user-form.ts';

const params = z.object({ id: z.uuid() });
const listQuery = z.object({ q: z.string().max(100).optional(), notice: z.string().max(40).optional() });
const NOTICES: Record<string, string> = {
  'person-added': 'The person has been added.',
  'organisation-added': 'The organisation has been added.',
  saved: 'The changes have been saved.',
};
const MESSAGES = {
  name: 'Enter the name, up to 200 characters',
  shortName: 'Enter the short name, for example WMP, up to 40 characters',
  jobTitle: 'Enter the job title in up to 200 characters, or leave it blank',
  organisationId: 'Choose an organisation from the list',
};
const crumbs = [{ href: '/staff/directory', text: 'People and organisations' }];

interface PersonForm {
  name: string;
  jobTitle: string;
  organisationId: string;
}
interface OrganisationForm {
  name: string;
  shortName: string;
}
const readPerson = (request: FastifyRequest): PersonForm => {
  const body = formBody(request);
  return {
    name: field(body, 'name'),
    jobTitle: field(body, 'jobTitle'),
    organisationId: field(body, 'organisationId'),
  };
};
const readOrganisation = (request: FastifyRequest): OrganisationForm => {
  const body = formBody(request);
  return { name: field(body, 'name'), shortName: field(body, 'shortName') };
};
const personInput = (form: PersonForm) =>
  personBody.safeParse({
    name: form.name,
    jobTitle: form.jobTitle.trim() || null,
    organisationId: form.organisationId || null,
  });

/** A service refusal as form errors; the directory rule's 403 too, with its message, on the page. */
function refusal(
  err: unknown,
  fallback: string,
  prefix: string,
): { errors: FormErrors; status: number } | null {
  if (isDuplicate(err)) {
    const message = 'There is already an organisation with this short name';
    return { errors: formErrors([['shortName', message]], prefix), status: 400 };
  }
  if (err instanceof AppError && err.status === 403) {
    return { errors: formErrors([[fallback, err.message]], prefix), status: 403 };
  }
  const errors = serviceFormErrors(err, fallback, prefix);
  return errors ? { errors, status: 400 } : null;
}

interface DirectoryState {
  q?: string;
  notice?: string | null;
  person?: PersonForm;
  personErrors?: FormErrors;
  organisation?: OrganisationForm;
  organisationErrors?: FormErrors;
}

async function renderDirectory(request: FastifyRequest, reply: FastifyReply, state: DirectoryState = {}) {
  const ctx = request.ctx();
  const q = state.q?.trim() ?? '';
  const [organisations, found] = await Promise.all([
    people.listOrganisations(ctx),
    people.searchPeople(ctx, { ...(q ? { q } : {}), limit: 200 }),
  ]);
  const person = state.person ?? { name: '', jobTitle: '', organisationId: '' };
  const personErrors = state.personErrors ?? NO_ERRORS;
  const organisationErrors = state.organisationErrors ?? NO_ERRORS;
  const failed = personErrors.list.length + organisationErrors.list.length > 0;
  return reply.page(
    'staff/directory',
    {
      q,
      notice: state.notice ?? null,
      organisations: organisations.map((o) => ({ ...o, href: `/staff/organisations/${o.id}` })),
      people: found.map((p) => ({ ...p, href: `/staff/people/${p.id}` })),
      person,
      personErrors,
      organisationOptions: organisations.map((o) => ({
        id: o.id,
        label: o.shortName,
        selected: o.id === person.organisationId,
      })),
      organisation: state.organisation ?? { name: '', shortName: '' },
      organisationErrors,
    },
    {
      ...staffMeta(request, 'directory', { title: `${failed ? 'Error: ' : ''}People and organisations` }),
      status: failed ? 400 : 200,
    },
  );
}

async function renderPerson(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  form?: PersonForm,
  errors: FormErrors = NO_ERRORS,
  status = 200,
) {
  const ctx = request.ctx();
  const person = await people.getPerson(ctx, id);
  const organisations = await people.listOrganisations(ctx);
  const shown = form ?? {
    name: person.name,
    jobTitle: person.jobTitle ?? '',
    organisationId: person.organisationId ?? '',
  };
  return reply.page(
    'staff/person',
    {
      person,
      form: shown,
      errors,
      notice: (request.query as { notice?: string }).notice === 'saved' ? NOTICES.saved : null,
      organisationOptions: organisations.map((o) => ({
        id: o.id,
        label: o.shortName,
        selected: o.id === shown.organisationId,
      })),
    },
    {
      ...staffMeta(request, 'directory', { title: `${errors.list.length ? 'Error: ' : ''}${person.name}` }),
      breadcrumbs: crumbs,
      status,
    },
  );
}

async function renderOrganisation(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  form?: OrganisationForm,
  errors: FormErrors = NO_ERRORS,
  status = 200,
) {
  const organisation = await people.getOrganisation(request.ctx(), id);
  return reply.page(
    'staff/organisation',
    {
      organisation,
      form: form ?? { name: organisation.name, shortName: organisation.shortName },
      errors,
      notice: (request.query as { notice?: string }).notice === 'saved' ? NOTICES.saved : null,
    },
    {
      ...staffMeta(request, 'directory', {
        title: `${errors.list.length ? 'Error: ' : ''}${organisation.name}`,
      }),
      breadcrumbs: crumbs,
      status,
    },
  );
}

export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/directory', { schema: { querystring: listQuery } }, async (request, reply) =>
    renderDirectory(request, reply, {
      q: request.query.q ?? '',
      notice: NOTICES[request.query.notice ?? ''] ?? null,
    }),
  );

  app.post('/people', async (request, reply) => {
    const form = readPerson(request);
    const parsed = personInput(form);
    if (!parsed.success) {
      const personErrors = zodFormErrors(parsed.error, MESSAGES, 'person-');
      return renderDirectory(request, reply, { person: form, personErrors });
    }
    try {
      await people.createPerson(request.ctx(), parsed.data);
    } catch (err) {
      const personErrors = serviceFormErrors(err, 'name', 'person-');
      if (!personErrors) throw err;
      return renderDirectory(request, reply, { person: form, personErrors });
    }
    return reply.redirect('/staff/directory?notice=person-added', 303);
  });

  app.post('/organisations', async (request, reply) => {
    const form = readOrganisation(request);
    const parsed = organisationBody.safeParse(form);
    if (!parsed.success) {
      const organisationErrors = zodFormErrors(parsed.error, MESSAGES, 'organisation-');
      return renderDirectory(request, reply, { organisation: form, organisationErrors });
    }
    try {
      await people.createOrganisation(request.ctx(), parsed.data);
    } catch (err) {
      const organisationErrors = refusal(err, 'name', 'organisation-')?.errors;
      if (!organisationErrors) throw err;
      return renderDirectory(request, reply, { organisation: form, organisationErrors });
    }
    return reply.redirect('/staff/directory?notice=organisation-added', 303);
  });

  app.get('/people/:id', { schema: { params, querystring: listQuery } }, async (request, reply) =>
    renderPerson(request, reply, request.params.id),
  );

  app.post('/people/:id', { schema: { params } }, async (request, reply) => {
    const id = request.params.id;
    const form = readPerson(request);
    const parsed = personInput(form);
    if (!parsed.success) {
      return renderPerson(request, reply, id, form, zodFormErrors(parsed.error, MESSAGES, 'person-'), 400);
    }
    try {
      await people.updatePerson(request.ctx(), id, parsed.data);
    } catch (err) {
      const refused = refusal(err, 'name', 'person-');
      if (!refused) throw err;
      return renderPerson(request, reply, id, form, refused.errors, refused.status);
    }
    return reply.redirect(`/staff/people/${id}?notice=saved`, 303);
  });

  app.get('/organisations/:id', { schema: { params, querystring: listQuery } }, async (request, reply) =>
    renderOrganisation(request, reply, request.params.id),
  );

  app.post('/organisations/:id', { schema: { params } }, async (request, reply) => {
    const id = request.params.id;
    const form = readOrganisation(request);
    const parsed = organisationBody.safeParse(form);
    if (!parsed.success) {
      const errors = zodFormErrors(parsed.error, MESSAGES, 'organisation-');
      return renderOrganisation(request, reply, id, form, errors, 400);
    }
    try {
      await people.updateOrganisation(request.ctx(), id, parsed.data);
    } catch (err) {
      const refused = refusal(err, 'name', 'organisation-');
      if (!refused) throw err;
      return renderOrganisation(request, reply, id, form, refused.errors, refused.status);
    }
    return reply.redirect(`/staff/organisations/${id}?notice=saved`, 303);
  });
};
