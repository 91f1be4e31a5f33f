import { couldBeInterruptedCreate } from '../../domain/matching';
import type { SnelStartAdresWrite, SnelStartRelatie } from '../../domain/snelstart-records';

const LATEST = '2026-03-02T11:00:00';

const adres = (straat: string | null, postcode: string | null): SnelStartAdresWrite => ({
  straat,
  postcode,
  plaats: 'Utrecht',
  land: null,
});

function relatie(overrides: Partial<SnelStartRelatie> = {}): SnelStartRelatie {
  return {
    id: '11111111-1111-1111-1111-111111111111',
    relatiesoort: ['Klant'],
    relatiecode: 1001,
    naam: 'Acme B.V.',
    vestigingsAdres: { straat: 'Dorpsstraat 12-a', postcode: '1234ab', plaats: 'Utrecht' },
    nonactief: false,
    modifiedOn: '2026-03-02T10:00:05.123',
    ...overrides,
  };
}

const sentWith = (vestigingsAdres: SnelStartAdresWrite | null, role: 'Klant' | 'Leverancier' = 'Klant') => ({
  role,
  vestigingsAdres,
  correspondentieAdres: null,
});

describe('couldBeInterruptedCreate: the relatie an interrupted create may have made', () => {
  test.each<[string, SnelStartRelatie, ReturnType<typeof sentWith>, boolean]>([
    ['same address, spelled otherwise', relatie(), sentWith(adres('Dorpsstraat 12 A', '1234 AB')), true],
    [
      'changed exactly at the window end',
      relatie({ modifiedOn: LATEST }),
      sentWith(adres('Dorpsstraat 12a', '1234AB')),
      true,
    ],
    ['no address sent, none stored', relatie({ vestigingsAdres: null }), sentWith(null), true],
    ['no address sent: the name and role decide', relatie(), sentWith(null), true],
    ['inactive', relatie({ nonactief: true }), sentWith(adres('Dorpsstraat 12a', '1234AB')), false],
    ['another role', relatie(), sentWith(adres('Dorpsstraat 12a', '1234AB'), 'Leverancier'), false],
    ['changed after the window', relatie({ modifiedOn: '2026-03-02T11:00:00.001' }), sentWith(null), false],
    ['changed days later', relatie({ modifiedOn: '2026-03-05T09:00:00' }), sentWith(null), false],
    ['no modifiedOn', relatie({ modifiedOn: null }), sentWith(null), false],
    ['another postcode', relatie(), sentWith(adres('Dorpsstraat 12a', '1234 AC')), false],
    ['another house number', relatie(), sentWith(adres('Dorpsstraat 14a', '1234 AB')), false],
    ['another addition', relatie(), sentWith(adres('Dorpsstraat 12b', '1234 AB')), false],
    [
      'address sent, none stored',
      relatie({ vestigingsAdres: null }),
      sentWith(adres('Dorpsstraat 12a', '1234 AB')),
      false,
    ],
    ['only a postcode sent, same postcode', relatie(), sentWith(adres(null, '1234AB')), true],
  ])('%s', (_title, candidate, sent, expected) => {
    expect(couldBeInterruptedCreate(candidate, sent, LATEST)).toBe(expected);
  });

  it('compares the correspondentieAdres too when the create sent one', () => {
    const candidate = relatie({
      correspondentieAdres: { straat: 'Postbus 10', postcode: '3500AA', plaats: 'Utrecht' },
    });
    const sent = {
      ...sentWith(adres('Dorpsstraat 12a', '1234AB')),
      correspondentieAdres: adres('Postbus 11', '3500 AA'),
    };
    expect(couldBeInterruptedCreate(candidate, sent, LATEST)).toBe(false);
    expect(
      couldBeInterruptedCreate(
        candidate,
        { ...sent, correspondentieAdres: adres('Postbus 10', '3500 AA') },
        LATEST,
      ),
    ).toBe(true);
  });
});
