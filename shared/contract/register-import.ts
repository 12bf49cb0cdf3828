import { z } from 'zod';
import { defineChannel } from './define';
import { fileContentSchema, fileNameSchema } from './file-content';

/** The most people `people:generateDemo` makes: enough for benchmarks, small enough for one transaction. */
export const DEMO_MAX_PEOPLE = 200_000;

export const registerImportChannels = {
  'people:import': defineChannel({
    summary: 'Add people from a CSV file, all or nothing; problems are listed by line.',
    input: z.strictObject({
      fileName: fileNameSchema,
      content: fileContentSchema(20_000_000, 'split it into several files of people.'),
    }),
    output: z.object({ imported: z.number().int(), notes: z.array(z.string()) }),
    permission: 'people:write',
    mutates: true,
  }),
  'people:generateDemo': defineChannel({
    summary: 'Fill an empty register with a synthetic Trust (the same seed gives the same Trust).',
    input: z.strictObject({
      people: z
        .number()
        .int('Give a whole number of people.')
        .min(1)
        .max(DEMO_MAX_PEOPLE, `Ask for at most ${DEMO_MAX_PEOPLE.toLocaleString('en-GB')} people.`),
      seed: z.number().int('Give a whole number as the seed.').min(0),
    }),
    output: z.object({ people: z.number().int(), accounts: z.number().int(), seed: z.number().int() }),
    permission: 'people:write',
    mutates: true,
  }),
};
