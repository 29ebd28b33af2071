// `npm run --silent match -- <input.json> [--explain]`: pairs mentors and mentees from a JSON file and
// prints {pairs, total, unmatched} (plus the explanations with --explain) as JSON on stdout.
// Invalid input: a message on stderr and exit code 2.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MatchInputError, match, matchInput } from '../../shared/matching/index.ts';

const usage = 'Usage: npm run --silent match -- <input.json> [--explain]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const args = process.argv.slice(2);
const explain = args.includes('--explain');
const files = args.filter((arg) => arg !== '--explain');
if (files.length !== 1) fail(usage);
const file = files[0] as string;

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  fail(`Cannot read ${file}: ${error instanceof Error ? error.message : error}`);
}
let json: unknown;
try {
  json = JSON.parse(text);
} catch (error) {
  fail(`${file} is not valid JSON: ${error instanceof Error ? error.message : error}`);
}
const parsed = matchInput.safeParse(json);
if (!parsed.success) fail(`Invalid input in ${file}:\n${z.prettifyError(parsed.error)}`);

try {
  const { mode, ...problem } = parsed.data;
  const result = match(problem, { mode });
  const { explanations, ...summary } = result;
  console.log(JSON.stringify(explain ? result : summary, null, 2));
} catch (error) {
  if (error instanceof MatchInputError) fail(`Invalid input in ${file}:\n- ${error.problems.join('\n- ')}`);
  throw error;
}
