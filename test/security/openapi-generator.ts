/**
 * Requests made from the OpenAPI document: values drawn from each parameter's and body's JSON
 * Schema, then, some of the time, mutated (a field dropped, a wrong type, an unknown field, an
 * over-long string, a bad id). Deterministic for a seed.
 */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
}
export interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** mulberry32: small, fast, and the same sequence for the same seed. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  uuid(): string {
    const hex = () => this.int(0, 15).toString(16);
    const part = (n: number) => Array.from({ length: n }, hex).join('');
    return `${part(8)}-${part(4)}-4${part(3)}-${this.pick(['8', '9', 'a', 'b'])}${part(3)}-${part(12)}`;
  }
}

/** Strings for the patterns the API uses; anything else gets plain text (and may well be refused). */
const PATTERN_SAMPLES: [RegExp, (r: Random) => string][] = [
  [/\[A-Z0-9\]\{2,10\}/, (r) => `B${r.int(10, 99_999)}`],
  [/\^Q\[1-4\]/, (r) => `Q${r.int(1, 4)} 25/26`],
  [/\[01\]\\d\|2\[0-3\]/, (r) => `${String(r.int(8, 18)).padStart(2, '0')}:${r.pick(['00', '30'])}`],
  [/A-Za-z0-9\+\//, () => Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64')],
];

const TEXT = [
  'Domestic abuse',
  "Mike O'Hara",
  'Queiroz',
  '£5 million',
  '🚓 patrol',
  'What assurance can you give?',
];

export class Generator {
  constructor(
    private readonly doc: OpenApiDocument,
    private readonly r: Random,
    /** Real ids to use for a property or parameter name (e.g. meetingId), when there are some. */
    private readonly idFor: (name: string, context: string) => string | undefined,
  ) {}

  resolve(schema: JsonSchema | undefined): JsonSchema {
    let s = schema ?? {};
    while (s.$ref) s = this.doc.components.schemas[s.$ref.split('/').pop()!] ?? {};
    return s;
  }

  /** A value that satisfies the schema, as far as this generator understands it. */
  value(schema: JsonSchema | undefined, name = '', context = '', depth = 0): unknown {
    const s = this.resolve(schema);
    const r = this.r;
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives) {
      const nonNull = alternatives.filter((a) => this.resolve(a).type !== 'null');
      return r.chance(0.85) && nonNull.length ? this.value(r.pick(nonNull), name, context, depth) : null;
    }
    if (s.const !== undefined) return s.const;
    if (s.enum) return r.pick(s.enum);
    const type = Array.isArray(s.type) ? r.pick(s.type) : s.type;
    switch (type) {
      case 'string':
        return this.string(s, name, context);
      case 'integer':
      case 'number': {
        const min = s.minimum ?? 0;
        const max = Math.min(s.maximum ?? 1000, min + 1000);
        return /version|from|to|^n$/i.test(name) ? r.int(1, 3) : r.int(min, max);
      }
      case 'boolean':
        return r.chance(0.5);
      case 'null':
        return null;
      case 'array': {
        const n = r.int(s.minItems ?? 0, Math.min(s.maxItems ?? 3, (s.minItems ?? 0) + 3));
        return Array.from({ length: n }, () => this.value(s.items, singular(name), context, depth + 1));
      }
      default: {
        if (!s.properties || depth > 4) return {};
        const out: Record<string, unknown> = {};
        const required = new Set(s.required ?? []);
        for (const [key, prop] of Object.entries(s.properties)) {
          if (required.has(key) || r.chance(0.5)) out[key] = this.value(prop, key, context, depth + 1);
        }
        return out;
      }
    }
  }

  private string(s: JsonSchema, name: string, context: string): string {
    const r = this.r;
    if (s.format === 'uuid') return this.idFor(name, context) ?? r.uuid();
    if (s.format === 'date')
      return `2026-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    if (s.format === 'date-time')
      return new Date(Date.UTC(2026, r.int(0, 11), r.int(1, 28), r.int(0, 23))).toISOString();
    if (s.format === 'email') return `fuzz${r.int(1, 1e9)}@example.org`;
    if (s.pattern) {
      const sample = PATTERN_SAMPLES.find(([p]) => p.test(s.pattern!));
      if (sample) return sample[1](r);
    }
    const text = r.pick(TEXT);
    const max = s.maxLength ?? 200;
    const min = s.minLength ?? 0;
    return text.length > max ? text.slice(0, max) : text.padEnd(min, 'x');
  }

  /** Something the schema does not allow (or at least did not ask for). */
  mutant(value: unknown, schema: JsonSchema | undefined): unknown {
    const r = this.r;
    const s = this.resolve(schema);
    const odd = () =>
      r.pick<unknown>([
        null,
        -1,
        1e308,
        '',
        'x'.repeat(r.pick([300, 5_000, 70_000])),
        '2026-02-30',
        '25:61',
        'not-a-uuid',
        "' or 1=1--",
        [],
        {},
        { $gt: '' },
        true,
        '<script>alert(1)</script>',
        '\u0000',
      ]);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const obj = { ...(value as Record<string, unknown>) };
      const keys = Object.keys(obj);
      const choice = r.int(0, 3);
      if (choice === 0 && keys.length) delete obj[r.pick(keys)];
      else if (choice === 1 && keys.length) {
        const key = r.pick(keys);
        obj[key] = r.chance(0.5) ? odd() : this.mutant(obj[key], this.resolve(s.properties?.[key]));
      } else if (choice === 2) obj[r.pick(['unknownField', 'status', 'id', 'isAdmin'])] = odd();
      else return odd();
      return obj;
    }
    if (Array.isArray(value)) return r.chance(0.5) ? [...value, odd()] : odd();
    return odd();
  }
}

function singular(name: string): string {
  return name.endsWith('Ids') ? name.slice(0, -1) : name;
}
