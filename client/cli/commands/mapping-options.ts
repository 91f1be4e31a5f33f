import type { Command } from 'commander';
import { writeJson, writeLine } from '../cli-io';
import { renderMappingOptions } from '../render/mapping-options-tables';
import { examples, type CommandContext } from './command-context';

export function addMappingOptionsCommand(program: Command, context: CommandContext): void {
  program
    .command('mapping-options')
    .description(
      'List the options for every mapping: SnelStart btw soorten, grootboeken and sjablonen; Tribe VAT ' +
        'groups, ledger accounts, address types and relation types',
    )
    .argument('<tenant>', 'tenant id')
    .option('--json', 'print the options as JSON')
    .addHelpText('after', examples('koppeling mapping-options acme', 'koppeling mapping-options acme --json'))
    .action(async (tenantId: string, options: { json?: boolean }) => {
      const mappingOptions = await context.client().mappingOptions(tenantId);
      if (options.json) return writeJson(context.io.stdout, mappingOptions);
      writeLine(context.io.stdout, renderMappingOptions(mappingOptions));
    });
}
