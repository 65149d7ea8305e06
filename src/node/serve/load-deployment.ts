import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseSmartLaunchConfig } from '../../fhir/smart-launch-config';
import { parseDeployConfig, type DeployConfig } from './deploy-config';

async function readJson(path: string, what: string): Promise<unknown> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new Error(`${what}: cannot read ${path}`);
  });
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what}: ${path} is not valid JSON`);
  }
}

/** Reads and validates the deployment configuration and the smart-launch.json it names; throws a message naming each wrong field. */
export async function loadDeployment(configPath: string): Promise<{ config: DeployConfig; smartLaunchJson: string }> {
  const parsed = parseDeployConfig(await readJson(configPath, 'deployment configuration'));
  if (!parsed.ok) throw new Error(`deployment configuration ${configPath}:\n  ${parsed.error.join('\n  ')}`);
  const smartLaunchPath = resolve(dirname(configPath), parsed.value.smartLaunchFile);
  const launch = await readJson(smartLaunchPath, 'smart-launch.json');
  const checked = parseSmartLaunchConfig(launch);
  if (!checked.ok) throw new Error(`smart-launch.json ${smartLaunchPath}:\n  ${checked.error.join('\n  ')}`);
  return { config: parsed.value, smartLaunchJson: JSON.stringify(checked.value) };
}
