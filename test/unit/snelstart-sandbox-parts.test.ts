import { FaultInjector } from '../../sandboxes/snelstart/traffic/fault-injector';
import {
  canonicalDateTime,
  ModifiedOnClock,
  storedDateTime,
} from '../../sandboxes/snelstart/store/wall-clock';
import { isValidIban } from '../../sandboxes/snelstart/resources/relaties';
import { AccessTokenSigner } from '../../sandboxes/snelstart/auth/access-token';
import { scopesOf } from '../../api-clients/snelstart/token-provider';
import { PACKAGE_SCOPES } from '../../sandboxes/snelstart/auth/packages';

describe('FaultInjector', () => {
  it('replays the same faults for the same seed', () => {
    const settings = {
      serverErrorRate: 0.2,
      dropConnectionRate: 0.2,
      lostResponseRate: 0.2,
      rateLimitRate: 0.1,
      seed: 42,
    };
    const run = () => {
      const faults = new FaultInjector(settings);
      return Array.from({ length: 50 }, (_, i) => faults.decide(i % 2 === 0).kind);
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(new Set(first)).toEqual(
      new Set(['none', 'rate-limit', 'server-error', 'drop-connection', 'lost-response']),
    );
  });

  it('only loses responses of writes and validates rates', () => {
    const faults = new FaultInjector({ lostResponseRate: 1, seed: 1 });
    expect(faults.decide(false).kind).toBe('none');
    expect(faults.decide(true).kind).toBe('lost-response');
    expect(() => faults.update({ serverErrorRate: 1.5 })).toThrow(RangeError);
  });
});

describe('wall clock', () => {
  it('normalises the date-time forms SnelStart accepts', () => {
    expect(canonicalDateTime('2024-03-01')).toBe('2024-03-01T00:00:00.000');
    expect(canonicalDateTime('2024-03-01T10:30')).toBe('2024-03-01T10:30:00.000');
    expect(canonicalDateTime('2024-03-01T10:30:05.1234567')).toBe('2024-03-01T10:30:05.123');
    expect(canonicalDateTime('2024-03-01T10:30:05+02:00')).toBe('2024-03-01T08:30:05.000');
    expect(canonicalDateTime('2024-02-30')).toBeUndefined();
    expect(storedDateTime('2024-03-01')).toBe('2024-03-01T00:00:00');
  });

  it('hands out strictly increasing modifiedOn values', () => {
    const clock = new ModifiedOnClock(() => Date.UTC(2024, 0, 1));
    const values = [clock.next(), clock.next(), clock.next()];
    expect(values).toEqual(['2024-01-01T00:00:00.000', '2024-01-01T00:00:00.001', '2024-01-01T00:00:00.002']);
    clock.advancePast('2030-01-01T00:00:00');
    expect(clock.next()).toBe('2030-01-01T00:00:00.001');
  });
});

describe('access tokens', () => {
  it('are JWT-shaped, carry the package scopes and expire', () => {
    const signer = new AccessTokenSigner();
    const token = signer.sign({
      sub: 'adm',
      scopes: PACKAGE_SCOPES.InStap.join(' '),
      iat: 100,
      exp: 200,
      gen: 0,
    });
    expect(token.split('.')).toHaveLength(3);
    expect(scopesOf(token)).toEqual([...PACKAGE_SCOPES.InStap]);
    expect(signer.verify(token, 150)?.sub).toBe('adm');
    expect(signer.verify(token, 200)).toBeUndefined();
    expect(new AccessTokenSigner().verify(token, 150)).toBeUndefined();
  });

  it('give InStap no artikelen or orders and Accountant no writes', () => {
    expect(PACKAGE_SCOPES.InStap).not.toContain('artikelen:read');
    expect(PACKAGE_SCOPES.InStap).not.toContain('orders:read');
    expect(PACKAGE_SCOPES.Accountant.some((scope) => scope.endsWith(':write'))).toBe(false);
    expect(PACKAGE_SCOPES.InZicht).toEqual(
      expect.arrayContaining(['relaties:write', 'boekhouden:write', 'documenten:write']),
    );
  });
});

describe('IBAN check', () => {
  it.each([
    ['NL91ABNA0417164300', true],
    ['NL91 ABNA 0417 1643 00', true],
    ['NL92ABNA0417164300', false],
    ['GB82WEST12345698765432', true],
    ['not an iban', false],
  ])('%s → %s', (iban, valid) => {
    expect(isValidIban(iban)).toBe(valid);
  });
});
