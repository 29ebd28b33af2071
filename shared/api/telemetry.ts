// What the extension tells the team about the sites it runs on, and nothing about anybody: a site
// adapter that found its page but no names in it (issue 17).
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9-]{1,40}$/, { message: 'Латиница, цифры и дефис / Latin letters, digits and hyphens' });

/** A page where an adapter fell back to reading names in the text: the site, the host and the kind of page. */
export const adapterFallbackReport = z
  .object({
    /** The adapter's id («netschool», «mesh»…). */
    site: slug,
    /** The page's host name, as the browser gave it (lower case). */
    host: z
      .string()
      .max(253)
      .regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/, { message: 'Имя хоста / A host name' }),
    /** Which of the site's pages («journal», «attendance», «people», «grades»). */
    page_kind: slug,
  })
  .strict();
export type AdapterFallbackReport = z.infer<typeof adapterFallbackReport>;

/** Whether the report was counted (false when the caller is a member of no school), and today's count. */
export const adapterFallbackCounted = z.object({ counted: z.boolean(), count: z.number().int().min(0) });
export type AdapterFallbackCounted = z.infer<typeof adapterFallbackCounted>;
