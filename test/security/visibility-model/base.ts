/**
 * What every command of the visibility property test shares (commands.ts, action-commands.ts): the
 * real world a command runs in, and how generated indexes and texts are made.
 */
import type fc from 'fast-check';
import type { Model } from './model.ts';
import type { Seq, VisibilityWorld } from './world.ts';

export interface Real {
  w: VisibilityWorld;
  s: Seq;
}
export type Cmd = fc.AsyncCommand<Model, Real, false>;

/** Generated indexes are taken modulo what exists, so few generated commands are skipped. */
export const at = (n: number, length: number) => n % length;

/** A text holding a marker and the sequence's search word. */
export const text = (m: Model, marker: string, what: string) => `${what} ${marker} ${m.searchWord}`;
