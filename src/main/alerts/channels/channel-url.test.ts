import { describe, expect, it } from 'vitest';
import { checkChannelUrl, isLoopbackHost, maskChannelUrl } from './channel-url';

describe('channel URLs', () => {
  it('accept https, and plain http only on loopback', () => {
    expect(checkChannelUrl('webhook', ' https://example.com/hook#x ')).toEqual({ ok: true, url: 'https://example.com/hook' });
    expect(checkChannelUrl('webhook', 'http://127.0.0.1:8080/hook')).toMatchObject({ ok: true });
    expect(checkChannelUrl('ntfy', 'http://localhost/topic')).toMatchObject({ ok: true });
    expect(checkChannelUrl('webhook', 'http://[::1]:9/hook')).toMatchObject({ ok: true });
    expect(checkChannelUrl('webhook', 'http://example.com/hook')).toMatchObject({ ok: false, problem: expect.stringMatching(/Only https/) });
    expect(checkChannelUrl('webhook', 'http://127.0.0.1.evil.com/hook')).toMatchObject({ ok: false });
    expect(checkChannelUrl('webhook', 'ftp://example.com/')).toMatchObject({ ok: false });
    expect(checkChannelUrl('webhook', 'https://user:pw@example.com/')).toMatchObject({ ok: false, problem: expect.stringMatching(/user name/) });
  });

  it('name what to paste when the URL is wrong for its kind', () => {
    expect(checkChannelUrl('discord', 'https://discord.com/api/webhooks/123456/abc-DEF_9')).toMatchObject({ ok: true });
    expect(checkChannelUrl('discord', 'https://discord.com/channels/1/2')).toMatchObject({ ok: false, problem: expect.stringMatching(/not a Discord webhook URL.*Integrations/) });
    expect(checkChannelUrl('discord', 'https://evil.com/api/webhooks/1/x')).toMatchObject({ ok: false });
    expect(checkChannelUrl('ntfy', 'https://ntfy.sh/')).toMatchObject({ ok: false, problem: expect.stringMatching(/no topic/) });
    expect(checkChannelUrl('webhook', '')).toMatchObject({ ok: false, problem: expect.stringMatching(/empty/) });
    expect(checkChannelUrl('webhook', 'not a url')).toMatchObject({ ok: false, problem: expect.stringMatching(/not a URL/) });
    expect(checkChannelUrl('webhook', `https://example.com/${'a'.repeat(5_000)}`)).toMatchObject({ ok: false, problem: expect.stringMatching(/longer than 2048/) });
  });

  it('tell loopback hosts apart', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'].map(isLoopbackHost)).toEqual([true, true, true, true]);
    expect(['10.0.0.1', '127.0.0.256', 'localhost.com', '128.0.0.1'].map(isLoopbackHost)).toEqual([false, false, false, false]);
  });

  it('mask the token: origin and the last 4 characters only', () => {
    const url = 'https://discord.com/api/webhooks/123456789/sEcReTtOkEn-abcd';
    expect(maskChannelUrl(url)).toBe('https://discord.com/…abcd');
    expect(maskChannelUrl(url)).not.toContain('sEcReT');
    expect(maskChannelUrl('https://ntfy.sh/a')).toBe('https://ntfy.sh/…');
    expect(maskChannelUrl('garbage')).toBe('…');
  });
});
