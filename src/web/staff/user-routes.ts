/**
 * /staff/users: the admin's user accounts on screen, so no one needs the API to let a person in:
 * list, create (with a typed or a generated initial password, shown once), change name, roles,
 * organisation and the boards a secretariat user runs, deactivate and reactivate, reset a password.
 * Everything goes through the users service, which also ends a changed user's sessions.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Forbidden } from '../../core/errors.ts';
import { isAdmin } from '../../core/principal.ts';
import * as boardsService from '../../modules/boards/service.ts';
import * as peopleService from '../../modules/people/service.ts';
import { createUserBody, updateUserBody } from '../../modules/users/schemas.ts';
import * as usersService from '../../modules/users/service.ts';
import {
  type FormErrors,
  field,
  formBody,
  formErrors,
  NO_ERRORS,
  serviceFormErrors,
  zodFormErrors,
} from '../forms.ts';
import { signedIn } from './access.ts';
import { staffMeta } from './nav.ts';
import {
  EMPTY_USER_FORM,
  generatedPassword,
  isDuplicate,
  ROLE_CHOICES,
  readUserForm,
  USER_MESSAGES,
  type UserForm,
  userChoices,
  userFormOf,
} from './user-form.ts';

const params = z.object({ id: z.uuid() });
const NOTICES: Record<string, string> = {
  created: 'The account has been created.',
  saved: 'The changes have been saved. The person will need to sign in again.',
  deactivated: 'The account has been deactivated: the person can no longer sign in.',
  reactivated: 'The account has been reactivated.',
  password: 'The password has been changed. The person will need to sign in with it.',
};
const noticeQuery = z.object({ notice: z.string().max(40).optional() });
const crumbs = [{ href: '/staff/users', text: 'Users' }];

/** preHandler: user accounts are the admins' alone; anyone else gets the 403 page. */
async function adminOnly(request: FastifyRequest): Promise<void> {
  if (!isAdmin(signedIn(request))) throw new Forbidden();
}

async function directory(request: FastifyRequest) {
  const ctx = request.ctx();
  const [organisations, boards] = await Promise.all([
    peopleService.listOrganisations(ctx),
    boardsService.listBoards(ctx),
  ]);
  return { organisations, boards };
}

async function renderNew(request: FastifyRequest, reply: FastifyReply, form: UserForm, errors: FormErrors) {
  const { organisations, boards } = await directory(request);
  return reply.page(
    'staff/user-new',
    { form, errors, choices: userChoices(form, organisations, boards) },
    {
      ...staffMeta(request, 'users', {
        title: `${errors.list.length ? 'Error: ' : ''}Create a user account`,
      }),
      breadcrumbs: crumbs,
      status: errors.list.length ? 400 : 200,
    },
  );
}

interface EditState {
  form?: UserForm;
  errors?: FormErrors;
  passwordErrors?: FormErrors;
  notice?: string | null;
}

async function renderUser(request: FastifyRequest, reply: FastifyReply, id: string, state: EditState = {}) {
  const user = await usersService.getUser(request.ctx(), id);
  const { organisations, boards } = await directory(request);
  const form = state.form ?? userFormOf(user);
  const errors = state.errors ?? NO_ERRORS;
  const passwordErrors = state.passwordErrors ?? NO_ERRORS;
  const failed = errors.list.length > 0 || passwordErrors.list.length > 0;
  return reply.page(
    'staff/user',
    {
      user: { ...user, self: user.id === request.actor?.userId },
      form,
      errors,
      passwordErrors,
      notice: state.notice ?? null,
      choices: userChoices(form, organisations, boards),
    },
    {
      ...staffMeta(request, 'users', { title: `${failed ? 'Error: ' : ''}${user.displayName}` }),
      breadcrumbs: crumbs,
      status: failed ? 400 : 200,
    },
  );
}

/** The page that shows a generated password, once: it is never stored in clear or sent again. */
function showPassword(
  request: FastifyRequest,
  reply: FastifyReply,
  user: { id: string; displayName: string; email: string },
  password: string,
  created: boolean,
) {
  return reply.page(
    'staff/user-password',
    { user, password, created },
    { ...staffMeta(request, 'users', { title: `Password for ${user.displayName}` }), breadcrumbs: crumbs },
  );
}

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', adminOnly);

  app.get('/users', async (request, reply) => {
    const ctx = request.ctx();
    const [users, { organisations, boards }] = await Promise.all([
      usersService.listUsers(ctx),
      directory(request),
    ]);
    const orgName = new Map(organisations.map((o) => [o.id, o.shortName]));
    const boardCode = new Map(boards.map((b) => [b.id, b.code]));
    const roleLabel = new Map(ROLE_CHOICES.map((r) => [r.value, r.label]));
    return reply.page(
      'staff/users',
      {
        users: users.map((u) => ({
          href: `/staff/users/${u.id}`,
          displayName: u.displayName,
          email: u.email,
          roles: u.roles.map((r) => roleLabel.get(r) ?? r).join(', ') || 'No role',
          organisation: u.organisationId ? (orgName.get(u.organisationId) ?? '') : '',
          boards: u.secretariatBoardIds.map((b) => boardCode.get(b) ?? '').join(', '),
          active: u.active,
        })),
      },
      staffMeta(request, 'users', { title: 'Users' }),
    );
  });

  app.get('/users/new', async (request, reply) => renderNew(request, reply, EMPTY_USER_FORM, NO_ERRORS));

  app.post('/users', async (request, reply) => {
    const form = readUserForm(formBody(request));
    const generated = form.password === '' ? generatedPassword() : null;
    const parsed = createUserBody.safeParse({
      displayName: form.displayName,
      email: form.email,
      password: generated ?? form.password,
      roles: form.roles,
      organisationId: form.organisationId || null,
      secretariatBoardIds: form.secretariatBoardIds,
    });
    // A typed password is never shown again, even with the form's other errors.
    const typed = { ...form, password: '' };
    if (!parsed.success) {
      return renderNew(request, reply, typed, zodFormErrors(parsed.error, USER_MESSAGES, 'user-'));
    }
    try {
      const user = await usersService.createUser(request.ctx(), parsed.data);
      if (generated) return showPassword(request, reply, user, generated, true);
      return reply.redirect(`/staff/users/${user.id}?notice=created`, 303);
    } catch (err) {
      const errors = isDuplicate(err)
        ? formErrors([['email', 'There is already an account with this email address']], 'user-')
        : serviceFormErrors(err, 'email', 'user-');
      if (!errors) throw err;
      return renderNew(request, reply, typed, errors);
    }
  });

  app.get('/users/:id', { schema: { params, querystring: noticeQuery } }, async (request, reply) =>
    renderUser(request, reply, request.params.id, {
      notice: NOTICES[request.query.notice ?? ''] ?? null,
    }),
  );

  // Name, roles, organisation and boards: one form, one service call.
  app.post('/users/:id', { schema: { params } }, async (request, reply) => {
    const id = request.params.id;
    const form = readUserForm(formBody(request));
    const parsed = updateUserBody.safeParse({
      displayName: form.displayName,
      roles: form.roles,
      organisationId: form.organisationId || null,
      secretariatBoardIds: form.secretariatBoardIds,
    });
    const current = await usersService.getUser(request.ctx(), id);
    const shown = { ...form, email: current.email, password: '' };
    if (!parsed.success) {
      const errors = zodFormErrors(parsed.error, USER_MESSAGES, 'user-');
      return renderUser(request, reply, id, { form: shown, errors });
    }
    try {
      await usersService.updateUser(request.ctx(), id, parsed.data);
    } catch (err) {
      const errors = serviceFormErrors(err, 'displayName', 'user-');
      if (!errors) throw err;
      return renderUser(request, reply, id, { form: shown, errors });
    }
    return reply.redirect(`/staff/users/${id}?notice=saved`, 303);
  });

  app.post('/users/:id/active', { schema: { params } }, async (request, reply) => {
    const active = field(formBody(request), 'active') === 'yes';
    await usersService.updateUser(request.ctx(), request.params.id, { active });
    return reply.redirect(
      `/staff/users/${request.params.id}?notice=${active ? 'reactivated' : 'deactivated'}`,
      303,
    );
  });

  app.post('/users/:id/password', { schema: { params } }, async (request, reply) => {
    const id = request.params.id;
    const typed = field(formBody(request), 'password');
    const password = typed === '' ? generatedPassword() : typed;
    const parsed = updateUserBody.safeParse({ password });
    if (!parsed.success) {
      const passwordErrors = formErrors([['password', USER_MESSAGES.password!]], 'reset-');
      return renderUser(request, reply, id, { passwordErrors });
    }
    const user = await usersService.updateUser(request.ctx(), id, parsed.data);
    if (typed === '') return showPassword(request, reply, user, password, false);
    return reply.redirect(`/staff/users/${id}?notice=password`, 303);
  });
};
