import { SnelStartClient } from '../../api-clients/snelstart';
import { TribeClient } from '../../api-clients/tribe';
import { findTribeCandidates } from '../../activities/sync/tribe-candidates';
import type { Endpoints } from '../../activities/dependencies';
import type { ActivationConfig } from '../../domain/activation-config';
import { decideProductMatches, decideRelationMatches, relationBatchLookup } from '../../domain/matching';
import type { PreviewReport, PreviewRow } from './operator-service';

/**
 * The initial sync's matching, run against the live systems without writing anything: per relatie and
 * artikel what would happen and by which rule. Nothing is linked yet before activation, so every relatie is
 * matched by number or by name and address, or created.
 */
export async function previewInitialSync(
  config: ActivationConfig,
  endpoints: Endpoints,
): Promise<PreviewReport> {
  const snelstart = new SnelStartClient({
    ...endpoints.snelstart,
    koppelsleutel: config.snelstart.koppelsleutel,
  });
  const tribe = new TribeClient({
    ...endpoints.tribe,
    clientId: config.tribe.clientId,
    clientSecret: config.tribe.clientSecret,
  });
  const rows: PreviewRow[] = [];
  try {
    for await (const relaties of snelstart.relatiePages()) {
      const organisations = await findTribeCandidates(tribe, relationBatchLookup(relaties, []));
      const byId = new Map(relaties.map((relatie) => [relatie.id, relatie]));
      for (const decision of decideRelationMatches({
        relaties,
        links: [],
        tribeOrganisations: [...organisations.values()],
      })) {
        const relatie = byId.get(decision.snelstartId);
        rows.push({
          entity: 'relation',
          snelstartId: decision.snelstartId,
          code: relatie?.relatiecode == null ? null : String(relatie.relatiecode),
          name: relatie?.naam ?? '',
          outcome: decision.kind === 'missing-link' ? 'ambiguous' : decision.kind,
          rule: decision.rule,
          tribeId: decision.tribeId ?? null,
          candidates: [...(decision.candidates ?? [])],
          reason: decision.reason ?? null,
        });
      }
    }
    for await (const artikelen of snelstart.artikelPages()) {
      const byId = new Map(artikelen.map((artikel) => [artikel.id, artikel]));
      for (const decision of decideProductMatches({
        artikelen,
        links: [],
        existingTribeProductIds: new Set(),
      })) {
        const artikel = byId.get(decision.snelstartId);
        rows.push({
          entity: 'product',
          snelstartId: decision.snelstartId,
          code: artikel?.artikelcode ?? null,
          name: artikel?.omschrijving ?? '',
          outcome: decision.kind === 'missing-link' ? 'ambiguous' : decision.kind,
          rule: decision.rule,
          tribeId: decision.tribeId ?? null,
          candidates: [],
          reason: decision.reason ?? null,
        });
      }
    }
  } finally {
    snelstart.close();
  }
  const totals: PreviewReport['totals'] = { linked: 0, matched: 0, create: 0, skip: 0, ambiguous: 0 };
  for (const row of rows) totals[row.outcome] += 1;
  return { rows, totals };
}
