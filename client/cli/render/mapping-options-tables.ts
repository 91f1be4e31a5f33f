import type { MappingOptionsBody } from '../../admin-api/schemas/tenant-schemas';
import { renderTable } from './table';

type OptionList = MappingOptionsBody['snelstart']['btwSoorten'];

/** One table per list of options, titled the way the activation wizard names them. */
export function renderMappingOptions(options: MappingOptionsBody): string {
  const lists: [string, OptionList][] = [
    ['SnelStart btw soorten', options.snelstart.btwSoorten],
    ['SnelStart grootboeken', options.snelstart.grootboeken],
    ['SnelStart verkoopordersjablonen', options.snelstart.verkoopordersjablonen],
    ['Tribe VAT groups', options.tribe.vatGroups],
    ['Tribe ledger accounts', options.tribe.ledgerAccounts],
    ['Tribe address types', options.tribe.addressTypes],
    ['Tribe relation types', options.tribe.relationTypes],
  ];
  return lists
    .map(([title, list]) => {
      const body =
        list.length === 0
          ? '(none)'
          : renderTable(
              ['id', 'code', 'name'],
              list.map((option) => [option.id, option.code, option.name]),
            );
      return `${title}\n${body}`;
    })
    .join('\n\n');
}
