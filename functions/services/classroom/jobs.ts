// The second way to connect: a service account with domain-wide delegation, for syncs nobody has to
// start. A scheduler calls the scheduled job (a full sync, then roster-change registrations renewed
// before their 7-day expiry); Cloud Pub/Sub pushes Classroom's roster-change notifications to the
// push job, which re-syncs just that course. Both run as the service (no curator is signed in) for
// the one school the deployment is configured for, and answer only a caller holding the job secret.
import { timingSafeEqual } from 'node:crypto';
import type { ClassroomOptions } from './client.ts';

export interface ClassroomSettings {
  /** GOOGLE_API_ROOT_URL: another Classroom than Google's (a fake, a proxy). */
  rootUrl: string | null;
  /** Client tuning (tests shorten the backoff). */
  client?: Partial<Omit<ClassroomOptions, 'accessToken' | 'rootUrl'>>;
  jobs?: ClassroomJobs;
}

export interface ClassroomJobs {
  /** CLASSROOM_ORGANISATION_ID: the school the jobs sync. */
  organisationId: string;
  /** CLASSROOM_JOB_SECRET: the scheduler's header and the push subscription's `?token=`. */
  secret: string;
  /** CLASSROOM_PUBSUB_TOPIC: projects/<project>/topics/<topic>; no registrations without it. */
  topic: string | null;
  /** An access token of the service account acting as the domain's admin. */
  accessToken: () => Promise<string>;
  /** Makes sure the topic exists and Classroom may publish to it (pubsub.ts); before registrations. */
  ensureTopic?: () => Promise<void>;
}

/** The scopes the jobs ask for: read-only rosters and e-mails, and push registrations. */
export const serviceScopes = [
  'https://www.googleapis.com/auth/classroom.courses.readonly',
  'https://www.googleapis.com/auth/classroom.rosters.readonly',
  'https://www.googleapis.com/auth/classroom.profile.emails',
  'https://www.googleapis.com/auth/classroom.push-notifications',
];

/**
 * The jobs as the environment configures them (README «Configuration»), or undefined when it does
 * not: GOOGLE_SERVICE_ACCOUNT_KEY (the key file's JSON), CLASSROOM_ADMIN_EMAIL (whom it acts as),
 * CLASSROOM_ORGANISATION_ID, CLASSROOM_JOB_SECRET, CLASSROOM_PUBSUB_TOPIC (optional).
 */
export function classroomSettingsFromEnv(env: NodeJS.ProcessEnv): ClassroomSettings {
  const rootUrl = env.GOOGLE_API_ROOT_URL || null;
  const key = env.GOOGLE_SERVICE_ACCOUNT_KEY;
  const subject = env.CLASSROOM_ADMIN_EMAIL;
  const organisationId = env.CLASSROOM_ORGANISATION_ID;
  const secret = env.CLASSROOM_JOB_SECRET;
  if (!key || !subject || !organisationId || !secret) return { rootUrl };
  const credentials = JSON.parse(key) as { client_email: string; private_key: string };
  let cached: { token: string; expires: number } | null = null;
  let topicReady: Promise<void> | null = null;
  const topic = env.CLASSROOM_PUBSUB_TOPIC || null;
  return {
    rootUrl,
    jobs: {
      organisationId,
      secret,
      topic,
      ensureTopic: () => {
        // Once per instance; a failure is tried again by the next scheduled run.
        topicReady ??= import('./pubsub.ts')
          .then(({ ensurePushTopic }) => (topic ? ensurePushTopic(topic, credentials) : undefined))
          .catch((error: unknown) => {
            topicReady = null;
            throw error;
          });
        return topicReady;
      },
      accessToken: async () => {
        if (cached && cached.expires > Date.now() + 60_000) return cached.token;
        const { auth } = await import('@googleapis/classroom');
        const jwt = new auth.JWT({ email: credentials.client_email, key: credentials.private_key, scopes: serviceScopes, subject });
        const answer = await jwt.authorize();
        cached = { token: answer.access_token as string, expires: answer.expiry_date ?? Date.now() + 3_000_000 };
        return cached.token;
      },
    },
  };
}

/** Whether `given` is the job secret, compared in constant time. */
export function holdsSecret(jobs: ClassroomJobs, given: string | undefined | null): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(jobs.secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Classroom's notification, the Pub/Sub message's data: which course's roster changed. */
export interface RosterChange {
  collection: string;
  eventType: string;
  courseId: string;
  userId: string | null;
  registrationId: string | null;
}

export function rosterChangeOf(message: {
  data?: string | undefined;
  attributes?: Record<string, string> | undefined;
}): RosterChange | null {
  if (!message.data) return null;
  try {
    const data = JSON.parse(Buffer.from(message.data, 'base64').toString('utf8')) as {
      collection?: string;
      eventType?: string;
      resourceId?: { courseId?: string; userId?: string };
    };
    const courseId = data.resourceId?.courseId;
    if (!courseId || !/^courses\.(students|teachers)$/.test(data.collection ?? '')) return null;
    return {
      collection: data.collection as string,
      eventType: data.eventType ?? '',
      courseId,
      userId: data.resourceId?.userId ?? null,
      registrationId: message.attributes?.registrationId ?? message.attributes?.registration_id ?? null,
    };
  } catch {
    return null;
  }
}

/** Registrations expire after 7 days; a daily job renews those with less than this left. */
export const renewBeforeMs = 2 * 24 * 60 * 60 * 1000;
