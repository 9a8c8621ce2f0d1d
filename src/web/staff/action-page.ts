/**
 * One action's page, for the two sides that work on it: the owning organisation's officers (add an
 * update with evidence, propose completion, read what the secretariat said) and the board's
 * secretariat (close with a note, reassign, reopen). Anyone else is told it does not exist.
 * Every form that writes an update asks, unticked, whether its text is published on the public
 * website, and can show a preview of what the public tracker would print (no script needed).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { canAdministerBoard } from '../../access/index.ts';
import { NotFound } from '../../core/errors.ts';
import type { ActionDetail } from '../../modules/actions/schemas.ts';
import * as actionsService from '../../modules/actions/service.ts';
import * as peopleService from '../../modules/people/service.ts';
import { findAction as findPublicAction } from '../../public/read/index.ts';
import { formatLongDate } from '../../text/date-format.ts';
import { todayInLondon } from '../../time/london.ts';
import { type FormErrors, NO_ERRORS } from '../forms.ts';
import { isOfficer, signedIn } from './access.ts';
import { actionDetailView } from './action-view.ts';
import { staffMeta } from './nav.ts';

/** Whether the text is published on the public website, and whether to show the preview of it. */
export interface PublicChoice {
  public: boolean;
  preview?: boolean;
}

export interface ActionForms {
  update: { text: string; errors: FormErrors } & PublicChoice;
  propose: { text: string; errors: FormErrors } & PublicChoice;
  close: { note: string; errors: FormErrors } & PublicChoice;
  reassign: {
    ownerOrganisationId: string;
    ownerPersonId: string;
    dueDate: string;
    public: boolean;
    errors: FormErrors;
  };
  reopen: { note: string; errors: FormErrors } & PublicChoice;
}

/** What the public tracker would print for this text, as public/action.hbs prints an update. */
function previewOf(choice: PublicChoice, text: string, onTracker: boolean) {
  if (!choice.preview) return null;
  return { published: choice.public, onTracker, dateText: formatLongDate(todayInLondon()), text };
}

const NOTICES: Record<string, string> = {
  updated: 'Your update has been added.',
  proposed: 'You have proposed that this action is complete. The secretariat will review it.',
  closed: 'The action has been closed.',
  reassigned: 'The action has been changed.',
  reopened: 'The action has been reopened.',
};

export interface ActionAccess {
  action: ActionDetail;
  secretariat: boolean;
  owner: boolean;
}

/** The action, if the caller works on it: as its board's secretariat or its owning organisation. */
export async function actionFor(request: FastifyRequest, id: string): Promise<ActionAccess> {
  const actor = signedIn(request);
  const action = await actionsService.getAction(request.ctx(), id);
  const secretariat = canAdministerBoard(actor, action.boardId);
  const owner = isOfficer(actor) && actor.organisationId === action.ownerOrganisationId;
  if (!secretariat && !owner) throw new NotFound('action');
  return { action, secretariat, owner };
}

export async function renderAction(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  opts: { forms?: Partial<ActionForms>; notice?: unknown } = {},
) {
  const { action, secretariat, owner } = await actionFor(request, id);
  const view = actionDetailView(action);
  const forms: ActionForms = {
    update: { text: '', public: false, errors: NO_ERRORS },
    propose: { text: '', public: false, errors: NO_ERRORS },
    close: { note: '', public: false, errors: NO_ERRORS },
    reassign: {
      ownerOrganisationId: action.ownerOrganisationId,
      ownerPersonId: action.ownerPersonId ?? '',
      dueDate: action.dueDate ?? '',
      public: false,
      errors: NO_ERRORS,
    },
    reopen: { note: '', public: false, errors: NO_ERRORS },
    ...opts.forms,
  };
  const ctx = request.ctx();
  // Whether the action is on the public tracker now (its notes published, nothing restricting it).
  const onTracker = (await findPublicAction(ctx.db, action.id)) !== null;
  const previews = {
    update: previewOf(forms.update, forms.update.text, onTracker),
    propose: previewOf(forms.propose, forms.propose.text, onTracker),
    close: previewOf(forms.close, forms.close.note, onTracker),
    reopen: previewOf(forms.reopen, forms.reopen.note, onTracker),
  };
  const [organisations, people] = secretariat
    ? await Promise.all([
        peopleService.listOrganisations(ctx),
        peopleService.searchPeople(ctx, { limit: 200 }),
      ])
    : [[], []];
  const hasErrors = Object.values(forms).some((f) => f.errors.list.length);
  const base = `/staff/actions/${action.id}`;
  return reply.page(
    'staff/action',
    {
      action: view,
      secretariat,
      owner,
      canUpdate: (secretariat || owner) && !view.finished,
      forms,
      previews,
      onTracker,
      organisations: organisations.map((o) => ({
        id: o.id,
        label: `${o.shortName} – ${o.name}`,
        selected: o.id === forms.reassign.ownerOrganisationId,
      })),
      people: people.map((p) => ({
        id: p.id,
        label: p.organisationShortName ? `${p.name} (${p.organisationShortName})` : p.name,
        selected: p.id === forms.reassign.ownerPersonId,
      })),
      notice: typeof opts.notice === 'string' ? (NOTICES[opts.notice] ?? null) : null,
      urls: {
        update: `${base}/updates`,
        propose: `${base}/propose-completion`,
        close: `${base}/close`,
        reassign: `${base}/reassign`,
        reopen: `${base}/reopen`,
        log: `/staff/boards/${action.boardId}/actions`,
        meeting: `/staff/meetings/${action.meetingId}`,
      },
    },
    {
      ...staffMeta(request, secretariat ? 'boards' : 'my-actions', {
        title: `${hasErrors ? 'Error: ' : ''}Action ${action.reference}`,
      }),
      breadcrumbs: secretariat
        ? [
            { href: '/staff', text: 'Boards and meetings' },
            { href: `/staff/boards/${action.boardId}/actions`, text: 'Action log' },
          ]
        : [{ href: '/staff/my-actions', text: 'My actions' }],
      status: hasErrors ? 400 : 200,
    },
  );
}
