// The Pub/Sub topic Classroom publishes roster changes to (@google-cloud/pubsub): created when it is
// missing, and Classroom's own publisher (classroom-notifications@system.gserviceaccount.com, as
// Google's push-notification guide asks) allowed to publish to it — once per instance, before the
// scheduled job registers courses. Loaded on first use: no other route pays for the gRPC client.
export const classroomPublisher = 'serviceAccount:classroom-notifications@system.gserviceaccount.com';

/** `projects/<project>/topics/<topic>` → its project and topic. */
export function topicParts(topicName: string): { projectId: string; topic: string } {
  const match = /^projects\/([^/]+)\/topics\/([^/]+)$/.exec(topicName);
  if (!match) throw new Error(`CLASSROOM_PUBSUB_TOPIC must be projects/<project>/topics/<topic>, not "${topicName}"`);
  return { projectId: match[1] as string, topic: match[2] as string };
}

export async function ensurePushTopic(topicName: string, credentials: { client_email: string; private_key: string }): Promise<void> {
  const { projectId, topic: name } = topicParts(topicName);
  const { PubSub } = await import('@google-cloud/pubsub');
  const pubsub = new PubSub({ projectId, credentials });
  try {
    const topic = pubsub.topic(name);
    const [exists] = await topic.exists();
    if (!exists) await topic.create();
    const [policy] = await topic.iam.getPolicy();
    const bindings = policy.bindings ?? [];
    const publishers = bindings.find((binding) => binding.role === 'roles/pubsub.publisher');
    if (publishers?.members?.includes(classroomPublisher)) return;
    if (publishers) publishers.members = [...(publishers.members ?? []), classroomPublisher];
    else bindings.push({ role: 'roles/pubsub.publisher', members: [classroomPublisher] });
    await topic.iam.setPolicy({ ...policy, bindings });
  } finally {
    await pubsub.close();
  }
}
