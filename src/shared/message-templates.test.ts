import { describe, expect, it } from 'vitest';
import type { Session } from './model';
import { MAX_RECENT_MESSAGES, fillTemplate, jsonStringContent, pushRecent, variablesIn } from './message-templates';

const session: Session = { provider: 'luaprot', id: 's1', username: 'Builder"Bob', jobId: 'job-9', universeId: '4455', createdAt: 0, extra: {} };

describe('message templates', () => {
  it('fill variables from the session and leave the unknown ones visible', () => {
    expect(fillTemplate('Hi {username}, server {jobId} in {placeId}', session)).toEqual({ text: 'Hi Builder"Bob, server job-9 in 4455', missing: [] });
    expect(fillTemplate('Your id {userId}, {username}', session)).toEqual({ text: 'Your id {userId}, Builder"Bob', missing: ['userId'] });
    expect(fillTemplate('{unknown} stays', session).text).toBe('{unknown} stays');
  });

  it('escape values for JSON data', () => {
    const data = fillTemplate('{"to":"{username}"}', session, jsonStringContent).text;
    expect(JSON.parse(data)).toEqual({ to: 'Builder"Bob' });
  });

  it('list the variables a text uses', () => {
    expect(variablesIn('{username} {jobId} {username}')).toEqual(['username', 'jobId']);
  });

  it('keep recent messages newest first, without duplicates, bounded', () => {
    let recent: string[] = [];
    for (let i = 0; i < 15; i++) recent = pushRecent(recent, `m${i}`, (a, b) => a === b);
    expect(recent).toHaveLength(MAX_RECENT_MESSAGES);
    expect(recent[0]).toBe('m14');
    recent = pushRecent(recent, 'm10', (a, b) => a === b);
    expect(recent.slice(0, 3)).toEqual(['m10', 'm14', 'm13']);
    expect(recent.filter((r) => r === 'm10')).toHaveLength(1);
  });
});
