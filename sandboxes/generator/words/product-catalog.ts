import type { RevenueKind } from '../revenue-kinds';

export type UnitCode = 'stuk' | 'uur' | 'kg' | 'm' | 'doos';
export type ProductGroupCode = 'hardware' | 'software' | 'services' | 'maintenance' | 'consumables' | 'food';

/** One kind of article; variants and prices are drawn around it. */
export interface ProductTemplate {
  readonly name: string;
  readonly unit: UnitCode;
  readonly revenue: RevenueKind;
  readonly group: ProductGroupCode;
  /** Sales price range in euros, excluding VAT. */
  readonly priceFrom: number;
  readonly priceTo: number;
  /** Sold by subscription (licences, contracts). */
  readonly recurring?: boolean;
}

type Row = readonly [name: string, unit: UnitCode, priceFrom: number, priceTo: number];

const rows = (
  revenue: RevenueKind,
  group: ProductGroupCode,
  list: readonly Row[],
  recurring = false,
): ProductTemplate[] =>
  list.map(([name, unit, priceFrom, priceTo]) => ({
    name,
    unit,
    revenue,
    group,
    priceFrom,
    priceTo,
    recurring,
  }));

export const PRODUCT_TEMPLATES: readonly ProductTemplate[] = [
  ...rows('goodsHigh', 'hardware', [
    ['Laptop 14 inch', 'stuk', 600, 1400],
    ['Monitor 27 inch', 'stuk', 180, 450],
    ['Bureaustoel ergonomisch', 'stuk', 180, 650],
    ['Toetsenbord draadloos', 'stuk', 25, 90],
    ['Muis draadloos', 'stuk', 15, 60],
    ['Laserprinter A4', 'stuk', 150, 600],
    ['Dockingstation USB-C', 'stuk', 90, 250],
    ['Headset met microfoon', 'stuk', 40, 180],
    ['Smartphone', 'stuk', 250, 1100],
    ['Tablet 11 inch', 'stuk', 300, 900],
    ['Serverkast 42U', 'stuk', 600, 1800],
    ['Netwerkswitch 24 poorts', 'stuk', 120, 900],
    ['Wifi-accesspoint', 'stuk', 90, 350],
    ['Ladder aluminium 3x8', 'stuk', 150, 400],
    ['Accuboormachine 18V', 'stuk', 90, 320],
    ['Koffiemachine volautomaat', 'stuk', 300, 2500],
    ['Bureau zit-sta', 'stuk', 350, 900],
    ['Installatiekabel 3x2,5 mm²', 'm', 1, 4],
    ['Buis PVC 40 mm', 'm', 2, 9],
    ['Plint eiken 70 mm', 'm', 4, 12],
    ['Netwerkkabel Cat6', 'm', 0.5, 2],
    ['Tegellijm flexibel', 'kg', 0.8, 2],
  ]),
  ...rows('goodsHigh', 'consumables', [
    ['Schroeven RVS 4x40 (doos 200)', 'doos', 8, 25],
    ['Kopieerpapier A4 (doos 5 pakken)', 'doos', 18, 35],
    ['Toner zwart', 'stuk', 45, 120],
    ['Handschoenen nitril (doos 100)', 'doos', 6, 15],
    ['Pluggen nylon 6 mm (doos 100)', 'doos', 4, 12],
    ['Schoonmaakmiddel allesreiniger 5 l', 'stuk', 9, 22],
  ]),
  ...rows('servicesHigh', 'services', [
    ['Adviesuur senior', 'uur', 95, 165],
    ['Adviesuur medior', 'uur', 75, 120],
    ['Consultancy', 'uur', 110, 175],
    ['Installatiewerkzaamheden', 'uur', 55, 85],
    ['Projectmanagement', 'uur', 85, 135],
    ['Helpdeskondersteuning', 'uur', 45, 75],
    ['Softwareontwikkeling', 'uur', 80, 140],
    ['Voorrijkosten', 'stuk', 25, 55],
  ]),
  ...rows(
    'servicesHigh',
    'maintenance',
    [
      ['Onderhoudscontract per jaar', 'stuk', 250, 1500],
      ['Servicecontract Premium per maand', 'stuk', 150, 600],
      ['Hostingpakket per maand', 'stuk', 10, 80],
    ],
    true,
  ),
  ...rows('servicesHigh', 'software', [['Implementatie maatwerk', 'uur', 90, 150]]),
  ...rows('servicesHigh', 'software', [['Licentie CRM per gebruiker per maand', 'stuk', 25, 60]], true),
  ...rows('low', 'food', [
    ['Koffiebonen', 'kg', 12, 30],
    ['Kaas Gouda belegen', 'kg', 10, 18],
    ['Appels Elstar', 'kg', 1.5, 3.5],
    ['Stroopwafels (doos 12 pakken)', 'doos', 15, 30],
    ['Frisdrank (doos 24 blikjes)', 'doos', 10, 20],
    ['Thee assortiment', 'doos', 6, 14],
    ['Boeket seizoensbloemen', 'stuk', 15, 45],
    ['Vakboek bedrijfsvoering', 'stuk', 25, 70],
  ]),
  ...rows('exempt', 'services', [
    ['Cursus BHV', 'stuk', 150, 350],
    ['Examengeld', 'stuk', 50, 250],
    ['Opleidingsdag', 'stuk', 250, 750],
    ['Statiegeld krat', 'stuk', 3.9, 3.9],
  ]),
  ...rows('reverseCharge', 'services', [
    ['Sloopwerkzaamheden onderaanneming', 'uur', 45, 70],
    ['Schilderwerk onderaanneming', 'uur', 40, 60],
    ['Stukadoorwerk onderaanneming', 'uur', 42, 62],
    ['Dakbedekking onderaanneming', 'm', 35, 80],
  ]),
];

/** Editions and colours of hardware sold per piece: `Laptop 14 inch zwart`, `Accuboormachine 18V Pro`. */
export const PRODUCT_VARIANTS = ['zwart', 'wit', 'grijs', 'antraciet', 'Pro', 'Basic', 'Plus'];
