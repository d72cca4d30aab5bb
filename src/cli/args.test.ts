import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from './args';

describe('cli arguments', () => {
  it("names an unknown option without Node's advice about '--'", () => {
    expect(() => parseCli(['live', '--bogus'])).toThrow(new UsageError('Unknown option --bogus.'));
    expect(() => parseCli(['live', '-x'])).toThrow(new UsageError('Unknown option -x.'));
  });

  it('says which option lacks its value', () => {
    expect(() => parseCli(['sessions', '--provider'])).toThrow(/--provider <value>' argument missing/);
  });
});
