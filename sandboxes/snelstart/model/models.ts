import { field, type FieldSchema, type ModelSchema } from './field-schema';

/**
 * The SnelStart B2B API v2 models the sandbox serves, transcribed from the official OpenAPI definition
 * (`SnelStart.B2B.Api.V2.Models.*`). Length limits listed here are the ones SnelStart reports through
 * ASP.NET ModelState; limits with their own error code are checked by the resource validators.
 */

const NS = 'SnelStart.B2B.Api.V2.Models';

function identifier(typeName: string, uriPrefix: string): ModelSchema {
  return {
    typeName: `${NS}.${typeName}`,
    uriPrefix,
    fields: { id: field.guid(), uri: field.readOnly(field.string()) },
  };
}

function reference(typeName: string, uriPrefix: string): FieldSchema {
  return field.object(identifier(typeName, uriPrefix));
}

const readOnlyId = field.readOnly(field.guid());
const uri = field.readOnly(field.string());
const modifiedOn = field.readOnly(field.datetime());

export const relatieReference = () => reference('Relaties.RelatieIdentifierModel', '/relaties');
const grootboekReference = () => reference('Grootboeken.GrootboekIdentifierModel', '/grootboeken');
const landReference = () => reference('Landen.LandIdentifierModel', '/landen');

export const adresModel: ModelSchema = {
  typeName: `${NS}.Relaties.AdresModel`,
  fields: {
    contactpersoon: field.string(50),
    straat: field.string(50),
    postcode: field.string(25),
    plaats: field.string(50),
    land: landReference(),
  },
};

const emailVersturenModel: ModelSchema = {
  typeName: `${NS}.Relaties.EmailVersturenModel`,
  fields: { shouldSend: field.boolean(), email: field.string(), ccEmail: field.string() },
};

const extraVeldModel: ModelSchema = {
  typeName: `${NS}.Relaties.ExtraVeldRelatieModel`,
  fields: { naam: field.string(), waarde: field.string() },
};

const documentReferenceModel: ModelSchema = {
  typeName: `${NS}.Documenten.DocumentModel`,
  fields: {
    parentIdentifier: field.guid(),
    fileName: field.string(),
    readOnly: field.boolean(),
    id: field.guid(),
    uri,
  },
};

export const RELATIESOORTEN = ['Klant', 'Leverancier', 'Eigen'] as const;

export const relatieModel: ModelSchema = {
  typeName: `${NS}.Relaties.RelatieModel`,
  fields: {
    relatiesoort: field.array({ kind: 'enum', values: RELATIESOORTEN }),
    modifiedOn,
    relatiecode: field.int(null),
    naam: field.string(50),
    vestigingsAdres: field.object(adresModel, 'empty'),
    correspondentieAdres: field.object(adresModel, 'empty'),
    telefoon: field.string(),
    mobieleTelefoon: field.string(),
    fax: field.readOnly(field.string()),
    email: field.string(),
    btwNummer: field.string(),
    factuurkorting: field.decimal(),
    krediettermijn: field.int(),
    bankieren: field.boolean(),
    nonactief: field.boolean(),
    kredietLimiet: field.decimal(),
    memo: field.string(),
    kvkNummer: field.string(),
    oin: field.string(),
    websiteUrl: field.string(100),
    aanmaningsoort: field.enum(['Nee', 'Onderneming', 'Consument'], 'Onderneming'),
    offerteEmailVersturen: field.object(emailVersturenModel, 'empty'),
    bevestigingsEmailVersturen: field.object(emailVersturenModel, 'empty'),
    factuurEmailVersturen: field.object(emailVersturenModel, 'empty'),
    aanmaningEmailVersturen: field.object(emailVersturenModel, 'empty'),
    offerteAanvraagEmailVersturen: field.object(emailVersturenModel, 'empty'),
    bestellingEmailVersturen: field.object(emailVersturenModel, 'empty'),
    ublBestandAlsBijlage: field.boolean(),
    iban: field.string(50),
    bic: field.string(15),
    incassoSoort: field.enum(['Geen', 'Core', 'B2B']),
    factuurRelatie: relatieReference(),
    inkoopBoekingenUri: field.readOnly(field.string()),
    verkoopBoekingenUri: field.readOnly(field.string()),
    documents: field.readOnly(field.array({ kind: 'object', model: documentReferenceModel })),
    id: readOnlyId,
    uri,
    extraVeldenKlant: field.readOnly(field.array({ kind: 'object', model: extraVeldModel })),
  },
};

export const doorlopendeIncassoMachtigingModel: ModelSchema = {
  typeName: `${NS}.Relaties.DoorlopendeIncassoMachtigingModel`,
  fields: {
    kenmerk: field.string(),
    afsluitDatum: field.datetime(),
    omschrijving: field.string(),
    klant: relatieReference(),
    intrekkingsDatum: field.datetime(),
    id: readOnlyId,
    uri,
  },
};

const subartikelModel: ModelSchema = {
  typeName: `${NS}.Artikelen.SubartikelModel`,
  fields: { artikelcode: field.string(), aantal: field.decimal(), id: field.guid(), uri },
};

export const artikelModel: ModelSchema = {
  typeName: `${NS}.Artikelen.ArtikelModel`,
  fields: {
    isHoofdartikel: field.readOnly(field.boolean()),
    subartikelen: field.readOnly(field.array({ kind: 'object', model: subartikelModel })),
    artikelcode: field.string(),
    omschrijving: field.string(),
    artikelOmzetgroep: reference('Artikelen.ArtikelOmzetGroepIdentifierModel', '/artikelomzetgroepen'),
    verkoopprijs: field.decimal(),
    inkoopprijs: field.decimal(),
    eenheid: field.string(),
    modifiedOn,
    relatie: relatieReference(),
    isNonActief: field.boolean(),
    voorraadControle: field.boolean(),
    technischeVoorraad: field.readOnly(field.decimal()),
    vrijeVoorraad: field.readOnly(field.decimal()),
    extraVelden: field.readOnly(field.array({ kind: 'object', model: extraVeldModel })),
    id: readOnlyId,
    uri,
  },
};

export const BTW_SOORTEN = ['Geen', 'Laag', 'Hoog', 'Overig'] as const;

export const artikelOmzetGroepModel: ModelSchema = {
  typeName: `${NS}.Artikelen.ArtikelOmzetGroepModel`,
  fields: {
    nummer: field.int(),
    omschrijving: field.string(50),
    verkoopGrootboekNederlandIdentifier: grootboekReference(),
    verkoopNederlandBtwSoort: field.enum(BTW_SOORTEN),
    id: readOnlyId,
    uri,
  },
};

const rgsModel: ModelSchema = {
  typeName: `${NS}.Grootboeken.RgsModel`,
  fields: { versie: field.string(), rgsCode: field.string() },
};

export const grootboekModel: ModelSchema = {
  typeName: `${NS}.Grootboeken.GrootboekModel`,
  fields: {
    modifiedOn,
    omschrijving: field.string(),
    kostenplaatsVerplicht: field.boolean(),
    rekeningCode: field.enum(['Balans', 'WinstEnVerlies']),
    nonactief: field.boolean(),
    nummer: field.int(),
    grootboekfunctie: field.string(),
    grootboekRubriek: field.readOnly(field.string()),
    rgsCode: field.readOnly(field.array({ kind: 'object', model: rgsModel })),
    btwSoort: field.readOnly(field.array({ kind: 'enum', values: BTW_SOORTEN })),
    vatRateCode: field.string(),
    id: readOnlyId,
    uri,
  },
};

export const landModel: ModelSchema = {
  typeName: `${NS}.Landen.LandModel`,
  fields: {
    naam: field.string(),
    landcodeISO: field.string(),
    landcode: field.string(),
    id: readOnlyId,
    uri,
  },
};

export const VERKOOP_BTW_SOORTEN = [
  'Geen',
  'VerkopenLaag',
  'VerkopenHoog',
  'VerkopenOverig',
  'VerkopenVerlegd',
  'InkopenLaag',
  'InkopenHoog',
  'InkopenOverig',
] as const;

const eenmaligeIncassoMachtigingModel: ModelSchema = {
  typeName: `${NS}.VerkoopBoekingen.VerkoopBoekingEenmaligeIncassoMachtigingModel`,
  fields: { kenmerk: field.string(), omschrijving: field.string(), datum: field.datetime() },
};

// btwSoort values are read as plain strings so a value from the other vocabulary reaches the
// validator, which answers BOE-0082 like SnelStart does.
const verkoopBoekingRegelModel: ModelSchema = {
  typeName: `${NS}.VerkoopBoekingen.VerkoopBoekingRegelModel`,
  fields: {
    omschrijving: field.string(),
    grootboek: grootboekReference(),
    kostenplaats: reference('Kostenplaatsen.KostenplaatsIdentifierModel', '/kostenplaatsen'),
    bedrag: field.decimal(),
    btwSoort: field.string(),
  },
};

const verkoopBoekingBtwRegelModel: ModelSchema = {
  typeName: `${NS}.VerkoopBoekingen.VerkoopBoekingBtwRegelModel`,
  fields: { btwSoort: field.string(), btwBedrag: field.decimal() },
};

export const verkoopBoekingModel: ModelSchema = {
  typeName: `${NS}.VerkoopBoekingen.VerkoopBoekingModel`,
  fields: {
    modifiedOn,
    boekstuk: field.string(),
    gewijzigdDoorAccountant: field.boolean(),
    markering: field.boolean(),
    factuurdatum: field.datetime(),
    factuurnummer: field.string(),
    klant: relatieReference(),
    omschrijving: field.string(),
    factuurbedrag: field.decimal(),
    betalingstermijn: field.int(null),
    eenmaligeIncassoMachtiging: field.object(eenmaligeIncassoMachtigingModel),
    doorlopendeIncassoMachtiging: reference(
      'VerkoopBoekingen.IncassoMachtigingIdentifierModel',
      '/doorlopendeincassomachtigingen',
    ),
    boekingsregels: field.array({ kind: 'object', model: verkoopBoekingRegelModel }),
    btw: field.array({ kind: 'object', model: verkoopBoekingBtwRegelModel }),
    documents: field.readOnly(field.array({ kind: 'object', model: documentReferenceModel })),
    id: readOnlyId,
    uri,
  },
};

export const verkoopfactuurModel: ModelSchema = {
  typeName: `${NS}.Verkoopfacturen.VerkoopfactuurModel`,
  fields: {
    verkoopBoeking: reference('VerkoopBoekingen.VerkoopboekingIdentifierModel', '/verkoopboekingen'),
    modifiedOn,
    openstaandSaldo: field.decimal(),
    factuurnummer: field.string(),
    vervalDatum: field.datetime(),
    relatie: relatieReference(),
    factuurDatum: field.datetime(),
    factuurBedrag: field.decimal(),
    verkoopOrders: field.array({
      kind: 'object',
      model: identifier('Verkooporders.VerkoopOrderIdentifierModel', '/verkooporders'),
    }),
    id: readOnlyId,
    uri,
  },
};

const ingaveGegevenModel: ModelSchema = {
  typeName: `${NS}.Verkooporders.IngaveGegevenModel`,
  fields: { veldNummer: field.int(), omschrijving: field.readOnly(field.string()), waarde: field.string() },
};

const verkooporderRegelModel: ModelSchema = {
  typeName: `${NS}.Verkooporders.VerkooporderRegelModel`,
  fields: {
    artikel: reference('Artikelen.ArtikelIdentifierModel', '/artikelen'),
    omschrijving: field.string(),
    stuksprijs: field.decimal(null),
    aantal: field.decimal(1),
    kortingsPercentage: field.decimal(),
    totaal: field.readOnly(field.decimal()),
    extraRegelVelden: field.array({ kind: 'object', model: ingaveGegevenModel }),
  },
};

export const PROCES_STATUSSEN = [
  'Order',
  'Offerte',
  'Bevestiging',
  'Werkbon',
  'Pakbon',
  'Afhaalbon',
  'Contantbon',
  'Factuur',
] as const;

export const verkoopOrderModel: ModelSchema = {
  typeName: `${NS}.Verkooporders.VerkoopOrderModel`,
  fields: {
    relatie: relatieReference(),
    procesStatus: field.enum(PROCES_STATUSSEN),
    nummer: field.int(null),
    modifiedOn,
    datum: field.datetime(),
    krediettermijn: field.int(null),
    geblokkeerd: field.boolean(),
    omschrijving: field.string(),
    betalingskenmerk: field.string(),
    incassomachtiging: reference(
      'VerkoopBoekingen.IncassoMachtigingIdentifierModel',
      '/doorlopendeincassomachtigingen',
    ),
    afleveradres: field.object(adresModel, 'empty'),
    factuuradres: field.object(adresModel, 'empty'),
    verkooporderBtwIngaveModel: field.enum(['Inclusief', 'Exclusief'], 'Exclusief'),
    kostenplaats: reference('Kostenplaatsen.KostenplaatsIdentifierModel', '/kostenplaatsen'),
    regels: field.array({ kind: 'object', model: verkooporderRegelModel }),
    memo: field.string(),
    orderreferentie: field.string(),
    factuurkorting: field.decimal(),
    verkoopfactuur: field.readOnly(
      reference('Verkoopfacturen.VerkoopfactuurIdentifierModel', '/verkoopfacturen'),
    ),
    verkoopordersjabloon: reference(
      'Verkoopordersjablonen.VerkoopordersjabloonIdentifierModel',
      '/verkoopordersjablonen',
    ),
    verkoopOrderStatus: field.enum(['InBehandeling', 'Uitgevoerd', 'Service']),
    totaalExclusiefBtw: field.readOnly(field.decimal()),
    totaalInclusiefBtw: field.readOnly(field.decimal()),
    extraHoofdVelden: field.array({ kind: 'object', model: ingaveGegevenModel }),
    id: readOnlyId,
    uri,
  },
};

const ingaveGegevenSjabloonModel: ModelSchema = {
  typeName: `${NS}.Verkoopordersjablonen.IngaveGegevenSjabloonModel`,
  fields: {
    veldNummer: field.int(),
    omschrijving: field.string(),
    ingaveMasker: field.string(),
    soortVeld: field.string(),
    maximumTekstLengte: field.int(),
  },
};

export const verkoopordersjabloonModel: ModelSchema = {
  typeName: `${NS}.Verkoopordersjablonen.VerkoopOrderSjabloonModel`,
  fields: {
    omschrijving: field.string(),
    nonactief: field.boolean(),
    prijsIngaveExclusiefBtw: field.boolean(true),
    nieuweOrdersBlokkeren: field.boolean(),
    extraHoofdVelden: field.array({ kind: 'object', model: ingaveGegevenSjabloonModel }),
    extraRegelVelden: field.array({ kind: 'object', model: ingaveGegevenSjabloonModel }),
    id: readOnlyId,
    uri,
  },
};

export const documentContentModel: ModelSchema = {
  typeName: `${NS}.Documenten.DocumentContentModel`,
  fields: {
    content: field.string(),
    parentIdentifier: field.guid(),
    fileName: field.string(),
    readOnly: field.boolean(),
    id: readOnlyId,
    uri,
  },
};
