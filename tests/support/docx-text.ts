// A DOCX opened again as a reader would: the text of word/document.xml, paragraph by paragraph.
import { strFromU8, unzipSync } from 'fflate';

/** The document's text, one line per paragraph (table cells each on their own line). */
export function docxText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());
  return xml
    .split(/<\/w:p>/)
    .map((paragraph) =>
      [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
        .map((m) => (m[0] === '<w:tab/>' ? '\t' : (m[1] ?? '')))
        .join('')
        .replaceAll('&quot;', '"')
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&apos;', "'")
        .replaceAll('&amp;', '&'),
    )
    .filter((line) => line.trim() !== '')
    .join('\n');
}
