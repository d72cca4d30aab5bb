import { describe, expect, it } from 'vitest';
import { IpcFailure } from './api';
import { fieldError } from './field-errors';

describe('fieldError', () => {
  const names = { label: 'Name', url: 'URL' };
  const refusal = (message: string) => new IpcFailure({ kind: 'invalid_request', message });
  it('finds the field a refusal names and says it with the name the user sees', () => {
    expect(fieldError(refusal('url: Only https URLs are accepted.'), names)).toEqual({ field: 'url', message: 'Only https URLs are accepted.' });
    expect(fieldError(refusal('Invalid channels:add request: label: label must not be empty'), names)).toEqual({
      field: 'label',
      message: 'Name must not be empty',
    });
  });
  it('leaves a message that names no known field to the whole form', () => {
    expect(fieldError(refusal('At most 20 alert channels; remove one first.'), names)).toEqual({
      field: null,
      message: 'At most 20 alert channels; remove one first.',
    });
    expect(fieldError(refusal('secret: keychain locked'), names).field).toBeNull();
  });
  it('takes the first of several issues, and a path by its first part', () => {
    const refused = refusal('Invalid accounts:add request: baseUrl: The base URL must use https://; key: The API key is empty');
    expect(fieldError(refused, { baseUrl: 'Base URL', key: 'API key' })).toEqual({ field: 'baseUrl', message: 'The base URL must use https://' });
    expect(fieldError(refusal('Invalid accounts:add request: targets.0.id: id must not be empty'), { targets: 'Targets' })).toEqual({
      field: 'targets',
      message: 'Id must not be empty',
    });
  });
});
