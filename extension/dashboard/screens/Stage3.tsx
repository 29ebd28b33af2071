// Stage 3, the base of mentors: staff, senior students, graduates, parents, employers, with their
// competencies and how many mentees each can take.
import { BaseScreen } from '../BaseScreen.tsx';
import type { ScreenProps } from '../screens.ts';

export function Stage3({ context }: ScreenProps) {
  return <BaseScreen context={context} base="mentor" stage={3} />;
}
