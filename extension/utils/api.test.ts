// The API client's answers are typed by the app's own routes (Hono RPC), not by casts: these
// assertions are checked by `npm run typecheck` and fail when a route's declared answer and the
// shared schema drift apart.
import { describe, expectTypeOf, it } from 'vitest';
import type { DevUser, Session } from '../../shared/api/auth.ts';
import type { Catalog } from '../../shared/api/catalog.ts';
import type { GroupSummary, Me } from '../../shared/api/me.ts';
import type { Meeting } from '../../shared/api/meetings.ts';
import type { ChecklistItem, Programme, ProgrammeWarning } from '../../shared/api/programmes.ts';
import type { RosterPreview } from '../../shared/api/roster-import.ts';
import type { api } from './api.ts';

type Answer<K extends keyof typeof api> = Awaited<ReturnType<(typeof api)[K]>>;

describe('the API client', () => {
  it('answers what the routes declare', () => {
    expectTypeOf<Answer<'me'>>().toEqualTypeOf<Me>();
    expectTypeOf<Answer<'myGroups'>>().toEqualTypeOf<GroupSummary[]>();
    expectTypeOf<Answer<'visibleGroups'>>().toEqualTypeOf<GroupSummary[]>();
    expectTypeOf<Answer<'logMeeting'>>().toEqualTypeOf<Meeting>();
    expectTypeOf<Answer<'devToken'>>().toEqualTypeOf<Session>();
    expectTypeOf<Answer<'devUsers'>>().toEqualTypeOf<DevUser[]>();
    expectTypeOf<Answer<'catalog'>['stages']>().toEqualTypeOf<Catalog['stages']>();
    expectTypeOf<Answer<'checklist'>>().toEqualTypeOf<{ items: ChecklistItem[] }>();
    expectTypeOf<Answer<'warnings'>>().toEqualTypeOf<{ items: ProgrammeWarning[] }>();
    expectTypeOf<Answer<'programmes'>['items'][number]>().toExtend<Programme>();
    expectTypeOf<Programme>().toExtend<Answer<'programmes'>['items'][number]>();
    expectTypeOf<Answer<'updateChecklistItem'>>().toEqualTypeOf<ChecklistItem>();
    expectTypeOf<Answer<'rosterImport'>>().toEqualTypeOf<RosterPreview>();
  });
});
