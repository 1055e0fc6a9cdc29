const list = (s: string) => s.split(', ')

// Fictitious people: first names common among those born 1982–1993 in France, family names common on the Flemish
// coast and in France. Any likeness to a real person is chance.

export const MALE_FIRST_NAMES = list(
  'Kévin, Anthony, Julien, Mickaël, Jérémy, Maxime, Nicolas, Thomas, Romain, Alexandre, Sébastien, ' +
    'Guillaume, Florian, Jonathan, Dylan, Mehdi, Karim, Yassine, Sofiane, Steven, Jordan, Benjamin, ' +
    'Quentin, Loïc, Cédric, Damien, Fabien, Ludovic, Mathieu, Vincent, Adrien, Aurélien, Bryan, ' +
    'Christopher, David, Geoffrey, Grégory, Hugo, Johan, Lucas, Marc, Mohamed, Nabil, Olivier, Pierre, ' +
    'Rémi, Samir, Sylvain, Tony, Valentin, Yohan, Bilal, Kamel, Rachid, Alexis, Antoine, Clément, ' +
    'Corentin, Dimitri, Jimmy',
)
export const FEMALE_FIRST_NAMES = list(
  'Jessica, Laura, Julie, Émilie, Aurélie, Marine, Amandine, Mélanie, Sarah, Camille, Pauline, Céline, ' +
    'Audrey, Élodie, Laetitia, Charlotte, Manon, Océane, Morgane, Anaïs, Inès, Samira, Nadia, Sabrina, ' +
    'Vanessa, Virginie, Stéphanie, Sandra, Cindy, Justine, Marion, Alison, Coralie, Delphine, Elsa, ' +
    'Fanny, Gwendoline, Jennifer, Karima, Leïla, Lucie, Margaux, Mathilde, Myriam, Noémie, Ophélie, ' +
    'Priscilla, Sonia, Tiffany, Wendy, Yasmina, Clémence, Chloé, Kelly, Mélissa, Angélique, Déborah, ' +
    'Hélène, Sophie, Amélie',
)
export const LAST_NAMES = list(
  'Martin, Bernard, Dubois, Lefebvre, Leroy, Dupont, Vandenbussche, Decool, Verbeke, Vanhille, ' +
    'Deswarte, Lemaire, Ducrocq, Delattre, Hennebert, Desmet, Vandamme, Bouchez, Vasseur, Caron, ' +
    'Lefranc, Boulanger, Morel, Petit, Roussel, Benali, Haddad, Mansouri, Diallo, Nowak, Kowalski, ' +
    'Declercq, Vanackere, Devos, Dewaele, Claeys, Goethals, Baert, Vermeersch, Debruyne, Lambert, ' +
    'Girard, Fournier, Mercier, Fontaine, Lemoine, Carpentier, Dumont, Lecomte, Gosselin, Hamadi, ' +
    'Bouzid, Cherif, Ait Ali, Belkacem, Traoré, Camara, Da Silva, Pereira, Lopes, Wallet, Degrave, ' +
    'Verhaeghe, Lebleu, Obert, Dequidt, Ryckebusch, Spriet, Coussement, Hollander, Marchand, Gallois, ' +
    'Lagache, Dufour, Blondel, Dewitte, Vanpeperstraete, Beugin, Cornil, Delannoy, Hochart, Lemaitre, ' +
    'Paris, Tiberghien, Vandewalle, Ammeux, Bacquet, Coppin, Dhalluin, Evrard, François, Gérard, ' +
    'Herbaut, Joly, Leclercq, Maillard, Noël, Olivier, Poulain, Queval',
)
export const STREETS = list(
  'rue de la République, rue du Kursaal, boulevard Sainte-Barbe, rue des Fusiliers-Marins, ' +
    'avenue de Rosendaël, rue Jean-Jaurès, rue Victor-Hugo, rue de Lille, place de la Gare, rue Carnot, ' +
    'rue de la Paix, rue Pasteur, avenue des Bains, rue du Moulin, rue de l’Église, allée des Tilleuls, ' +
    'rue des Écoles, chemin des Dunes, rue du Port, résidence du Parc',
)

/** The report's staff in 2009: 29 counsellors (CIP) and 11 reception staff (figures-2009.json, missionLocale.network). */
export const COUNSELLOR_NAMES = list(
  'Nathalie Vandaele, Franck Debaecker, Isabelle Lemahieu, Hervé Coudeville, Sylvie Decoster, ' +
    'Patrick Vanuxem, Catherine Bailleul, Laurent Desender, Valérie Taccoen, Frédéric Ghesquière, ' +
    'Christine Lefait, Stéphane Decaestecker, Véronique Delassus, Thierry Vercoutre, Corinne Huyghe, ' +
    'Éric Dezitter, Martine Flahaut, Philippe Mahieu, Karine Vanbelle, Bruno Lecocq, Sandrine Deblock, ' +
    'Didier Vanhove, Anne Tahon, Jean-Luc Verstraete, Florence Devulder, Olivier Lootens, ' +
    'Nadia Boukhalfa, Rachid Benkhelifa, Agnès Depoorter',
)
export const RECEPTION_NAMES = list(
  'Sabine Carton, Malika Ouali, Dominique Vanneste, Christelle Dewynter, Fatima Zerrouki, ' +
    'Josiane Bollengier, Gaëlle Minne, Yamina Cherrak, Brigitte Lepers, Ludivine Lesage, ' +
    'Maryse Gheeraert',
)
