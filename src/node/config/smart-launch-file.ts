import { readFile } from 'node:fs/promises';
import { fail, succeed, type Result } from '../../core/result';
import { parseSmartLaunchConfig, type SmartLaunchConfig } from '../../fhir/smart-launch-config';

// smart-launch.json read from disk and validated, for the node tools that must apply the organisation's
// settings exactly as the app does (its `scoring` thresholds and `instrumentMappings`): the sandbox, the
// CDS Hooks service and `npm run score`.

/** `text` is the file as read (the sandbox serves it to the app unchanged). */
export type SmartLaunchFile = Result<{ readonly config: SmartLaunchConfig; readonly text: string }>;

export async function readSmartLaunchFile(file: string): Promise<SmartLaunchFile> {
  let text: string;
  let json: unknown;
  try {
    text = await readFile(file, 'utf8');
    json = JSON.parse(text);
  } catch (error) {
    return fail(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseSmartLaunchConfig(json);
  return parsed.ok ? succeed({ config: parsed.value, text }) : fail(`${file} is invalid: ${parsed.error.join('; ')}`);
}
