export { generateDemoData, type DemoData } from './generate-demo-data';
export { DEFAULT_NOW, DEFAULT_SEED, type GenerateDemoDataOptions } from './options';
export type { DemoDataSummary } from './summary';
export {
  DEMO_VERKOOPORDERSJABLOON_ID,
  demoActivationMappings,
  type DemoActivationMappings,
} from './demo-activation';
export { SNELSTART_IDS, TRIBE_IDS, wellKnownId, type CountryCode } from './well-known-ids';
export { FIRST_KLANT_CODE, FIRST_LEVERANCIER_CODE } from './relatiecodes';
export { writeSeedFile } from './seed-file';
export type * from './snelstart-seed';
export type * from './tribe-seed';
