import { describe, expect, it } from 'vitest';
import { ApiError, describeError, OfflineError } from './api-errors.ts';
import { t } from './i18n.ts';

describe('describeError (issue 15: «Failed to fetch» shown raw)', () => {
  it('says the server cannot be reached, in the person’s language, whatever the browser called it', () => {
    expect(describeError(new OfflineError('Failed to fetch'))).toBe(t('error.network'));
    expect(describeError(new TypeError('Failed to fetch'))).toBe(t('error.network'));
    expect(describeError(new TypeError('NetworkError when attempting to fetch resource.'))).toBe(t('error.network'));
    expect(t('error.network')).not.toMatch(/fetch/i);
  });
  it('keeps the API’s own reason for a refusal', () => {
    const body = { error: { code: 'forbidden' as const, message: 'Нельзя', message_en: 'No' } };
    expect(describeError(new ApiError(403, body))).toBe(new ApiError(403, body).message);
    expect(describeError(new ApiError(401, null))).toBe(t('error.unauthorized'));
  });
});
