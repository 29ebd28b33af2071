import { z } from 'zod';
import { meetingCreate } from '../../shared/schemas.ts';
import { ApiError, api } from './api.ts';
import { getAccessToken } from './auth.ts';
import type { Curator, ProgrammeOverview } from './curator-types.ts';
import { isRequest, type Replies, type Reply } from './messages.ts';
import { submitMeeting } from './queue.ts';

type AnyReply = Reply<Replies[keyof Replies]>;

function refusal(error: unknown): AnyReply {
  const status = error instanceof ApiError ? error.status : 0;
  return {
    ok: false,
    status,
    message: error instanceof Error ? error.message : String(error),
    body: error instanceof ApiError ? error.body : null,
  };
}

function invalid(error: z.ZodError): AnyReply {
  return { ok: false, status: 400, message: error.issues.map((i) => i.message).join('; ') };
}

const uuid = z.uuid();

/** The first school where the signed-in person is a curator or the head; null for everyone else. */
async function curator(): Promise<Curator | null> {
  if (!(await getAccessToken())) return null;
  const me = await api.me();
  const person = me.people.find((p) => p.roles.includes('curator') || p.roles.includes('head'));
  return person ? { organisationId: person.organisation_id, organisationName: person.organisation_name } : null;
}

/** The school's latest programme with its stages, checklist and warnings, in as few round trips as it takes. */
async function programmeOverview(organisationId: string): Promise<ProgrammeOverview> {
  const [programmes, catalog] = await Promise.all([api.programmes(organisationId), api.catalog()]);
  // Newest academic year first (the API's order).
  const programme = programmes.items[0] ?? null;
  if (!programme) return { programme, stages: catalog.stages, checklist: [], warnings: [] };
  const [checklist, warnings] = await Promise.all([api.checklist(programme.id), api.warnings(programme.id)]);
  return { programme, stages: catalog.stages, checklist: checklist.items, warnings: warnings.items };
}

/**
 * What the background answers a content script (the caller has checked that the sender is ours).
 * `null` groups mean "nobody is signed in".
 */
export async function answerContentScript(message: unknown): Promise<AnyReply> {
  if (!isRequest(message)) return { ok: false, status: 400, message: 'unknown request' };
  try {
    switch (message.type) {
      case 'nastavnik:my-groups':
        if (!(await getAccessToken())) return { ok: true, value: null };
        return { ok: true, value: await api.visibleGroups() };
      case 'nastavnik:log-meeting': {
        // The same checks the API makes, before anything is queued: a queued meeting the API will refuse is lost work.
        const parsed = meetingCreate.safeParse(message.meeting);
        if (!parsed.success) return invalid(parsed.error);
        return { ok: true, value: await submitMeeting(message.meeting) };
      }
      case 'nastavnik:curator':
        return { ok: true, value: await curator() };
      case 'nastavnik:programme': {
        const id = uuid.safeParse(message.organisationId);
        if (!id.success) return invalid(id.error);
        return { ok: true, value: await programmeOverview(id.data) };
      }
      // The API validates the bodies and refuses in the person's language; here only the path's id is checked.
      case 'nastavnik:checklist-item': {
        const id = uuid.safeParse(message.id);
        if (!id.success) return invalid(id.error);
        return { ok: true, value: await api.updateChecklistItem(id.data, message.patch) };
      }
      case 'nastavnik:roster-capture': {
        const { organisationId, fileName, contentBase64, dryRun, resolutions } = message.capture ?? {};
        const id = uuid.safeParse(organisationId);
        if (!id.success) return invalid(id.error);
        return {
          ok: true,
          value: await api.rosterImport(id.data, {
            file_name: fileName,
            content_base64: contentBase64,
            dry_run: dryRun,
            ...(resolutions ? { resolutions } : {}),
          }),
        };
      }
    }
  } catch (error) {
    return refusal(error);
  }
}
