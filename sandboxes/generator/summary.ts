/** Counts per category, so a run (or a test) can state what the data contains. */
export interface DemoDataSummary {
  readonly seed: number;
  readonly now: string;
  readonly snelstart: {
    /** All relaties, system rows included. */
    readonly relaties: number;
    readonly systemRelaties: number;
    readonly klanten: number;
    readonly leveranciers: number;
    readonly nonactief: number;
    /** Relaties outside the Netherlands (Belgium, Germany). */
    readonly foreign: number;
    readonly coreIncassoKlanten: number;
    readonly klantenWithActiveMandate: number;
    readonly incassomachtigingen: number;
    readonly revokedIncassomachtigingen: number;
    readonly artikelen: number;
    readonly artikelenNonActief: number;
  };
  readonly tribe: {
    /** All organisations, the tenant's own included. */
    readonly organisations: number;
    readonly addresses: number;
    readonly customers: number;
    readonly suppliers: number;
    readonly prospects: number;
    readonly products: number;
    readonly subscriptions: number;
    readonly sentInvoices: number;
    readonly draftInvoices: number;
    readonly salesOrders: number;
    readonly productLines: number;
    readonly attachments: number;
  };
  /** SnelStart organisations (a Klant + Leverancier pair counts once) by how Tribe already knows them. */
  readonly overlap: {
    readonly snelstartOrganisations: number;
    readonly matchByNumber: number;
    readonly matchByNameAddress: number;
    readonly matchByNameAddressFormatted: number;
    readonly ambiguousPairs: number;
    readonly snelstartOnly: number;
    readonly klantLeverancierPairs: number;
    readonly klantLeverancierPairsInTribe: number;
    readonly tribeOnly: number;
    readonly tribeOnlyCustomers: number;
    readonly tribeOnlySuppliers: number;
    readonly tribeOnlyCustomerAndSupplier: number;
    /** Organisations with only a prospect relationship (not counted in tribeOnly). */
    readonly tribeProspects: number;
  };
}
