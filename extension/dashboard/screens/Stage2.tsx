// Stage 2, the base of mentees: students with their key requests and guardians' consents.
import { BaseScreen } from '../BaseScreen.tsx';
import type { ScreenProps } from '../screens.ts';

export function Stage2({ context }: ScreenProps) {
  return <BaseScreen context={context} base="mentee" stage={2} />;
}
