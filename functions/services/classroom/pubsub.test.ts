import { describe, expect, it } from 'vitest';
import { topicParts } from './pubsub.ts';

describe('the push topic', () => {
  it('is named in full, project and topic', () => {
    expect(topicParts('projects/nastavnik-school17/topics/classroom-roster')).toEqual({
      projectId: 'nastavnik-school17',
      topic: 'classroom-roster',
    });
    expect(() => topicParts('classroom-roster')).toThrow(/projects\/<project>\/topics\/<topic>/);
  });
});
