import type { Command } from 'commander';
import { CliError, ExitCode } from '../cli-error';
import { writeJson, writeLine } from '../cli-io';
import { readJsonFile } from '../read-json-file';
import { renderMappingOptions } from '../render/mapping-options-tables';
import { examples, type CommandContext } from './command-context';

export function addMappingOptionsCommand(program: Command, context: CommandContext): void {
  program
    .command('mapping-options')
    .description(
      'List the options for every mapping: SnelStart btw soorten, grootboeken and sjablonen; Tribe VAT ' +
        'groups, ledger accounts, address types and relation types. Of an activated tenant, or before ' +
        'activation with the credentials of a draft activation file (--file)',
    )
    .argument('[tenant]', 'tenant id (an activated tenant)')
    .option('--file <path>', 'a (draft) activation file: only its snelstart and tribe credentials are used')
    .option('--json', 'print the options as JSON')
    .addHelpText(
      'after',
      examples(
        'koppeling mapping-options acme',
        'koppeling mapping-options --file acme.json',
        'koppeling mapping-options acme --json',
      ),
    )
    .action(async (tenantId: string | undefined, options: { json?: boolean; file?: string }) => {
      if ((tenantId === undefined) === (options.file === undefined)) {
        throw new CliError(
          ExitCode.badInput,
          'Name an activated tenant (koppeling mapping-options acme) or a draft activation file (--file acme.json), not both.',
        );
      }
      const mappingOptions = options.file
        ? await context.client().mappingOptionsFor(await readJsonFile(options.file, 'activation file'))
        : await context.client().mappingOptions(tenantId!);
      if (options.json) return writeJson(context.io.stdout, mappingOptions);
      writeLine(context.io.stdout, renderMappingOptions(mappingOptions));
    });
}
