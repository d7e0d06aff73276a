import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config';
import { ConfigError } from './config';

/**
 * APP_SECRET signs cookies and seals TOTP secrets. In production it must be given; elsewhere one is
 * generated once and kept in DATA_DIR (readable only by its owner), so restarts keep sessions valid.
 */
export function resolveAppSecret(config: Config): string {
  if (config.appSecret) return config.appSecret;
  if (config.env === 'production') throw new ConfigError('APP_SECRET (co najmniej 32 znaki) jest wymagany w produkcji. / APP_SECRET (at least 32 characters) is required in production.');
  const file = path.join(config.dataDir, 'app-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString('base64url');
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
