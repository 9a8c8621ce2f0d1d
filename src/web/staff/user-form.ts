/**
 * The admin's user account forms, read and shown again: what the form fields are, how a post becomes
 * the users service's input, and the choices (roles, organisations, boards) the page offers. The
 * routes are in user-routes.ts; the rules (an officer needs an organisation, password length) are
 * the users service's and schemas', never repeated here.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../db/schema.ts';
import type { Board } from '../../modules/boards/schemas.ts';
import type { Organisation } from '../../modules/people/schemas.ts';
import type { User } from '../../modules/users/schemas.ts';
import { type FormBody, field, fields } from '../forms.ts';

export const ROLE_CHOICES: { value: Role; label: string; hint: string }[] = [
  { value: 'admin', label: 'Administrator', hint: 'Manages user accounts and every board' },
  { value: 'secretariat', label: 'Secretariat', hint: 'Runs the boards ticked below' },
  { value: 'officer', label: 'Officer', hint: 'Updates the actions of their organisation' },
  { value: 'member', label: 'Board member', hint: 'Puts questions to meetings' },
];

export const USER_MESSAGES: Record<string, string> = {
  displayName: 'Enter the person’s name',
  email: 'Enter an email address in the correct format, like name@example.org',
  password: 'A password must be at least 12 characters, or leave it blank to generate one',
  roles: 'Choose the roles again',
  organisationId: 'Choose an organisation from the list',
  secretariatBoardIds: 'Choose the boards from the list',
};

export interface UserForm {
  displayName: string;
  email: string;
  roles: string[];
  organisationId: string;
  secretariatBoardIds: string[];
  password: string;
}

export const EMPTY_USER_FORM: UserForm = {
  displayName: '',
  email: '',
  roles: [],
  organisationId: '',
  secretariatBoardIds: [],
  password: '',
};

export function readUserForm(body: FormBody): UserForm {
  return {
    displayName: field(body, 'displayName'),
    email: field(body, 'email').trim(),
    roles: fields(body, 'roles'),
    organisationId: field(body, 'organisationId'),
    secretariatBoardIds: fields(body, 'secretariatBoardIds'),
    password: field(body, 'password'),
  };
}

export function userFormOf(user: User): UserForm {
  return {
    displayName: user.displayName,
    email: user.email,
    roles: user.roles,
    organisationId: user.organisationId ?? '',
    secretariatBoardIds: user.secretariatBoardIds,
    password: '',
  };
}

/** A password for someone who has none yet: 24 characters from 144 random bits, shown once. */
export function generatedPassword(): string {
  return randomBytes(18).toString('base64url');
}

/** The checkboxes and options of the form, with what was chosen (or typed) ticked. */
export function userChoices(form: UserForm, organisations: Organisation[], boards: Board[]) {
  return {
    roles: ROLE_CHOICES.map((r, i) => ({
      ...r,
      id: i === 0 ? 'user-roles' : `user-roles-${r.value}`,
      checked: form.roles.includes(r.value),
    })),
    organisations: organisations.map((o) => ({
      id: o.id,
      label: `${o.name} (${o.shortName})`,
      selected: o.id === form.organisationId,
    })),
    boards: boards.map((b, i) => ({
      id: b.id,
      inputId: i === 0 ? 'user-secretariatBoardIds' : `user-board-${b.id}`,
      label: `${b.name} (${b.code})`,
      checked: form.secretariatBoardIds.includes(b.id),
    })),
  };
}

/** A duplicate email is a unique violation from the database (409 on the API). */
export function isDuplicate(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}
