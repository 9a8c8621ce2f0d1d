/**
 * The few shapes of the page the tests read inside Chromium (page.evaluate and friends). The project
 * compiles without the DOM library, so callbacks cast to these: `(el) => (el as unknown as El).value`,
 * `const { document } = globalThis as unknown as Win`. Casts are erased, so the callbacks still run
 * as plain JavaScript in the page.
 */
export interface El {
  textContent: string | null;
  value: string;
  href: string;
  focus(): void;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  dispatchEvent(event: unknown): boolean;
  contentDocument?: { body: El | null } | null;
}

export interface Win {
  document: { body: El; querySelector(selector: string): El | null };
  scrollTo(x: number, y: number): void;
  Event: new (type: string, init?: { bubbles?: boolean }) => unknown;
}
