// What to do when a `jalon` command finds the PGlite folder held by another process (usually the running server).

const ways: Record<string, string> = {
  import: 'Pour importer pendant que le serveur tourne, passez par l’API : POST /api/exchange/import (petits lots).',
  export: 'Pour exporter pendant que le serveur tourne, passez par l’API : GET /api/exchange/export.',
  report:
    'Pour calculer le rapport pendant que le serveur tourne, passez par l’API : GET /api/reports/annual?from=…&to=…' +
    '&format=json|xlsx|pdf.',
  migrate: 'Le serveur applique les migrations à chaque démarrage : cette commande est inutile pendant qu’il tourne.',
  demo: 'Le serveur charge la démonstration lui-même au démarrage sur une base vide (DEMO=auto).',
}

/** The French advice printed after FolderHeldError's message, for the command `name` (`serve` for the server). */
export function folderHeldAdvice(name: string) {
  const alternatives =
    name === 'serve'
      ? 'Un serveur Jalon tourne-t-il déjà sur ce dossier ? Arrêtez-le (Ctrl+C ou SIGTERM) ou choisissez un autre PGLITE_DIR.'
      : 'Sinon : arrêtez le serveur (Ctrl+C ou SIGTERM), lancez la commande, puis redémarrez-le ; ou utilisez PostgreSQL ' +
        '(DATABASE_URL), qui accepte plusieurs processus à la fois.'
  return [ways[name], alternatives].filter(Boolean).join('\n')
}
