// A fixture page of tests/fixtures/pages as a DOM Document (linkedom), at the URL the adapter under
// test expects: what the site adapters' unit tests read.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';

export function fixture(name: string, url = 'https://example.test/'): Document {
  const html = readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');
  const { document } = parseHTML(html);
  Object.defineProperty(document, 'location', { value: new URL(url) });
  return document as unknown as Document;
}
