// The NSF (nomenclature des spécialités de formation, Code de l'éducation art. D311-4), generated once from
// reference/nsf.csv and reference/nsf-letters.csv (provenance: reference/SOURCES.md); nsf.unit.test.ts checks both agree.

/** code → [label, parent code] for the 4 domains, 17 sub-domains and 93 speciality groups */
export const NSF: Record<string, readonly [string, string | null]> = {
  '1': ['Domaines disciplinaires', null],
  '10': ['Formations générales', '1'],
  '100': ['Formations générales', '10'],
  '11': ['Mathématiques et sciences', '1'],
  '110': ['Spécialités pluriscientifiques', '11'],
  '111': ['Physique-chimie', '11'],
  '112': ['Chimie-biologie, biochimie', '11'],
  '113': ['Sciences naturelles (biologie-géologie)', '11'],
  '114': ['Mathématiques', '11'],
  '115': ['Physique', '11'],
  '116': ['Chimie', '11'],
  '117': ['Sciences de la Terre', '11'],
  '118': ['Sciences de la vie', '11'],
  '12': ['Sciences humaines et droit', '1'],
  '120': ['Spécialités pluridisciplinaires. Sciences humaines et droit', '12'],
  '121': ['Géographie', '12'],
  '122': ['Economie', '12'],
  '123': ['Sciences (y compris démographie, anthropologie)', '12'],
  '124': ['Psychologie', '12'],
  '125': ['Linguistique', '12'],
  '126': ['Histoire', '12'],
  '127': ['Philosophie, éthique et théologie', '12'],
  '128': ['Droit, sciences politiques', '12'],
  '13': ['Lettres et arts', '1'],
  '130': ['Spécialités littéraires et artistiques plurivalentes', '13'],
  '131': ['Français, littérature et civilisation française', '13'],
  '132': ['Arts plastiques', '13'],
  '133': ['Musique, arts du spectacle', '13'],
  '134': ['Autres disciplines artistiques et spécialités artistiques plurivalentes', '13'],
  '135': ['Langues et civilisations anciennes', '13'],
  '136': ['Langues vivantes, civilisations étrangères et régionales', '13'],
  '2': ['Domaines technico-professionnels de la production', null],
  '20': ['Spécialités pluritechnologiques de la production', '2'],
  '200': [
    'Technologies industrielles fondamentales (génie industriel et procédés de transformation, spécialités à dominante fonctionnelle)',
    '20',
  ],
  '201': [
    'Technologies de commandes des transformations industrielles (automatismes et robotique industriels, informatique industrielle)',
    '20',
  ],
  '21': ['Agriculture, pêche, forêt et espaces verts', '2'],
  '210': ["Spécialités plurivalentes de l'agronomie et de l'agriculture", '21'],
  '211': [
    'Productions végétales, cultures spécialisées et protection des cultures (horticulture, viticulture, arboriculture fruitière...)',
    '21',
  ],
  '212': ['Productions animales, élevage spécialisé, aquaculture, soins aux animaux (y compris vétérinaire)', '21'],
  '213': ['Forêts, espaces naturels, faune sauvage, pêche', '21'],
  '214': ['Aménagement paysager (parcs, jardins, espaces verts, terrains de sport)', '21'],
  '22': ['Transformations', '2'],
  '220': ['Spécialités pluritechnologiques des transformations', '22'],
  '221': ['Agro-alimentaire, alimentation, cuisine', '22'],
  '222': ['Transformations chimiques et apparentées (y compris industrie pharmaceutique)', '22'],
  '223': ['Métallurgie (y compris sidérurgie, fonderie, non-ferreux)', '22'],
  '224': ['Matériaux de construction, verre, céramique', '22'],
  '225': ['Plasturgie, matériaux composites', '22'],
  '226': ['Papier, carton', '22'],
  '227': [
    'Energie, génie climatique (y compris énergie nucléaire, thermique, hydraulique ; utilités ; froid, climatisation, chauffage)',
    '22',
  ],
  '23': ['Génie civil, construction, bois', '2'],
  '230': ['Spécialités pluritechnologiques. Génie civil, construction, bois', '23'],
  '231': ['Mines et carrières, génie civil, topographie', '23'],
  '232': ['Bâtiment : construction et couverture', '23'],
  '233': ['Bâtiment : finitions', '23'],
  '234': ["Travail du bois et de l'ameublement", '23'],
  '24': ['Matériaux souples', '2'],
  '240': ['Spécialités pluritechnologiques Matériaux souples', '24'],
  '241': ['Textile', '24'],
  '242': ['Habillement (y compris mode, couture)', '24'],
  '243': ['Cuirs et peaux', '24'],
  '25': ['Mécanique, électricité, électronique', '2'],
  '250': ['Spécialités pluritechnologiques Mécanique-électricité (y compris maintenance mécano-électrique)', '25'],
  '251': ['Mécanique générale et de précision, usinage', '25'],
  '252': ['Moteurs et mécanique auto', '25'],
  '253': ['Mécanique aéronautique et spatiale', '25'],
  '254': ["Structures métalliques (y compris soudure, carrosserie, coque de bateau, cellule d'avion)", '25'],
  '255': ['Electricité, électronique (non compris automatismes, productique)', '25'],
  '3': ['Domaines technico-professionnels des services', null],
  '30': ['Spécialités plurivalentes des services', '3'],
  '300': ['Spécialités plurivalentes des services', '30'],
  '31': ['Echanges et gestion', '3'],
  '310': [
    'Spécialités plurivalentes des échanges et de la gestion (y compris administration générale des entreprises et des collectivités)',
    '31',
  ],
  '311': ['Transport, manutention, magasinage', '31'],
  '312': ['Commerce, vente', '31'],
  '313': ['Finance, banques, assurances', '31'],
  '314': ['Comptabilité, gestion', '31'],
  '315': ["Ressources humaines, gestion du personnel, gestion de l'emploi", '31'],
  '32': ['Communication et information', '3'],
  '320': ['Spécialités plurivalentes de la communication', '32'],
  '321': ['Journalisme et communication (y compris communication graphique et publicité)', '32'],
  '322': ["Techniques de l'imprimerie et de l'édition", '32'],
  '323': ["Techniques de l'image et du son, métiers connexes du spectacle", '32'],
  '324': ['Secrétariat, bureautique', '32'],
  '325': ['Documentation, bibliothèques, administration des données', '32'],
  '326': ["Informatique, traitement de l'information, réseau de transmission des données", '32'],
  '33': ['Services aux personnes', '3'],
  '330': ['Spécialités plurivalentes sanitaires et sociales', '33'],
  '331': ['Santé', '33'],
  '332': ['Travail social', '33'],
  '333': ['Enseignement formation', '33'],
  '334': ['Accueil, hôtellerie, tourisme', '33'],
  '335': ['Animation culturelle, sportive et de loisirs', '33'],
  '336': ['Coiffure, esthétique et autres spécialités des services aux personnes', '33'],
  '34': ['Services à la collectivité', '3'],
  '340': ['Spécialités plurivalentes des services à la collectivité', '34'],
  '341': ['Aménagement du territoire, développement, urbanisme', '34'],
  '342': ['Protection et développement du patrimoine', '34'],
  '343': ["Nettoyage, assainissement, protection de l'environnement", '34'],
  '344': ['Sécurité des biens et des personnes, police, surveillance (y compris hygiène et sécurité)', '34'],
  '345': ['Application des droits et statuts des personnes', '34'],
  '346': ['Spécialités militaires', '34'],
  '4': ['Domaines du développement personnel', null],
  '41': ['Domaines des capacités individuelles', '4'],
  '410': ['Spécialités concernant plusieurs capacités', '41'],
  '411': ['Pratiques sportives (y compris arts martiaux)', '41'],
  '412': ['Développement des capacités mentales et apprentissage de base', '41'],
  '413': ['Développement des capacités comportementales et relationnelles', '41'],
  '414': ["Développement des capacités individuelles d'organisation", '41'],
  '415': [
    "Développement des capacités d'orientation, d'insertion ou de réinsertion sociales et professionnelles",
    '41',
  ],
  '42': ['Domaines des activités quotidiennes et de loisirs', '4'],
  '421': ['Jeux et activités spécifiques de loisirs', '42'],
  '422': ['Economie et activités domestiques', '42'],
  '423': ['Vie familiale, vie sociale et autres formations au développement personnel', '42'],
}

/** the letter that refines a group (311m): application fields a–g, functions m–w, z personal development */
export const NSF_LETTERS: Record<string, string> = {
  a: 'Champ non indiqué',
  b: 'Outils, méthodes et modèles',
  c: 'Application à une discipline scientifique',
  d: 'Application à une discipline du droit et des sciences humaines',
  e: 'Application à une discipline des lettres, arts et langues',
  f: 'Application à une technologie ou à une activité de production',
  g: 'Application à une activité des services',
  m: 'Fonction non indiquée ou plurifonctionnelle',
  n: 'Conception',
  p: 'Organisation, gestion',
  r: 'Contrôle, prévention, entretien',
  s: 'Production',
  t: 'Réalisation du service',
  u: 'Conduite, surveillance de machine',
  v: "Production à caractère artistique (métiers d'art)",
  w: 'Commercialisation',
  z: 'Développement personnel',
}

/** a speciality group (3 digits), optionally refined by a letter: 311, 311m */
export const NSF_CODE = /^[0-9]{3}[a-z]?$/

/** the French label of an NSF code (group and letter), or null when the code is not in the nomenclature */
export function nsfLabel(code: string): string | null {
  if (!NSF_CODE.test(code)) return null
  const group = NSF[code.slice(0, 3)]
  if (!group) return null
  const letter = code.slice(3)
  if (!letter) return group[0]
  const refined = NSF_LETTERS[letter]
  return refined ? `${group[0]} — ${refined}` : null
}

/** the 93 speciality groups, in code order, for a select */
export const nsfGroups = Object.entries(NSF)
  .filter(([code]) => code.length === 3)
  .map(([code, [label]]) => ({ code, label }))
