import type { Command } from 'commander';
import { writeJson, writeLine } from '../cli-io';
import { renderPreview } from '../render/preview-table';
import { readJsonFile } from '../read-json-file';
import { examples, type CommandContext } from './command-context';

export function addPreviewCommand(tenant: Command, context: CommandContext): void {
  tenant
    .command('preview')
    .description(
      'Show what the initial sync would do with every SnelStart relation and product (link, match, ' +
        'create, skip or ambiguous) without writing anything',
    )
    .requiredOption('--file <path>', 'the activation file (JSON)')
    .option('--json', 'print the preview as JSON')
    .addHelpText('after', examples('koppeling tenant preview --file activation.json'))
    .action(async (options: { file: string; json?: boolean }) => {
      const activationFile = await readJsonFile(options.file, 'activation file');
      const report = await context.client().preview(activationFile);
      if (options.json) return writeJson(context.io.stdout, report);
      writeLine(context.io.stdout, renderPreview(report));
    });
}
