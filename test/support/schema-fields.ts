/**
 * Walks a zod schema and yields every object field in it (nested objects, arrays, optionals,
 * unions, pipes): what the error-message test checks has a human label.
 */
import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

export function fieldNames(schema: z.ZodType, seen = new Set<z.ZodType>()): Set<string> {
  const names = new Set<string>();
  const visit = (s: z.ZodType | undefined) => {
    if (!s || seen.has(s)) return;
    seen.add(s);
    const def = defOf(s);
    if (def.shape) {
      for (const [key, value] of Object.entries(def.shape)) {
        names.add(key);
        visit(value);
      }
    }
    for (const child of [def.innerType, def.element, def.in, def.out, def.left, def.right, def.valueType])
      visit(child);
    for (const option of def.options ?? []) visit(option);
    if (def.type === 'lazy' && def.getter) visit(def.getter());
  };
  visit(schema);
  return names;
}

/** Inputs that break each field in a typical way: absent, the wrong type, empty, far too long. */
export function brokenInputs(schema: z.ZodType): unknown[] {
  const def = defOf(schema);
  const shape = def.shape ?? (def.in ? defOf(def.in).shape : undefined);
  if (!shape) return [null, 'x'.repeat(100_000)];
  const keys = Object.keys(shape);
  const each = (value: unknown) => Object.fromEntries(keys.map((k) => [k, value]));
  return [
    {},
    each(null),
    each(''),
    each('x'.repeat(100_000)),
    each(-1),
    each([{}]),
    each({}),
    { unknownField: 1 },
  ];
}
