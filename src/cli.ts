import { parseArgs } from 'node:util';
import { BACKUP_HELP, backupCommand, restoreCommand } from './cli/backup';
import { BUDGET_HELP, budgetCommand } from './cli/budget';
import { DOCTOR_HELP, doctorCommand } from './cli/doctor';
import { MOVE_HELP, moveCommand } from './cli/move';
import { appRoleWorks } from './cli/repository-doctor';
// The module list installs every module's messages (field errors below are translated).
import './modules';
import { inviteStaff } from './modules/staff';
import { derivedKey } from './platform/auth/tokens';
import { loadConfig } from './platform/config';
import { migrate } from './platform/db/migrate';
import { openDatabase } from './platform/db/open';
import type { Database } from './platform/db/types';
import { NO_CONTEXT } from './platform/db/types';
import { AppError, fieldMessageKey } from './platform/http/errors';
import { translator } from './platform/i18n';
import { useSealKey } from './platform/jobs/outbox';
import { resolveAppSecret } from './platform/secret';
import { municipalities } from './platform/tenancy/repository';
import { createMunicipality } from './platform/tenancy/service';
import { lockDemoAccounts } from './seed/demo';

const HELP = `Wspólnota — polecenia operatora platformy

  npm run migrate
      stosuje migracje bazy danych

  npm run cli -- municipality create --name "Miasto Żyrardów" --teryt 1438011 --slug zyrardow \\
      [--cus-name "Centrum Usług Społecznych w Żyrardowie"] --admin-email admin@example.pl
      tworzy gminę i zaprasza jej pierwszego administratora (link w e-mailu i na ekranie)

  npm run cli -- municipality list
      wypisuje gminy

  npm run cli -- demo lock
      konta demonstracyjne z hasłem z README dostają losowe hasła (produkcja nie startuje, póki są)

${DOCTOR_HELP}

${MOVE_HELP}

${BACKUP_HELP}

${BUDGET_HELP}

Baza: DATABASE_URL (PostgreSQL) albo PGlite w DATA_DIR (serwer musi być wtedy zatrzymany).`;

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // Mail queued here (an administrator's invitation) is sealed under the server's key.
  useSealKey(derivedKey(resolveAppSecret(config), 'outbox'));
  const db = await openDatabase(config);
  try {
    await migrate(db);
    // Before anything is written: the app's login must act as wspolnota_app (else a command would stop half-way).
    if (!(await appRoleWorks(db))) {
      const login = config.databaseUrl ? decodeURIComponent(new URL(config.databaseUrl).username) : '…';
      throw new Error(`DATABASE_URL loguje się jako ${login}, który nie jest członkiem wspolnota_app. Jako superużytkownik: GRANT wspolnota_app TO ${login};\n` +
        `(the app login must be a member of wspolnota_app; nothing was changed)`);
    }
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === 'doctor') return doctorCommand();
  if (group === 'move') return moveCommand(argv.slice(1));
  if (group === 'backup') return backupCommand(argv.slice(1));
  if (group === 'restore') return restoreCommand(argv.slice(1));
  if (group === 'budget') return budgetCommand(argv.slice(1));
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      teryt: { type: 'string' },
      slug: { type: 'string' },
      'cus-name': { type: 'string' },
      'admin-email': { type: 'string' },
    },
    strict: true,
  });
  if (group === 'migrate') {
    const db = await openDatabase(loadConfig());
    const applied = await migrate(db).finally(() => db.close());
    console.log(applied.length ? `Zastosowano: ${applied.join(', ')}` : 'Baza jest aktualna.');
    return 0;
  }
  if (group === 'municipality' && command === 'list') {
    const list = await withDb((db) => db.tx(NO_CONTEXT, (sql) => municipalities.list(sql)));
    if (list.length === 0) console.log('Brak gmin.');
    for (const m of list) console.log(`${m.slug.padEnd(24)} ${m.teryt}  ${m.name}`);
    return 0;
  }
  if (group === 'municipality' && command === 'create') {
    const config = loadConfig();
    const adminEmail = values['admin-email']?.trim().toLowerCase();
    if (!adminEmail || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(adminEmail)) {
      console.error('Podaj --admin-email: adres pierwszego administratora gminy.');
      return 2;
    }
    return withDb(async (db) => {
      const name = values.name ?? '';
      const m = await createMunicipality(db, {
        name,
        teryt: values.teryt ?? '',
        slug: values.slug ?? '',
        cusName: values['cus-name'] ?? `Centrum Usług Społecznych — ${name}`,
      });
      const { link } = await inviteStaff(
        { db, publicUrl: config.publicUrl },
        { municipalityId: m.id, userId: null },
        m,
        { email: adminEmail, roles: ['administrator'], locale: 'pl' },
        { userId: null, label: 'operator (cli)', ip: '', userAgent: 'cli', requestId: '' },
      );
      console.log(`Utworzono gminę ${m.name} (${m.teryt}) pod adresem ${config.publicUrl}/${m.slug}`);
      console.log(`Zaproszenie dla administratora ${adminEmail} (ważne 7 dni):\n  ${link}`);
      return 0;
    });
  }
  if (group === 'demo' && command === 'lock') {
    const locked = await withDb((db) => lockDemoAccounts(db));
    console.log(locked.length ? `Zablokowano konta demonstracyjne:\n${locked.map((e) => `  ${e}`).join('\n')}` : 'Żadne konto nie ma hasła demonstracyjnego.');
    return 0;
  }
  console.log(HELP);
  return group === undefined || group === 'help' || group === '--help' ? 0 : 2;
}

run(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err) => {
    if (err instanceof AppError && err.fields) {
      const { t } = translator('pl');
      for (const [field, e] of Object.entries(err.fields)) console.error(`--${field}: ${t(fieldMessageKey(e.code), e.params)}`);
    } else {
      console.error(err instanceof Error ? err.message : err);
    }
    process.exit(2);
  });
