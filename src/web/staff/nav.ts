/** The staff workspace's header navigation, by role, and the page meta every staff page shares. */
import type { FastifyRequest } from 'fastify';
import { isAdmin, type Principal } from '../../core/principal.ts';
import type { PageMeta } from '../page.ts';
import type { NavItem } from '../views.ts';
import { isMember, isOfficer, isSecretariat } from './access.ts';

export type StaffSection =
  | 'boards'
  | 'decisions'
  | 'my-actions'
  | 'questions'
  | 'users'
  | 'directory'
  | 'audit'
  | 'none';

export function staffNav(actor: Principal | null, current: StaffSection): NavItem[] {
  if (!actor) return [];
  const items: NavItem[] = [];
  if (isSecretariat(actor))
    items.push({ href: '/staff', text: 'Boards and meetings', current: current === 'boards' });
  if (isSecretariat(actor))
    items.push({ href: '/staff/decisions', text: 'Decisions', current: current === 'decisions' });
  if (isSecretariat(actor))
    items.push({ href: '/staff/audit', text: 'Audit log', current: current === 'audit' });
  if (isOfficer(actor))
    items.push({ href: '/staff/my-actions', text: 'My actions', current: current === 'my-actions' });
  if (isMember(actor))
    items.push({ href: '/staff/questions', text: 'My questions', current: current === 'questions' });
  if (isSecretariat(actor))
    items.push({ href: '/staff/directory', text: 'People', current: current === 'directory' });
  if (isAdmin(actor)) items.push({ href: '/staff/users', text: 'Users', current: current === 'users' });
  return items;
}

export function staffMeta(
  request: FastifyRequest,
  section: StaffSection,
  meta: Omit<PageMeta, 'nav' | 'serviceHref'>,
): PageMeta {
  return { ...meta, nav: staffNav(request.actor, section), serviceHref: '/staff' };
}
