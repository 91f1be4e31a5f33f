import type { Command } from 'commander';
import type { ActivationResultBody } from '../../admin-api/schemas/tenant-schemas';
import { writeJson, writeLine } from '../cli-io';
import { readJsonFile } from '../read-json-file';
import { examples, type CommandContext } from './command-context';

export function addActivateCommands(tenant: Command, context: CommandContext): void {
  tenant
    .command('activate')
    .description(
      'Activate a tenant from an activation file: validates the credentials and mappings against ' +
        'SnelStart and Tribe, then starts the initial sync',
    )
    .requiredOption('--file <path>', 'the activation file (JSON)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      examples('koppeling tenant activate --file activation.json', 'koppeling tenant status acme --watch'),
    )
    .action(async (options: { file: string; json?: boolean }) => {
      const activationFile = await readJsonFile(options.file, 'activation file');
      const result = await context.client().activate(activationFile);
      if (options.json) return writeJson(context.io.stdout, result);
      writeLine(context.io.stdout, `Activated tenant ${result.tenantId} (workflow ${result.workflowId}).`);
      writeActivationDetails(context, result);
      writeLine(
        context.io.stdout,
        `The initial sync has started; follow it with: koppeling tenant status ${result.tenantId} --watch`,
      );
    });

  tenant
    .command('update-config')
    .description("Replace an active tenant's mappings and settings; its sync state is kept")
    .argument('<tenant>', 'tenant id')
    .requiredOption('--file <path>', 'the activation file (JSON) with the new mappings')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', examples('koppeling tenant update-config acme --file activation.json'))
    .action(async (tenantId: string, options: { file: string; json?: boolean }) => {
      const activationFile = await readJsonFile(options.file, 'activation file');
      const result = await context.client().updateConfig(tenantId, activationFile);
      if (options.json) return writeJson(context.io.stdout, result);
      writeLine(context.io.stdout, `Updated the configuration of tenant ${result.tenantId}.`);
      writeActivationDetails(context, result);
    });
}

function writeActivationDetails({ io }: CommandContext, result: ActivationResultBody): void {
  writeLine(io.stdout, `  SnelStart package: ${result.snelstartPackage}`);
  writeLine(io.stdout, `  Administratie:     ${result.administratieNaam ?? '-'}`);
  if (result.warnings.length > 0) {
    writeLine(io.stdout, 'Warnings:');
    for (const warning of result.warnings) writeLine(io.stdout, `  - ${warning}`);
  }
}
