// Random session scores for synthetic clients: an intake, a drift and noise, an alliance level, a WAI-SR
// every fourth session. Shared by the benchmark population and the sandbox's caseload fillers.
import type { Random } from './prng';
import { randomInt } from './prng';
import type { SessionScores } from './stories';

const tenth = (value: number): number => Math.round(Math.min(40, Math.max(0, value)) * 10) / 10;

export function sessions(random: Random, most = 30): SessionScores[] {
  const count = randomInt(random, 1, most);
  const intake = 8 + random() * 24;
  const slope = -0.4 + random() * 1.4;
  const alliance = 30 + random() * 10;
  return Array.from({ length: count }, (_, i) => ({
    outcome: tenth(intake + slope * i + (random() - 0.5) * 3),
    alliance: tenth(alliance + (random() - 0.5) * 2),
    ...(i % 4 === 3 ? { wai: [3 + random() * 2, 3 + random() * 2, 3 + random() * 2] as const } : {}),
  }));
}
